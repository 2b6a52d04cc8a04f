// The hub's matcher thread: after changes that affect teams (registrations, profile edits,
// withdrawals, erasures, declined requests, settings) and a quiet delay, re-optimises the
// cross-sector teams on its own copy of the participants and hands each new version back to the
// network thread, which pushes it to every client.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "core/taxonomy.hpp"
#include "net/messages.hpp"

namespace asio {
class io_context;
}

namespace crossmatch::hub {

struct MatcherOptions {
  // A run starts this long after the last change ...
  std::chrono::milliseconds delay{2000};
  // ... or this long after the first change not yet run, under a steady stream of changes.
  std::chrono::milliseconds max_delay{10000};
  // Search time of the first formation (0: by the event's size) and of each re-optimisation.
  double first_seconds = 0;
  double update_seconds = 0.25;
};

// One participant as the matcher sees it: copied on the network thread when it changed.
struct MemberUpdate {
  core::ParticipantId id = 0;
  bool erased = false;
  bool active = true;
  core::Profile profile;
  std::vector<core::ParticipantId> declined;  // people with a declined request between them
};

// Whether an applied operation can change the teams, and whom it concerns (none for settings).
struct TeamImpact {
  bool affects = false;
  bool settings = false;
  std::vector<core::ParticipantId> participants;
};
TeamImpact team_impact(const core::Operation& op, const core::EventState& state);

// The participant as `state` holds them now.
MemberUpdate member_update(const core::EventState& state, core::ParticipantId id);

class TeamMatcher {
 public:
  // `publish` runs on the network thread with each new version and the sequence number of the
  // state it was formed from. `state` gives the hub's state (network thread only).
  using Publish = std::function<void(net::Teams teams, std::uint64_t as_of)>;
  TeamMatcher(asio::io_context& network, const core::Taxonomy& taxonomy, MatcherOptions options,
              std::function<const core::EventState&()> state, Publish publish);
  ~TeamMatcher();
  TeamMatcher(const TeamMatcher&) = delete;
  TeamMatcher& operator=(const TeamMatcher&) = delete;

  // Starts the thread with every participant of the state at `seq` and forms the first teams.
  void start(std::uint64_t seq);
  // After each applied operation, on the network thread.
  void applied(const core::Operation& op);
  // Drops queued work and joins the thread (a search in progress ends at its budget).
  void stop();

  std::uint64_t runs() const;  // versions published

 private:
  struct Job;
  class Worker;

  void arm();
  void fire();
  void dispatch();
  void finished(std::optional<net::Teams> teams, std::uint64_t seq);

  asio::io_context& network_;
  const core::Taxonomy& taxonomy_;
  MatcherOptions options_;
  std::function<const core::EventState&()> state_;
  Publish publish_;
  std::unique_ptr<Worker> worker_;
  struct Timer;
  std::unique_ptr<Timer> timer_;
  // Network thread only.
  std::set<core::ParticipantId> dirty_;
  bool settings_dirty_ = false;
  std::optional<std::chrono::steady_clock::time_point> first_change_;
  std::uint64_t last_change_seq_ = 0;
  bool running_ = false;
  bool fire_when_done_ = false;
  bool stopped_ = false;
  std::uint64_t runs_ = 0;
};

}  // namespace crossmatch::hub
