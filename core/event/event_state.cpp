#include "core/event/event_state.hpp"

#include <string_view>

#include "core/i18n/translation.hpp"

namespace crossmatch::core {
namespace {

template <class Map>
const typename Map::mapped_type* find_in(const Map& map, typename Map::key_type id) {
  const auto it = map.find(id);
  return it == map.end() ? nullptr : &it->second;
}

template <class Enum, std::size_t N>
bool parse_enum(std::string_view text, Enum& out, const Enum (&values)[N]) {
  for (const Enum v : values) {
    if (text == to_string(v)) {
      out = v;
      return true;
    }
  }
  return false;
}

}  // namespace

const Participant* EventState::participant(ParticipantId id) const {
  return find_in(participants, id);
}
const Meeting* EventState::meeting(MeetingId id) const {
  return find_in(meetings, id);
}
const Session* EventState::session(SessionId id) const {
  return find_in(sessions, id);
}
const Table* EventState::table(TableId id) const {
  return find_in(tables, id);
}

MeetingId EventState::meeting_at(ParticipantId person, SlotRef slot) const {
  const auto it = index.person_slot.find(person_slot_key(person, slot));
  return it == index.person_slot.end() ? 0 : it->second;
}

bool EventState::declined_pair(ParticipantId a, ParticipantId b) const {
  const auto it = index.pair_meetings.find(pair_key(a, b));
  if (it == index.pair_meetings.end()) return false;
  for (const MeetingId id : it->second) {
    if (meetings.at(id).status == MeetingStatus::Declined) return true;
  }
  return false;
}

bool EventState::interested_pair(ParticipantId a, ParticipantId b) const {
  return index.interest.count(pair_key(a, b)) > 0;
}

const char* to_string(PitchOutcome outcome) {
  switch (outcome) {
    case PitchOutcome::Pending:
      return "pending";
    case PitchOutcome::Done:
      return "done";
    case PitchOutcome::Skipped:
      return "skipped";
  }
  return "pending";
}

const char* to_string(PitchStatus status) {
  switch (status) {
    case PitchStatus::NotStarted:
      return "not-started";
    case PitchStatus::Pitching:
      return "pitching";
    case PitchStatus::Paused:
      return "paused";
    case PitchStatus::Between:
      return "between";
    case PitchStatus::Finished:
      return "finished";
  }
  return "not-started";
}

bool parse_pitch_outcome(std::string_view text, PitchOutcome& out) {
  return parse_enum(text, out, {PitchOutcome::Pending, PitchOutcome::Done, PitchOutcome::Skipped});
}
bool parse_pitch_status(std::string_view text, PitchStatus& out) {
  return parse_enum(text, out,
                    {PitchStatus::NotStarted, PitchStatus::Pitching, PitchStatus::Paused,
                     PitchStatus::Between, PitchStatus::Finished});
}

const char* to_string(FollowUpOutcome outcome) {
  switch (outcome) {
    case FollowUpOutcome::NoContact:
      return "no-contact";
    case FollowUpOutcome::Knowledge:
      return "knowledge";
    case FollowUpOutcome::Valuable:
      return "valuable";
    case FollowUpOutcome::Negotiation:
      return "negotiation";
    case FollowUpOutcome::Agreement:
      return "agreement";
  }
  return "no-contact";
}
bool parse_follow_up_outcome(std::string_view text, FollowUpOutcome& out) {
  return parse_enum(
      text, out,
      {FollowUpOutcome::NoContact, FollowUpOutcome::Knowledge, FollowUpOutcome::Valuable,
       FollowUpOutcome::Negotiation, FollowUpOutcome::Agreement});
}
const char* label(FollowUpOutcome outcome) {
  switch (outcome) {
    case FollowUpOutcome::NoContact:
      return tr("No further contact");
    case FollowUpOutcome::Knowledge:
      return tr("No further contact, knowledge gained");
    case FollowUpOutcome::Valuable:
      return tr("Valuable contact");
    case FollowUpOutcome::Negotiation:
      return tr("Negotiation started");
    case FollowUpOutcome::Agreement:
      return tr("Cooperation agreement reached");
  }
  return tr("No further contact");
}

const char* to_string(SessionKind kind) {
  switch (kind) {
    case SessionKind::Pitching:
      return "pitching";
    case SessionKind::PolicyClinic:
      return "policy-clinic";
    case SessionKind::Meetings:
      return "meetings";
    case SessionKind::TeamRound:
      return "team-round";
    case SessionKind::Plenary:
      return "plenary";
  }
  return "meetings";
}

const char* label(SessionKind kind) {
  switch (kind) {
    case SessionKind::Pitching:
      return tr("Pitching event");
    case SessionKind::PolicyClinic:
      return tr("Policy clinic");
    case SessionKind::Meetings:
      return tr("One-to-one meetings");
    case SessionKind::TeamRound:
      return tr("Team round");
    case SessionKind::Plenary:
      return tr("Plenary (keynote)");
  }
  return tr("One-to-one meetings");
}

const char* to_string(BookingMode mode) {
  return mode == BookingMode::Instant ? "instant" : "deferred";
}

const char* to_string(TimeOfDay time) {
  switch (time) {
    case TimeOfDay::Any:
      return "any";
    case TimeOfDay::Morning:
      return "morning";
    case TimeOfDay::Afternoon:
      return "afternoon";
  }
  return "any";
}

const char* to_string(ParticipantStatus status) {
  switch (status) {
    case ParticipantStatus::Active:
      return "active";
    case ParticipantStatus::Withdrawn:
      return "withdrawn";
    case ParticipantStatus::Erased:
      return "erased";
  }
  return "active";
}

const char* to_string(MeetingStatus status) {
  switch (status) {
    case MeetingStatus::Requested:
      return "requested";
    case MeetingStatus::Accepted:
      return "accepted";
    case MeetingStatus::Declined:
      return "declined";
    case MeetingStatus::Cancelled:
      return "cancelled";
  }
  return "requested";
}

const char* to_string(HeldState held) {
  switch (held) {
    case HeldState::Unknown:
      return "unknown";
    case HeldState::Held:
      return "held";
    case HeldState::NotHeld:
      return "not-held";
  }
  return "unknown";
}

bool parse_session_kind(std::string_view text, SessionKind& out) {
  return parse_enum(text, out,
                    {SessionKind::Pitching, SessionKind::PolicyClinic, SessionKind::Meetings,
                     SessionKind::TeamRound, SessionKind::Plenary});
}
bool parse_booking_mode(std::string_view text, BookingMode& out) {
  return parse_enum(text, out, {BookingMode::Instant, BookingMode::Deferred});
}
bool parse_time_of_day_requirement(std::string_view text, TimeOfDay& out) {
  return parse_enum(text, out, {TimeOfDay::Any, TimeOfDay::Morning, TimeOfDay::Afternoon});
}
bool parse_participant_status(std::string_view text, ParticipantStatus& out) {
  return parse_enum(
      text, out,
      {ParticipantStatus::Active, ParticipantStatus::Withdrawn, ParticipantStatus::Erased});
}
bool parse_meeting_status(std::string_view text, MeetingStatus& out) {
  return parse_enum(text, out,
                    {MeetingStatus::Requested, MeetingStatus::Accepted, MeetingStatus::Declined,
                     MeetingStatus::Cancelled});
}
bool parse_held_state(std::string_view text, HeldState& out) {
  return parse_enum(text, out, {HeldState::Unknown, HeldState::Held, HeldState::NotHeld});
}

}  // namespace crossmatch::core
