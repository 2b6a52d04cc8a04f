// Credentials: random tokens from the operating system's entropy source, their SHA-256 hashes
// (the only form the hub stores), and comparisons that take the same time whatever the bytes.
#pragma once

#include <string>
#include <string_view>

#include "core/event/event_state.hpp"

namespace crossmatch::net {

// kTokenBytes random bytes as lower-case hex. Throws if the system has no entropy to give
// (a start-up failure, not bad input).
std::string make_token();
// A short random code people can type: groups of letters and digits ("K7QF-M2XD").
std::string make_join_code();
// A random check-in code (core/event/check_in_code.hpp) that `state` does not hold yet.
std::string make_check_in_code(const core::EventState& state);
// Hex SHA-256 of the token's bytes.
std::string token_hash(std::string_view token);
// What the hub keeps of a registration's claim: "sha256:" and the digest in hex.
std::string claim_digest(std::string_view claim);
// Equal length and bytes, in time that depends only on the length.
bool equal_constant_time(std::string_view a, std::string_view b);
// Compares two secrets of any length through their hashes, so that neither the length nor the
// first differing byte shows in the time taken.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace crossmatch::net
