// Applying the standby list and the offers of freed slots: set_standby, offer_slot. Answers to an
// offer are accept_meeting and decline_meeting (apply_meetings.cpp).
#include <algorithm>

#include "core/event/apply_context.hpp"
#include "core/event/booking.hpp"
#include "core/event/busy_blocks.hpp"
#include "core/event/refill.hpp"
#include "core/event/session_slots.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core::detail {

Status apply(ApplyContext& ctx, const SetStandby& op) {
  if (Status s = require_self_or_organiser<SetStandby>(ctx, op.participant); !s) return s;
  auto found = find_active_participant(ctx, op.participant, "participant");
  if (!found) return found.error();
  if ((*found)->standby == op.on)
    return refuse("unchanged", "on",
                  op.on
                      // TRANSLATORS: %s is a person
                      ? format_text(tr("%s is already on the standby list."),
                                    person_name(ctx.state, op.participant).c_str())
                      // TRANSLATORS: %s is a person
                      : format_text(tr("%s is not on the standby list."),
                                    person_name(ctx.state, op.participant).c_str()));
  ctx.state.participants.at(op.participant).standby = op.on;
  return Status::success();
}

Status apply(ApplyContext& ctx, const OfferSlot& op) {
  EventState& state = ctx.state;
  if (op.first == op.second)
    return refuse("invalid", "second",
                  tr("An offer is of a meeting between two different people."));
  if (Status s = check_meeting_slots(ctx, {op.slot}, "slot", 1); !s) return s;
  if (const Session* plenary = busy_block_at(state, op.slot))
    return refuse("slot_unavailable", "slot",
                  // TRANSLATORS: %1$s is a slot, %2$s a plenary session ("the plenary session
                  // 'Opening', Thu 14 May 9:00-9:45")
                  format_text(tr("%s overlaps %s."), describe_slot(state, op.slot).c_str(),
                              describe_busy_block(*plenary).c_str()));
  // The hub decides who is free then; a replica, which may not see the two people's other
  // meetings or whether they are on standby, takes its word.
  if (ctx.deciding()) {
    for (const auto& [id, field] : {std::pair{op.first, "first"}, std::pair{op.second, "second"}}) {
      auto found = find_active_participant(ctx, id, field);
      if (!found) return found.error();
      const std::string why = refill_refusal(state, id, op.slot);
      if (!why.empty()) return refuse("not_free", field, why);
    }
    if (const auto it = state.index.pair_meetings.find(pair_key(op.first, op.second));
        it != state.index.pair_meetings.end()) {
      for (const MeetingId id : it->second) {
        const Meeting& m = state.meetings.at(id);
        if (m.open() || m.status == MeetingStatus::Declined)
          return refuse("already_requested", "second",
                        // TRANSLATORS: %1$s and %2$s are two people, %3$u the number of a meeting
                        format_text(tr("%s and %s already have a meeting or a request between "
                                       "them (meeting %u)."),
                                    person_name(state, op.first).c_str(),
                                    person_name(state, op.second).c_str(), id));
      }
    }
    if (free_table(state, op.slot, 2) == 0)
      return refuse(
          "no_table", "slot",
          // TRANSLATORS: %s is a slot
          format_text(tr("Every table is taken on %s."), describe_slot(state, op.slot).c_str()));
  }
  const MeetingId id = ctx.deciding() ? state.next_meeting : op.meeting;
  if (id == 0 || state.meeting(id) != nullptr)
    return refuse("invalid", "meeting", tr("An applied offer carries a new meeting number."));
  state.next_meeting = std::max(state.next_meeting, id + 1);
  ctx.applied_payload<OfferSlot>().meeting = id;
  Meeting m;
  m.id = id;
  m.requester = op.first;
  m.invitee = op.second;
  m.introduced = true;
  m.offered = true;
  m.message = "A slot freed up on " + describe_slot(state, op.slot, true) + ".";
  m.preferred = {op.slot};
  m.requester_accepted = false;
  m.invitee_accepted = false;
  m.requested_at = ctx.op.at;
  state.meetings.emplace(m.id, m);
  index_new_meeting(state, ctx.taxonomy, m);
  return Status::success();
}

}  // namespace crossmatch::core::detail
