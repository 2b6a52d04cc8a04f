#include "core/event/apply.hpp"

#include <algorithm>

#include "core/event/apply_context.hpp"
#include "core/event/session_slots.hpp"
#include "core/i18n/translation.hpp"
#include "core/profile_validation.hpp"

namespace crossmatch::core {
namespace detail {

Error refuse(std::string code, std::string field, std::string message) {
  return make_error(std::move(code), std::move(field), std::move(message));
}

std::string person_name(const EventState& state, ParticipantId id) {
  const Participant* p = state.participant(id);
  // TRANSLATORS: a participant the event no longer knows, by their number
  if (p == nullptr) return format_text(tr("participant %u"), id);
  // TRANSLATORS: stands for the name of a person whose data was erased
  if (p->status == ParticipantStatus::Erased) return tr("an erased participant");
  return p->profile.display_name;
}

Result<const Participant*> find_participant(const EventState& state, ParticipantId id,
                                            const std::string& field) {
  const Participant* p = state.participant(id);
  if (p == nullptr)
    // TRANSLATORS: %u is the number of a participant
    return refuse("not_found", field, format_text(tr("There is no participant %u."), id));
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
      return refuse(
          "withdrawn", field,
          // TRANSLATORS: %s is a person
          format_text(tr("%s has withdrawn from the event."), person_name(state, id).c_str()));
    case ParticipantStatus::Erased:
      return refuse("erased", field,
                    // TRANSLATORS: %u is the number of a participant
                    format_text(tr("Participant %u was erased from the event."), id));
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
    // TRANSLATORS: %u is the number of a meeting
    return refuse("not_found", "meeting", format_text(tr("There is no meeting %u."), id));
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
        // TRANSLATORS: the most slots a field takes, then how many it has
        format_text(tr_n("At most %zu slot, not %zu.", "At most %zu slots, not %zu.", max), max,
                    slots.size()));
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const std::string f = field + "[" + std::to_string(i) + "]";
    if (!slot_exists(ctx.state, slots[i]))
      return refuse("not_found", f,
                    // TRANSLATORS: %1$d is the number of a slot, %2$u of a session
                    format_text(tr("There is no slot %d in session %u."), slots[i].index + 1,
                                slots[i].session));
    if (ctx.state.sessions.at(slots[i].session).kind != SessionKind::Meetings)
      return refuse("wrong_session", f,
                    // TRANSLATORS: %s is the name of a session
                    format_text(tr("Session '%s' is not a one-to-one meeting session."),
                                ctx.state.sessions.at(slots[i].session).name.c_str()));
    for (std::size_t j = 0; j < i; ++j) {
      if (slots[j] == slots[i])
        return refuse(
            "duplicate", f,
            // TRANSLATORS: %s is a person, or a slot, listed twice
            format_text(tr("%s is listed twice."), describe_slot(ctx.state, slots[i]).c_str()));
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
        // TRANSLATORS: an operation id is an internal name of a change
        format_text(tr("An operation id has 1 to %zu characters."), kMaxOperationIdLength));
  for (const char c : op.id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok)
      return make_error("invalid", "id",
                        tr("An operation id uses letters, digits and - _ . : only."));
  }
  if (op.actor.role != Role::Participant && op.actor.participant != 0)
    return make_error("invalid", "actor.participant",
                      tr("Only a participant acts as a participant number."));
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
    return refuse("no_event", "type", tr("The event has not been created yet."));

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
