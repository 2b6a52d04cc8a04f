// Operations: everything that can change an event, each with a client-made id and its actor.
// Fields marked "set by the hub" are decided when the hub applies the operation (new ids, the
// booked slot and table) and travel with the applied operation to every replica.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/event/event_state.hpp"

namespace crossmatch::core {

// A helper works at the registration desk: they may check people in (and register walk-ins) and
// nothing else.
enum class Role { Organiser, Broker, Participant, Helper };

struct Actor {
  Role role = Role::Participant;
  ParticipantId participant = 0;  // for a participant; 0 for one who is registering
  bool operator==(const Actor&) const = default;
};

// [SECTION] Setting up and running the event (organiser)

struct CreateEvent {
  std::string name;
  std::string time_zone;
  std::string join_code;
  bool operator==(const CreateEvent&) const = default;
};

struct SetRegistration {
  bool open = false;
  bool operator==(const SetRegistration&) const = default;
};

struct SetSettings {
  EventSettings settings;
  bool operator==(const SetSettings&) const = default;
};

// Creates a session (session == 0; the hub sets the new id) or changes one.
struct DefineSession {
  SessionId session = 0;
  std::string name;
  SessionKind kind = SessionKind::Meetings;
  std::int64_t date = 0;
  int start = 0;
  int end = 0;
  int slot_minutes = 20;
  std::vector<TimeRange> breaks;
  bool operator==(const DefineSession&) const = default;
};

struct RemoveSession {
  SessionId session = 0;
  bool operator==(const RemoveSession&) const = default;
};

// Creates a table or place (table == 0; the hub sets the new id) or changes one.
struct DefineTable {
  TableId table = 0;
  std::string name;
  int seats = 2;
  bool operator==(const DefineTable&) const = default;
};

struct RemoveTable {
  TableId table = 0;
  bool operator==(const RemoveTable&) const = default;
};

struct Announce {
  AnnouncementId announcement = 0;  // set by the hub
  std::string text;
  bool operator==(const Announce&) const = default;
};

// The organiser's auto-schedule over one or more one-to-one sessions, applied as one operation:
// all placements or none.
struct ApplySchedule {
  std::vector<SessionId> sessions;
  bool moves_allowed = false;  // placements may move meetings already booked in these sessions
  std::vector<std::pair<MeetingId, Placement>> placements;
  bool operator==(const ApplySchedule&) const = default;
};

// The organiser's constraints for the auto-schedule: an accepted meeting pinned to a slot of a
// one-to-one session (any free table), or released; "meeting `before` takes place in an earlier
// slot than meeting `after`", added or removed. Pinning neither books nor moves the meeting: the
// next auto-schedule places it in its slot (docs/operations.md).
struct PinMeeting {
  MeetingId meeting = 0;
  SlotRef slot;
  bool operator==(const PinMeeting&) const = default;
};

struct UnpinMeeting {
  MeetingId meeting = 0;
  bool operator==(const UnpinMeeting&) const = default;
};

struct AddPrecedence {
  MeetingId before = 0;
  MeetingId after = 0;
  bool operator==(const AddPrecedence&) const = default;
};

struct RemovePrecedence {
  MeetingId before = 0;
  MeetingId after = 0;
  bool operator==(const RemovePrecedence&) const = default;
};

struct PublishTeamRound {
  RoundId round = 0;  // set by the hub
  std::string name;
  SessionId session = 0;
  std::vector<Team> teams;
  bool operator==(const PublishTeamRound&) const = default;
};

// [SECTION] Participants

struct Register {
  ParticipantId participant = 0;  // set by the hub
  Profile profile;
  Availability availability;
  // A secret the registering client chose, so that only it can resend the registration for a
  // token after losing the acknowledgement. The hub keeps only its digest (kClaimDigestPrefix and
  // the SHA-256 in hex) and no one else ever sees it.
  std::string claim;
  // The person's check-in code (core/event/check_in_code.hpp), set by the hub: short, random,
  // useless for signing in. Empty for people registered before check-in codes existed.
  std::string check_in_code;
  // A walk-in registered at the desk by the organiser or a helper: arrived as they register.
  bool arrived = false;
  bool operator==(const Register&) const = default;
};

struct EditProfile {
  ParticipantId participant = 0;
  Profile profile;
  bool operator==(const EditProfile&) const = default;
};

struct SetAvailability {
  ParticipantId participant = 0;
  Availability availability;
  bool operator==(const SetAvailability&) const = default;
};

// Out of suggestions, open meetings cancelled and their slots freed; history kept.
struct Withdraw {
  ParticipantId participant = 0;
  bool operator==(const Withdraw&) const = default;
};

// Personal data removed for good; meetings kept in anonymised form.
struct Erase {
  ParticipantId participant = 0;
  bool operator==(const Erase&) const = default;
};

// The person with this check-in code (as typed or scanned at the desk) has arrived. A second
// check-in of someone already arrived is refused and changes nothing.
struct CheckIn {
  std::string code;
  ParticipantId participant = 0;  // set by the hub: whose code it is
  bool operator==(const CheckIn&) const = default;
};

// Joins (on = true) or leaves the standby list: offered slots freed on the day.
struct SetStandby {
  ParticipantId participant = 0;
  bool on = true;
  bool operator==(const SetStandby&) const = default;
};

// [SECTION] Meetings

struct RequestMeeting {
  MeetingId meeting = 0;  // set by the hub
  ParticipantId from = 0;
  ParticipantId to = 0;
  std::string message;
  std::vector<SlotRef> preferred;
  bool operator==(const RequestMeeting&) const = default;
};

// A broker proposes a meeting between two participants; both must accept.
struct Introduce {
  MeetingId meeting = 0;  // set by the hub
  ParticipantId first = 0;
  ParticipantId second = 0;
  std::string note;
  std::vector<SlotRef> preferred;
  bool operator==(const Introduce&) const = default;
};

struct AcceptMeeting {
  MeetingId meeting = 0;
  std::optional<SlotRef> slot;         // the slot the person picks, if any
  std::optional<Placement> placement;  // set by the hub when the meeting is booked
  bool operator==(const AcceptMeeting&) const = default;
};

struct DeclineMeeting {
  MeetingId meeting = 0;
  std::string reason;
  bool operator==(const DeclineMeeting&) const = default;
};

// Proposes another slot; the other person then accepts or declines.
struct ProposeSlot {
  MeetingId meeting = 0;
  SlotRef slot;
  bool operator==(const ProposeSlot&) const = default;
};

struct CancelMeeting {
  MeetingId meeting = 0;
  std::string reason;
  bool operator==(const CancelMeeting&) const = default;
};

// A broker or the organiser takes back an introduction that still awaits an answer: the meeting
// it created is cancelled and both people are told. Named by the two people introduced, so that
// it can be sent before the introduction's meeting number is known (Undo right after it).
struct WithdrawIntroduction {
  MeetingId meeting = 0;  // set by the hub: the pair's pending introduction
  ParticipantId first = 0;
  ParticipantId second = 0;
  std::string reason;
  bool operator==(const WithdrawIntroduction&) const = default;
};

// A request that awaited its answer longer than the organiser's expiry setting: closed as
// cancelled, its people told. The hub sends it (as the organiser) once the deadline has passed;
// applying it checks the deadline against the operation's time, so a replay decides alike.
struct ExpireRequest {
  MeetingId meeting = 0;
  bool operator==(const ExpireRequest&) const = default;
};

// A freed slot offered to two people on standby who are free then (core/event/refill.hpp): a
// meeting both must accept, booked at that slot once they have.
struct OfferSlot {
  MeetingId meeting = 0;  // set by the hub
  ParticipantId first = 0;
  ParticipantId second = 0;
  SlotRef slot;
  bool operator==(const OfferSlot&) const = default;
};

// Held or not, and (from a participant) a rating 1-5 and a comment.
struct GiveFeedback {
  MeetingId meeting = 0;
  HeldState held = HeldState::Unknown;
  int rating = 0;
  std::string comment;
  bool operator==(const GiveFeedback&) const = default;
};

// [SECTION] Pitching sessions

struct PitchSlot {
  ParticipantId pitcher = 0;
  int minutes = 5;
  bool operator==(const PitchSlot&) const = default;
};

// The companies that pitch, in order, and their minutes; before the session starts.
struct SetPitchOrder {
  SessionId session = 0;
  std::vector<PitchSlot> pitches;
  bool operator==(const SetPitchOrder&) const = default;
};

enum class PitchAction {
  Start,   // the next pitch begins
  Pause,   // the current pitch pauses
  Resume,  // and goes on
  End,     // the current pitch is over
  Skip,    // the current pitch (or, between pitches, the next) does not happen
  Finish,  // the session is over; pitches still to come do not happen
};

struct ControlPitch {
  SessionId session = 0;
  PitchAction action = PitchAction::Start;
  bool operator==(const ControlPitch&) const = default;
};

// "Interested" in the company pitching now (or taking it back, interested = false).
struct MarkInterested {
  SessionId session = 0;
  ParticipantId pitcher = 0;
  bool interested = true;
  bool operator==(const MarkInterested&) const = default;
};

// A skipped pitch is to come again (the organiser's Undo of a skip): it pitches when its turn in
// the order comes, and a session that was over runs again.
struct ReopenPitch {
  SessionId session = 0;
  ParticipantId pitcher = 0;
  bool operator==(const ReopenPitch&) const = default;
};

// [SECTION] Policy clinics

// Creates (clinic_table == 0; the hub sets the id) or changes a workshop table and its theme.
struct DefineClinicTable {
  ClinicTableId clinic_table = 0;
  SessionId session = 0;
  TableId table = 0;
  std::string theme;
  bool operator==(const DefineClinicTable&) const = default;
};

// The themes (clinic tables) a participant cares about.
struct PickThemes {
  ParticipantId participant = 0;
  std::vector<ClinicTableId> themes;
  bool operator==(const PickThemes&) const = default;
};

struct ClinicSeating {
  ClinicTableId clinic_table = 0;
  std::vector<ParticipantId> members;
  std::string reasons;
  bool operator==(const ClinicSeating&) const = default;
};

// Seats people at the clinic's tables; locked once done.
struct FormClinicTables {
  SessionId session = 0;
  std::vector<ClinicSeating> seating;
  bool operator==(const FormClinicTables&) const = default;
};

// The policy measures a table proposes (by a member of the table or the organiser).
struct RecordClinicOutcome {
  ClinicTableId clinic_table = 0;
  std::string outcome;
  bool operator==(const RecordClinicOutcome&) const = default;
};

// [SECTION] After the event

// Creates a follow-up round (follow_up == 0; the hub sets the new id) or renames, closes or
// re-opens one (organiser).
struct DefineFollowUp {
  FollowUpId follow_up = 0;
  std::string name;
  bool open = true;
  bool operator==(const DefineFollowUp&) const = default;
};

// One person's answer for one of their held meetings in an open follow-up round; a second
// answer replaces their first. From the person, or from the organiser on their behalf (a CSV
// sent back).
struct RateFollowUp {
  FollowUpId follow_up = 0;
  MeetingId meeting = 0;
  ParticipantId participant = 0;
  FollowUpOutcome outcome = FollowUpOutcome::NoContact;
  std::string note;
  bool operator==(const RateFollowUp&) const = default;
};

using OperationPayload =
    std::variant<CreateEvent, SetRegistration, SetSettings, DefineSession, RemoveSession,
                 DefineTable, RemoveTable, Announce, ApplySchedule, PinMeeting, UnpinMeeting,
                 AddPrecedence, RemovePrecedence, PublishTeamRound, Register, EditProfile,
                 SetAvailability, Withdraw, Erase, RequestMeeting, Introduce, AcceptMeeting,
                 DeclineMeeting, ProposeSlot, CancelMeeting, GiveFeedback, SetPitchOrder,
                 ControlPitch, MarkInterested, ReopenPitch, DefineClinicTable, PickThemes,
                 FormClinicTables, RecordClinicOutcome, WithdrawIntroduction, DefineFollowUp,
                 RateFollowUp, CheckIn, ExpireRequest, SetStandby, OfferSlot>;

struct Operation {
  std::string id;              // made by the client; unique per event, so a resend applies once
  Actor actor;                 // set by the hub from the connection's credentials
  std::int64_t at = 0;         // unix milliseconds, set by the hub
  std::uint64_t sequence = 0;  // set by the hub; 0 until sequenced
  OperationPayload payload;
  bool operator==(const Operation&) const = default;
};

// "request_meeting"
const char* operation_type(const OperationPayload& payload);
// The index in OperationPayload of the kind named `type`, or -1.
int operation_index(std::string_view type);
const char* to_string(Role role);
bool parse_role(std::string_view text, Role& out);
const char* to_string(PitchAction action);
bool parse_pitch_action(std::string_view text, PitchAction& out);

// Limits of what an operation may carry.
inline constexpr std::size_t kMaxOperationIdLength = 64;
inline constexpr std::size_t kMaxEventNameLength = 120;
inline constexpr std::size_t kMaxSessionNameLength = 80;
inline constexpr std::size_t kMaxTableNameLength = 40;
inline constexpr std::size_t kMaxClaimLength = 128;
inline constexpr std::string_view kClaimDigestPrefix = "sha256:";
inline constexpr std::size_t kMaxMessageLength = 1000;  // messages, notes, announcements, comments
inline constexpr std::size_t kMaxReasonLength = 200;
inline constexpr std::size_t kMaxPreferredSlots = 10;
inline constexpr std::size_t kMaxUnavailableSlots = 2000;
inline constexpr std::size_t kMaxBreaks = 10;
inline constexpr std::size_t kMaxSessions = 500;
inline constexpr std::size_t kMaxTables = 5000;
inline constexpr std::size_t kMaxParticipants = 50000;
inline constexpr std::size_t kMaxSlotsPerSession = 500;
inline constexpr std::size_t kMaxTeamsPerRound = 20000;
inline constexpr std::size_t kMaxPlacements = 200000;
inline constexpr std::size_t kMaxPrecedences = 50;  // meetings that must come before one meeting
inline constexpr int kMinSeats = 2;
inline constexpr int kMaxSeats = 50;
inline constexpr int kMinSlotMinutes = 5;
inline constexpr int kMaxSlotMinutes = 240;
inline constexpr int kMaxOpenRequestsCap = 1000;
inline constexpr int kMaxRelationshipTarget = 1000000;
inline constexpr int kMaxRequestsPerPairCap = 100;
inline constexpr std::size_t kMaxPitches = 200;
inline constexpr int kMaxPitchMinutes = 60;
inline constexpr std::size_t kMaxThemeLength = 120;
inline constexpr std::size_t kMaxThemesPicked = 20;
inline constexpr std::size_t kMaxOutcomeLength = 4000;
inline constexpr std::size_t kMaxClinicTables = 1000;
inline constexpr std::size_t kMaxFollowUpNameLength = 80;
inline constexpr std::size_t kMaxFollowUps = 100;

}  // namespace crossmatch::core
