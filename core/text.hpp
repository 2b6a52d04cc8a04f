// Text checks shared by every boundary: UTF-8 validity, control characters, lengths, slugs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace crossmatch::core {

// True when s is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Number of code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view s);

// True when s contains a C0/C1 control character or DEL (tabs and newlines included).
// Only meaningful for valid UTF-8.
bool has_control_character(std::string_view s, bool allow_newlines = false);

// s with every control character written out, for a log line that cannot be split or recoloured
// by what it quotes: newline, carriage return and tab as `\n`, `\r`, `\t`, any other C0 control
// and DEL as `\xHH`, a C1 control (U+0080..U+009F) as `\u00HH`, and a backslash as `\\`, so
// that an escape in the text cannot pass for one of these.
std::string escape_control_characters(std::string_view s);

// s without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

// Lower-case ASCII copy (other bytes unchanged).
std::string ascii_lower(std::string_view s);

// Splits on a single-byte separator, keeping empty fields.
template <class Out>
void split(std::string_view s, char separator, Out&& out) {
  std::size_t start = 0;
  while (true) {
    const std::size_t end = s.find(separator, start);
    if (end == std::string_view::npos) {
      out(s.substr(start));
      return;
    }
    out(s.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace crossmatch::core
