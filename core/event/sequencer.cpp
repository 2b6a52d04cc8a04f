#include "core/event/sequencer.hpp"

namespace crossmatch::core {

Result<Sequencer::Outcome> Sequencer::submit(Operation op, const Actor& actor, std::int64_t at_ms) {
  if (const auto it = applied_ids_.find(op.id); it != applied_ids_.end()) {
    if (!(it->second.actor == actor))
      return make_error("id_in_use", "op.id",
                        "This operation id is already in use; send the operation with a fresh id.");
    op.sequence = it->second.sequence;
    op.actor = actor;
    return Outcome{std::move(op), true};
  }
  op.actor = actor;
  op.at = at_ms;
  op.sequence = 0;
  if (auto* reg = std::get_if<Register>(&op.payload); reg != nullptr && codes_)
    reg->check_in_code = codes_(state_);
  auto applied = apply_operation(state_, *taxonomy_, op, ApplyMode::Decide,
                                 local_to_utc_ ? &local_to_utc_ : nullptr);
  if (!applied) return applied.error();
  applied->sequence = ++sequence_;
  applied_ids_.emplace(applied->id, AppliedId{applied->sequence, applied->actor});
  return Outcome{std::move(*applied), false};
}

void Sequencer::restore(EventState state, std::uint64_t last_sequence, AppliedIds applied_ids) {
  state_ = std::move(state);
  sequence_ = last_sequence;
  applied_ids_ = std::move(applied_ids);
}

}  // namespace crossmatch::core
