// The organiser's auto-schedule, planned by the hub on its own state and processors
// (docs/protocol.md, "Auto-schedule on the hub"): asks for a plan under the time limit the
// organiser chose, can ask the hub to stop early (keeping the best schedule found so far, since
// the search is anytime), and hands over the hub's answer when it comes. The window never waits.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "core/error.hpp"
#include "net/messages.hpp"

namespace crossmatch::client {

class SchedulePlanner {
 public:
  // Asks the hub to plan `sessions` for at most `seconds`; a plan still under way is stopped and
  // its answer dropped. Fails when the hub cannot be asked now (not connected).
  core::Status start(ClientSession& session, std::vector<core::SessionId> sessions,
                     bool allow_moves, double seconds);
  // Asks the hub to finish now with the best schedule it has.
  void stop(ClientSession& session);
  bool running() const { return !id_.empty(); }
  double elapsed_seconds() const;
  double limit_seconds() const { return limit_seconds_; }
  // The hub's answer (a plan, or why there is none), once; nothing while it plans.
  std::optional<net::SchedulePlanned> take(ClientSession& session);

 private:
  std::string id_;  // the plan under way
  std::chrono::steady_clock::time_point started_;
  double limit_seconds_ = 0;
};

}  // namespace crossmatch::client
