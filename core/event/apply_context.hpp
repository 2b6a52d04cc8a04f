// Shared by the files that apply each kind of operation (apply_*.cpp); not for use elsewhere.
#pragma once

#include <string>
#include <vector>

#include "core/event/apply.hpp"
#include "core/event/operation_catalogue.hpp"

namespace crossmatch::core::detail {

struct ApplyContext {
  EventState& state;
  const Taxonomy& taxonomy;
  const Operation& op;
  ApplyMode mode;
  Operation applied;                         // the operation as applied, decisions filled in
  const LocalToUtc* local_to_utc = nullptr;  // when deciding: the event's time zone, if known

  // When the slot starts, in unix ms (local times taken as UTC without a conversion).
  std::int64_t slot_start_ms(SlotRef slot) const {
    return core::slot_start_ms(state, slot, local_to_utc ? *local_to_utc : LocalToUtc{});
  }

  const Actor& actor() const { return op.actor; }
  bool deciding() const { return mode == ApplyMode::Decide; }
  bool organiser() const { return op.actor.role == Role::Organiser; }
  bool is_participant(ParticipantId id) const {
    return op.actor.role == Role::Participant && op.actor.participant == id && id != 0;
  }
  template <class T>
  T& applied_payload() {
    return std::get<T>(applied.payload);
  }
};

Error refuse(std::string code, std::string field, std::string message);

// The refusal the catalogue gives a sender who may not send `Kind`; apply functions give it too
// when a finer rule of theirs fails (only for yourself, only the meeting's people).
template <class Kind>
Error forbidden() {
  return refuse("forbidden", std::string(Catalogue<Kind>::refusal.field),
                std::string(Catalogue<Kind>::refusal.message));
}
// The organiser, or the participant themself.
template <class Kind>
Status require_self_or_organiser(const ApplyContext& ctx, ParticipantId id) {
  if (ctx.organiser() || ctx.is_participant(id)) return Status::success();
  return forbidden<Kind>();
}

// The participant, or a refusal naming the field: not found, withdrawn or erased.
Result<const Participant*> find_participant(const ApplyContext& ctx, ParticipantId id,
                                            const std::string& field);
Result<const Participant*> find_active_participant(const ApplyContext& ctx, ParticipantId id,
                                                   const std::string& field);
// The same on a state alone (checks made before an operation exists).
Result<const Participant*> find_participant(const EventState& state, ParticipantId id,
                                            const std::string& field);
Result<const Participant*> find_active_participant(const EventState& state, ParticipantId id,
                                                   const std::string& field);
Result<const Meeting*> find_meeting(const ApplyContext& ctx, MeetingId id);

// A person as messages name them.
std::string person_name(const EventState& state, ParticipantId id);

// Text rules for operation fields (UTF-8, control characters, length).
Status check_field_text(const std::string& value, const std::string& field,
                        const std::string& label, std::size_t max_length, bool required,
                        bool multiline = false);

// Every slot exists, is in a one-to-one meeting session, at most `max`, no duplicates.
Status check_meeting_slots(const ApplyContext& ctx, const std::vector<SlotRef>& slots,
                           const std::string& field, std::size_t max);

// Changes a meeting with the index and counters kept in step.
template <class Fn>
void modify_meeting(ApplyContext& ctx, MeetingId id, Fn&& change);
void modify_participant_status(ApplyContext& ctx, ParticipantId id, ParticipantStatus status);
// Cancels every open meeting of a person that has not taken place (withdrawal, erasure).
void cancel_open_meetings(ApplyContext& ctx, ParticipantId id, const std::string& reason);

// Per kind of operation.
Status apply(ApplyContext& ctx, const CreateEvent& op);
Status apply(ApplyContext& ctx, const SetRegistration& op);
Status apply(ApplyContext& ctx, const SetSettings& op);
Status apply(ApplyContext& ctx, const DefineSession& op);
Status apply(ApplyContext& ctx, const RemoveSession& op);
Status apply(ApplyContext& ctx, const DefineTable& op);
Status apply(ApplyContext& ctx, const RemoveTable& op);
Status apply(ApplyContext& ctx, const Announce& op);
Status apply(ApplyContext& ctx, const ApplySchedule& op);
Status apply(ApplyContext& ctx, const PinMeeting& op);
Status apply(ApplyContext& ctx, const UnpinMeeting& op);
Status apply(ApplyContext& ctx, const AddPrecedence& op);
Status apply(ApplyContext& ctx, const RemovePrecedence& op);
Status apply(ApplyContext& ctx, const PublishTeamRound& op);
Status apply(ApplyContext& ctx, const Register& op);
Status apply(ApplyContext& ctx, const EditProfile& op);
Status apply(ApplyContext& ctx, const SetAvailability& op);
Status apply(ApplyContext& ctx, const Withdraw& op);
Status apply(ApplyContext& ctx, const Erase& op);
Status apply(ApplyContext& ctx, const RequestMeeting& op);
Status apply(ApplyContext& ctx, const Introduce& op);
Status apply(ApplyContext& ctx, const AcceptMeeting& op);
Status apply(ApplyContext& ctx, const DeclineMeeting& op);
Status apply(ApplyContext& ctx, const ProposeSlot& op);
Status apply(ApplyContext& ctx, const CancelMeeting& op);
Status apply(ApplyContext& ctx, const WithdrawIntroduction& op);
Status apply(ApplyContext& ctx, const GiveFeedback& op);
Status apply(ApplyContext& ctx, const SetPitchOrder& op);
Status apply(ApplyContext& ctx, const ControlPitch& op);
Status apply(ApplyContext& ctx, const MarkInterested& op);
Status apply(ApplyContext& ctx, const ReopenPitch& op);
Status apply(ApplyContext& ctx, const DefineClinicTable& op);
Status apply(ApplyContext& ctx, const PickThemes& op);
Status apply(ApplyContext& ctx, const FormClinicTables& op);
Status apply(ApplyContext& ctx, const RecordClinicOutcome& op);
Status apply(ApplyContext& ctx, const DefineFollowUp& op);
Status apply(ApplyContext& ctx, const RateFollowUp& op);
Status apply(ApplyContext& ctx, const CheckIn& op);
Status apply(ApplyContext& ctx, const ExpireRequest& op);
Status apply(ApplyContext& ctx, const SetStandby& op);
Status apply(ApplyContext& ctx, const OfferSlot& op);

}  // namespace crossmatch::core::detail

#include "core/event/event_index.hpp"

namespace crossmatch::core::detail {

template <class Fn>
void modify_meeting(ApplyContext& ctx, MeetingId id, Fn&& change) {
  Meeting& m = ctx.state.meetings.at(id);
  account_meeting(ctx.state, ctx.taxonomy, m, -1);
  change(m);
  account_meeting(ctx.state, ctx.taxonomy, m, +1);
}

}  // namespace crossmatch::core::detail
