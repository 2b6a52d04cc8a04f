// A client's replica of the event: the state as the hub lets this client see it, changed only by
// what the hub sends (a snapshot, then applied operations in sequence order, with the contact
// details they reveal). The UI thread owns it.
#pragma once

#include <cstdint>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/taxonomy.hpp"
#include "net/messages.hpp"

namespace crossmatch::net {

class Replica {
 public:
  explicit Replica(const core::Taxonomy& taxonomy) : taxonomy_(&taxonomy) {}

  // Replaces the state with a snapshot.
  void reset(Snapshot snapshot);
  // Restores a state kept locally (its indexes are rebuilt).
  void restore(core::EventState state, std::uint64_t seq);

  // Applies an operation the hub applied, as the hub decided it. An operation at or below the
  // replica's sequence number was applied before and is skipped. A refusal means the replica
  // has diverged from the hub: the caller should ask for a snapshot.
  core::Status apply(const Applied& applied);

  // The hub has sent everything up to `seq` (operations this client may not see included).
  void advance(std::uint64_t seq) { seq_ = std::max(seq_, seq); }

  const core::EventState& state() const { return state_; }
  std::uint64_t seq() const { return seq_; }

 private:
  const core::Taxonomy* taxonomy_;
  core::EventState state_;
  std::uint64_t seq_ = 0;
};

}  // namespace crossmatch::net
