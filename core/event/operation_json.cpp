// JSON of operations: {"id", "type", "actor", "at", "seq", ...the operation's own fields}.
#include <array>
#include <utility>

#include "core/event/calendar.hpp"
#include "core/event/check_in_code.hpp"
#include "core/event/json_codec.hpp"
#include "core/event/json_values.hpp"
#include "core/event/operation_json_writer.hpp"

namespace crossmatch::core::json {
namespace {

constexpr std::int64_t kMaxId = UINT32_MAX;
constexpr std::size_t kTextBytes = 16 * 1024;  // a bound on input; the rules count characters

Json slots_json(const std::vector<SlotRef>& slots) {
  Json out = Json::array();
  for (const SlotRef& s : slots) out.push_back(to_json(s));
  return out;
}

Json placement_json(const Placement& p) {
  return Json{{"session", p.slot.session}, {"index", p.slot.index}, {"table", p.table}};
}

Json time_ranges_json(const std::vector<TimeRange>& ranges) {
  Json out = Json::array();
  for (const TimeRange& r : ranges)
    out.push_back({{"start", format_time_of_day(r.start)}, {"end", format_time_of_day(r.end)}});
  return out;
}

Json team_json(const Team& t) {
  return Json{{"members", t.members}, {"table", t.table}, {"reasons", t.reasons}};
}

// [SECTION] Encoding each kind

void encode(Json& j, const CreateEvent& p) {
  j["name"] = p.name;
  j["time_zone"] = p.time_zone;
  j["join_code"] = p.join_code;
}
void encode(Json& j, const SetRegistration& p) {
  j["open"] = p.open;
}
void encode(Json& j, const SetSettings& p) {
  j["settings"] = to_json(p.settings);
}
void encode(Json& j, const DefineSession& p) {
  j["session"] = p.session;
  j["name"] = p.name;
  j["kind"] = to_string(p.kind);
  j["date"] = format_date(p.date);
  j["start"] = format_time_of_day(p.start);
  j["end"] = format_time_of_day(p.end);
  j["slot_minutes"] = p.slot_minutes;
  j["breaks"] = time_ranges_json(p.breaks);
}
void encode(Json& j, const RemoveSession& p) {
  j["session"] = p.session;
}
void encode(Json& j, const DefineTable& p) {
  j["table"] = p.table;
  j["name"] = p.name;
  j["seats"] = p.seats;
}
void encode(Json& j, const RemoveTable& p) {
  j["table"] = p.table;
}
void encode(Json& j, const Announce& p) {
  j["announcement"] = p.announcement;
  j["text"] = p.text;
}
void encode(Json& j, const ApplySchedule& p) {
  j["sessions"] = p.sessions;
  j["moves_allowed"] = p.moves_allowed;
  Json placements = Json::array();
  for (const auto& [meeting, placement] : p.placements) {
    Json item = placement_json(placement);
    item["meeting"] = meeting;
    placements.push_back(std::move(item));
  }
  j["placements"] = std::move(placements);
}
void encode(Json& j, const PinMeeting& p) {
  j["meeting"] = p.meeting;
  j["slot"] = to_json(p.slot);
}
void encode(Json& j, const UnpinMeeting& p) {
  j["meeting"] = p.meeting;
}
void encode(Json& j, const AddPrecedence& p) {
  j["before"] = p.before;
  j["after"] = p.after;
}
void encode(Json& j, const RemovePrecedence& p) {
  j["before"] = p.before;
  j["after"] = p.after;
}
void encode(Json& j, const PublishTeamRound& p) {
  j["round"] = p.round;
  j["name"] = p.name;
  j["session"] = p.session;
  Json teams = Json::array();
  for (const Team& t : p.teams) teams.push_back(team_json(t));
  j["teams"] = std::move(teams);
}
void encode(Json& j, const Register& p) {
  j["participant"] = p.participant;
  j["profile"] = to_json(p.profile);
  j["availability"] = to_json(p.availability);
  if (!p.claim.empty()) j["claim"] = p.claim;
  if (!p.check_in_code.empty()) j["check_in_code"] = p.check_in_code;
  if (p.arrived) j["arrived"] = true;
}
void encode(Json& j, const EditProfile& p) {
  j["participant"] = p.participant;
  j["profile"] = to_json(p.profile);
}
void encode(Json& j, const SetAvailability& p) {
  j["participant"] = p.participant;
  j["availability"] = to_json(p.availability);
}
void encode(Json& j, const Withdraw& p) {
  j["participant"] = p.participant;
}
void encode(Json& j, const Erase& p) {
  j["participant"] = p.participant;
}
void encode(Json& j, const RequestMeeting& p) {
  j["meeting"] = p.meeting;
  j["from"] = p.from;
  j["to"] = p.to;
  j["message"] = p.message;
  j["preferred"] = slots_json(p.preferred);
}
void encode(Json& j, const Introduce& p) {
  j["meeting"] = p.meeting;
  j["first"] = p.first;
  j["second"] = p.second;
  j["note"] = p.note;
  j["preferred"] = slots_json(p.preferred);
}
void encode(Json& j, const AcceptMeeting& p) {
  j["meeting"] = p.meeting;
  if (p.slot) j["slot"] = to_json(*p.slot);
  if (p.placement) j["placement"] = placement_json(*p.placement);
}
void encode(Json& j, const DeclineMeeting& p) {
  j["meeting"] = p.meeting;
  j["reason"] = p.reason;
}
void encode(Json& j, const ProposeSlot& p) {
  j["meeting"] = p.meeting;
  j["slot"] = to_json(p.slot);
}
void encode(Json& j, const CancelMeeting& p) {
  j["meeting"] = p.meeting;
  j["reason"] = p.reason;
}
void encode(Json& j, const WithdrawIntroduction& p) {
  j["meeting"] = p.meeting;
  j["first"] = p.first;
  j["second"] = p.second;
  j["reason"] = p.reason;
}
void encode(Json& j, const GiveFeedback& p) {
  j["meeting"] = p.meeting;
  j["held"] = to_string(p.held);
  j["rating"] = p.rating;
  j["comment"] = p.comment;
}

void encode(Json& j, const SetPitchOrder& p) {
  j["session"] = p.session;
  Json pitches = Json::array();
  for (const PitchSlot& slot : p.pitches)
    pitches.push_back({{"pitcher", slot.pitcher}, {"minutes", slot.minutes}});
  j["pitches"] = std::move(pitches);
}
void encode(Json& j, const ControlPitch& p) {
  j["session"] = p.session;
  j["action"] = to_string(p.action);
}
void encode(Json& j, const MarkInterested& p) {
  j["session"] = p.session;
  j["pitcher"] = p.pitcher;
  j["interested"] = p.interested;
}
void encode(Json& j, const ReopenPitch& p) {
  j["session"] = p.session;
  j["pitcher"] = p.pitcher;
}
void encode(Json& j, const DefineClinicTable& p) {
  j["clinic_table"] = p.clinic_table;
  j["session"] = p.session;
  j["table"] = p.table;
  j["theme"] = p.theme;
}
void encode(Json& j, const PickThemes& p) {
  j["participant"] = p.participant;
  j["themes"] = p.themes;
}
void encode(Json& j, const FormClinicTables& p) {
  j["session"] = p.session;
  Json seating = Json::array();
  for (const ClinicSeating& s : p.seating)
    seating.push_back(
        {{"clinic_table", s.clinic_table}, {"members", s.members}, {"reasons", s.reasons}});
  j["seating"] = std::move(seating);
}
void encode(Json& j, const RecordClinicOutcome& p) {
  j["clinic_table"] = p.clinic_table;
  j["outcome"] = p.outcome;
}

void encode(Json& j, const DefineFollowUp& p) {
  j["follow_up"] = p.follow_up;
  j["name"] = p.name;
  j["open"] = p.open;
}
void encode(Json& j, const RateFollowUp& p) {
  j["follow_up"] = p.follow_up;
  j["meeting"] = p.meeting;
  j["participant"] = p.participant;
  j["outcome"] = to_string(p.outcome);
  j["note"] = p.note;
}

void encode(Json& j, const CheckIn& p) {
  j["code"] = p.code;
  j["participant"] = p.participant;
}

void encode(Json& j, const ExpireRequest& p) {
  j["meeting"] = p.meeting;
}

void encode(Json& j, const SetStandby& p) {
  j["participant"] = p.participant;
  j["on"] = p.on;
}

void encode(Json& j, const OfferSlot& p) {
  j["meeting"] = p.meeting;
  j["first"] = p.first;
  j["second"] = p.second;
  j["slot"] = to_json(p.slot);
}

// [SECTION] Decoding helpers

// An array of ids (participant or table numbers) 1..kMaxId.
template <class Id>
bool read_ids(ObjectReader& r, const std::string& key, std::vector<Id>& out, std::size_t max,
              bool required, const char* what) {
  const Json* items = r.array(key, max, required);
  if (items == nullptr) return r.ok();
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Json& v = (*items)[i];
    if (!v.is_number_unsigned() || v.get<std::uint64_t>() < 1 || v.get<std::uint64_t>() > kMaxId) {
      r.fail(key, "invalid_type",
             r.path(key) + "[" + std::to_string(i) + "] must be " + what + ".");
      return false;
    }
    out.push_back(static_cast<Id>(v.get<std::uint64_t>()));
  }
  return true;
}

bool read_slots(ObjectReader& r, const std::string& key, std::vector<SlotRef>& out, std::size_t max,
                std::optional<Error>& error) {
  const Json* items = r.array(key, max, false);
  if (items == nullptr) return r.ok();
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto slot = slot_from((*items)[i], r.path(key) + "[" + std::to_string(i) + "]");
    if (!slot) {
      error = slot.error();
      return false;
    }
    out.push_back(*slot);
  }
  return true;
}

Result<Placement> placement_from(const Json& value, const std::string& path) {
  ObjectReader r(value, path + ".");
  Placement p;
  r.integer_as("session", p.slot.session, 1, kMaxId);
  r.integer_as("index", p.slot.index, 0, static_cast<std::int64_t>(kMaxSlotsPerSession) - 1);
  r.integer_as("table", p.table, 1, kMaxId);
  if (Status s = r.finish(); !s) return s.error();
  return p;
}

void read_time(ObjectReader& r, const std::string& key, int& minutes) {
  std::string text;
  r.string(key, text, true, 16);
  if (r.ok() && !parse_time_of_day(text, minutes))
    r.fail(key, "invalid", r.path(key) + " must be a time like 09:30, not '" + text + "'.");
}

// [SECTION] Decoding each kind (the reader has the envelope's fields marked as read)

template <class T>
Result<OperationPayload> decode(ObjectReader& r);

template <>
Result<OperationPayload> decode<CreateEvent>(ObjectReader& r) {
  CreateEvent p;
  r.string("name", p.name, true, kTextBytes);
  r.string("time_zone", p.time_zone, true, 256);
  r.string("join_code", p.join_code, true, 256);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<SetRegistration>(ObjectReader& r) {
  SetRegistration p;
  r.boolean("open", p.open);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<SetSettings>(ObjectReader& r) {
  const Json* settings = r.object("settings");
  if (settings == nullptr) return r.error();
  auto s = settings_from(*settings, r.path("settings"));
  if (!s) return s.error();
  return OperationPayload{SetSettings{*s}};
}
template <>
Result<OperationPayload> decode<DefineSession>(ObjectReader& r) {
  DefineSession p;
  r.integer_as("session", p.session, 0, kMaxId, false);
  r.string("name", p.name, true, kTextBytes);
  r.enumeration("kind", p.kind, parse_session_kind,
                "pitching, policy-clinic, meetings or team-round");
  std::string date;
  r.string("date", date, true, 32);
  if (r.ok() && !parse_date(date, p.date))
    r.fail("date", "invalid",
           r.path("date") + " must be a date like 2026-05-14, not '" + date + "'.");
  read_time(r, "start", p.start);
  read_time(r, "end", p.end);
  r.integer_as("slot_minutes", p.slot_minutes, 1, 24 * 60, false);
  if (const Json* breaks = r.array("breaks", kMaxBreaks, false)) {
    for (std::size_t i = 0; i < breaks->size(); ++i) {
      ObjectReader b((*breaks)[i], r.path("breaks") + "[" + std::to_string(i) + "].");
      TimeRange range;
      read_time(b, "start", range.start);
      read_time(b, "end", range.end);
      if (Status s = b.finish(); !s) return s.error();
      p.breaks.push_back(range);
    }
  }
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<RemoveSession>(ObjectReader& r) {
  RemoveSession p;
  r.integer_as("session", p.session, 1, kMaxId);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<DefineTable>(ObjectReader& r) {
  DefineTable p;
  r.integer_as("table", p.table, 0, kMaxId, false);
  r.string("name", p.name, true, kTextBytes);
  r.integer_as("seats", p.seats, -1000000, 1000000, false);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<RemoveTable>(ObjectReader& r) {
  RemoveTable p;
  r.integer_as("table", p.table, 1, kMaxId);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<Announce>(ObjectReader& r) {
  Announce p;
  r.integer_as("announcement", p.announcement, 0, kMaxId, false);
  r.string("text", p.text, true, kTextBytes);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<ApplySchedule>(ObjectReader& r) {
  ApplySchedule p;
  read_ids(r, "sessions", p.sessions, kMaxSessions, true, "a session number");
  r.boolean("moves_allowed", p.moves_allowed, false);
  if (const Json* items = r.array("placements", kMaxPlacements, true)) {
    p.placements.reserve(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
      const std::string path = r.path("placements") + "[" + std::to_string(i) + "]";
      const Json& item = (*items)[i];
      if (!item.is_object() || !item.contains("meeting"))
        return make_error("invalid_type", path,
                          path + " must be an object with meeting, session, index and table.");
      Json rest = item;
      const Json meeting = rest["meeting"];
      rest.erase("meeting");
      if (!meeting.is_number_unsigned() || meeting.get<std::uint64_t>() < 1 ||
          meeting.get<std::uint64_t>() > kMaxId)
        return make_error("invalid_type", path + ".meeting",
                          path + ".meeting must be a meeting number.");
      auto placement = placement_from(rest, path);
      if (!placement) return placement.error();
      p.placements.emplace_back(static_cast<MeetingId>(meeting.get<std::uint64_t>()), *placement);
    }
  }
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<PublishTeamRound>(ObjectReader& r) {
  PublishTeamRound p;
  r.integer_as("round", p.round, 0, kMaxId, false);
  r.string("name", p.name, true, kTextBytes);
  r.integer_as("session", p.session, 1, kMaxId);
  if (const Json* teams = r.array("teams", kMaxTeamsPerRound, true)) {
    for (std::size_t i = 0; i < teams->size(); ++i) {
      ObjectReader t((*teams)[i], r.path("teams") + "[" + std::to_string(i) + "].");
      Team team;
      if (const Json* members = t.array("members", 100, true)) {
        for (std::size_t k = 0; k < members->size(); ++k) {
          const Json& m = (*members)[k];
          if (!m.is_number_unsigned() || m.get<std::uint64_t>() < 1 ||
              m.get<std::uint64_t>() > kMaxId)
            return make_error(
                "invalid_type", t.path("members") + "[" + std::to_string(k) + "]",
                t.path("members") + "[" + std::to_string(k) + "] must be a participant number.");
          team.members.push_back(static_cast<ParticipantId>(m.get<std::uint64_t>()));
        }
      }
      t.integer_as("table", team.table, 1, kMaxId);
      t.string("reasons", team.reasons, false, kTextBytes);
      if (Status s = t.finish(); !s) return s.error();
      p.teams.push_back(std::move(team));
    }
  }
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<Register>(ObjectReader& r) {
  Register p;
  r.integer_as("participant", p.participant, 0, kMaxId, false);
  const Json* profile = r.object("profile");
  if (profile == nullptr) return r.error();
  auto prof = profile_from(*profile, r.path("profile"));
  if (!prof) return prof.error();
  p.profile = *prof;
  if (const Json* availability = r.object("availability", false)) {
    auto a = availability_from(*availability, r.path("availability"));
    if (!a) return a.error();
    p.availability = *a;
  }
  r.string("claim", p.claim, false, kMaxClaimLength);
  r.string("check_in_code", p.check_in_code, false, kCheckInCodeLength);
  r.boolean("arrived", p.arrived, false);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<EditProfile>(ObjectReader& r) {
  EditProfile p;
  r.integer_as("participant", p.participant, 1, kMaxId);
  const Json* profile = r.object("profile");
  if (profile == nullptr) return r.error();
  auto prof = profile_from(*profile, r.path("profile"));
  if (!prof) return prof.error();
  p.profile = *prof;
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<SetAvailability>(ObjectReader& r) {
  SetAvailability p;
  r.integer_as("participant", p.participant, 1, kMaxId);
  const Json* availability = r.object("availability");
  if (availability == nullptr) return r.error();
  auto a = availability_from(*availability, r.path("availability"));
  if (!a) return a.error();
  p.availability = *a;
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<Withdraw>(ObjectReader& r) {
  Withdraw p;
  r.integer_as("participant", p.participant, 1, kMaxId);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<Erase>(ObjectReader& r) {
  Erase p;
  r.integer_as("participant", p.participant, 1, kMaxId);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<RequestMeeting>(ObjectReader& r) {
  RequestMeeting p;
  std::optional<Error> error;
  r.integer_as("meeting", p.meeting, 0, kMaxId, false);
  r.integer_as("from", p.from, 1, kMaxId);
  r.integer_as("to", p.to, 1, kMaxId);
  r.string("message", p.message, false, kTextBytes);
  if (!read_slots(r, "preferred", p.preferred, kMaxPreferredSlots, error) && error) return *error;
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<Introduce>(ObjectReader& r) {
  Introduce p;
  std::optional<Error> error;
  r.integer_as("meeting", p.meeting, 0, kMaxId, false);
  r.integer_as("first", p.first, 1, kMaxId);
  r.integer_as("second", p.second, 1, kMaxId);
  r.string("note", p.note, false, kTextBytes);
  if (!read_slots(r, "preferred", p.preferred, kMaxPreferredSlots, error) && error) return *error;
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<AcceptMeeting>(ObjectReader& r) {
  AcceptMeeting p;
  r.integer_as("meeting", p.meeting, 1, kMaxId);
  if (const Json* slot = r.object("slot", false)) {
    auto s = slot_from(*slot, r.path("slot"));
    if (!s) return s.error();
    p.slot = *s;
  }
  if (const Json* placement = r.object("placement", false)) {
    auto pl = placement_from(*placement, r.path("placement"));
    if (!pl) return pl.error();
    p.placement = *pl;
  }
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<DeclineMeeting>(ObjectReader& r) {
  DeclineMeeting p;
  r.integer_as("meeting", p.meeting, 1, kMaxId);
  r.string("reason", p.reason, false, kTextBytes);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<ProposeSlot>(ObjectReader& r) {
  ProposeSlot p;
  r.integer_as("meeting", p.meeting, 1, kMaxId);
  const Json* slot = r.object("slot");
  if (slot == nullptr) return r.error();
  auto s = slot_from(*slot, r.path("slot"));
  if (!s) return s.error();
  p.slot = *s;
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<CancelMeeting>(ObjectReader& r) {
  CancelMeeting p;
  r.integer_as("meeting", p.meeting, 1, kMaxId);
  r.string("reason", p.reason, false, kTextBytes);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<WithdrawIntroduction>(ObjectReader& r) {
  WithdrawIntroduction p;
  r.integer_as("meeting", p.meeting, 0, kMaxId, false);
  r.integer_as("first", p.first, 1, kMaxId);
  r.integer_as("second", p.second, 1, kMaxId);
  r.string("reason", p.reason, false, kTextBytes);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<GiveFeedback>(ObjectReader& r) {
  GiveFeedback p;
  r.integer_as("meeting", p.meeting, 1, kMaxId);
  r.enumeration("held", p.held, parse_held_state, "held, not-held or unknown", false);
  r.integer_as("rating", p.rating, -1000, 1000, false);
  r.string("comment", p.comment, false, kTextBytes);
  return OperationPayload{p};
}

template <>
Result<OperationPayload> decode<SetPitchOrder>(ObjectReader& r) {
  SetPitchOrder p;
  r.integer_as("session", p.session, 1, kMaxId);
  if (const Json* pitches = r.array("pitches", kMaxPitches, true)) {
    for (std::size_t i = 0; i < pitches->size(); ++i) {
      ObjectReader item((*pitches)[i], r.path("pitches") + "[" + std::to_string(i) + "].");
      PitchSlot slot;
      item.integer_as("pitcher", slot.pitcher, 1, kMaxId);
      item.integer_as("minutes", slot.minutes, -1000, 1000, false);
      if (Status s = item.finish(); !s) return s.error();
      p.pitches.push_back(slot);
    }
  }
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<ControlPitch>(ObjectReader& r) {
  ControlPitch p;
  r.integer_as("session", p.session, 1, kMaxId);
  r.enumeration("action", p.action, parse_pitch_action,
                "start, pause, resume, end, skip or finish");
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<MarkInterested>(ObjectReader& r) {
  MarkInterested p;
  r.integer_as("session", p.session, 1, kMaxId);
  r.integer_as("pitcher", p.pitcher, 1, kMaxId);
  r.boolean("interested", p.interested, false);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<ReopenPitch>(ObjectReader& r) {
  ReopenPitch p;
  r.integer_as("session", p.session, 1, kMaxId);
  r.integer_as("pitcher", p.pitcher, 1, kMaxId);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<DefineClinicTable>(ObjectReader& r) {
  DefineClinicTable p;
  r.integer_as("clinic_table", p.clinic_table, 0, kMaxId, false);
  r.integer_as("session", p.session, 1, kMaxId);
  r.integer_as("table", p.table, 1, kMaxId);
  r.string("theme", p.theme, true, kTextBytes);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<PickThemes>(ObjectReader& r) {
  PickThemes p;
  r.integer_as("participant", p.participant, 1, kMaxId);
  read_ids(r, "themes", p.themes, kMaxThemesPicked * 5, false, "a clinic table number");
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<FormClinicTables>(ObjectReader& r) {
  FormClinicTables p;
  r.integer_as("session", p.session, 1, kMaxId);
  if (const Json* seating = r.array("seating", kMaxClinicTables, true)) {
    for (std::size_t i = 0; i < seating->size(); ++i) {
      ObjectReader item((*seating)[i], r.path("seating") + "[" + std::to_string(i) + "].");
      ClinicSeating s;
      item.integer_as("clinic_table", s.clinic_table, 1, kMaxId);
      read_ids(item, "members", s.members, 100, true, "a participant number");
      item.string("reasons", s.reasons, false, kTextBytes);
      if (Status st = item.finish(); !st) return st.error();
      p.seating.push_back(std::move(s));
    }
  }
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<RecordClinicOutcome>(ObjectReader& r) {
  RecordClinicOutcome p;
  r.integer_as("clinic_table", p.clinic_table, 1, kMaxId);
  r.string("outcome", p.outcome, true, kTextBytes);
  return OperationPayload{p};
}

template <>
Result<OperationPayload> decode<DefineFollowUp>(ObjectReader& r) {
  DefineFollowUp p;
  r.integer_as("follow_up", p.follow_up, 0, kMaxId, false);
  r.string("name", p.name, true, kTextBytes);
  r.boolean("open", p.open, false);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<RateFollowUp>(ObjectReader& r) {
  RateFollowUp p;
  r.integer_as("follow_up", p.follow_up, 1, kMaxId);
  r.integer_as("meeting", p.meeting, 1, kMaxId);
  r.integer_as("participant", p.participant, 1, kMaxId);
  r.enumeration("outcome", p.outcome, parse_follow_up_outcome,
                "no-contact, knowledge, valuable, negotiation or agreement");
  r.string("note", p.note, false, kTextBytes);
  return OperationPayload{p};
}

template <>
Result<OperationPayload> decode<PinMeeting>(ObjectReader& r) {
  PinMeeting p;
  r.integer_as("meeting", p.meeting, 1, kMaxId);
  const Json* slot = r.object("slot");
  if (slot == nullptr) return r.error();
  auto s = slot_from(*slot, r.path("slot"));
  if (!s) return s.error();
  p.slot = *s;
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<UnpinMeeting>(ObjectReader& r) {
  UnpinMeeting p;
  r.integer_as("meeting", p.meeting, 1, kMaxId);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<AddPrecedence>(ObjectReader& r) {
  AddPrecedence p;
  r.integer_as("before", p.before, 1, kMaxId);
  r.integer_as("after", p.after, 1, kMaxId);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<RemovePrecedence>(ObjectReader& r) {
  RemovePrecedence p;
  r.integer_as("before", p.before, 1, kMaxId);
  r.integer_as("after", p.after, 1, kMaxId);
  return OperationPayload{p};
}

template <>
Result<OperationPayload> decode<CheckIn>(ObjectReader& r) {
  CheckIn p;
  r.string("code", p.code, false, kMaxTypedCheckInCode);
  r.integer_as("participant", p.participant, 0, kMaxId, false);
  return OperationPayload{p};
}

template <>
Result<OperationPayload> decode<ExpireRequest>(ObjectReader& r) {
  ExpireRequest p;
  r.integer_as("meeting", p.meeting, 1, kMaxId);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<SetStandby>(ObjectReader& r) {
  SetStandby p;
  r.integer_as("participant", p.participant, 1, kMaxId);
  r.boolean("on", p.on);
  return OperationPayload{p};
}
template <>
Result<OperationPayload> decode<OfferSlot>(ObjectReader& r) {
  OfferSlot p;
  r.integer_as("meeting", p.meeting, 0, kMaxId, false);
  r.integer_as("first", p.first, 1, kMaxId);
  r.integer_as("second", p.second, 1, kMaxId);
  const Json* slot = r.object("slot");
  if (slot == nullptr) return r.error();
  auto s = slot_from(*slot, r.path("slot"));
  if (!s) return s.error();
  p.slot = *s;
  return OperationPayload{p};
}

using Decoder = Result<OperationPayload> (*)(ObjectReader&);

template <std::size_t... I>
constexpr std::array<Decoder, sizeof...(I)> make_decoders(std::index_sequence<I...>) {
  return {&decode<std::variant_alternative_t<I, OperationPayload>>...};
}

}  // namespace

Json to_json(const Operation& op) {
  Json j;
  j["id"] = op.id;
  j["type"] = operation_type(op.payload);
  Json actor{{"role", to_string(op.actor.role)}};
  if (op.actor.participant != 0) actor["participant"] = op.actor.participant;
  j["actor"] = std::move(actor);
  j["at"] = op.at;
  if (op.sequence != 0) j["seq"] = op.sequence;
  std::visit([&](const auto& p) { encode(j, p); }, op.payload);
  return j;
}

Result<Operation> operation_from(const Json& value) {
  ObjectReader r(value, "");
  Operation op;
  r.string("id", op.id, true, 256);
  std::string type;
  r.string("type", type, true, 64);
  if (const Json* actor = r.object("actor")) {
    ObjectReader a(*actor, "actor.");
    a.enumeration("role", op.actor.role, parse_role, "organiser, broker or participant");
    a.integer_as("participant", op.actor.participant, 0, kMaxId, false);
    if (Status s = a.finish(); !s) return s.error();
  }
  r.integer("at", op.at, 0, INT64_MAX, false);
  std::int64_t seq = 0;
  r.integer("seq", seq, 0, INT64_MAX, false);
  op.sequence = static_cast<std::uint64_t>(seq);
  if (!r.ok()) return r.error();

  static constexpr auto kDecoders =
      make_decoders(std::make_index_sequence<std::variant_size_v<OperationPayload>>{});
  const int index = operation_index(type);
  if (index >= 0) {
    auto payload = kDecoders[static_cast<std::size_t>(index)](r);
    if (!payload) return payload.error();
    if (!r.ok()) return r.error();
    if (Status s = r.finish(); !s) return s.error();
    op.payload = std::move(*payload);
    return op;
  }
  return make_error("unknown_operation", "type", "'" + type + "' is not a kind of operation.");
}

}  // namespace crossmatch::core::json

namespace crossmatch::core {

std::string operation_to_json(const Operation& operation) {
  // The frequent kinds are written directly (several times faster); the text is the same.
  std::string out;
  if (detail::write_operation_json(operation, out)) return out;
  return json::to_json(operation).dump();
}

Result<Operation> operation_from_json(std::string_view text) {
  if (text.size() > kMaxOperationJsonBytes)
    return make_error(
        "too_long", "",
        "The operation is larger than " + std::to_string(kMaxOperationJsonBytes) + " bytes.");
  auto value = json::parse_json(text);
  if (!value) return value.error();
  return json::operation_from(*value);
}

}  // namespace crossmatch::core
