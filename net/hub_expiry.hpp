// Request expiry on the hub: every few seconds (on the acceptor's tick) each request past the
// organiser's deadline, and each offer of a freed slot whose slot has started
// (core/event/request_expiry.hpp), is expired by an expire_request the hub submits as the
// organiser, at its own time, so that every replica applies the same decision.
// Internal to the hub server; on the network thread.
#pragma once

#include <chrono>

#include "net/hub_context.hpp"
#include "net/hub_room.hpp"

namespace crossmatch::net {

class HubExpiry {
 public:
  HubExpiry(HubContext& hub, HubRoom& room) : hub_(hub), room_(room) {}

  // Once a second; looks for due requests every kEvery.
  void tick();

  // The operation id of the hub's expiry of `meeting`: the same every time, so that a second
  // submission of it is a duplicate and changes nothing.
  static std::string operation_id(core::MeetingId meeting);

  static constexpr std::chrono::seconds kEvery{5};
  static constexpr std::size_t kMostPerLook = 200;

 private:
  HubContext& hub_;
  HubRoom& room_;
  std::chrono::steady_clock::time_point last_look_{};
};

}  // namespace crossmatch::net
