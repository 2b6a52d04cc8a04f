// The hub's side of the state machine: applies operations in Decide mode, gives each applied one
// the next sequence number and time, and recognises a resent operation id, so that it applies once.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include "core/event/apply.hpp"
#include "core/event/event_state.hpp"
#include "core/event/local_time.hpp"

namespace crossmatch::core {

// An applied operation's id: its sequence number and who sent it. A resend is recognised only
// from the same actor; another actor's operation id is neither acknowledged nor given away.
struct AppliedId {
  std::uint64_t sequence = 0;
  Actor actor;
  bool operator==(const AppliedId&) const = default;
};
using AppliedIds = std::unordered_map<std::string, AppliedId>;

class Sequencer {
 public:
  explicit Sequencer(const Taxonomy& taxonomy) : taxonomy_(&taxonomy) {}

  // Draws a check-in code the state does not hold yet (random: the hub's, from the system's
  // entropy). When set, every registration gets one, whatever its sender put there; without it
  // (replaying a log) a registration keeps the code it carries.
  using CheckInCodeSource = std::function<std::string(const EventState&)>;
  void draw_check_in_codes(CheckInCodeSource source) { codes_ = std::move(source); }

  // How the event's local times convert to UTC (its time zone), for deciding when a slot starts;
  // without it local times are taken as UTC.
  void convert_local_times(LocalToUtc local_to_utc) { local_to_utc_ = std::move(local_to_utc); }
  const LocalToUtc& local_to_utc() const { return local_to_utc_; }

  struct Outcome {
    Operation applied;       // with sequence, time and the hub's decisions
    bool duplicate = false;  // the id was applied before: `applied.sequence` is the original's
  };

  // Applies `op` as `actor` at `at_ms`. An id the same actor sent before gets the original
  // sequence number back (duplicate = true) and changes nothing; an id another actor's operation
  // has is refused with `id_in_use`, saying nothing of that operation; a refusal changes nothing.
  Result<Outcome> submit(Operation op, const Actor& actor, std::int64_t at_ms);

  // Restores from the store: a state and every applied operation's id with its sequence number.
  void restore(EventState state, std::uint64_t last_sequence, AppliedIds applied_ids);

  const EventState& state() const { return state_; }
  std::uint64_t last_sequence() const { return sequence_; }
  const AppliedIds& applied_ids() const { return applied_ids_; }
  const Taxonomy& taxonomy() const { return *taxonomy_; }

 private:
  const Taxonomy* taxonomy_;
  EventState state_;
  std::uint64_t sequence_ = 0;
  AppliedIds applied_ids_;
  CheckInCodeSource codes_;
  LocalToUtc local_to_utc_;
};

}  // namespace crossmatch::core
