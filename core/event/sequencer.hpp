// The hub's side of the state machine: applies operations in Decide mode, gives each applied one
// the next sequence number and time, and recognises a resent operation id, so that it applies once.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "core/event/apply.hpp"
#include "core/event/event_state.hpp"

namespace crossmatch::core {

class Sequencer {
 public:
  explicit Sequencer(const Taxonomy& taxonomy) : taxonomy_(&taxonomy) {}

  struct Outcome {
    Operation applied;       // with sequence, time and the hub's decisions
    bool duplicate = false;  // the id was applied before: `applied.sequence` is the original's
  };

  // Applies `op` as `actor` at `at_ms`. A resent id gets the original sequence number back
  // (duplicate = true) and changes nothing; a refusal changes nothing either.
  Result<Outcome> submit(Operation op, const Actor& actor, std::int64_t at_ms);

  // Restores from the store: a state and every applied operation's id with its sequence number.
  void restore(EventState state, std::uint64_t last_sequence,
               std::unordered_map<std::string, std::uint64_t> applied_ids);

  const EventState& state() const { return state_; }
  std::uint64_t last_sequence() const { return sequence_; }
  const Taxonomy& taxonomy() const { return *taxonomy_; }

 private:
  const Taxonomy* taxonomy_;
  EventState state_;
  std::uint64_t sequence_ = 0;
  std::unordered_map<std::string, std::uint64_t> applied_ids_;
};

}  // namespace crossmatch::core
