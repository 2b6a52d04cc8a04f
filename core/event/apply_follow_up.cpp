// Applying follow-up rounds after the event: rounds opened and closed by the organiser, and each
// person's answer for each of their held meetings.
#include "core/event/apply_context.hpp"

namespace crossmatch::core::detail {

Status apply(ApplyContext& ctx, const DefineFollowUp& op) {
  EventState& state = ctx.state;
  const bool creating = op.follow_up == 0;
  const auto existing = state.follow_ups.find(op.follow_up);
  if (!creating && existing == state.follow_ups.end())
    return refuse("not_found", "follow_up",
                  "There is no follow-up round " + std::to_string(op.follow_up) + ".");
  if (creating && state.follow_ups.size() >= kMaxFollowUps)
    return refuse("too_many", "follow_up",
                  "At most " + std::to_string(kMaxFollowUps) + " follow-up rounds.");
  if (Status s =
          check_field_text(op.name, "name", "The round's name", kMaxFollowUpNameLength, true);
      !s)
    return s;
  if (creating) {
    FollowUpRound round{
        .id = state.next_follow_up++, .name = op.name, .open = op.open, .opened_at = ctx.op.at};
    state.follow_ups.emplace(round.id, std::move(round));
  } else {
    existing->second.name = op.name;
    existing->second.open = op.open;
  }
  return Status::success();
}

Status apply(ApplyContext& ctx, const RateFollowUp& op) {
  if (Status s = require_self_or_organiser<RateFollowUp>(ctx, op.participant); !s) return s;
  EventState& state = ctx.state;
  const auto round = state.follow_ups.find(op.follow_up);
  if (round == state.follow_ups.end())
    return refuse("not_found", "follow_up",
                  "There is no follow-up round " + std::to_string(op.follow_up) + ".");
  if (!round->second.open)
    return refuse("closed", "follow_up",
                  "The follow-up round '" + round->second.name + "' is closed.");
  auto person = find_participant(ctx, op.participant, "participant");
  if (!person) return person.error();
  if ((*person)->status == ParticipantStatus::Erased)
    return refuse("erased", "participant",
                  "Participant " + std::to_string(op.participant) + " is erased.");
  auto meeting = find_meeting(ctx, op.meeting);
  if (!meeting) return meeting.error();
  if (!(*meeting)->involves(op.participant))
    return refuse("not_in_meeting", "meeting",
                  person_name(state, op.participant) + " is not one of meeting " +
                      std::to_string(op.meeting) + "'s people.");
  if ((*meeting)->held != HeldState::Held)
    return refuse("not_held", "meeting",
                  "Meeting " + std::to_string(op.meeting) +
                      " was not marked held; only held meetings are followed up.");
  if (Status s = check_field_text(op.note, "note", "The note", kMaxMessageLength, false, true); !s)
    return s;
  round->second.answers[{op.meeting, op.participant}] =
      FollowUpAnswer{.outcome = op.outcome, .note = op.note, .at = ctx.op.at};
  return Status::success();
}

}  // namespace crossmatch::core::detail
