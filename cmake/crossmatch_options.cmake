# Compiler flags shared by every target of our own (third-party headers are SYSTEM includes).

# Rebuilds after switching branches are much faster through ccache; used when it is installed.
find_program(CROSSMATCH_CCACHE ccache)
if(CROSSMATCH_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CROSSMATCH_CCACHE})
endif()

add_library(crossmatch_flags INTERFACE)
target_compile_options(crossmatch_flags INTERFACE -Wall -Wextra -Wpedantic -Werror)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # g++ 12 reports false -Wrestrict errors inside std::string concatenation at -O2 (GCC bug 105329).
  target_compile_options(crossmatch_flags INTERFACE -Wno-restrict)
endif()
# Operations are built with designated initializers that name only the fields that matter
# (`RequestMeeting{.from = a, .to = b}`); the rest keep their defaults on purpose. g++ 12 warns
# about every such omission (-Wextra), which g++ 13 no longer does for designated initializers.
target_compile_options(crossmatch_flags INTERFACE -Wno-missing-field-initializers)
if(CROSSMATCH_SANITIZE)
  target_compile_options(crossmatch_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  # The sanitizers' instrumentation makes g++ 12 report false -Wmaybe-uninitialized errors inside
  # the standard library (std::regex's automaton, std::function); the plain build keeps the check.
  target_compile_options(crossmatch_flags INTERFACE -Wno-maybe-uninitialized)
  target_link_options(crossmatch_flags INTERFACE -fsanitize=address,undefined)
endif()

# crossmatch_library(NAME DIR [LINK deps...]): a static library from every .cpp under DIR.
function(crossmatch_library name dir)
  cmake_parse_arguments(ARG "" "" "LINK;PRIVATE" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${dir}/*.cpp)
  add_library(${name} STATIC ${sources})
  target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC crossmatch_flags ${ARG_LINK} PRIVATE ${ARG_PRIVATE})
endfunction()
