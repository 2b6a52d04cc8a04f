// Applying follow-up rounds after the event: rounds opened and closed by the organiser, and each
// person's answer for each of their held meetings.
#include "core/event/apply_context.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core::detail {

Status apply(ApplyContext& ctx, const DefineFollowUp& op) {
  EventState& state = ctx.state;
  const bool creating = op.follow_up == 0;
  const auto existing = state.follow_ups.find(op.follow_up);
  if (!creating && existing == state.follow_ups.end())
    return refuse("not_found", "follow_up",
                  // TRANSLATORS: %u is the number of a follow-up round
                  format_text(tr("There is no follow-up round %u."), op.follow_up));
  if (creating && state.follow_ups.size() >= kMaxFollowUps)
    return refuse("too_many", "follow_up",
                  format_text(tr_n("At most %zu follow-up round.", "At most %zu follow-up rounds.",
                                   kMaxFollowUps),
                              kMaxFollowUps));
  if (Status s =
          check_field_text(op.name, "name", tr("The round's name"), kMaxFollowUpNameLength, true);
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
                  // TRANSLATORS: %u is the number of a follow-up round
                  format_text(tr("There is no follow-up round %u."), op.follow_up));
  if (!round->second.open)
    return refuse(
        "closed", "follow_up",
        // TRANSLATORS: %s is the name of a follow-up round
        format_text(tr("The follow-up round '%s' is closed."), round->second.name.c_str()));
  auto person = find_participant(ctx, op.participant, "participant");
  if (!person) return person.error();
  if ((*person)->status == ParticipantStatus::Erased)
    return refuse("erased", "participant",
                  // TRANSLATORS: %u is the number of a participant
                  format_text(tr("Participant %u is erased."), op.participant));
  auto meeting = find_meeting(ctx, op.meeting);
  if (!meeting) return meeting.error();
  if (!(*meeting)->involves(op.participant))
    return refuse("not_in_meeting", "meeting",
                  // TRANSLATORS: %1$s is a person, %2$u the number of a meeting
                  format_text(tr("%s is not one of meeting %u's people."),
                              person_name(state, op.participant).c_str(), op.meeting));
  if ((*meeting)->held != HeldState::Held)
    return refuse("not_held", "meeting",
                  // TRANSLATORS: %u is the number of a meeting
                  format_text(tr("Meeting %u was not marked held; only held meetings are followed "
                                 "up."),
                              op.meeting));
  if (Status s = check_field_text(op.note, "note", tr("The note"), kMaxMessageLength, false, true);
      !s)
    return s;
  round->second.answers[{op.meeting, op.participant}] =
      FollowUpAnswer{.outcome = op.outcome, .note = op.note, .at = ctx.op.at};
  return Status::success();
}

}  // namespace crossmatch::core::detail
