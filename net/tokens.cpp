#include "net/tokens.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <vector>

#include "core/event/check_in_code.hpp"
#include "core/event/operation.hpp"
#include "net/hex_digest.hpp"
#include "net/protocol.hpp"

namespace crossmatch::net {
namespace {

std::vector<unsigned char> random_bytes(std::size_t n) {
  std::vector<unsigned char> bytes(n);
  if (RAND_bytes(bytes.data(), static_cast<int>(n)) != 1)
    throw std::runtime_error("the system's random source gave no bytes");
  return bytes;
}

}  // namespace

std::string make_token() {
  const auto bytes = random_bytes(kTokenBytes);
  return hex(bytes.data(), bytes.size());
}

std::string make_join_code() {
  // No 0/O or 1/I, so a code read aloud or off a poster is typed right.
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  constexpr std::size_t kAlphabet = sizeof(alphabet) - 1;  // 32: bytes map without bias
  const auto bytes = random_bytes(8);
  std::string code;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4) code += '-';
    code += alphabet[bytes[i] % kAlphabet];
  }
  return code;
}

std::string make_check_in_code(const core::EventState& state) {
  for (;;) {
    const auto bytes = random_bytes(core::kCheckInCodeBytes);
    std::array<std::uint8_t, core::kCheckInCodeBytes> drawn{};
    std::copy(bytes.begin(), bytes.end(), drawn.begin());
    std::string code = core::check_in_code_from_bytes(drawn);
    if (state.index.check_in_codes.count(code) == 0) return code;
  }
}

std::string token_hash(std::string_view token) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(token.data(), token.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 is not available");
  return hex(digest, length);
}

std::string claim_digest(std::string_view claim) {
  return std::string(core::kClaimDigestPrefix) + token_hash(claim);
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool same_secret(std::string_view a, std::string_view b) {
  return equal_constant_time(token_hash(a), token_hash(b));
}

}  // namespace crossmatch::net
