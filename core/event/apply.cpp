#include "core/event/apply.hpp"

#include <algorithm>

#include "core/event/apply_context.hpp"
#include "core/event/session_slots.hpp"
#include "core/profile_validation.hpp"

namespace crossmatch::core {
namespace detail {

Error refuse(std::string code, std::string field, std::string message) {
  return make_error(std::move(code), std::move(field), std::move(message));
}

std::string person_name(const EventState& state, ParticipantId id) {
  const Participant* p = state.participant(id);
  if (p == nullptr) return "participant " + std::to_string(id);
  if (p->status == ParticipantStatus::Erased) return "an erased participant";
  return p->profile.display_name;
}

Result<const Participant*> find_participant(const EventState& state, ParticipantId id,
                                            const std::string& field) {
  const Participant* p = state.participant(id);
  if (p == nullptr)
    return refuse("not_found", field, "There is no participant " + std::to_string(id) + ".");
  return p;
}

Result<const Participant*> find_participant(const ApplyContext& ctx, ParticipantId id,
                                            const std::string& field) {
  return find_participant(ctx.state, id, field);
}

Result<const Participant*> find_active_participant(const EventState& state, ParticipantId id,
                                                   const std::string& field) {
  auto p = find_participant(state, id, field);
  if (!p) return p;
  switch ((*p)->status) {
    case ParticipantStatus::Active:
      return p;
    case ParticipantStatus::Withdrawn:
      return refuse("withdrawn", field, person_name(state, id) + " has withdrawn from the event.");
    case ParticipantStatus::Erased:
      return refuse("erased", field,
                    "Participant " + std::to_string(id) + " was erased from the event.");
  }
  return p;
}

Result<const Participant*> find_active_participant(const ApplyContext& ctx, ParticipantId id,
                                                   const std::string& field) {
  return find_active_participant(ctx.state, id, field);
}

Result<const Meeting*> find_meeting(const ApplyContext& ctx, MeetingId id) {
  const Meeting* m = ctx.state.meeting(id);
  if (m == nullptr)
    return refuse("not_found", "meeting", "There is no meeting " + std::to_string(id) + ".");
  return m;
}

Status check_field_text(const std::string& value, const std::string& field,
                        const std::string& label, std::size_t max_length, bool required,
                        bool multiline) {
  return check_text(value, field, label, max_length, required, multiline);
}

Status check_meeting_slots(const ApplyContext& ctx, const std::vector<SlotRef>& slots,
                           const std::string& field, std::size_t max) {
  if (slots.size() > max)
    return refuse(
        "too_many", field,
        "At most " + std::to_string(max) + " slots, not " + std::to_string(slots.size()) + ".");
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const std::string f = field + "[" + std::to_string(i) + "]";
    if (!slot_exists(ctx.state, slots[i]))
      return refuse("not_found", f,
                    "There is no slot " + std::to_string(slots[i].index + 1) + " in session " +
                        std::to_string(slots[i].session) + ".");
    if (ctx.state.sessions.at(slots[i].session).kind != SessionKind::Meetings)
      return refuse("wrong_session", f,
                    "Session '" + ctx.state.sessions.at(slots[i].session).name +
                        "' is not a one-to-one meeting session.");
    for (std::size_t j = 0; j < i; ++j) {
      if (slots[j] == slots[i])
        return refuse("duplicate", f, describe_slot(ctx.state, slots[i]) + " is listed twice.");
    }
  }
  return Status::success();
}

void modify_participant_status(ApplyContext& ctx, ParticipantId id, ParticipantStatus status) {
  Participant& p = ctx.state.participants.at(id);
  account_participant(ctx.state, p, -1);
  p.status = status;
  account_participant(ctx.state, p, +1);
}

void cancel_open_meetings(ApplyContext& ctx, ParticipantId id, const std::string& reason) {
  const auto it = ctx.state.index.person_meetings.find(id);
  if (it == ctx.state.index.person_meetings.end()) return;
  for (const MeetingId mid : it->second) {
    const Meeting& m = ctx.state.meetings.at(mid);
    // A meeting marked held or not held is history, not a booking to free.
    if (!m.open() || m.held != HeldState::Unknown) continue;
    modify_meeting(ctx, mid, [&](Meeting& m) {
      m.status = MeetingStatus::Cancelled;
      m.placement.reset();
      m.closed_by = id;
      m.close_reason = reason;
    });
  }
}

}  // namespace detail

namespace {

Status check_envelope(const Operation& op) {
  if (op.id.empty() || op.id.size() > kMaxOperationIdLength)
    return make_error(
        "invalid", "id",
        "An operation id has 1 to " + std::to_string(kMaxOperationIdLength) + " characters.");
  for (const char c : op.id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok)
      return make_error("invalid", "id", "An operation id uses letters, digits and - _ . : only.");
  }
  if (op.actor.role != Role::Participant && op.actor.participant != 0)
    return make_error("invalid", "actor.participant",
                      "Only a participant acts as a participant number.");
  return Status::success();
}

}  // namespace

Result<Operation> apply_operation(EventState& state, const Taxonomy& taxonomy,
                                  const Operation& operation, ApplyMode mode,
                                  const LocalToUtc* local_to_utc) {
  using namespace detail;
  if (Status s = check_envelope(operation); !s) return s.error();
  ApplyContext ctx{state, taxonomy, operation, mode, operation, local_to_utc};
  // Fields the hub decides are cleared before it decides them, so a client cannot choose them.
  if (ctx.deciding()) clear_decided(ctx.applied.payload);

  if (!std::holds_alternative<CreateEvent>(operation.payload) && !state.event.created)
    return refuse("no_event", "type", "The event has not been created yet.");

  if (auto refusal = refuse_sender(operation)) return *refusal;
  const Status status = std::visit(
      [&](const auto& payload) -> Status { return apply(ctx, payload); }, ctx.applied.payload);
  if (!status) return status.error();
  return std::move(ctx.applied);
}

const char* to_string(Role role) {
  switch (role) {
    case Role::Organiser:
      return "organiser";
    case Role::Broker:
      return "broker";
    case Role::Participant:
      return "participant";
    case Role::Helper:
      return "helper";
  }
  return "participant";
}

const char* to_string(PitchAction action) {
  switch (action) {
    case PitchAction::Start:
      return "start";
    case PitchAction::Pause:
      return "pause";
    case PitchAction::Resume:
      return "resume";
    case PitchAction::End:
      return "end";
    case PitchAction::Skip:
      return "skip";
    case PitchAction::Finish:
      return "finish";
  }
  return "start";
}

bool parse_pitch_action(std::string_view text, PitchAction& out) {
  for (const PitchAction a : {PitchAction::Start, PitchAction::Pause, PitchAction::Resume,
                              PitchAction::End, PitchAction::Skip, PitchAction::Finish}) {
    if (text == to_string(a)) {
      out = a;
      return true;
    }
  }
  return false;
}

bool parse_role(std::string_view text, Role& out) {
  for (const Role r : {Role::Organiser, Role::Broker, Role::Participant, Role::Helper}) {
    if (text == to_string(r)) {
      out = r;
      return true;
    }
  }
  return false;
}

}  // namespace crossmatch::core
