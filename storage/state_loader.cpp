#include "storage/state_loader.hpp"

#include <cstdio>
#include <optional>

#include "core/event/calendar.hpp"
#include "core/event/event_index.hpp"
#include "core/event/json_values.hpp"
#include "storage/column_codec.hpp"
#include "storage/sqlite_support.hpp"

namespace crossmatch::storage::detail {
namespace {

core::Error corrupt(const std::string& table, std::int64_t id, const std::string& column) {
  return core::make_error("corrupt", "file",
                          "The database is damaged: table " + table + ", row " + std::to_string(id) +
                              ", column " + column +
                              " does not hold a valid value. Restore the event from a backup.");
}

template <class Id>
bool read_id(const Rows& r, int column, Id& out) {
  const std::int64_t v = r.integer(column);
  if (v < 0 || v > static_cast<std::int64_t>(UINT32_MAX)) return false;
  out = static_cast<Id>(v);
  return true;
}

using Error = std::optional<core::Error>;

Error read_event(SQLite::Database& db, core::EventState& state) {
  Rows r(db,
         "SELECT created, name, time_zone, join_code, registration_open, settings, "
         "next_participant, next_meeting, next_session, next_table, next_round, "
         "next_announcement, next_clinic_table FROM event WHERE id = 1");
  if (!r.next()) return std::nullopt;  // nothing applied yet
  core::EventInfo& e = state.event;
  e.created = r.integer(0) != 0;
  e.name = r.string(1);
  e.time_zone = r.string(2);
  e.join_code = r.string(3);
  e.registration_open = r.integer(4) != 0;
  auto settings_json = core::json::parse_json(r.text(5));
  if (!settings_json) return corrupt("event", 1, "settings");
  auto settings = core::json::settings_from(*settings_json, "settings.");
  if (!settings) return corrupt("event", 1, "settings");
  e.settings = *settings;
  if (!read_id(r, 6, state.next_participant) || !read_id(r, 7, state.next_meeting) ||
      !read_id(r, 8, state.next_session) || !read_id(r, 9, state.next_table) ||
      !read_id(r, 10, state.next_round) || !read_id(r, 11, state.next_announcement) ||
      !read_id(r, 12, state.next_clinic_table))
    return corrupt("event", 1, "next ids");
  return std::nullopt;
}

Error read_sessions(SQLite::Database& db, core::EventState& state) {
  Rows r(db,
         "SELECT id, name, kind, date, start_time, end_time, slot_minutes, breaks FROM sessions "
         "ORDER BY id");
  while (r.next()) {
    core::Session s;
    const std::int64_t id = r.integer(0);
    if (!read_id(r, 0, s.id)) return corrupt("sessions", id, "id");
    s.name = r.string(1);
    if (!core::parse_session_kind(r.text(2), s.kind)) return corrupt("sessions", id, "kind");
    if (!core::parse_date(r.text(3), s.date)) return corrupt("sessions", id, "date");
    if (!core::parse_time_of_day(r.text(4), s.start)) return corrupt("sessions", id, "start_time");
    if (!core::parse_time_of_day(r.text(5), s.end)) return corrupt("sessions", id, "end_time");
    s.slot_minutes = static_cast<int>(r.integer(6));
    if (s.slot_minutes < core::kMinSlotMinutes || s.slot_minutes > core::kMaxSlotMinutes)
      return corrupt("sessions", id, "slot_minutes");
    if (!decode_breaks(r.text(7), s.breaks)) return corrupt("sessions", id, "breaks");
    state.sessions.emplace_hint(state.sessions.end(), s.id, std::move(s));
  }
  return std::nullopt;
}

Error read_tables(SQLite::Database& db, core::EventState& state) {
  Rows r(db, "SELECT id, name, seats FROM tables ORDER BY id");
  while (r.next()) {
    core::Table t;
    if (!read_id(r, 0, t.id)) return corrupt("tables", r.integer(0), "id");
    t.name = r.string(1);
    t.seats = static_cast<int>(r.integer(2));
    state.tables.emplace_hint(state.tables.end(), t.id, std::move(t));
  }
  return std::nullopt;
}

Error read_participants(SQLite::Database& db, core::EventState& state) {
  Rows r(db,
         "SELECT id, status, display_name, organisation, job_title, type, city, country, sector, "
         "size, email, offers, seeks, languages, target_markets, known_markets, answers, "
         "consent_suggestions, consent_share_contact, unavailable, time_of_day "
         "FROM participants ORDER BY id");
  while (r.next()) {
    core::Participant p;
    const std::int64_t id = r.integer(0);
    if (!read_id(r, 0, p.id) || p.id == 0) return corrupt("participants", id, "id");
    if (!core::parse_participant_status(r.text(1), p.status)) return corrupt("participants", id, "status");
    core::Profile& f = p.profile;
    f.display_name = r.string(2);
    f.organisation = r.string(3);
    f.job_title = r.string(4);
    if (!core::parse_participant_type(r.text(5), f.type)) return corrupt("participants", id, "type");
    f.city = r.string(6);
    f.country = r.string(7);
    f.sector = r.string(8);
    if (!core::parse_company_size(r.text(9), f.size)) return corrupt("participants", id, "size");
    f.email = r.string(10);
    if (!decode_strings(r.text(11), f.offers)) return corrupt("participants", id, "offers");
    if (!decode_strings(r.text(12), f.seeks)) return corrupt("participants", id, "seeks");
    if (!decode_strings(r.text(13), f.languages)) return corrupt("participants", id, "languages");
    if (!decode_strings(r.text(14), f.target_markets)) return corrupt("participants", id, "target_markets");
    if (!decode_strings(r.text(15), f.known_markets)) return corrupt("participants", id, "known_markets");
    if (!decode_ints(r.text(16), f.answers)) return corrupt("participants", id, "answers");
    f.consent.suggestions = r.integer(17) != 0;
    f.consent.share_contact = r.integer(18) != 0;
    if (!decode_slots(r.text(19), p.availability.unavailable)) return corrupt("participants", id, "unavailable");
    if (!core::parse_time_of_day_requirement(r.text(20), p.availability.only))
      return corrupt("participants", id, "time_of_day");
    state.participants.emplace_hint(state.participants.end(), p.id, std::move(p));
  }
  return std::nullopt;
}

Error read_meetings(SQLite::Database& db, core::EventState& state) {
  Rows r(db,
         "SELECT id, requester, invitee, introduced, message, preferred, requester_accepted, "
         "invitee_accepted, status, slot_session, slot_index, table_id, closed_by, close_reason, "
         "held, requested_at, accepted_at FROM meetings ORDER BY id");
  while (r.next()) {
    core::Meeting m;
    const std::int64_t id = r.integer(0);
    if (!read_id(r, 0, m.id) || m.id == 0) return corrupt("meetings", id, "id");
    if (!read_id(r, 1, m.requester)) return corrupt("meetings", id, "requester");
    if (!read_id(r, 2, m.invitee)) return corrupt("meetings", id, "invitee");
    m.introduced = r.integer(3) != 0;
    m.message = r.string(4);
    if (!decode_slots(r.text(5), m.preferred)) return corrupt("meetings", id, "preferred");
    m.requester_accepted = r.integer(6) != 0;
    m.invitee_accepted = r.integer(7) != 0;
    if (!core::parse_meeting_status(r.text(8), m.status)) return corrupt("meetings", id, "status");
    if (!r.null(9)) {
      core::Placement placement;
      if (!read_id(r, 9, placement.slot.session) || !read_id(r, 11, placement.table))
        return corrupt("meetings", id, "placement");
      placement.slot.index = static_cast<int>(r.integer(10));
      m.placement = placement;
    }
    if (!read_id(r, 12, m.closed_by)) return corrupt("meetings", id, "closed_by");
    m.close_reason = r.string(13);
    if (!core::parse_held_state(r.text(14), m.held)) return corrupt("meetings", id, "held");
    m.requested_at = r.integer(15);
    m.accepted_at = r.integer(16);
    state.meetings.emplace_hint(state.meetings.end(), m.id, std::move(m));
  }
  Rows f(db, "SELECT meeting, participant, rating, comment FROM feedback");
  while (f.next()) {
    const std::int64_t id = f.integer(0);
    const auto it = state.meetings.find(static_cast<core::MeetingId>(id));
    if (it == state.meetings.end()) return corrupt("feedback", id, "meeting");
    core::Meeting& m = it->second;
    const std::int64_t person = f.integer(1);
    core::MeetingFeedback* target = person == m.requester ? &m.requester_feedback
                                    : person == m.invitee ? &m.invitee_feedback
                                                          : nullptr;
    if (target == nullptr) return corrupt("feedback", id, "participant");
    target->rating = static_cast<int>(f.integer(2));
    target->comment = f.string(3);
  }
  return std::nullopt;
}

Error read_rounds(SQLite::Database& db, core::EventState& state) {
  Rows r(db, "SELECT id, name, session, published_at FROM team_rounds ORDER BY id");
  while (r.next()) {
    core::TeamRound round;
    const std::int64_t id = r.integer(0);
    if (!read_id(r, 0, round.id) || !read_id(r, 2, round.session)) return corrupt("team_rounds", id, "id");
    round.name = r.string(1);
    round.published_at = r.integer(3);
    state.rounds.emplace(round.id, std::move(round));
  }
  Rows t(db, "SELECT round, team, table_id, reasons FROM teams ORDER BY round, team");
  while (t.next()) {
    const std::int64_t id = t.integer(0);
    const auto it = state.rounds.find(static_cast<core::RoundId>(id));
    if (it == state.rounds.end() || t.integer(1) != static_cast<std::int64_t>(it->second.teams.size()))
      return corrupt("teams", id, "team");
    core::Team team;
    if (!read_id(t, 2, team.table)) return corrupt("teams", id, "table_id");
    team.reasons = t.string(3);
    it->second.teams.push_back(std::move(team));
  }
  Rows m(db, "SELECT round, team, participant FROM team_members ORDER BY round, team, position");
  while (m.next()) {
    const std::int64_t id = m.integer(0);
    const auto it = state.rounds.find(static_cast<core::RoundId>(id));
    const std::int64_t team = m.integer(1);
    if (it == state.rounds.end() || team < 0 || team >= static_cast<std::int64_t>(it->second.teams.size()))
      return corrupt("team_members", id, "team");
    core::ParticipantId member = 0;
    if (!read_id(m, 2, member)) return corrupt("team_members", id, "participant");
    it->second.teams[static_cast<std::size_t>(team)].members.push_back(member);
  }
  return std::nullopt;
}

Error read_announcements(SQLite::Database& db, core::EventState& state) {
  Rows r(db, "SELECT id, text, at FROM announcements ORDER BY id");
  while (r.next()) {
    core::Announcement a;
    if (!read_id(r, 0, a.id)) return corrupt("announcements", r.integer(0), "id");
    a.text = r.string(1);
    a.at = r.integer(2);
    state.announcements.push_back(std::move(a));
  }
  return std::nullopt;
}

Error read_pitching(SQLite::Database& db, core::EventState& state) {
  Rows r(db, "SELECT session, status, current, running_since, elapsed_before FROM pitch_sessions ORDER BY session");
  while (r.next()) {
    core::PitchSession ps;
    const std::int64_t id = r.integer(0);
    if (!read_id(r, 0, ps.session)) return corrupt("pitch_sessions", id, "session");
    if (!core::parse_pitch_status(r.text(1), ps.status)) return corrupt("pitch_sessions", id, "status");
    ps.current = static_cast<int>(r.integer(2));
    ps.running_since = r.integer(3);
    ps.elapsed_before = r.integer(4);
    state.pitching.emplace_hint(state.pitching.end(), ps.session, std::move(ps));
  }
  Rows p(db, "SELECT session, position, pitcher, minutes, outcome, interested FROM pitches ORDER BY session, position");
  while (p.next()) {
    const std::int64_t id = p.integer(0);
    const auto it = state.pitching.find(static_cast<core::SessionId>(id));
    if (it == state.pitching.end() || p.integer(1) != static_cast<std::int64_t>(it->second.pitches.size()))
      return corrupt("pitches", id, "position");
    core::Pitch pitch;
    if (!read_id(p, 2, pitch.pitcher)) return corrupt("pitches", id, "pitcher");
    pitch.minutes = static_cast<int>(p.integer(3));
    if (!core::parse_pitch_outcome(p.text(4), pitch.outcome)) return corrupt("pitches", id, "outcome");
    if (!decode_ids(p.text(5), pitch.interested)) return corrupt("pitches", id, "interested");
    it->second.pitches.push_back(std::move(pitch));
  }
  for (const auto& [id, ps] : state.pitching) {
    if (ps.current < -1 || ps.current >= static_cast<int>(ps.pitches.size())) return corrupt("pitch_sessions", id, "current");
  }
  return std::nullopt;
}

Error read_clinics(SQLite::Database& db, core::EventState& state) {
  Rows r(db, "SELECT id, session, table_id, theme, members, reasons, outcome FROM clinic_tables ORDER BY id");
  while (r.next()) {
    core::ClinicTable ct;
    const std::int64_t id = r.integer(0);
    if (!read_id(r, 0, ct.id) || !read_id(r, 1, ct.session) || !read_id(r, 2, ct.table))
      return corrupt("clinic_tables", id, "id");
    ct.theme = r.string(3);
    if (!decode_ids(r.text(4), ct.members)) return corrupt("clinic_tables", id, "members");
    ct.reasons = r.string(5);
    ct.outcome = r.string(6);
    state.clinic_tables.emplace_hint(state.clinic_tables.end(), ct.id, std::move(ct));
  }
  Rows t(db, "SELECT participant, themes FROM clinic_themes ORDER BY participant");
  while (t.next()) {
    core::ParticipantId who = 0;
    std::vector<core::ClinicTableId> themes;
    if (!read_id(t, 0, who) || !decode_ids(t.text(1), themes)) return corrupt("clinic_themes", t.integer(0), "themes");
    state.clinic_themes.emplace_hint(state.clinic_themes.end(), who, std::move(themes));
  }
  return std::nullopt;
}

}  // namespace

core::Result<core::EventState> read_state(SQLite::Database& db, const core::Taxonomy& taxonomy) {
  core::EventState state;
  for (const auto read : {read_event, read_sessions, read_tables, read_participants, read_meetings,
                          read_rounds, read_announcements, read_pitching, read_clinics}) {
    if (auto error = read(db, state)) return *error;
  }
  // Every reference must resolve, or the indexes would point nowhere.
  std::vector<bool> people(state.next_participant + 1, false);
  for (const auto& [id, p] : state.participants) {
    if (id >= people.size()) return corrupt("participants", id, "id");
    people[id] = true;
  }
  const auto known = [&](core::ParticipantId id) { return id < people.size() && people[id]; };
  for (const auto& [id, m] : state.meetings) {
    if (!known(m.requester) || !known(m.invitee)) return corrupt("meetings", id, "requester");
    if (m.placement && (!state.session(m.placement->slot.session) || !state.table(m.placement->table)))
      return corrupt("meetings", id, "placement");
  }
  core::rebuild_index(state, taxonomy);
  for (const auto& [id, m] : state.meetings) {
    if (m.placement && m.placement->slot.index >= state.sessions.at(m.placement->slot.session).slot_count())
      return corrupt("meetings", id, "slot_index");
  }
  return state;
}

CalendarHistory read_calendar_history(SQLite::Database& db) {
  CalendarHistory history;
  {
    Rows r(db, "SELECT op_id, at FROM operations WHERE type = 'create_event' LIMIT 1");
    std::string seed = "crossmatch";
    if (r.next()) seed = r.string(0) + "@" + std::to_string(r.integer(1));
    std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a: stable everywhere, no randomness
    for (const unsigned char c : seed) hash = (hash ^ c) * 0x100000001b3ULL;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    history.event_key = hex;
  }
  Rows m(db, "SELECT id, last_change, calendar_session, calendar_index, calendar_table FROM meetings");
  while (m.next()) {
    CalendarHistory::MeetingEntry entry;
    entry.last_change = static_cast<std::uint64_t>(m.integer(1));
    if (!m.null(2) && !m.null(4))
      entry.last_placement = core::Placement{
          {static_cast<core::SessionId>(m.integer(2)), static_cast<int>(m.integer(3))},
          static_cast<core::TableId>(m.integer(4))};
    history.meetings.emplace_hint(history.meetings.end(), static_cast<core::MeetingId>(m.integer(0)), entry);
  }
  Rows s(db, "SELECT id, last_change FROM sessions");
  while (s.next()) history.sessions.emplace(static_cast<core::SessionId>(s.integer(0)), static_cast<std::uint64_t>(s.integer(1)));
  Rows c(db, "SELECT id, last_change FROM clinic_tables");
  while (c.next()) history.clinic_tables.emplace(static_cast<core::ClinicTableId>(c.integer(0)), static_cast<std::uint64_t>(c.integer(1)));
  Rows t(db, "SELECT id, last_change FROM tables");
  while (t.next()) history.tables.emplace(static_cast<core::TableId>(t.integer(0)), static_cast<std::uint64_t>(t.integer(1)));
  return history;
}

}  // namespace crossmatch::storage::detail
