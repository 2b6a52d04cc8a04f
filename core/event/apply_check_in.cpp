// Applying the event day's desk: check-ins by code.
#include "core/event/apply_context.hpp"
#include "core/event/check_in_code.hpp"
#include "core/event/event_index.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core::detail {

Status apply(ApplyContext& ctx, const CheckIn& op) {
  EventState& state = ctx.state;
  CheckIn& applied = ctx.applied_payload<CheckIn>();
  ParticipantId who = op.participant;
  if (ctx.deciding()) {
    const std::string code = normalise_check_in_code(op.code);
    if (code.empty())
      return refuse("invalid", "code",
                    // TRANSLATORS: %s is what was typed as a check-in code
                    format_text(tr("'%s' is not a check-in code: it has 8 letters and digits, as "
                                   "on the badge."),
                                op.code.substr(0, kMaxTypedCheckInCode).c_str()));
    const auto found = state.index.check_in_codes.find(code);
    if (found == state.index.check_in_codes.end())
      return refuse("unknown_code", "code",
                    // TRANSLATORS: %s is a check-in code
                    format_text(tr("No one has check-in code %s; check the badge, or register "
                                   "the person as a walk-in."),
                                format_check_in_code(code).c_str()));
    applied.code = code;
    who = found->second;
  }
  const Participant* person = state.participant(who);
  if (person == nullptr)
    return refuse("invalid", "participant", tr("An applied check-in names its participant."));
  switch (person->status) {
    case ParticipantStatus::Active:
      break;
    case ParticipantStatus::Withdrawn:
      return refuse("withdrawn", "code",
                    // TRANSLATORS: %s is a person
                    format_text(tr("%s has withdrawn from the event and is not expected; the "
                                   "organiser can register them again as a walk-in."),
                                person->profile.display_name.c_str()));
    case ParticipantStatus::Erased:
      return refuse("erased", "code",
                    tr("This check-in code belonged to someone erased from the event."));
  }
  if (person->arrived())
    return refuse(
        "already_arrived", "code",
        // TRANSLATORS: %s is a person
        format_text(tr("%s has already checked in."), person->profile.display_name.c_str()));
  applied.participant = who;
  Participant& p = state.participants.at(who);
  account_participant(state, p, -1);
  p.arrived_at = ctx.op.at;
  account_participant(state, p, +1);
  return Status::success();
}

}  // namespace crossmatch::core::detail
