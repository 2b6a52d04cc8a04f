#include "core/event/check_in_code.hpp"

namespace crossmatch::core {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

}  // namespace

std::string check_in_code_from_bytes(const std::array<std::uint8_t, kCheckInCodeBytes>& bytes) {
  std::uint64_t bits = 0;
  for (const std::uint8_t b : bytes) bits = (bits << 8) | b;
  std::string code(kCheckInCodeLength, '0');
  for (std::size_t i = kCheckInCodeLength; i-- > 0;) {
    code[i] = kAlphabet[bits & 31];
    bits >>= 5;
  }
  return code;
}

std::string normalise_check_in_code(std::string_view typed) {
  if (typed.size() > kMaxTypedCheckInCode) return {};
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    code.push_back(c);
  }
  return is_check_in_code(code) ? code : std::string();
}

bool is_check_in_code(std::string_view code) {
  if (code.size() != kCheckInCodeLength) return false;
  for (const char c : code) {
    if (kAlphabet.find(c) == std::string_view::npos) return false;
  }
  return true;
}

std::string format_check_in_code(std::string_view code) {
  if (code.size() != kCheckInCodeLength) return std::string(code);
  return std::string(code.substr(0, 4)) + "-" + std::string(code.substr(4));
}

}  // namespace crossmatch::core
