# cmake -DIN=crossmatch.pot -DOUT=qps.pot -P pseudo_header.cmake: the template with the header the
# pseudo-language's catalogue needs (UTF-8, English's two plural forms, its language code).
file(READ ${IN} text)
string(REPLACE "charset=CHARSET" "charset=UTF-8" text "${text}")
string(REPLACE "nplurals=INTEGER; plural=EXPRESSION;" "nplurals=2; plural=(n != 1);" text "${text}")
string(REPLACE "\"Language: \\n\"" "\"Language: qps\\n\"" text "${text}")
string(REPLACE "YEAR-MO-DA HO:MI+ZONE" "2026-01-01 00:00+0000" text "${text}")
string(REPLACE "FULL NAME <EMAIL@ADDRESS>" "crossmatch-pseudo" text "${text}")
string(REPLACE "LANGUAGE <LL@li.org>" "none" text "${text}")
file(WRITE ${OUT} "${text}")
