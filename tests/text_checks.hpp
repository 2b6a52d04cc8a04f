// Checks on text the tests read back (a rendered screen, a status line, an error message).
#pragma once

#include <string_view>

namespace crossmatch::test {

inline bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

}  // namespace crossmatch::test
