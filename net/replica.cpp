#include "net/replica.hpp"

#include <algorithm>

#include "core/event/apply.hpp"
#include "core/event/event_index.hpp"

namespace crossmatch::net {

void Replica::reset(Snapshot snapshot) {
  state_ = std::move(snapshot.state);
  seq_ = snapshot.seq;
}

void Replica::restore(core::EventState state, std::uint64_t seq) {
  state_ = std::move(state);
  core::rebuild_index(state_, *taxonomy_);
  seq_ = seq;
}

core::Status Replica::apply(const Applied& applied) {
  if (applied.op.sequence != 0 && applied.op.sequence <= seq_) return core::Status::success();
  auto result = core::apply_operation(state_, *taxonomy_, applied.op, core::ApplyMode::Follow);
  if (!result) {
    core::Error e = result.error();
    e.message = "The replica could not apply operation " + std::to_string(applied.op.sequence) +
                " from the hub: " + e.message;
    return e;
  }
  for (const Contact& c : applied.contacts) {
    const auto it = state_.participants.find(c.participant);
    if (it != state_.participants.end()) it->second.profile.email = c.email;
  }
  seq_ = std::max(seq_, applied.op.sequence);
  return core::Status::success();
}

}  // namespace crossmatch::net
