#include "app/client/state/registration_claim.hpp"

#include <random>

namespace crossmatch::client {

std::string new_registration_claim() {
  std::random_device device;  // the kernel's random source
  static constexpr char kHex[] = "0123456789abcdef";
  std::string claim;
  for (int word = 0; word < 4; ++word) {
    const std::uint32_t bits = device();
    for (int i = 0; i < 8; ++i) claim += kHex[(bits >> (i * 4)) & 0xF];
  }
  return claim;
}

}  // namespace crossmatch::client
