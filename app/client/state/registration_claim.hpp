// The secret a newcomer's app registers with: if the hub's acknowledgement (and so the token) is
// lost, the app resends the same registration from its outbox, and only that secret gets it a
// token. Random, 128 bits, as 32 hex digits.
#pragma once

#include <string>

namespace crossmatch::client {

std::string new_registration_claim();

}  // namespace crossmatch::client
