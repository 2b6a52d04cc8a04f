// The state of one event: the event and its settings, sessions and their slots, tables,
// participants, meetings, team rounds and announcements. Changed only by apply_operation().
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/event/id_map.hpp"
#include "core/event/ids.hpp"
#include "core/matching/matching_settings.hpp"
#include "core/profile.hpp"

namespace crossmatch::core {

// [SECTION] Event

enum class BookingMode {
  Instant,   // accepting a meeting books a slot and a table at once
  Deferred,  // accepted meetings wait for the organiser's auto-schedule
};

struct EventSettings {
  MatchingSettings matching;
  int max_open_requests = 10;  // open outgoing requests per participant
  // Requests awaiting one participant's answer (a flood of fake accounts must not bury a person)
  // and requests one participant may ever send the same person (request, cancel, request...).
  int max_incoming_requests = 20;
  int max_requests_per_pair = 3;
  BookingMode booking = BookingMode::Instant;
  int afternoon_start = 13 * 60;  // a slot starting at or after this minute is in the afternoon
  // New cross-sector, cross-border relationships the organiser aims for (0: no target); the big
  // screen shows the count against it.
  int relationship_target = 0;
  // Minutes a request may await its answer before the hub expires it (expire_request); 0: never.
  int request_expiry_minutes = 0;
  bool operator==(const EventSettings&) const = default;
};

struct EventInfo {
  bool created = false;
  std::string name;
  std::string time_zone;  // IANA name, e.g. "Europe/Lisbon"; every time of the event is local to it
  std::string join_code;
  bool registration_open = false;
  EventSettings settings;
  bool operator==(const EventInfo&) const = default;
};

// [SECTION] Sessions and tables

// A plenary session (a keynote, the opening) is a busy block: no meeting is placed at a slot that
// overlaps it.
enum class SessionKind { Pitching, PolicyClinic, Meetings, TeamRound, Plenary };

struct TimeRange {
  int start = 0;  // minutes since local midnight
  int end = 0;
  bool operator==(const TimeRange&) const = default;
};

struct Session {
  SessionId id = 0;
  std::string name;
  SessionKind kind = SessionKind::Meetings;
  std::int64_t date = 0;  // days since 1970-01-01
  int start = 0;          // minutes since local midnight
  int end = 0;
  int slot_minutes = 20;
  std::vector<TimeRange> breaks;  // no slots overlap these (lunch, coffee)

  // Start minute of each slot, derived from the fields above.
  std::vector<int> slot_starts;

  bool operator==(const Session& o) const {
    return id == o.id && name == o.name && kind == o.kind && date == o.date && start == o.start &&
           end == o.end && slot_minutes == o.slot_minutes && breaks == o.breaks;
  }
  int slot_count() const { return static_cast<int>(slot_starts.size()); }
  // Minutes since the epoch of a slot's start, for ordering and distances across days.
  std::int64_t slot_time(int index) const { return date * 1440 + slot_starts[index]; }
};

struct Table {
  TableId id = 0;
  std::string name;
  int seats = 2;
  bool operator==(const Table&) const = default;
};

// [SECTION] Participants

enum class ParticipantStatus { Active, Withdrawn, Erased };

enum class TimeOfDay { Any, Morning, Afternoon };

struct Availability {
  std::vector<SlotRef> unavailable;  // sorted, no duplicates
  TimeOfDay only = TimeOfDay::Any;   // a morning or afternoon requirement
  bool operator==(const Availability&) const = default;
};

struct Participant {
  ParticipantId id = 0;
  Profile profile;
  Availability availability;
  ParticipantStatus status = ParticipantStatus::Active;
  std::string check_in_code;    // empty: registered before check-in codes; others never see it
  std::int64_t arrived_at = 0;  // unix milliseconds of their check-in; 0: not arrived
  bool standby = false;         // wants more meetings: offered freed slots; others never see it
  bool operator==(const Participant&) const = default;
  bool arrived() const { return arrived_at != 0; }
  bool active() const { return status == ParticipantStatus::Active; }
};

// [SECTION] Meetings

enum class MeetingStatus { Requested, Accepted, Declined, Cancelled };
enum class HeldState { Unknown, Held, NotHeld };

struct MeetingFeedback {
  int rating = 0;  // 0 = none, else 1..5
  std::string comment;
  // This person's answer to "did it take place?"; the meeting's `held` is the verdict of both
  // (one "no" makes it not held) or the organiser's.
  HeldState held = HeldState::Unknown;
  bool operator==(const MeetingFeedback&) const = default;
};

struct Meeting {
  MeetingId id = 0;
  ParticipantId requester = 0;  // for a broker's introduction: the first person introduced
  ParticipantId invitee = 0;
  bool introduced = false;  // proposed by a broker; both people must accept
  // The offer of a freed slot (offer_slot; introduced too): both accept and it is booked at its
  // one preferred slot at once; declining it cancels it and keeps no one apart.
  bool offered = false;
  std::string message;             // the requester's message or the broker's note
  std::vector<SlotRef> preferred;  // requested or proposed slots, most preferred first
  bool requester_accepted = true;  // a request counts as the requester's acceptance
  bool invitee_accepted = false;
  MeetingStatus status = MeetingStatus::Requested;
  std::optional<Placement> placement;  // an accepted meeting's slot and table, once booked
  ParticipantId closed_by = 0;         // who declined or cancelled (0: organiser or the system)
  std::string close_reason;
  HeldState held = HeldState::Unknown;
  MeetingFeedback requester_feedback, invitee_feedback;
  std::int64_t requested_at = 0;  // unix milliseconds, from the operations
  std::int64_t accepted_at = 0;
  // The organiser's constraints for the auto-schedule (docs/operations.md, "Pinned meetings and
  // precedences"); only organisers and brokers see them. `pinned`: the slot every auto-schedule
  // keeps it in (any free table). `after`: the meetings that must take place in an earlier slot
  // than this one, ascending.
  std::optional<SlotRef> pinned;
  std::vector<MeetingId> after;

  bool operator==(const Meeting&) const = default;
  bool involves(ParticipantId p) const { return requester == p || invitee == p; }
  ParticipantId other(ParticipantId p) const { return requester == p ? invitee : requester; }
  bool open() const {
    return status == MeetingStatus::Requested || status == MeetingStatus::Accepted;
  }
};

// [SECTION] Teams and announcements

struct Team {
  std::vector<ParticipantId> members;
  TableId table = 0;
  std::string reasons;  // why this team, as shown to its members
  bool operator==(const Team&) const = default;
};

// A team round is published once and locked: a new round replaces nothing.
struct TeamRound {
  RoundId id = 0;
  std::string name;
  SessionId session = 0;  // a team-round session: its date and start are the round's time
  std::vector<Team> teams;
  std::int64_t published_at = 0;
  bool operator==(const TeamRound&) const = default;
};

// How many announcements the state (and so every snapshot and replica) keeps.
inline constexpr std::size_t kKeptAnnouncements = 100;

struct Announcement {
  AnnouncementId id = 0;
  std::string text;
  std::int64_t at = 0;  // unix milliseconds
  bool operator==(const Announcement&) const = default;
};

// [SECTION] Pitching sessions

enum class PitchOutcome { Pending, Done, Skipped };

struct Pitch {
  ParticipantId pitcher = 0;
  int minutes = 5;
  PitchOutcome outcome = PitchOutcome::Pending;
  std::vector<ParticipantId> interested;  // in the order they tapped "interested"
  bool operator==(const Pitch&) const = default;
};

enum class PitchStatus {
  NotStarted,  // the order is set, nobody has pitched yet
  Pitching,    // the current pitch runs
  Paused,      // the current pitch is paused
  Between,     // no pitch runs; the next one waits for the organiser
  Finished,
};

struct PitchSession {
  SessionId session = 0;
  std::vector<Pitch> pitches;  // in pitching order
  PitchStatus status = PitchStatus::NotStarted;
  int current = -1;                 // the pitch running or paused, else -1
  std::int64_t running_since = 0;   // unix ms when the current pitch last started or resumed
  std::int64_t elapsed_before = 0;  // ms the current pitch ran before its last pause
  bool operator==(const PitchSession&) const = default;

  // Milliseconds the current pitch has run by `now_ms`.
  std::int64_t elapsed(std::int64_t now_ms) const {
    return elapsed_before + (status == PitchStatus::Pitching ? now_ms - running_since : 0);
  }
  // The next pitch still to come after the current one, or -1.
  int next_pending() const {
    for (int i = current + 1; i < static_cast<int>(pitches.size()); ++i) {
      if (pitches[i].outcome == PitchOutcome::Pending) return i;
    }
    return -1;
  }
};

// [SECTION] Policy clinics

// A workshop table of a policy clinic: a theme, its members, and the measures it proposes.
struct ClinicTable {
  ClinicTableId id = 0;
  SessionId session = 0;               // a policy-clinic session
  TableId table = 0;                   // where it sits
  std::string theme;                   // "mobility vouchers for creative companies"
  std::vector<ParticipantId> members;  // set when the organiser forms the clinic's tables
  std::string reasons;                 // why this mix, as shown to its members
  std::string outcome;                 // the policy measures the table proposes
  bool operator==(const ClinicTable&) const = default;
};

// [SECTION] After the event

// What came of a held meeting, months later, as one of its people tells it; in order, so that
// the better of two answers is the greater.
enum class FollowUpOutcome {
  NoContact,    // no further contact
  Knowledge,    // no further contact, but knowledge gained
  Valuable,     // a valuable contact
  Negotiation,  // a negotiation started
  Agreement,    // a cooperation agreement reached
};

struct FollowUpAnswer {
  FollowUpOutcome outcome = FollowUpOutcome::NoContact;
  std::string note;
  std::int64_t at = 0;  // unix milliseconds
  bool operator==(const FollowUpAnswer&) const = default;
};

// A follow-up round ("3 months after"): while it is open, each participant answers for each of
// their held meetings; both people's answers are kept.
struct FollowUpRound {
  FollowUpId id = 0;
  std::string name;
  bool open = true;
  std::int64_t opened_at = 0;  // unix milliseconds, when it was created
  std::map<std::pair<MeetingId, ParticipantId>, FollowUpAnswer> answers;
  bool operator==(const FollowUpRound&) const = default;
};

// [SECTION] Derived indexes

// Kept up to date by apply_operation() and rebuilt after loading; never stored or compared.
struct EventIndex {
  std::unordered_map<std::uint64_t, MeetingId> person_slot;  // (person, session, slot) -> meeting
  std::unordered_map<std::uint64_t, MeetingId> table_slot;   // (table, session, slot) -> meeting
  // Tables by (seats, id), and per (session, slot) which of those positions are booked, as bits:
  // free_table() finds the smallest free table by skipping 64 booked tables at a time instead of
  // looking up every table of every slot it tries.
  std::vector<std::pair<int, TableId>> table_order;
  std::unordered_map<TableId, std::size_t> table_position;
  std::unordered_map<std::uint32_t, std::vector<std::uint64_t>> slot_tables_booked;
  std::unordered_map<ParticipantId, std::vector<MeetingId>> person_meetings;  // every status
  std::unordered_map<std::uint64_t, std::vector<MeetingId>> pair_meetings;    // (low, high) -> all
  std::unordered_map<ParticipantId, int> open_requests;      // outgoing requests awaiting an answer
  std::unordered_map<ParticipantId, int> incoming_requests;  // requests awaiting their answer
  std::unordered_map<std::uint64_t, int>
      relationship_meetings;  // pair -> held CCI x growth x border
  std::unordered_map<std::string, ParticipantId> emails;
  std::unordered_map<std::string, ParticipantId> check_in_codes;  // code -> whose, every status
  std::unordered_map<ParticipantId, std::vector<RoundId>> person_rounds;  // published team rounds
  std::unordered_map<std::uint64_t, int> interest;  // pair -> "interested" taps between the two  //
                                                    // lower-case e-mail -> who registered it

  // Counters behind EventStatistics, kept incrementally.
  int participants_active = 0, participants_withdrawn = 0, participants_erased = 0;
  int arrived = 0;  // active participants checked in
  int requests = 0, pending = 0, accepted = 0, declined = 0, cancelled = 0;
  int held = 0, not_held = 0, accepted_cross_sector = 0, accepted_cross_border = 0;
  int relationships = 0;
};

inline std::uint64_t person_slot_key(ParticipantId p, SlotRef s) {
  return (static_cast<std::uint64_t>(p) << 32) | (static_cast<std::uint64_t>(s.session) << 16) |
         static_cast<std::uint64_t>(s.index);
}
inline std::uint64_t table_slot_key(TableId t, SlotRef s) {
  return person_slot_key(t, s);
}
inline std::uint32_t slot_key(SlotRef s) {
  return (static_cast<std::uint32_t>(s.session) << 16) | static_cast<std::uint32_t>(s.index);
}
inline std::uint64_t pair_key(ParticipantId a, ParticipantId b) {
  return a < b ? (static_cast<std::uint64_t>(a) << 32) | b
               : (static_cast<std::uint64_t>(b) << 32) | a;
}

// [SECTION] The state

struct EventState {
  EventInfo event;
  std::map<SessionId, Session> sessions;
  std::map<TableId, Table> tables;
  IdMap<ParticipantId, Participant> participants;
  IdMap<MeetingId, Meeting> meetings;
  std::map<RoundId, TeamRound> rounds;
  // The latest kKeptAnnouncements, oldest first; older ones stay in the operation log and the
  // store's announcements table, so that a snapshot stays small however many were sent.
  std::vector<Announcement> announcements;
  std::map<SessionId, PitchSession> pitching;
  std::map<ClinicTableId, ClinicTable> clinic_tables;
  std::map<ParticipantId, std::vector<ClinicTableId>> clinic_themes;  // the themes each one picked
  std::map<FollowUpId, FollowUpRound> follow_ups;

  // The next id of each kind the hub will assign.
  ParticipantId next_participant = 1;
  MeetingId next_meeting = 1;
  SessionId next_session = 1;
  TableId next_table = 1;
  RoundId next_round = 1;
  AnnouncementId next_announcement = 1;
  ClinicTableId next_clinic_table = 1;
  // Follow-up rounds are never removed: loaders set it to the last round's id + 1.
  FollowUpId next_follow_up = 1;

  EventIndex index;

  bool operator==(const EventState& o) const {
    return event == o.event && sessions == o.sessions && tables == o.tables &&
           participants == o.participants && meetings == o.meetings && rounds == o.rounds &&
           announcements == o.announcements && pitching == o.pitching &&
           clinic_tables == o.clinic_tables && clinic_themes == o.clinic_themes &&
           follow_ups == o.follow_ups && next_follow_up == o.next_follow_up &&
           next_clinic_table == o.next_clinic_table && next_participant == o.next_participant &&
           next_meeting == o.next_meeting && next_session == o.next_session &&
           next_table == o.next_table && next_round == o.next_round &&
           next_announcement == o.next_announcement;
  }

  const Participant* participant(ParticipantId id) const;
  const Meeting* meeting(MeetingId id) const;
  const Session* session(SessionId id) const;
  const Table* table(TableId id) const;
  // The meeting that occupies this person at this slot, or 0.
  MeetingId meeting_at(ParticipantId person, SlotRef slot) const;
  // True when a declined request lies between the two: they are never suggested to each other.
  bool declined_pair(ParticipantId a, ParticipantId b) const;
  // True when one tapped "interested" during the other's pitch.
  bool interested_pair(ParticipantId a, ParticipantId b) const;
};

const char* to_string(SessionKind kind);
const char* to_string(BookingMode mode);
const char* to_string(TimeOfDay time);
const char* to_string(ParticipantStatus status);
const char* to_string(MeetingStatus status);
const char* to_string(HeldState held);
const char* to_string(PitchOutcome outcome);
const char* to_string(PitchStatus status);
const char* to_string(FollowUpOutcome outcome);
bool parse_session_kind(std::string_view text, SessionKind& out);
bool parse_booking_mode(std::string_view text, BookingMode& out);
bool parse_time_of_day_requirement(std::string_view text, TimeOfDay& out);
bool parse_participant_status(std::string_view text, ParticipantStatus& out);
bool parse_meeting_status(std::string_view text, MeetingStatus& out);
bool parse_held_state(std::string_view text, HeldState& out);
bool parse_pitch_outcome(std::string_view text, PitchOutcome& out);
bool parse_pitch_status(std::string_view text, PitchStatus& out);
bool parse_follow_up_outcome(std::string_view text, FollowUpOutcome& out);
// Human labels: "One-to-one meetings".
const char* label(SessionKind kind);
// "Negotiation started".
const char* label(FollowUpOutcome outcome);

}  // namespace crossmatch::core
