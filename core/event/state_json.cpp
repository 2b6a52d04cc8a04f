// JSON of a whole event state: snapshots for clients far behind, and what replay prints.
#include "core/event/calendar.hpp"
#include "core/event/check_in_code.hpp"
#include "core/event/event_index.hpp"
#include "core/event/json_codec.hpp"
#include "core/event/json_values.hpp"

namespace crossmatch::core::json {
namespace {

constexpr std::int64_t kMaxId = UINT32_MAX;
constexpr std::size_t kTextBytes = 16 * 1024;

Json slot_list(const std::vector<SlotRef>& slots) {
  Json out = Json::array();
  for (const SlotRef& s : slots) out.push_back(to_json(s));
  return out;
}

Json feedback_json(const MeetingFeedback& f) {
  Json j{{"rating", f.rating}, {"comment", f.comment}};
  if (f.held != HeldState::Unknown) j["held"] = to_string(f.held);
  return j;
}

Json meeting_json(const Meeting& m) {
  Json j{{"id", m.id},
         {"requester", m.requester},
         {"invitee", m.invitee},
         {"introduced", m.introduced},
         {"offered", m.offered},
         {"message", m.message},
         {"preferred", slot_list(m.preferred)},
         {"requester_accepted", m.requester_accepted},
         {"invitee_accepted", m.invitee_accepted},
         {"status", to_string(m.status)},
         {"closed_by", m.closed_by},
         {"close_reason", m.close_reason},
         {"held", to_string(m.held)},
         {"requester_feedback", feedback_json(m.requester_feedback)},
         {"invitee_feedback", feedback_json(m.invitee_feedback)},
         {"requested_at", m.requested_at},
         {"accepted_at", m.accepted_at}};
  if (m.placement)
    j["placement"] = {{"session", m.placement->slot.session},
                      {"index", m.placement->slot.index},
                      {"table", m.placement->table}};
  if (m.pinned) j["pinned"] = to_json(*m.pinned);
  if (!m.after.empty()) j["after"] = m.after;
  return j;
}

Json session_json(const Session& s) {
  Json breaks = Json::array();
  for (const TimeRange& b : s.breaks)
    breaks.push_back({{"start", format_time_of_day(b.start)}, {"end", format_time_of_day(b.end)}});
  return Json{{"id", s.id},
              {"name", s.name},
              {"kind", to_string(s.kind)},
              {"date", format_date(s.date)},
              {"start", format_time_of_day(s.start)},
              {"end", format_time_of_day(s.end)},
              {"slot_minutes", s.slot_minutes},
              {"breaks", breaks}};
}

void read_time(ObjectReader& r, const std::string& key, int& minutes) {
  std::string text;
  r.string(key, text, true, 16);
  if (r.ok() && !parse_time_of_day(text, minutes))
    r.fail(key, "invalid", r.path(key) + " must be a time like 09:30.");
}

Result<Session> session_from(const Json& value, const std::string& path) {
  ObjectReader r(value, path + ".");
  Session s;
  r.integer_as("id", s.id, 1, kMaxId);
  r.string("name", s.name, true, kTextBytes);
  r.enumeration("kind", s.kind, parse_session_kind,
                "pitching, policy-clinic, meetings or team-round");
  std::string date;
  r.string("date", date, true, 32);
  if (r.ok() && !parse_date(date, s.date))
    r.fail("date", "invalid", r.path("date") + " must be a date.");
  read_time(r, "start", s.start);
  read_time(r, "end", s.end);
  r.integer_as("slot_minutes", s.slot_minutes, kMinSlotMinutes, kMaxSlotMinutes);
  if (const Json* breaks = r.array("breaks", kMaxBreaks, false)) {
    for (std::size_t i = 0; i < breaks->size(); ++i) {
      ObjectReader b((*breaks)[i], r.path("breaks") + "[" + std::to_string(i) + "].");
      TimeRange range;
      read_time(b, "start", range.start);
      read_time(b, "end", range.end);
      if (Status st = b.finish(); !st) return st.error();
      s.breaks.push_back(range);
    }
  }
  if (Status st = r.finish(); !st) return st.error();
  return s;
}

Result<MeetingFeedback> feedback_from(const Json& value, const std::string& path) {
  ObjectReader r(value, path + ".");
  MeetingFeedback f;
  r.integer_as("rating", f.rating, 0, 5);
  r.string("comment", f.comment, true, kTextBytes);
  r.enumeration("held", f.held, parse_held_state, "unknown, held or not-held", false);
  if (Status s = r.finish(); !s) return s.error();
  return f;
}

Result<Meeting> meeting_from(const Json& value, const std::string& path) {
  ObjectReader r(value, path + ".");
  Meeting m;
  r.integer_as("id", m.id, 1, kMaxId);
  r.integer_as("requester", m.requester, 1, kMaxId);
  r.integer_as("invitee", m.invitee, 1, kMaxId);
  r.boolean("introduced", m.introduced);
  r.boolean("offered", m.offered, false);
  r.string("message", m.message, true, kTextBytes);
  if (const Json* preferred = r.array("preferred", kMaxPreferredSlots, true)) {
    for (std::size_t i = 0; i < preferred->size(); ++i) {
      auto slot = slot_from((*preferred)[i], r.path("preferred") + "[" + std::to_string(i) + "]");
      if (!slot) return slot.error();
      m.preferred.push_back(*slot);
    }
  }
  r.boolean("requester_accepted", m.requester_accepted);
  r.boolean("invitee_accepted", m.invitee_accepted);
  r.enumeration("status", m.status, parse_meeting_status,
                "requested, accepted, declined or cancelled");
  r.integer_as("closed_by", m.closed_by, 0, kMaxId);
  r.string("close_reason", m.close_reason, true, kTextBytes);
  r.enumeration("held", m.held, parse_held_state, "held, not-held or unknown");
  for (const auto& [key, target] : {std::pair{"requester_feedback", &m.requester_feedback},
                                    std::pair{"invitee_feedback", &m.invitee_feedback}}) {
    if (const Json* f = r.object(key)) {
      auto feedback = feedback_from(*f, r.path(key));
      if (!feedback) return feedback.error();
      *target = *feedback;
    }
  }
  r.integer("requested_at", m.requested_at, 0, INT64_MAX);
  r.integer("accepted_at", m.accepted_at, 0, INT64_MAX);
  if (const Json* placement = r.object("placement", false)) {
    ObjectReader p(*placement, r.path("placement") + ".");
    Placement pl;
    p.integer_as("session", pl.slot.session, 1, kMaxId);
    p.integer_as("index", pl.slot.index, 0, static_cast<std::int64_t>(kMaxSlotsPerSession) - 1);
    p.integer_as("table", pl.table, 1, kMaxId);
    if (Status s = p.finish(); !s) return s.error();
    m.placement = pl;
  }
  if (const Json* pinned = r.object("pinned", false)) {
    auto slot = slot_from(*pinned, r.path("pinned"));
    if (!slot) return slot.error();
    m.pinned = *slot;
  }
  if (const Json* after = r.array("after", kMaxPrecedences, false)) {
    for (std::size_t i = 0; i < after->size(); ++i) {
      const Json& id = (*after)[i];
      const std::string at = r.path("after") + "[" + std::to_string(i) + "]";
      if (!id.is_number_unsigned() || id.get<std::uint64_t>() < 1 ||
          id.get<std::uint64_t>() > kMaxId)
        return make_error("invalid_type", at, at + " must be a meeting number.");
      const auto before = static_cast<MeetingId>(id.get<std::uint64_t>());
      if (before == m.id || (!m.after.empty() && before <= m.after.back()))
        return make_error("invalid", at,
                          at + " must be another meeting, in ascending order, each once.");
      m.after.push_back(before);
    }
  }
  if (Status s = r.finish(); !s) return s.error();
  return m;
}

template <class T, class Read>
Status read_list(ObjectReader& r, const std::string& key, std::size_t max, Read read,
                 std::vector<T>& out) {
  const Json* items = r.array(key, max, true);
  if (items == nullptr) return r.ok() ? Status::success() : Status(r.error());
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto item = read((*items)[i], r.path(key) + "[" + std::to_string(i) + "]");
    if (!item) return item.error();
    out.push_back(std::move(*item));
  }
  return Status::success();
}

}  // namespace

Json to_json(const EventState& state) {
  const EventInfo& e = state.event;
  Json j;
  j["event"] = {{"created", e.created},
                {"name", e.name},
                {"time_zone", e.time_zone},
                {"join_code", e.join_code},
                {"registration_open", e.registration_open},
                {"settings", to_json(e.settings)}};
  Json sessions = Json::array(), tables = Json::array(), participants = Json::array(),
       meetings = Json::array(), rounds = Json::array(), announcements = Json::array();
  for (const auto& [id, s] : state.sessions) sessions.push_back(session_json(s));
  for (const auto& [id, t] : state.tables)
    tables.push_back({{"id", t.id}, {"name", t.name}, {"seats", t.seats}});
  for (const auto& [id, p] : state.participants) {
    Json person{{"id", p.id},
                {"status", to_string(p.status)},
                {"profile", to_json(p.profile)},
                {"availability", to_json(p.availability)}};
    if (!p.check_in_code.empty()) person["check_in_code"] = p.check_in_code;
    if (p.arrived_at != 0) person["arrived_at"] = p.arrived_at;
    if (p.standby) person["standby"] = true;
    participants.push_back(std::move(person));
  }
  for (const auto& [id, m] : state.meetings) meetings.push_back(meeting_json(m));
  for (const auto& [id, round] : state.rounds) {
    Json teams = Json::array();
    for (const Team& t : round.teams)
      teams.push_back({{"members", t.members}, {"table", t.table}, {"reasons", t.reasons}});
    rounds.push_back({{"id", round.id},
                      {"name", round.name},
                      {"session", round.session},
                      {"teams", teams},
                      {"published_at", round.published_at}});
  }
  for (const Announcement& a : state.announcements)
    announcements.push_back({{"id", a.id}, {"text", a.text}, {"at", a.at}});
  Json pitching = Json::array();
  for (const auto& [id, ps] : state.pitching) {
    Json pitches = Json::array();
    for (const Pitch& p : ps.pitches)
      pitches.push_back({{"pitcher", p.pitcher},
                         {"minutes", p.minutes},
                         {"outcome", to_string(p.outcome)},
                         {"interested", p.interested}});
    pitching.push_back({{"session", ps.session},
                        {"pitches", pitches},
                        {"status", to_string(ps.status)},
                        {"current", ps.current},
                        {"running_since", ps.running_since},
                        {"elapsed_before", ps.elapsed_before}});
  }
  Json clinic = Json::array();
  for (const auto& [id, ct] : state.clinic_tables)
    clinic.push_back({{"id", ct.id},
                      {"session", ct.session},
                      {"table", ct.table},
                      {"theme", ct.theme},
                      {"members", ct.members},
                      {"reasons", ct.reasons},
                      {"outcome", ct.outcome}});
  Json themes = Json::array();
  for (const auto& [participant, picked] : state.clinic_themes)
    themes.push_back({{"participant", participant}, {"themes", picked}});
  Json follow_ups = Json::array();
  for (const auto& [id, round] : state.follow_ups) {
    Json answers = Json::array();
    for (const auto& [key, a] : round.answers)
      answers.push_back({{"meeting", key.first},
                         {"participant", key.second},
                         {"outcome", to_string(a.outcome)},
                         {"note", a.note},
                         {"at", a.at}});
    follow_ups.push_back({{"id", round.id},
                          {"name", round.name},
                          {"open", round.open},
                          {"opened_at", round.opened_at},
                          {"answers", std::move(answers)}});
  }
  j["follow_ups"] = std::move(follow_ups);
  j["pitching"] = std::move(pitching);
  j["clinic_tables"] = std::move(clinic);
  j["clinic_themes"] = std::move(themes);
  j["sessions"] = std::move(sessions);
  j["tables"] = std::move(tables);
  j["participants"] = std::move(participants);
  j["meetings"] = std::move(meetings);
  j["rounds"] = std::move(rounds);
  j["announcements"] = std::move(announcements);
  j["next"] = {{"participant", state.next_participant},
               {"meeting", state.next_meeting},
               {"session", state.next_session},
               {"table", state.next_table},
               {"round", state.next_round},
               {"announcement", state.next_announcement},
               {"clinic_table", state.next_clinic_table}};
  return j;
}

Result<EventState> state_from(const Json& value) {
  ObjectReader r(value, "");
  EventState state;
  if (const Json* event = r.object("event")) {
    ObjectReader e(*event, "event.");
    EventInfo& info = state.event;
    e.boolean("created", info.created);
    e.string("name", info.name, true, kTextBytes);
    e.string("time_zone", info.time_zone, true, 256);
    e.string("join_code", info.join_code, true, 256);
    e.boolean("registration_open", info.registration_open);
    if (const Json* settings = e.object("settings")) {
      auto s = settings_from(*settings, "event.settings");
      if (!s) return s.error();
      info.settings = *s;
    }
    if (Status s = e.finish(); !s) return s.error();
  }
  if (!r.ok()) return r.error();

  std::vector<Session> sessions;
  if (Status s = read_list(r, "sessions", kMaxSessions, session_from, sessions); !s)
    return s.error();
  for (auto& s : sessions) state.sessions[s.id] = std::move(s);

  std::vector<Table> tables;
  const auto table_from = [](const Json& v, const std::string& path) -> Result<Table> {
    ObjectReader t(v, path + ".");
    Table table;
    t.integer_as("id", table.id, 1, kMaxId);
    t.string("name", table.name, true, kTextBytes);
    t.integer_as("seats", table.seats, kMinSeats, kMaxSeats);
    if (Status s = t.finish(); !s) return s.error();
    return table;
  };
  if (Status s = read_list(r, "tables", kMaxTables, table_from, tables); !s) return s.error();
  for (auto& t : tables) state.tables[t.id] = std::move(t);

  std::vector<Participant> participants;
  const auto participant_from = [](const Json& v, const std::string& path) -> Result<Participant> {
    ObjectReader p(v, path + ".");
    Participant participant;
    p.integer_as("id", participant.id, 1, kMaxId);
    p.enumeration("status", participant.status, parse_participant_status,
                  "active, withdrawn or erased");
    if (const Json* profile = p.object("profile")) {
      auto prof = profile_from(*profile, p.path("profile"));
      if (!prof) return prof.error();
      participant.profile = *prof;
    }
    if (const Json* availability = p.object("availability")) {
      auto a = availability_from(*availability, p.path("availability"));
      if (!a) return a.error();
      participant.availability = *a;
    }
    p.string("check_in_code", participant.check_in_code, false, kCheckInCodeLength);
    if (!participant.check_in_code.empty() && !is_check_in_code(participant.check_in_code))
      return make_error("invalid", p.path("check_in_code"), "A check-in code is malformed.");
    p.integer("arrived_at", participant.arrived_at, 0, INT64_MAX, false);
    p.boolean("standby", participant.standby, false);
    if (Status s = p.finish(); !s) return s.error();
    return participant;
  };
  if (Status s = read_list(r, "participants", kMaxParticipants, participant_from, participants); !s)
    return s.error();
  for (auto& p : participants) state.participants[p.id] = std::move(p);

  std::vector<Meeting> meetings;
  if (Status s = read_list(r, "meetings", 10'000'000, meeting_from, meetings); !s) return s.error();
  for (auto& m : meetings) state.meetings[m.id] = std::move(m);

  std::vector<TeamRound> rounds;
  const auto round_from = [](const Json& v, const std::string& path) -> Result<TeamRound> {
    ObjectReader rr(v, path + ".");
    TeamRound round;
    rr.integer_as("id", round.id, 1, kMaxId);
    rr.string("name", round.name, true, kTextBytes);
    rr.integer_as("session", round.session, 1, kMaxId);
    rr.integer("published_at", round.published_at, 0, INT64_MAX);
    if (const Json* teams = rr.array("teams", kMaxTeamsPerRound, true)) {
      for (std::size_t i = 0; i < teams->size(); ++i) {
        ObjectReader t((*teams)[i], rr.path("teams") + "[" + std::to_string(i) + "].");
        Team team;
        if (const Json* members = t.array("members", 100, true)) {
          for (const Json& m : *members) {
            if (!m.is_number_unsigned())
              return make_error("invalid_type", t.path("members"),
                                t.path("members") + " holds participant numbers.");
            team.members.push_back(static_cast<ParticipantId>(m.get<std::uint64_t>()));
          }
        }
        t.integer_as("table", team.table, 1, kMaxId);
        t.string("reasons", team.reasons, true, kTextBytes);
        if (Status s = t.finish(); !s) return s.error();
        round.teams.push_back(std::move(team));
      }
    }
    if (Status s = rr.finish(); !s) return s.error();
    return round;
  };
  if (Status s = read_list(r, "rounds", 10000, round_from, rounds); !s) return s.error();
  for (auto& round : rounds) state.rounds[round.id] = std::move(round);

  const auto announcement_from = [](const Json& v,
                                    const std::string& path) -> Result<Announcement> {
    ObjectReader a(v, path + ".");
    Announcement announcement;
    a.integer_as("id", announcement.id, 1, kMaxId);
    a.string("text", announcement.text, true, kTextBytes);
    a.integer("at", announcement.at, 0, INT64_MAX);
    if (Status s = a.finish(); !s) return s.error();
    return announcement;
  };
  if (Status s = read_list(r, "announcements", 1'000'000, announcement_from, state.announcements);
      !s)
    return s.error();

  const auto ids_from = [](const Json* items, const std::string& path, auto& out) -> Status {
    if (items == nullptr) return Status::success();
    for (const Json& v : *items) {
      if (!v.is_number_unsigned() || v.get<std::uint64_t>() < 1 || v.get<std::uint64_t>() > kMaxId)
        return make_error("invalid_type", path, path + " holds numbers.");
      out.push_back(static_cast<std::uint32_t>(v.get<std::uint64_t>()));
    }
    return Status::success();
  };
  std::vector<PitchSession> pitching;
  const auto pitching_from = [&](const Json& v, const std::string& path) -> Result<PitchSession> {
    ObjectReader pr(v, path + ".");
    PitchSession ps;
    pr.integer_as("session", ps.session, 1, kMaxId);
    if (const Json* pitches = pr.array("pitches", kMaxPitches, true)) {
      for (std::size_t i = 0; i < pitches->size(); ++i) {
        ObjectReader item((*pitches)[i], pr.path("pitches") + "[" + std::to_string(i) + "].");
        Pitch p;
        item.integer_as("pitcher", p.pitcher, 1, kMaxId);
        item.integer_as("minutes", p.minutes, 1, kMaxPitchMinutes);
        item.enumeration("outcome", p.outcome, parse_pitch_outcome, "pending, done or skipped");
        if (Status s = ids_from(item.array("interested", kMaxParticipants, true),
                                item.path("interested"), p.interested);
            !s)
          return s.error();
        if (Status s = item.finish(); !s) return s.error();
        ps.pitches.push_back(std::move(p));
      }
    }
    pr.enumeration("status", ps.status, parse_pitch_status,
                   "not-started, pitching, paused, between or finished");
    pr.integer_as("current", ps.current, -1, static_cast<std::int64_t>(kMaxPitches) - 1);
    pr.integer("running_since", ps.running_since, 0, INT64_MAX);
    pr.integer("elapsed_before", ps.elapsed_before, 0, INT64_MAX);
    if (Status s = pr.finish(); !s) return s.error();
    if (ps.current >= static_cast<int>(ps.pitches.size()))
      return make_error("invalid", path + ".current", path + ".current is not one of its pitches.");
    return ps;
  };
  if (Status s = read_list(r, "pitching", kMaxSessions, pitching_from, pitching); !s)
    return s.error();
  for (auto& ps : pitching) state.pitching[ps.session] = std::move(ps);

  std::vector<ClinicTable> clinic;
  const auto clinic_from = [&](const Json& v, const std::string& path) -> Result<ClinicTable> {
    ObjectReader c(v, path + ".");
    ClinicTable ct;
    c.integer_as("id", ct.id, 1, kMaxId);
    c.integer_as("session", ct.session, 1, kMaxId);
    c.integer_as("table", ct.table, 1, kMaxId);
    c.string("theme", ct.theme, true, kTextBytes);
    if (Status s = ids_from(c.array("members", 100, true), c.path("members"), ct.members); !s)
      return s.error();
    c.string("reasons", ct.reasons, true, kTextBytes);
    c.string("outcome", ct.outcome, true, kTextBytes);
    if (Status s = c.finish(); !s) return s.error();
    return ct;
  };
  if (Status s = read_list(r, "clinic_tables", kMaxClinicTables, clinic_from, clinic); !s)
    return s.error();
  for (auto& ct : clinic) state.clinic_tables[ct.id] = std::move(ct);

  struct Picked {
    ParticipantId participant = 0;
    std::vector<ClinicTableId> themes;
  };
  std::vector<Picked> picked;
  const auto picked_from = [&](const Json& v, const std::string& path) -> Result<Picked> {
    ObjectReader t(v, path + ".");
    Picked p;
    t.integer_as("participant", p.participant, 1, kMaxId);
    if (Status s = ids_from(t.array("themes", kMaxThemesPicked, true), t.path("themes"), p.themes);
        !s)
      return s.error();
    if (Status s = t.finish(); !s) return s.error();
    return p;
  };
  if (Status s = read_list(r, "clinic_themes", kMaxParticipants, picked_from, picked); !s)
    return s.error();
  for (auto& p : picked) state.clinic_themes[p.participant] = std::move(p.themes);

  // Absent from the snapshots of versions before follow-up rounds.
  if (const Json* rounds = r.array("follow_ups", kMaxFollowUps, false)) {
    for (std::size_t i = 0; i < rounds->size(); ++i) {
      const std::string path = r.path("follow_ups") + "[" + std::to_string(i) + "]";
      ObjectReader f((*rounds)[i], path + ".");
      FollowUpRound round;
      f.integer_as("id", round.id, 1, kMaxId);
      f.string("name", round.name, true, kTextBytes);
      f.boolean("open", round.open);
      f.integer("opened_at", round.opened_at, 0, INT64_MAX);
      if (const Json* answers = f.array("answers", 20'000'000, true)) {
        for (std::size_t k = 0; k < answers->size(); ++k) {
          ObjectReader a((*answers)[k], f.path("answers") + "[" + std::to_string(k) + "].");
          MeetingId meeting = 0;
          ParticipantId participant = 0;
          FollowUpAnswer answer;
          a.integer_as("meeting", meeting, 1, kMaxId);
          a.integer_as("participant", participant, 1, kMaxId);
          a.enumeration("outcome", answer.outcome, parse_follow_up_outcome,
                        "no-contact, knowledge, valuable, negotiation or agreement");
          a.string("note", answer.note, true, kTextBytes);
          a.integer("at", answer.at, 0, INT64_MAX);
          if (Status s = a.finish(); !s) return s.error();
          round.answers[{meeting, participant}] = std::move(answer);
        }
      }
      if (Status s = f.finish(); !s) return s.error();
      state.next_follow_up = std::max(state.next_follow_up, round.id + 1);
      state.follow_ups[round.id] = std::move(round);
    }
  }
  if (!r.ok()) return r.error();

  if (const Json* next = r.object("next")) {
    ObjectReader n(*next, "next.");
    n.integer_as("participant", state.next_participant, 1, kMaxId);
    n.integer_as("meeting", state.next_meeting, 1, kMaxId);
    n.integer_as("session", state.next_session, 1, kMaxId);
    n.integer_as("table", state.next_table, 1, kMaxId);
    n.integer_as("round", state.next_round, 1, kMaxId);
    n.integer_as("announcement", state.next_announcement, 1, kMaxId);
    n.integer_as("clinic_table", state.next_clinic_table, 1, kMaxId);
    if (Status s = n.finish(); !s) return s.error();
  }
  if (Status s = r.finish(); !s) return s.error();
  return state;
}

}  // namespace crossmatch::core::json

namespace crossmatch::core {

std::string state_to_json(const EventState& state) {
  return json::to_json(state).dump();
}

Result<EventState> state_from_json(std::string_view text, const Taxonomy& taxonomy) {
  auto value = json::parse_json(text);
  if (!value) return value.error();
  auto state = json::state_from(*value);
  if (!state) return state.error();
  // References between the parts must hold before the indexes are built from them.
  for (const auto& [id, m] : state->meetings) {
    if (!state->participants.count(m.requester) || !state->participants.count(m.invitee))
      return make_error(
          "invalid", "meetings",
          "Meeting " + std::to_string(id) + " names a participant who is not in the state.");
    if (m.placement && (!state->sessions.count(m.placement->slot.session) ||
                        !state->tables.count(m.placement->table)))
      return make_error("invalid", "meetings",
                        "Meeting " + std::to_string(id) +
                            " is booked in a session or at a table that is not in the state.");
  }
  rebuild_index(*state, taxonomy);
  for (const auto& [id, m] : state->meetings) {
    if (m.placement &&
        m.placement->slot.index >= state->sessions.at(m.placement->slot.session).slot_count())
      return make_error(
          "invalid", "meetings",
          "Meeting " + std::to_string(id) + " is booked in a slot its session does not have.");
  }
  return state;
}

}  // namespace crossmatch::core
