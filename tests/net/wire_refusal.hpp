// What the wire codec says when it refuses a client's line: "code field".
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "net/messages.hpp"

namespace crossmatch::test {

inline std::string refusal(std::string_view line) {
  auto m = net::parse_client_message(line);
  REQUIRE_FALSE(m.ok());
  CHECK_FALSE(m.error().message.empty());
  return m.error().code + " " + m.error().field;
}

}  // namespace crossmatch::test
