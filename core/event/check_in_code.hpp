// Check-in codes: what a participant's badge carries and the desk scans or types. Short and
// random (the hub draws them), separate from the sign-in token and useless for signing in; only
// the desk (organiser, brokers, helpers) and the person themself ever see one.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace crossmatch::core {

// Eight characters of Crockford's base 32 (digits and letters without I, L, O and U): 40 bits.
inline constexpr std::size_t kCheckInCodeLength = 8;
inline constexpr std::size_t kCheckInCodeBytes = 5;
// What a typed code may be before it is normalised (spaces, dashes, a scanner's extra prefix).
inline constexpr std::size_t kMaxTypedCheckInCode = 40;

// The code whose 40 bits are `bytes`.
std::string check_in_code_from_bytes(const std::array<std::uint8_t, kCheckInCodeBytes>& bytes);

// A code as typed or scanned: upper case, spaces and dashes dropped, O read as 0 and I or L as 1.
// Empty when what remains is not a check-in code.
std::string normalise_check_in_code(std::string_view typed);

// A well-formed code in its stored form (what normalise_check_in_code returns).
bool is_check_in_code(std::string_view code);

// "ABCD-EFGH": easier to read out and type.
std::string format_check_in_code(std::string_view code);

}  // namespace crossmatch::core
