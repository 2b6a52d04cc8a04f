#include "storage/log_checksum.hpp"

#include <openssl/evp.h>

#include <cstring>
#include <stdexcept>
#include <string>

namespace crossmatch::storage::detail {
namespace {

// Fetched once: OpenSSL 3 otherwise looks the algorithm up again on every digest.
const EVP_MD* sha256() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (md == nullptr) throw std::runtime_error("OpenSSL has no SHA-256");
  return md;
}

void add_text(std::string& out, std::string_view text) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
}

}  // namespace

std::int64_t log_checksum(const LogRowText& row) {
  thread_local std::string input;
  input.clear();
  add_text(input, std::to_string(row.seq));
  add_text(input, row.op_id);
  add_text(input, row.type);
  add_text(input, row.actor_role);
  add_text(input, std::to_string(row.actor_participant));
  add_text(input, std::to_string(row.at));
  add_text(input, row.operation);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(input.data(), input.size(), digest, &size, sha256(), nullptr) != 1 || size < 8)
    throw std::runtime_error("the checksum of operation " + std::to_string(row.seq) +
                             " could not be computed");
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | digest[i];
  std::int64_t out = 0;
  std::memcpy(&out, &value, sizeof out);
  return out;
}

}  // namespace crossmatch::storage::detail
