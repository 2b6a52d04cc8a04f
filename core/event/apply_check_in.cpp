// Applying the event day's desk: check-ins by code.
#include "core/event/apply_context.hpp"
#include "core/event/check_in_code.hpp"
#include "core/event/event_index.hpp"

namespace crossmatch::core::detail {

Status apply(ApplyContext& ctx, const CheckIn& op) {
  EventState& state = ctx.state;
  CheckIn& applied = ctx.applied_payload<CheckIn>();
  ParticipantId who = op.participant;
  if (ctx.deciding()) {
    const std::string code = normalise_check_in_code(op.code);
    if (code.empty())
      return refuse("invalid", "code",
                    "'" + op.code.substr(0, kMaxTypedCheckInCode) +
                        "' is not a check-in code: it has 8 letters and digits, as on the badge.");
    const auto found = state.index.check_in_codes.find(code);
    if (found == state.index.check_in_codes.end())
      return refuse("unknown_code", "code",
                    "No one has check-in code " + format_check_in_code(code) +
                        "; check the badge, or register the person as a walk-in.");
    applied.code = code;
    who = found->second;
  }
  const Participant* person = state.participant(who);
  if (person == nullptr)
    return refuse("invalid", "participant", "An applied check-in names its participant.");
  switch (person->status) {
    case ParticipantStatus::Active:
      break;
    case ParticipantStatus::Withdrawn:
      return refuse("withdrawn", "code",
                    person->profile.display_name +
                        " has withdrawn from the event and is not expected; the organiser can "
                        "register them again as a walk-in.");
    case ParticipantStatus::Erased:
      return refuse("erased", "code",
                    "This check-in code belonged to someone erased from the event.");
  }
  if (person->arrived())
    return refuse("already_arrived", "code",
                  person->profile.display_name + " has already checked in.");
  applied.participant = who;
  Participant& p = state.participants.at(who);
  account_participant(state, p, -1);
  p.arrived_at = ctx.op.at;
  account_participant(state, p, +1);
  return Status::success();
}

}  // namespace crossmatch::core::detail
