// Offers of freed slots on the hub: when an applied operation frees a booked slot that has not
// started (a cancellation, a withdrawal, a declined offer: core::placements_freed), the hub offers
// it at once to two people on standby (core::offers_for_freed) by an offer_slot it submits as the
// organiser. Being on standby is the people's consent; nothing is done when no one is on it.
// Internal to the hub server; on the network thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "net/hub_context.hpp"
#include "net/hub_room.hpp"

namespace crossmatch::net {

class HubRefill {
 public:
  HubRefill(HubContext& hub, HubRoom& room) : hub_(hub), room_(room) {}

  // The operation with sequence number `seq` freed `placements`; it is applied and logged.
  void freed(std::uint64_t seq, const std::vector<core::Placement>& placements);

  // The operation id of the hub's offer of `slot` after the operation `seq` freed it: the same
  // every time, so that a second submission of it is a duplicate and changes nothing.
  static std::string operation_id(core::SlotRef slot, std::uint64_t seq);

 private:
  HubContext& hub_;
  HubRoom& room_;
};

}  // namespace crossmatch::net
