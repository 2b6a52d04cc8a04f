// The connection cap, the share kept for people signed in, and connections signing in per address.
#include "net/hub_admission.hpp"

#include <algorithm>

#include "net/hub_context.hpp"

namespace crossmatch::net {

std::optional<HubAdmission::Refusal> HubAdmission::admit(HubConnection& c) {
  const int cap = options_.max_connections;
  if (open_ >= cap)
    return Refusal{closing_error("hub_full", "",
                                 "The hub serves at most " + std::to_string(cap) +
                                     " connections; try again in a minute."),
                   std::to_string(cap) + " connections already"};
  if (signing_in_ >= max_signing_in())
    return Refusal{
        closing_error("hub_full", "",
                      "The hub is busy: " + std::to_string(signing_in_) +
                          " connections are signing in already; try again in a few seconds."),
        std::to_string(signing_in_) +
            " connections signing in already (the rest of the cap is kept for people signed in)"};
  int& from = signing_in_from_[c.address];
  if (from >= options_.max_signing_in_per_address) {
    if (from == 0) signing_in_from_.erase(c.address);
    return Refusal{
        closing_error("too_many_from_address", "",
                      std::to_string(from) + " connections from your network address (" +
                          c.address +
                          ") are still signing in, the most the hub takes; try again in a few "
                          "seconds."),
        std::to_string(from) + " connections still signing in from that address"};
  }
  ++from;
  ++open_;
  ++signing_in_;
  c.admission = HubConnection::Admission::SigningIn;
  return std::nullopt;
}

void HubAdmission::signed_in(HubConnection& c) {
  if (c.admission != HubConnection::Admission::SigningIn) return;
  c.admission = HubConnection::Admission::SignedIn;
  --signing_in_;
  const auto it = signing_in_from_.find(c.address);
  if (it != signing_in_from_.end() && --it->second <= 0) signing_in_from_.erase(it);
  if (room_listener_) room_listener_();
}

void HubAdmission::closing(HubConnection& c) {
  if (c.admission == HubConnection::Admission::SigningIn) signed_in(c);
  if (c.admission == HubConnection::Admission::SignedIn) --open_;
  c.admission = HubConnection::Admission::Left;
}

int HubAdmission::max_signing_in() const {
  const int cap = options_.max_connections;
  return std::max(1, cap - cap * options_.signed_in_share_percent / 100);
}

bool HubAdmission::near_cap() const {
  return open_ * 4 >= options_.max_connections * 3 || signing_in_ * 4 >= max_signing_in() * 3;
}

int HubAdmission::handshake_seconds() const {
  return near_cap() ? std::min(options_.handshake_seconds, options_.busy_handshake_seconds)
                    : options_.handshake_seconds;
}

}  // namespace crossmatch::net
