#include "storage/state_loader.hpp"

#include <SQLiteCpp/Statement.h>

#include <cstdio>
#include <optional>

#include "core/event/calendar.hpp"
#include "core/event/event_index.hpp"
#include "core/event/json_values.hpp"
#include "storage/column_codec.hpp"

namespace crossmatch::storage::detail {
namespace {

core::Error corrupt(const std::string& table, std::int64_t id, const std::string& column) {
  return core::make_error("corrupt", "file",
                          "The database is damaged: table " + table + ", row " + std::to_string(id) +
                              ", column " + column +
                              " does not hold a valid value. Restore the event from a backup.");
}

std::string text(SQLite::Statement& s, int column) { return s.getColumn(column).getString(); }
std::int64_t integer(SQLite::Statement& s, int column) { return s.getColumn(column).getInt64(); }

template <class Id>
bool read_id(SQLite::Statement& s, int column, Id& out) {
  const std::int64_t v = integer(s, column);
  if (v < 0 || v > static_cast<std::int64_t>(UINT32_MAX)) return false;
  out = static_cast<Id>(v);
  return true;
}

std::optional<core::Error> read_event(SQLite::Database& db, core::EventState& state) {
  SQLite::Statement s(db,
                      "SELECT created, name, time_zone, join_code, registration_open, settings, "
                      "next_participant, next_meeting, next_session, next_table, next_round, "
                      "next_announcement FROM event WHERE id = 1");
  if (!s.executeStep()) return std::nullopt;  // nothing applied yet
  core::EventInfo& e = state.event;
  e.created = integer(s, 0) != 0;
  e.name = text(s, 1);
  e.time_zone = text(s, 2);
  e.join_code = text(s, 3);
  e.registration_open = integer(s, 4) != 0;
  auto settings_json = core::json::parse_json(text(s, 5));
  if (!settings_json) return corrupt("event", 1, "settings");
  auto settings = core::json::settings_from(*settings_json, "settings.");
  if (!settings) return corrupt("event", 1, "settings");
  e.settings = *settings;
  if (!read_id(s, 6, state.next_participant) || !read_id(s, 7, state.next_meeting) ||
      !read_id(s, 8, state.next_session) || !read_id(s, 9, state.next_table) ||
      !read_id(s, 10, state.next_round) || !read_id(s, 11, state.next_announcement))
    return corrupt("event", 1, "next ids");
  return std::nullopt;
}

std::optional<core::Error> read_sessions(SQLite::Database& db, core::EventState& state) {
  SQLite::Statement s(db,
                      "SELECT id, name, kind, date, start_time, end_time, slot_minutes, breaks FROM sessions "
                      "ORDER BY id");
  while (s.executeStep()) {
    core::Session session;
    const std::int64_t id = integer(s, 0);
    if (!read_id(s, 0, session.id)) return corrupt("sessions", id, "id");
    session.name = text(s, 1);
    if (!core::parse_session_kind(text(s, 2), session.kind)) return corrupt("sessions", id, "kind");
    if (!core::parse_date(text(s, 3), session.date)) return corrupt("sessions", id, "date");
    if (!core::parse_time_of_day(text(s, 4), session.start)) return corrupt("sessions", id, "start");
    if (!core::parse_time_of_day(text(s, 5), session.end)) return corrupt("sessions", id, "end");
    session.slot_minutes = static_cast<int>(integer(s, 6));
    if (session.slot_minutes < core::kMinSlotMinutes || session.slot_minutes > core::kMaxSlotMinutes)
      return corrupt("sessions", id, "slot_minutes");
    if (!decode_breaks(text(s, 7), session.breaks)) return corrupt("sessions", id, "breaks");
    state.sessions.emplace_hint(state.sessions.end(), session.id, std::move(session));
  }
  return std::nullopt;
}

std::optional<core::Error> read_tables(SQLite::Database& db, core::EventState& state) {
  SQLite::Statement s(db, "SELECT id, name, seats FROM tables ORDER BY id");
  while (s.executeStep()) {
    core::Table table;
    const std::int64_t id = integer(s, 0);
    if (!read_id(s, 0, table.id)) return corrupt("tables", id, "id");
    table.name = text(s, 1);
    table.seats = static_cast<int>(integer(s, 2));
    state.tables.emplace_hint(state.tables.end(), table.id, std::move(table));
  }
  return std::nullopt;
}

std::optional<core::Error> read_participants(SQLite::Database& db, core::EventState& state) {
  SQLite::Statement s(db,
                      "SELECT id, status, display_name, organisation, job_title, type, city, "
                      "country, sector, size, email, offers, seeks, languages, target_markets, "
                      "known_markets, answers, consent_suggestions, consent_share_contact, "
                      "unavailable, time_of_day FROM participants ORDER BY id");
  while (s.executeStep()) {
    core::Participant p;
    const std::int64_t id = integer(s, 0);
    if (!read_id(s, 0, p.id) || p.id == 0) return corrupt("participants", id, "id");
    if (!core::parse_participant_status(text(s, 1), p.status))
      return corrupt("participants", id, "status");
    core::Profile& f = p.profile;
    f.display_name = text(s, 2);
    f.organisation = text(s, 3);
    f.job_title = text(s, 4);
    if (!core::parse_participant_type(text(s, 5), f.type)) return corrupt("participants", id, "type");
    f.city = text(s, 6);
    f.country = text(s, 7);
    f.sector = text(s, 8);
    if (!core::parse_company_size(text(s, 9), f.size)) return corrupt("participants", id, "size");
    f.email = text(s, 10);
    if (!decode_strings(s.getColumn(11).getText(), f.offers)) return corrupt("participants", id, "offers");
    if (!decode_strings(s.getColumn(12).getText(), f.seeks)) return corrupt("participants", id, "seeks");
    if (!decode_strings(s.getColumn(13).getText(), f.languages))
      return corrupt("participants", id, "languages");
    if (!decode_strings(s.getColumn(14).getText(), f.target_markets))
      return corrupt("participants", id, "target_markets");
    if (!decode_strings(s.getColumn(15).getText(), f.known_markets))
      return corrupt("participants", id, "known_markets");
    if (!decode_ints(s.getColumn(16).getText(), f.answers)) return corrupt("participants", id, "answers");
    f.consent.suggestions = integer(s, 17) != 0;
    f.consent.share_contact = integer(s, 18) != 0;
    if (!decode_slots(s.getColumn(19).getText(), p.availability.unavailable))
      return corrupt("participants", id, "unavailable");
    if (!core::parse_time_of_day_requirement(text(s, 20), p.availability.only))
      return corrupt("participants", id, "time_of_day");
    state.participants.emplace_hint(state.participants.end(), p.id, std::move(p));
  }
  return std::nullopt;
}

std::optional<core::Error> read_meetings(SQLite::Database& db, core::EventState& state) {
  SQLite::Statement s(db,
                      "SELECT id, requester, invitee, introduced, message, preferred, "
                      "requester_accepted, invitee_accepted, status, slot_session, slot_index, "
                      "table_id, closed_by, close_reason, held, requested_at, accepted_at "
                      "FROM meetings ORDER BY id");
  while (s.executeStep()) {
    core::Meeting m;
    const std::int64_t id = integer(s, 0);
    if (!read_id(s, 0, m.id) || m.id == 0) return corrupt("meetings", id, "id");
    if (!read_id(s, 1, m.requester)) return corrupt("meetings", id, "requester");
    if (!read_id(s, 2, m.invitee)) return corrupt("meetings", id, "invitee");
    m.introduced = integer(s, 3) != 0;
    m.message = text(s, 4);
    if (!decode_slots(s.getColumn(5).getText(), m.preferred)) return corrupt("meetings", id, "preferred");
    m.requester_accepted = integer(s, 6) != 0;
    m.invitee_accepted = integer(s, 7) != 0;
    if (!core::parse_meeting_status(s.getColumn(8).getText(), m.status))
      return corrupt("meetings", id, "status");
    if (!s.getColumn(9).isNull()) {
      core::Placement placement;
      if (!read_id(s, 9, placement.slot.session) || !read_id(s, 11, placement.table))
        return corrupt("meetings", id, "placement");
      placement.slot.index = static_cast<int>(integer(s, 10));
      m.placement = placement;
    }
    if (!read_id(s, 12, m.closed_by)) return corrupt("meetings", id, "closed_by");
    m.close_reason = text(s, 13);
    if (!core::parse_held_state(s.getColumn(14).getText(), m.held)) return corrupt("meetings", id, "held");
    m.requested_at = integer(s, 15);
    m.accepted_at = integer(s, 16);
    state.meetings.emplace_hint(state.meetings.end(), m.id, std::move(m));
  }
  SQLite::Statement f(db, "SELECT meeting, participant, rating, comment FROM feedback");
  while (f.executeStep()) {
    const std::int64_t id = integer(f, 0);
    const auto it = state.meetings.find(static_cast<core::MeetingId>(id));
    if (it == state.meetings.end()) return corrupt("feedback", id, "meeting");
    core::Meeting& m = it->second;
    const std::int64_t person = integer(f, 1);
    core::MeetingFeedback* target = person == m.requester ? &m.requester_feedback
                                    : person == m.invitee ? &m.invitee_feedback
                                                          : nullptr;
    if (target == nullptr) return corrupt("feedback", id, "participant");
    target->rating = static_cast<int>(integer(f, 2));
    target->comment = text(f, 3);
  }
  return std::nullopt;
}

std::optional<core::Error> read_rounds(SQLite::Database& db, core::EventState& state) {
  SQLite::Statement r(db, "SELECT id, name, session, published_at FROM team_rounds ORDER BY id");
  while (r.executeStep()) {
    core::TeamRound round;
    const std::int64_t id = integer(r, 0);
    if (!read_id(r, 0, round.id) || !read_id(r, 2, round.session)) return corrupt("team_rounds", id, "id");
    round.name = text(r, 1);
    round.published_at = integer(r, 3);
    state.rounds.emplace(round.id, std::move(round));
  }
  SQLite::Statement t(db, "SELECT round, team, table_id, reasons FROM teams ORDER BY round, team");
  while (t.executeStep()) {
    const std::int64_t id = integer(t, 0);
    const auto it = state.rounds.find(static_cast<core::RoundId>(id));
    if (it == state.rounds.end() || integer(t, 1) != static_cast<std::int64_t>(it->second.teams.size()))
      return corrupt("teams", id, "team");
    core::Team team;
    if (!read_id(t, 2, team.table)) return corrupt("teams", id, "table_id");
    team.reasons = text(t, 3);
    it->second.teams.push_back(std::move(team));
  }
  SQLite::Statement m(db,
                      "SELECT round, team, participant FROM team_members "
                      "ORDER BY round, team, position");
  while (m.executeStep()) {
    const std::int64_t id = integer(m, 0);
    const auto it = state.rounds.find(static_cast<core::RoundId>(id));
    const std::int64_t team = integer(m, 1);
    if (it == state.rounds.end() || team < 0 || team >= static_cast<std::int64_t>(it->second.teams.size()))
      return corrupt("team_members", id, "team");
    core::ParticipantId member = 0;
    if (!read_id(m, 2, member)) return corrupt("team_members", id, "participant");
    it->second.teams[static_cast<std::size_t>(team)].members.push_back(member);
  }
  return std::nullopt;
}

std::optional<core::Error> read_announcements(SQLite::Database& db, core::EventState& state) {
  SQLite::Statement s(db, "SELECT id, text, at FROM announcements ORDER BY id");
  while (s.executeStep()) {
    core::Announcement a;
    if (!read_id(s, 0, a.id)) return corrupt("announcements", integer(s, 0), "id");
    a.text = text(s, 1);
    a.at = integer(s, 2);
    state.announcements.push_back(std::move(a));
  }
  return std::nullopt;
}

}  // namespace

core::Result<core::EventState> read_state(SQLite::Database& db, const core::Taxonomy& taxonomy) {
  core::EventState state;
  for (const auto read : {read_event, read_sessions, read_tables, read_participants, read_meetings,
                          read_rounds, read_announcements}) {
    if (auto error = read(db, state)) return *error;
  }
  // Every reference must resolve, or the indexes would point nowhere.
  for (const auto& [id, m] : state.meetings) {
    if (!state.participant(m.requester) || !state.participant(m.invitee))
      return corrupt("meetings", id, "requester");
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
    SQLite::Statement s(db, "SELECT op_id, at FROM operations WHERE type = 'create_event' LIMIT 1");
    std::string seed = "crossmatch";
    if (s.executeStep()) seed = text(s, 0) + "@" + std::to_string(integer(s, 1));
    std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a: stable everywhere, no randomness
    for (const unsigned char c : seed) hash = (hash ^ c) * 0x100000001b3ULL;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    history.event_key = hex;
  }
  SQLite::Statement m(db,
                      "SELECT id, revision, calendar_session, calendar_index, calendar_table "
                      "FROM meetings");
  while (m.executeStep()) {
    CalendarHistory::MeetingEntry entry;
    entry.revision = static_cast<int>(integer(m, 1));
    if (!m.getColumn(2).isNull() && !m.getColumn(4).isNull())
      entry.last_placement = core::Placement{
          {static_cast<core::SessionId>(integer(m, 2)), static_cast<int>(integer(m, 3))},
          static_cast<core::TableId>(integer(m, 4))};
    history.meetings.emplace(static_cast<core::MeetingId>(integer(m, 0)), entry);
  }
  SQLite::Statement s(db, "SELECT id, revision FROM sessions");
  while (s.executeStep()) history.sessions.emplace(static_cast<core::SessionId>(integer(s, 0)), integer(s, 1));
  SQLite::Statement t(db, "SELECT id, revision FROM tables");
  while (t.executeStep()) history.tables.emplace(static_cast<core::TableId>(integer(t, 0)), integer(t, 1));
  return history;
}

}  // namespace crossmatch::storage::detail
