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

Status require_organiser(const ApplyContext& ctx, const std::string& what) {
  if (ctx.organiser()) return Status::success();
  return refuse("forbidden", "actor", "Only the organiser can " + what + ".");
}

Status require_self_or_organiser(const ApplyContext& ctx, ParticipantId id, const std::string& what) {
  if (ctx.organiser() || ctx.is_participant(id)) return Status::success();
  return refuse("forbidden", "actor",
                "Only the participant themself or the organiser can " + what + ".");
}

std::string person_name(const EventState& state, ParticipantId id) {
  const Participant* p = state.participant(id);
  if (p == nullptr) return "participant " + std::to_string(id);
  if (p->status == ParticipantStatus::Erased) return "an erased participant";
  return p->profile.display_name;
}

Result<const Participant*> find_participant(const ApplyContext& ctx, ParticipantId id,
                                            const std::string& field) {
  const Participant* p = ctx.state.participant(id);
  if (p == nullptr)
    return refuse("not_found", field, "There is no participant " + std::to_string(id) + ".");
  return p;
}

Result<const Participant*> find_active_participant(const ApplyContext& ctx, ParticipantId id,
                                                   const std::string& field) {
  auto p = find_participant(ctx, id, field);
  if (!p) return p;
  switch ((*p)->status) {
    case ParticipantStatus::Active: return p;
    case ParticipantStatus::Withdrawn:
      return refuse("withdrawn", field, person_name(ctx.state, id) + " has withdrawn from the event.");
    case ParticipantStatus::Erased:
      return refuse("erased", field, "Participant " + std::to_string(id) + " was erased from the event.");
  }
  return p;
}

Result<const Meeting*> find_meeting(const ApplyContext& ctx, MeetingId id) {
  const Meeting* m = ctx.state.meeting(id);
  if (m == nullptr)
    return refuse("not_found", "meeting", "There is no meeting " + std::to_string(id) + ".");
  return m;
}

Status check_field_text(const std::string& value, const std::string& field, const std::string& label,
                        std::size_t max_length, bool required, bool multiline) {
  return check_text(value, field, label, max_length, required, multiline);
}

Status check_meeting_slots(const ApplyContext& ctx, const std::vector<SlotRef>& slots,
                           const std::string& field, std::size_t max) {
  if (slots.size() > max)
    return refuse("too_many", field,
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

// Fields the hub decides are cleared before it decides them, so a client cannot choose them.
void clear_decisions(OperationPayload& payload) {
  std::visit(
      [](auto& p) {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, Register>) p.participant = 0;
        if constexpr (std::is_same_v<T, RequestMeeting> || std::is_same_v<T, Introduce>) p.meeting = 0;
        if constexpr (std::is_same_v<T, AcceptMeeting>) p.placement.reset();
        if constexpr (std::is_same_v<T, Announce>) p.announcement = 0;
        if constexpr (std::is_same_v<T, PublishTeamRound>) p.round = 0;
        if constexpr (std::is_same_v<T, DefineClinicTable>) {}
        if constexpr (std::is_same_v<T, DefineSession>) {}
      },
      payload);
}

Status check_envelope(const Operation& op) {
  if (op.id.empty() || op.id.size() > kMaxOperationIdLength)
    return make_error("invalid", "id",
                      "An operation id has 1 to " + std::to_string(kMaxOperationIdLength) +
                          " characters.");
  for (const char c : op.id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok)
      return make_error("invalid", "id",
                        "An operation id uses letters, digits and - _ . : only.");
  }
  if (op.actor.role != Role::Participant && op.actor.participant != 0)
    return make_error("invalid", "actor.participant",
                      "Only a participant acts as a participant number.");
  return Status::success();
}

}  // namespace

Result<Operation> apply_operation(EventState& state, const Taxonomy& taxonomy,
                                  const Operation& operation, ApplyMode mode) {
  using namespace detail;
  if (Status s = check_envelope(operation); !s) return s.error();
  ApplyContext ctx{state, taxonomy, operation, mode, operation};
  if (ctx.deciding()) clear_decisions(ctx.applied.payload);

  if (!std::holds_alternative<CreateEvent>(operation.payload) && !state.event.created)
    return refuse("no_event", "type", "The event has not been created yet.");

  const Status status = std::visit(
      [&](const auto& p) -> Status {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, CreateEvent>) return apply_create_event(ctx, p);
        if constexpr (std::is_same_v<T, SetRegistration>) return apply_set_registration(ctx, p);
        if constexpr (std::is_same_v<T, SetSettings>) return apply_set_settings(ctx, p);
        if constexpr (std::is_same_v<T, DefineSession>) return apply_define_session(ctx, p);
        if constexpr (std::is_same_v<T, RemoveSession>) return apply_remove_session(ctx, p);
        if constexpr (std::is_same_v<T, DefineTable>) return apply_define_table(ctx, p);
        if constexpr (std::is_same_v<T, RemoveTable>) return apply_remove_table(ctx, p);
        if constexpr (std::is_same_v<T, Announce>) return apply_announce(ctx, p);
        if constexpr (std::is_same_v<T, ApplySchedule>) return apply_schedule(ctx, p);
        if constexpr (std::is_same_v<T, PublishTeamRound>) return apply_publish_team_round(ctx, p);
        if constexpr (std::is_same_v<T, Register>) return apply_register(ctx, p);
        if constexpr (std::is_same_v<T, EditProfile>) return apply_edit_profile(ctx, p);
        if constexpr (std::is_same_v<T, SetAvailability>) return apply_set_availability(ctx, p);
        if constexpr (std::is_same_v<T, Withdraw>) return apply_withdraw(ctx, p);
        if constexpr (std::is_same_v<T, Erase>) return apply_erase(ctx, p);
        if constexpr (std::is_same_v<T, RequestMeeting>) return apply_request_meeting(ctx, p);
        if constexpr (std::is_same_v<T, Introduce>) return apply_introduce(ctx, p);
        if constexpr (std::is_same_v<T, AcceptMeeting>) return apply_accept(ctx, p);
        if constexpr (std::is_same_v<T, DeclineMeeting>) return apply_decline(ctx, p);
        if constexpr (std::is_same_v<T, ProposeSlot>) return apply_propose_slot(ctx, p);
        if constexpr (std::is_same_v<T, CancelMeeting>) return apply_cancel(ctx, p);
        if constexpr (std::is_same_v<T, GiveFeedback>) return apply_feedback(ctx, p);
        if constexpr (std::is_same_v<T, SetPitchOrder>) return apply_set_pitch_order(ctx, p);
        if constexpr (std::is_same_v<T, ControlPitch>) return apply_control_pitch(ctx, p);
        if constexpr (std::is_same_v<T, MarkInterested>) return apply_mark_interested(ctx, p);
        if constexpr (std::is_same_v<T, DefineClinicTable>) return apply_define_clinic_table(ctx, p);
        if constexpr (std::is_same_v<T, PickThemes>) return apply_pick_themes(ctx, p);
        if constexpr (std::is_same_v<T, FormClinicTables>) return apply_form_clinic_tables(ctx, p);
        if constexpr (std::is_same_v<T, RecordClinicOutcome>) return apply_record_clinic_outcome(ctx, p);
      },
      ctx.applied.payload);
  if (!status) return status.error();
  return std::move(ctx.applied);
}

namespace {
const char* const kTypes[] = {
      "create_event",  "set_registration", "set_settings",  "define_session", "remove_session",
      "define_table",  "remove_table",     "announce",      "apply_schedule", "publish_team_round",
      "register",      "edit_profile",     "set_availability", "withdraw",    "erase",
      "request_meeting", "introduce",      "accept_meeting", "decline_meeting", "propose_slot",
      "cancel_meeting", "give_feedback", "set_pitch_order", "control_pitch", "mark_interested",
      "define_clinic_table", "pick_themes", "form_clinic_tables", "record_clinic_outcome"};
static_assert(std::size(kTypes) == std::variant_size_v<OperationPayload>);
}  // namespace

const char* operation_type(const OperationPayload& payload) { return kTypes[payload.index()]; }

int operation_index(std::string_view type) {
  for (std::size_t i = 0; i < std::size(kTypes); ++i) {
    if (type == kTypes[i]) return static_cast<int>(i);
  }
  return -1;
}

const char* to_string(Role role) {
  switch (role) {
    case Role::Organiser: return "organiser";
    case Role::Broker: return "broker";
    case Role::Participant: return "participant";
  }
  return "participant";
}

const char* to_string(PitchAction action) {
  switch (action) {
    case PitchAction::Start: return "start";
    case PitchAction::Pause: return "pause";
    case PitchAction::Resume: return "resume";
    case PitchAction::End: return "end";
    case PitchAction::Skip: return "skip";
    case PitchAction::Finish: return "finish";
  }
  return "start";
}

bool parse_pitch_action(std::string_view text, PitchAction& out) {
  for (const PitchAction a : {PitchAction::Start, PitchAction::Pause, PitchAction::Resume, PitchAction::End,
                              PitchAction::Skip, PitchAction::Finish}) {
    if (text == to_string(a)) {
      out = a;
      return true;
    }
  }
  return false;
}

bool parse_role(std::string_view text, Role& out) {
  for (const Role r : {Role::Organiser, Role::Broker, Role::Participant}) {
    if (text == to_string(r)) {
      out = r;
      return true;
    }
  }
  return false;
}

}  // namespace crossmatch::core
