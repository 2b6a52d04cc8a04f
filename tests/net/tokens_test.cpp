#include <doctest/doctest.h>

#include <set>

#include "net/tokens.hpp"

using namespace crossmatch::net;

TEST_CASE("tokens are 192 random bits in hex, each one new") {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string t = make_token();
    CHECK(t.size() == 48);
    CHECK(t.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(seen.insert(t).second);
  }
}

TEST_CASE("join codes are two groups of four unambiguous characters") {
  const std::string code = make_join_code();
  REQUIRE(code.size() == 9);
  CHECK(code[4] == '-');
  CHECK(code.find_first_of("01OI") == std::string::npos);
  CHECK(make_join_code() != code);
}

TEST_CASE("hashes are SHA-256 and comparisons need equal bytes") {
  CHECK(token_hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(equal_constant_time("abc", "abc"));
  CHECK_FALSE(equal_constant_time("abc", "abd"));
  CHECK_FALSE(equal_constant_time("abc", "abcd"));
  CHECK(same_secret("LISBON-2026", "LISBON-2026"));
  CHECK_FALSE(same_secret("LISBON-2026", "LISBON-2027"));
  CHECK_FALSE(same_secret("LISBON-2026", ""));
}
