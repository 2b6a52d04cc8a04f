#include <doctest/doctest.h>

#include "core/text.hpp"

using namespace crossmatch::core;

TEST_CASE("UTF-8 validation accepts real text and rejects malformed sequences") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("Lisboa, Kraków, Tõnis, 設計, 🎨"));
  CHECK_FALSE(is_valid_utf8("\xff"));
  CHECK_FALSE(is_valid_utf8("\xc3"));              // truncated
  CHECK_FALSE(is_valid_utf8("\xc0\x80"));          // overlong NUL
  CHECK_FALSE(is_valid_utf8("\xe0\x80\xaf"));      // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("a\x80z"));            // stray continuation
  CHECK(utf8_length("Kraków") == 6);
}

TEST_CASE("control characters") {
  CHECK(has_control_character(std::string("a\0b", 3)));
  CHECK(has_control_character("a\x7f"));
  CHECK(has_control_character("line\nbreak"));
  CHECK_FALSE(has_control_character("line\nbreak", true));
  CHECK_FALSE(has_control_character("Zoë"));
}

TEST_CASE("control characters escaped for a log line") {
  CHECK(escape_control_characters("Kraków 設計") == "Kraków 設計");
  CHECK(escape_control_characters("x\nFAKE LOG LINE\x1b[31m") == "x\\nFAKE LOG LINE\\x1b[31m");
  CHECK(escape_control_characters("a\rb\tc\x7f\x01") == "a\\rb\\tc\\x7f\\x01");
  CHECK(escape_control_characters("\xc2\x9b"
                                  "31m") == "\\u009b31m");  // C1 CSI
  CHECK(escape_control_characters("a\\nb") == "a\\\\nb");   // a typed backslash
  CHECK_FALSE(has_control_character(escape_control_characters("\n\r\x1b\x7f\xc2\x85")));
}
