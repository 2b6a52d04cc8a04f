# cmake -DPOT=crossmatch.pot -DLOCALE=<assets/locale> -P check_catalogues.cmake: fails when a
# language's catalogue is missing, does not compile (`msgfmt --check`: formats that differ from the
# English, a broken plural header), or misses a message of the template (`msgcmp`: absent, empty
# or fuzzy).
set(languages de pt it et lt cs nl sv pl)
set(failures "")
foreach(code ${languages})
  set(po ${LOCALE}/${code}.po)
  if(NOT EXISTS ${po})
    string(APPEND failures "\n${code}: no catalogue ${po}")
    continue()
  endif()
  execute_process(COMMAND msgfmt --check --output-file=/dev/null ${po}
                  RESULT_VARIABLE compiled ERROR_VARIABLE compile_errors)
  if(NOT compiled EQUAL 0)
    string(APPEND failures "\n${code}: msgfmt --check failed:\n${compile_errors}")
  endif()
  execute_process(COMMAND msgcmp ${po} ${POT}
                  RESULT_VARIABLE compared ERROR_VARIABLE compare_errors)
  if(NOT compared EQUAL 0)
    string(APPEND failures "\n${code}: messages missing, empty or fuzzy:\n${compare_errors}")
  endif()
endforeach()
if(failures)
  message(FATAL_ERROR "The catalogues are not complete:${failures}")
endif()
message(STATUS "Every catalogue compiles and has every message of the template.")
