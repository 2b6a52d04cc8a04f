#include "storage/state_loader.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "core/event/calendar.hpp"
#include "core/event/check_in_code.hpp"
#include "core/event/event_index.hpp"
#include "core/event/json_values.hpp"
#include "storage/column_codec.hpp"
#include "storage/event_columns.hpp"
#include "storage/sqlite_support.hpp"

namespace crossmatch::storage::detail {
namespace {

core::Error corrupt(const std::string& table, std::int64_t id, const std::string& column) {
  return core::make_error("corrupt", "file",
                          "The database is damaged: table " + table + ", row " +
                              std::to_string(id) + ", column " + column +
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
  constexpr auto& c = kEventColumns;
  Rows r(db, c.select("WHERE id = 1"));
  if (!r.next()) return std::nullopt;  // nothing applied yet
  core::EventInfo& e = state.event;
  e.created = r.integer(c.column("created")) != 0;
  e.name = r.string(c.column("name"));
  e.time_zone = r.string(c.column("time_zone"));
  e.join_code = r.string(c.column("join_code"));
  e.registration_open = r.integer(c.column("registration_open")) != 0;
  auto settings_json = core::json::parse_json(r.text(c.column("settings")));
  if (!settings_json) return corrupt("event", 1, "settings");
  auto settings = core::json::settings_from(*settings_json, "settings.");
  if (!settings) return corrupt("event", 1, "settings");
  e.settings = *settings;
  if (!read_id(r, c.column("next_participant"), state.next_participant) ||
      !read_id(r, c.column("next_meeting"), state.next_meeting) ||
      !read_id(r, c.column("next_session"), state.next_session) ||
      !read_id(r, c.column("next_table"), state.next_table) ||
      !read_id(r, c.column("next_round"), state.next_round) ||
      !read_id(r, c.column("next_announcement"), state.next_announcement) ||
      !read_id(r, c.column("next_clinic_table"), state.next_clinic_table))
    return corrupt("event", 1, "next ids");
  return std::nullopt;
}

Error read_sessions(SQLite::Database& db, core::EventState& state) {
  static constexpr auto c = kSessionColumns.without({"last_change"});
  Rows r(db, c.select("ORDER BY id"));
  while (r.next()) {
    core::Session s;
    const std::int64_t id = r.integer(c.column("id"));
    if (!read_id(r, c.column("id"), s.id)) return corrupt("sessions", id, "id");
    s.name = r.string(c.column("name"));
    if (!core::parse_session_kind(r.text(c.column("kind")), s.kind))
      return corrupt("sessions", id, "kind");
    if (!core::parse_date(r.text(c.column("date")), s.date)) return corrupt("sessions", id, "date");
    if (!core::parse_time_of_day(r.text(c.column("start_time")), s.start))
      return corrupt("sessions", id, "start_time");
    if (!core::parse_time_of_day(r.text(c.column("end_time")), s.end))
      return corrupt("sessions", id, "end_time");
    s.slot_minutes = static_cast<int>(r.integer(c.column("slot_minutes")));
    if (s.slot_minutes < core::kMinSlotMinutes || s.slot_minutes > core::kMaxSlotMinutes)
      return corrupt("sessions", id, "slot_minutes");
    if (!decode_breaks(r.text(c.column("breaks")), s.breaks))
      return corrupt("sessions", id, "breaks");
    state.sessions.emplace_hint(state.sessions.end(), s.id, std::move(s));
  }
  return std::nullopt;
}

Error read_tables(SQLite::Database& db, core::EventState& state) {
  static constexpr auto c = kTableColumns.without({"last_change"});
  Rows r(db, c.select("ORDER BY id"));
  while (r.next()) {
    core::Table t;
    if (!read_id(r, c.column("id"), t.id))
      return corrupt("tables", r.integer(c.column("id")), "id");
    t.name = r.string(c.column("name"));
    t.seats = static_cast<int>(r.integer(c.column("seats")));
    state.tables.emplace_hint(state.tables.end(), t.id, std::move(t));
  }
  return std::nullopt;
}

Error read_participants(SQLite::Database& db, core::EventState& state) {
  constexpr auto& c = kParticipantColumns;
  Rows r(db, c.select("ORDER BY id"));
  while (r.next()) {
    core::Participant p;
    const std::int64_t id = r.integer(c.column("id"));
    if (!read_id(r, c.column("id"), p.id) || p.id == 0) return corrupt("participants", id, "id");
    if (!core::parse_participant_status(r.text(c.column("status")), p.status))
      return corrupt("participants", id, "status");
    core::Profile& f = p.profile;
    f.display_name = r.string(c.column("display_name"));
    f.organisation = r.string(c.column("organisation"));
    f.job_title = r.string(c.column("job_title"));
    if (!core::parse_participant_type(r.text(c.column("type")), f.type))
      return corrupt("participants", id, "type");
    f.city = r.string(c.column("city"));
    f.country = r.string(c.column("country"));
    f.sector = r.string(c.column("sector"));
    if (!core::parse_company_size(r.text(c.column("size")), f.size))
      return corrupt("participants", id, "size");
    f.email = r.string(c.column("email"));
    if (!decode_strings(r.text(c.column("offers")), f.offers))
      return corrupt("participants", id, "offers");
    if (!decode_strings(r.text(c.column("seeks")), f.seeks))
      return corrupt("participants", id, "seeks");
    if (!decode_strings(r.text(c.column("languages")), f.languages))
      return corrupt("participants", id, "languages");
    if (!decode_strings(r.text(c.column("target_markets")), f.target_markets))
      return corrupt("participants", id, "target_markets");
    if (!decode_strings(r.text(c.column("known_markets")), f.known_markets))
      return corrupt("participants", id, "known_markets");
    if (!decode_ints(r.text(c.column("answers")), f.answers))
      return corrupt("participants", id, "answers");
    f.consent.suggestions = r.integer(c.column("consent_suggestions")) != 0;
    f.consent.share_contact = r.integer(c.column("consent_share_contact")) != 0;
    if (!decode_slots(r.text(c.column("unavailable")), p.availability.unavailable))
      return corrupt("participants", id, "unavailable");
    if (!core::parse_time_of_day_requirement(r.text(c.column("time_of_day")), p.availability.only))
      return corrupt("participants", id, "time_of_day");
    p.check_in_code = r.string(c.column("check_in_code"));
    if (!p.check_in_code.empty() && !core::is_check_in_code(p.check_in_code))
      return corrupt("participants", id, "check_in_code");
    p.arrived_at = r.integer(c.column("arrived_at"));
    if (p.arrived_at < 0) return corrupt("participants", id, "arrived_at");
    p.standby = r.integer(c.column("standby")) != 0;
    state.participants.emplace_hint(state.participants.end(), p.id, std::move(p));
  }
  return std::nullopt;
}

Error read_meetings(SQLite::Database& db, core::EventState& state) {
  // The calendar's columns are read with the calendar history.
  static constexpr auto c = kMeetingColumns.without(
      {"calendar_session", "calendar_index", "calendar_table", "last_change"});
  Rows r(db, c.select("ORDER BY id"));
  while (r.next()) {
    core::Meeting m;
    const std::int64_t id = r.integer(c.column("id"));
    if (!read_id(r, c.column("id"), m.id) || m.id == 0) return corrupt("meetings", id, "id");
    if (!read_id(r, c.column("requester"), m.requester))
      return corrupt("meetings", id, "requester");
    if (!read_id(r, c.column("invitee"), m.invitee)) return corrupt("meetings", id, "invitee");
    m.introduced = r.integer(c.column("introduced")) != 0;
    m.offered = r.integer(c.column("offered")) != 0;
    m.message = r.string(c.column("message"));
    if (!decode_slots(r.text(c.column("preferred")), m.preferred))
      return corrupt("meetings", id, "preferred");
    m.requester_accepted = r.integer(c.column("requester_accepted")) != 0;
    m.invitee_accepted = r.integer(c.column("invitee_accepted")) != 0;
    if (!core::parse_meeting_status(r.text(c.column("status")), m.status))
      return corrupt("meetings", id, "status");
    if (!r.null(c.column("slot_session"))) {
      core::Placement placement;
      if (!read_id(r, c.column("slot_session"), placement.slot.session) ||
          !read_id(r, c.column("table_id"), placement.table))
        return corrupt("meetings", id, "placement");
      placement.slot.index = static_cast<int>(r.integer(c.column("slot_index")));
      m.placement = placement;
    }
    if (!read_id(r, c.column("closed_by"), m.closed_by))
      return corrupt("meetings", id, "closed_by");
    m.close_reason = r.string(c.column("close_reason"));
    if (!core::parse_held_state(r.text(c.column("held")), m.held))
      return corrupt("meetings", id, "held");
    m.requested_at = r.integer(c.column("requested_at"));
    m.accepted_at = r.integer(c.column("accepted_at"));
    if (!r.null(c.column("pinned_session"))) {
      core::SlotRef pinned;
      if (!read_id(r, c.column("pinned_session"), pinned.session))
        return corrupt("meetings", id, "pinned_session");
      const std::int64_t index = r.integer(c.column("pinned_index"));
      if (index < 0 || index >= static_cast<std::int64_t>(core::kMaxSlotsPerSession))
        return corrupt("meetings", id, "pinned_index");
      pinned.index = static_cast<int>(index);
      m.pinned = pinned;
    }
    if (!decode_ids(r.text(c.column("earlier_meetings")), m.after) ||
        !std::is_sorted(m.after.begin(), m.after.end()) ||
        std::adjacent_find(m.after.begin(), m.after.end()) != m.after.end() ||
        m.after.size() > core::kMaxPrecedences)
      return corrupt("meetings", id, "earlier_meetings");
    state.meetings.emplace_hint(state.meetings.end(), m.id, std::move(m));
  }
  constexpr auto& fc = kFeedbackColumns;
  Rows f(db, fc.select());
  while (f.next()) {
    const std::int64_t id = f.integer(fc.column("meeting"));
    const auto it = state.meetings.find(static_cast<core::MeetingId>(id));
    if (it == state.meetings.end()) return corrupt("feedback", id, "meeting");
    core::Meeting& m = it->second;
    const std::int64_t person = f.integer(fc.column("participant"));
    core::MeetingFeedback* target = person == m.requester ? &m.requester_feedback
                                    : person == m.invitee ? &m.invitee_feedback
                                                          : nullptr;
    if (target == nullptr) return corrupt("feedback", id, "participant");
    target->rating = static_cast<int>(f.integer(fc.column("rating")));
    target->comment = f.string(fc.column("comment"));
    if (!core::parse_held_state(f.text(fc.column("held")), target->held))
      return corrupt("feedback", id, "held");
  }
  return std::nullopt;
}

Error read_rounds(SQLite::Database& db, core::EventState& state) {
  constexpr auto& rc = kRoundColumns;
  Rows r(db, rc.select("ORDER BY id"));
  while (r.next()) {
    core::TeamRound round;
    const std::int64_t id = r.integer(rc.column("id"));
    if (!read_id(r, rc.column("id"), round.id) || !read_id(r, rc.column("session"), round.session))
      return corrupt("team_rounds", id, "id");
    round.name = r.string(rc.column("name"));
    round.published_at = r.integer(rc.column("published_at"));
    state.rounds.emplace(round.id, std::move(round));
  }
  constexpr auto& tc = kTeamColumns;
  Rows t(db, tc.select("ORDER BY round, team"));
  while (t.next()) {
    const std::int64_t id = t.integer(tc.column("round"));
    const auto it = state.rounds.find(static_cast<core::RoundId>(id));
    if (it == state.rounds.end() ||
        t.integer(tc.column("team")) != static_cast<std::int64_t>(it->second.teams.size()))
      return corrupt("teams", id, "team");
    core::Team team;
    if (!read_id(t, tc.column("table_id"), team.table)) return corrupt("teams", id, "table_id");
    team.reasons = t.string(tc.column("reasons"));
    it->second.teams.push_back(std::move(team));
  }
  static constexpr auto mc = kTeamMemberColumns.without({"position"});
  Rows m(db, mc.select("ORDER BY round, team, position"));
  while (m.next()) {
    const std::int64_t id = m.integer(mc.column("round"));
    const auto it = state.rounds.find(static_cast<core::RoundId>(id));
    const std::int64_t team = m.integer(mc.column("team"));
    if (it == state.rounds.end() || team < 0 ||
        team >= static_cast<std::int64_t>(it->second.teams.size()))
      return corrupt("team_members", id, "team");
    core::ParticipantId member = 0;
    if (!read_id(m, mc.column("participant"), member))
      return corrupt("team_members", id, "participant");
    it->second.teams[static_cast<std::size_t>(team)].members.push_back(member);
  }
  return std::nullopt;
}

Error read_announcements(SQLite::Database& db, core::EventState& state) {
  constexpr auto& c = kAnnouncementColumns;
  // The latest ones, as the state keeps them; the table keeps every one for the exports.
  Rows r(db, c.select("ORDER BY id DESC LIMIT " + std::to_string(core::kKeptAnnouncements)));
  while (r.next()) {
    core::Announcement a;
    if (!read_id(r, c.column("id"), a.id))
      return corrupt("announcements", r.integer(c.column("id")), "id");
    a.text = r.string(c.column("text"));
    a.at = r.integer(c.column("at"));
    state.announcements.push_back(std::move(a));
  }
  std::reverse(state.announcements.begin(), state.announcements.end());
  return std::nullopt;
}

Error read_pitching(SQLite::Database& db, core::EventState& state) {
  constexpr auto& sc = kPitchSessionColumns;
  Rows r(db, sc.select("ORDER BY session"));
  while (r.next()) {
    core::PitchSession ps;
    const std::int64_t id = r.integer(sc.column("session"));
    if (!read_id(r, sc.column("session"), ps.session))
      return corrupt("pitch_sessions", id, "session");
    if (!core::parse_pitch_status(r.text(sc.column("status")), ps.status))
      return corrupt("pitch_sessions", id, "status");
    ps.current = static_cast<int>(r.integer(sc.column("current")));
    ps.running_since = r.integer(sc.column("running_since"));
    ps.elapsed_before = r.integer(sc.column("elapsed_before"));
    state.pitching.emplace_hint(state.pitching.end(), ps.session, std::move(ps));
  }
  constexpr auto& pc = kPitchColumns;
  Rows p(db, pc.select("ORDER BY session, position"));
  while (p.next()) {
    const std::int64_t id = p.integer(pc.column("session"));
    const auto it = state.pitching.find(static_cast<core::SessionId>(id));
    if (it == state.pitching.end() ||
        p.integer(pc.column("position")) != static_cast<std::int64_t>(it->second.pitches.size()))
      return corrupt("pitches", id, "position");
    core::Pitch pitch;
    if (!read_id(p, pc.column("pitcher"), pitch.pitcher)) return corrupt("pitches", id, "pitcher");
    pitch.minutes = static_cast<int>(p.integer(pc.column("minutes")));
    if (!core::parse_pitch_outcome(p.text(pc.column("outcome")), pitch.outcome))
      return corrupt("pitches", id, "outcome");
    if (!decode_ids(p.text(pc.column("interested")), pitch.interested))
      return corrupt("pitches", id, "interested");
    it->second.pitches.push_back(std::move(pitch));
  }
  for (const auto& [id, ps] : state.pitching) {
    if (ps.current < -1 || ps.current >= static_cast<int>(ps.pitches.size()))
      return corrupt("pitch_sessions", id, "current");
  }
  return std::nullopt;
}

Error read_clinics(SQLite::Database& db, core::EventState& state) {
  static constexpr auto c = kClinicTableColumns.without({"last_change"});
  Rows r(db, c.select("ORDER BY id"));
  while (r.next()) {
    core::ClinicTable ct;
    const std::int64_t id = r.integer(c.column("id"));
    if (!read_id(r, c.column("id"), ct.id) || !read_id(r, c.column("session"), ct.session) ||
        !read_id(r, c.column("table_id"), ct.table))
      return corrupt("clinic_tables", id, "id");
    ct.theme = r.string(c.column("theme"));
    if (!decode_ids(r.text(c.column("members")), ct.members))
      return corrupt("clinic_tables", id, "members");
    ct.reasons = r.string(c.column("reasons"));
    ct.outcome = r.string(c.column("outcome"));
    state.clinic_tables.emplace_hint(state.clinic_tables.end(), ct.id, std::move(ct));
  }
  constexpr auto& tc = kClinicThemeColumns;
  Rows t(db, tc.select("ORDER BY participant"));
  while (t.next()) {
    core::ParticipantId who = 0;
    std::vector<core::ClinicTableId> themes;
    if (!read_id(t, tc.column("participant"), who) ||
        !decode_ids(t.text(tc.column("themes")), themes))
      return corrupt("clinic_themes", t.integer(tc.column("participant")), "themes");
    state.clinic_themes.emplace_hint(state.clinic_themes.end(), who, std::move(themes));
  }
  return std::nullopt;
}

Error read_follow_ups(SQLite::Database& db, core::EventState& state) {
  constexpr auto& c = kFollowUpColumns;
  Rows r(db, c.select("ORDER BY id"));
  while (r.next()) {
    core::FollowUpRound round;
    const std::int64_t id = r.integer(c.column("id"));
    if (!read_id(r, c.column("id"), round.id)) return corrupt("follow_ups", id, "id");
    round.name = r.string(c.column("name"));
    round.open = r.integer(c.column("open")) != 0;
    round.opened_at = r.integer(c.column("opened_at"));
    // Rounds are never removed: the next one follows the last.
    state.next_follow_up = round.id + 1;
    state.follow_ups.emplace_hint(state.follow_ups.end(), round.id, std::move(round));
  }
  constexpr auto& ac = kFollowUpAnswerColumns;
  Rows a(db, ac.select());
  while (a.next()) {
    const std::int64_t id = a.integer(ac.column("follow_up"));
    core::FollowUpId round = 0;
    core::MeetingId meeting = 0;
    core::ParticipantId person = 0;
    core::FollowUpAnswer answer;
    if (!read_id(a, ac.column("follow_up"), round) || !read_id(a, ac.column("meeting"), meeting) ||
        !read_id(a, ac.column("participant"), person))
      return corrupt("follow_up_answers", id, "follow_up");
    const auto it = state.follow_ups.find(round);
    if (it == state.follow_ups.end()) return corrupt("follow_up_answers", id, "follow_up");
    const core::Meeting* m = state.meeting(meeting);
    if (m == nullptr || !m->involves(person)) return corrupt("follow_up_answers", id, "meeting");
    if (!core::parse_follow_up_outcome(a.text(ac.column("outcome")), answer.outcome))
      return corrupt("follow_up_answers", id, "outcome");
    answer.note = a.string(ac.column("note"));
    answer.at = a.integer(ac.column("at"));
    it->second.answers[{meeting, person}] = std::move(answer);
  }
  return std::nullopt;
}

}  // namespace

core::Result<core::EventState> read_state(SQLite::Database& db, const core::Taxonomy& taxonomy) {
  core::EventState state;
  for (const auto read :
       {read_event, read_sessions, read_tables, read_participants, read_meetings, read_rounds,
        read_announcements, read_pitching, read_clinics, read_follow_ups}) {
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
    if (m.placement &&
        (!state.session(m.placement->slot.session) || !state.table(m.placement->table)))
      return corrupt("meetings", id, "placement");
  }
  core::rebuild_index(state, taxonomy);
  for (const auto& [id, m] : state.meetings) {
    if (m.placement &&
        m.placement->slot.index >= state.sessions.at(m.placement->slot.session).slot_count())
      return corrupt("meetings", id, "slot_index");
  }
  return state;
}

CalendarHistory read_calendar_history(SQLite::Database& db) {
  CalendarHistory history;
  {
    static constexpr auto c = kOperationColumns.only({"op_id", "at"});
    Rows r(db, c.select("WHERE type = 'create_event' LIMIT 1"));
    std::string seed = "crossmatch";
    if (r.next())
      seed = r.string(c.column("op_id")) + "@" + std::to_string(r.integer(c.column("at")));
    std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a: stable everywhere, no randomness
    for (const unsigned char c : seed) hash = (hash ^ c) * 0x100000001b3ULL;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    history.event_key = hex;
  }
  static constexpr auto mc = kMeetingColumns.only(
      {"id", "last_change", "calendar_session", "calendar_index", "calendar_table"});
  Rows m(db, mc.select());
  while (m.next()) {
    CalendarHistory::MeetingEntry entry;
    entry.last_change = static_cast<std::uint64_t>(m.integer(mc.column("last_change")));
    if (!m.null(mc.column("calendar_session")) && !m.null(mc.column("calendar_table")))
      entry.last_placement =
          core::Placement{{static_cast<core::SessionId>(m.integer(mc.column("calendar_session"))),
                           static_cast<int>(m.integer(mc.column("calendar_index")))},
                          static_cast<core::TableId>(m.integer(mc.column("calendar_table")))};
    history.meetings.emplace_hint(history.meetings.end(),
                                  static_cast<core::MeetingId>(m.integer(mc.column("id"))), entry);
  }
  // The last change of each session, clinic table and table.
  const auto last_changes = [&db](const std::string& select, int id, int last_change, auto& out) {
    using Id = typename std::decay_t<decltype(out)>::key_type;
    Rows r(db, select);
    while (r.next())
      out.emplace(static_cast<Id>(r.integer(id)),
                  static_cast<std::uint64_t>(r.integer(last_change)));
  };
  static constexpr auto sc = kSessionColumns.only({"id", "last_change"});
  static constexpr auto cc = kClinicTableColumns.only({"id", "last_change"});
  static constexpr auto tc = kTableColumns.only({"id", "last_change"});
  last_changes(sc.select(), sc.column("id"), sc.column("last_change"), history.sessions);
  last_changes(cc.select(), cc.column("id"), cc.column("last_change"), history.clinic_tables);
  last_changes(tc.select(), tc.column("id"), tc.column("last_change"), history.tables);
  return history;
}

}  // namespace crossmatch::storage::detail
