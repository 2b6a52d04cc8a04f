#include "storage/derived_tables.hpp"

#include <algorithm>

#include "core/event/calendar.hpp"
#include "core/event/json_values.hpp"
#include "storage/column_codec.hpp"
#include "storage/sqlite_support.hpp"

namespace crossmatch::storage::detail {
namespace {

// Runs a kept statement; the rows it changed.
int run(SQLite::Statement& statement) {
  const StatementUse use(statement);  // reset even when the step fails
  return statement.exec();
}

void bind_optional(SQLite::Statement& s, int index, bool present, std::int64_t value) {
  if (present) {
    s.bind(index, static_cast<std::int64_t>(value));
  } else {
    s.bind(index);  // NULL
  }
}

}  // namespace

DerivedTables::DerivedTables(SQLite::Database& db)
    : event_(db,
             "INSERT OR REPLACE INTO event (id, created, name, time_zone, join_code, "
             "registration_open, settings, next_participant, next_meeting, next_session, "
             "next_table, next_round, next_announcement, next_clinic_table) "
             "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      session_(db,
               "INSERT INTO sessions (id, name, kind, date, start_time, end_time, slot_minutes, breaks, "
               "last_change) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
               "name = excluded.name, kind = excluded.kind, date = excluded.date, "
               "start_time = excluded.start_time, end_time = excluded.end_time, "
               "slot_minutes = excluded.slot_minutes, "
               "breaks = excluded.breaks, last_change = excluded.last_change"),
      delete_session_(db, "DELETE FROM sessions WHERE id = ?"),
      table_(db,
             "INSERT INTO tables (id, name, seats, last_change) VALUES (?, ?, ?, ?) ON CONFLICT (id) "
             "DO UPDATE SET name = excluded.name, seats = excluded.seats, "
             "last_change = excluded.last_change"),
      delete_table_(db, "DELETE FROM tables WHERE id = ?"),
      participant_(db,
                   "INSERT INTO participants (id, status, display_name, organisation, job_title, "
                   "type, city, country, sector, size, email, offers, seeks, languages, "
                   "target_markets, known_markets, answers, consent_suggestions, "
                   "consent_share_contact, unavailable, time_of_day) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT (id) DO UPDATE SET status = excluded.status, "
                   "display_name = excluded.display_name, organisation = excluded.organisation, "
                   "job_title = excluded.job_title, type = excluded.type, city = excluded.city, "
                   "country = excluded.country, sector = excluded.sector, size = excluded.size, "
                   "email = excluded.email, offers = excluded.offers, seeks = excluded.seeks, "
                   "languages = excluded.languages, target_markets = excluded.target_markets, "
                   "known_markets = excluded.known_markets, answers = excluded.answers, "
                   "consent_suggestions = excluded.consent_suggestions, "
                   "consent_share_contact = excluded.consent_share_contact, "
                   "unavailable = excluded.unavailable, time_of_day = excluded.time_of_day"),
      // A meeting's two people never change once it exists: updating an existing row leaves
      // them out, so SQLite does not look them up again in participants for the foreign keys.
      update_meeting_(db,
                      "UPDATE meetings SET introduced = ?4, message = ?5, preferred = ?6, "
                      "requester_accepted = ?7, invitee_accepted = ?8, status = ?9, "
                      "slot_session = ?10, slot_index = ?11, table_id = ?12, closed_by = ?13, "
                      "close_reason = ?14, held = ?15, requested_at = ?16, accepted_at = ?17, "
                      // The last placement stays after a cancellation, for the calendar's entry.
                      "calendar_session = coalesce(?10, calendar_session), "
                      "calendar_index = coalesce(?11, calendar_index), "
                      "calendar_table = coalesce(?12, calendar_table), last_change = ?18 "
                      "WHERE id = ?1 AND requester = ?2 AND invitee = ?3"),
      // The same for a meeting whose slot and table are the ones stored: with them left out, the
      // update changes no column under a foreign key, so SQLite needs no statement journal (a
      // copy of every page the update changes, to undo the statement alone) and no lookups.
      update_meeting_same_place_(db,
                                 "UPDATE meetings SET introduced = ?4, message = ?5, preferred = ?6, "
                                 "requester_accepted = ?7, invitee_accepted = ?8, status = ?9, "
                                 "closed_by = ?13, close_reason = ?14, held = ?15, requested_at = ?16, "
                                 "accepted_at = ?17, last_change = ?18 "
                                 "WHERE id = ?1 AND requester = ?2 AND invitee = ?3"),
      insert_meeting_(db,
                      "INSERT INTO meetings (id, requester, invitee, introduced, message, preferred, "
                      "requester_accepted, invitee_accepted, status, slot_session, slot_index, "
                      "table_id, closed_by, close_reason, held, requested_at, accepted_at, "
                      "calendar_session, calendar_index, calendar_table, last_change) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                      "?16, ?17, ?10, ?11, ?12, ?18)"),
      feedback_(db,
                "INSERT INTO feedback (meeting, participant, rating, comment) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (meeting, participant) DO UPDATE SET rating = excluded.rating, "
                "comment = excluded.comment"),
      delete_feedback_(db, "DELETE FROM feedback WHERE meeting = ? AND participant = ?"),
      round_(db,
             "INSERT INTO team_rounds (id, name, session, published_at) VALUES (?, ?, ?, ?)"),
      team_(db, "INSERT INTO teams (round, team, table_id, reasons) VALUES (?, ?, ?, ?)"),
      member_(db,
              "INSERT INTO team_members (round, team, position, participant) VALUES (?, ?, ?, ?)"),
      announcement_(db, "INSERT INTO announcements (id, text, at) VALUES (?, ?, ?)"),
      pitch_session_(db,
                     "INSERT OR REPLACE INTO pitch_sessions (session, status, current, running_since, "
                     "elapsed_before) VALUES (?, ?, ?, ?, ?)"),
      delete_pitches_(db, "DELETE FROM pitches WHERE session = ?"),
      pitch_(db,
             "INSERT INTO pitches (session, position, pitcher, minutes, outcome, interested) "
             "VALUES (?, ?, ?, ?, ?, ?)"),
      clinic_table_(db,
                    "INSERT OR REPLACE INTO clinic_tables (id, session, table_id, theme, members, reasons, "
                    "outcome, last_change) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
      clinic_themes_(db, "INSERT OR REPLACE INTO clinic_themes (participant, themes) VALUES (?, ?)"),
      delete_clinic_themes_(db, "DELETE FROM clinic_themes WHERE participant = ?") {}

void DerivedTables::write(const RowImages& rows) {
  sequence_ = static_cast<std::int64_t>(rows.sequence);
  for (const core::Session& s : rows.sessions) write_session(s);
  for (const core::Table& t : rows.tables) write_table(t);
  for (const core::Participant& p : rows.participants) write_participant(p);
  for (const RowImages::MeetingRow& m : rows.meetings) write_meeting(m.meeting, m.created);
  for (const RowImages::FeedbackRow& f : rows.feedback) write_feedback(f.meeting, f.person, f.feedback);
  for (const core::TeamRound& r : rows.rounds) write_round(r);
  for (const core::Announcement& a : rows.announcements) write_announcement(a);
  for (const auto& [id, pitching] : rows.pitching) write_pitching(id, pitching ? &*pitching : nullptr);
  for (const core::ClinicTable& t : rows.clinic_tables) write_clinic_table(t);
  for (const auto& [id, themes] : rows.clinic_themes) write_clinic_themes(id, themes ? &*themes : nullptr);
  // Removals last: nothing that stays refers to them (the rules refuse removing what is in use).
  for (const core::SessionId id : rows.removed_sessions) {
    delete_session_.bind(1, static_cast<std::int64_t>(id));
    run(delete_session_);
  }
  for (const core::TableId id : rows.removed_tables) {
    delete_table_.bind(1, static_cast<std::int64_t>(id));
    run(delete_table_);
  }
}

void DerivedTables::write_event(const RowImages& rows) {
  const core::EventInfo& e = rows.event;
  auto& s = event_;
  s.bind(1, e.created ? 1 : 0);
  s.bind(2, e.name);
  s.bind(3, e.time_zone);
  s.bind(4, e.join_code);
  s.bind(5, e.registration_open ? 1 : 0);
  // The settings change rarely; their text is made again only when they do.
  if (!settings_text_ || settings_ != e.settings) {
    settings_ = e.settings;
    settings_text_ = core::json::to_json(e.settings).dump();
  }
  s.bindNoCopy(6, *settings_text_);
  s.bind(7, static_cast<std::int64_t>(rows.next_participant));
  s.bind(8, static_cast<std::int64_t>(rows.next_meeting));
  s.bind(9, static_cast<std::int64_t>(rows.next_session));
  s.bind(10, static_cast<std::int64_t>(rows.next_table));
  s.bind(11, static_cast<std::int64_t>(rows.next_round));
  s.bind(12, static_cast<std::int64_t>(rows.next_announcement));
  s.bind(13, static_cast<std::int64_t>(rows.next_clinic_table));
  run(s);
}

void DerivedTables::write_session(const core::Session& session) {
  auto& s = session_;
  s.bind(1, static_cast<std::int64_t>(session.id));
  s.bind(2, session.name);
  s.bind(3, core::to_string(session.kind));
  s.bind(4, core::format_date(session.date));
  s.bind(5, core::format_time_of_day(session.start));
  s.bind(6, core::format_time_of_day(session.end));
  s.bind(7, session.slot_minutes);
  s.bind(8, encode_breaks(session.breaks));
  s.bind(9, sequence_);
  run(s);
}

void DerivedTables::write_table(const core::Table& table) {
  table_.bind(1, static_cast<std::int64_t>(table.id));
  table_.bind(2, table.name);
  table_.bind(3, table.seats);
  table_.bind(4, sequence_);
  run(table_);
}

void DerivedTables::write_participant(const core::Participant& p) {
  const core::Profile& f = p.profile;
  auto& s = participant_;
  s.bind(1, static_cast<std::int64_t>(p.id));
  s.bind(2, core::to_string(p.status));
  s.bind(3, f.display_name);
  s.bind(4, f.organisation);
  s.bind(5, f.job_title);
  s.bind(6, core::to_string(f.type));
  s.bind(7, f.city);
  s.bind(8, f.country);
  s.bind(9, f.sector);
  s.bind(10, core::to_string(f.size));
  s.bind(11, f.email);
  s.bind(12, encode_strings(f.offers));
  s.bind(13, encode_strings(f.seeks));
  s.bind(14, encode_strings(f.languages));
  s.bind(15, encode_strings(f.target_markets));
  s.bind(16, encode_strings(f.known_markets));
  s.bind(17, encode_ints(f.answers));
  s.bind(18, f.consent.suggestions ? 1 : 0);
  s.bind(19, f.consent.share_contact ? 1 : 0);
  s.bind(20, encode_slots(p.availability.unavailable));
  s.bind(21, core::to_string(p.availability.only));
  run(s);
}

namespace {

// `preferred` is the meeting's preferred slots as text; like the meeting, it outlives the run.
void bind_meeting(SQLite::Statement& s, const core::Meeting& m, const std::string& preferred,
                  std::int64_t sequence) {
  s.bind(1, static_cast<std::int64_t>(m.id));
  s.bind(2, static_cast<std::int64_t>(m.requester));
  s.bind(3, static_cast<std::int64_t>(m.invitee));
  s.bind(4, m.introduced ? 1 : 0);
  s.bindNoCopy(5, m.message);  // the rows outlive the statement's run
  s.bindNoCopy(6, preferred);
  s.bind(7, m.requester_accepted ? 1 : 0);
  s.bind(8, m.invitee_accepted ? 1 : 0);
  s.bindNoCopy(9, core::to_string(m.status));
  const bool placed = m.placement.has_value();
  bind_optional(s, 10, placed, placed ? m.placement->slot.session : 0);
  bind_optional(s, 11, placed, placed ? m.placement->slot.index : 0);
  bind_optional(s, 12, placed, placed ? m.placement->table : 0);
  s.bind(13, static_cast<std::int64_t>(m.closed_by));
  s.bindNoCopy(14, m.close_reason);
  s.bindNoCopy(15, core::to_string(m.held));
  s.bind(16, static_cast<std::int64_t>(m.requested_at));
  s.bind(17, static_cast<std::int64_t>(m.accepted_at));
  s.bind(18, sequence);
}

}  // namespace

void DerivedTables::write_meeting(const core::Meeting& m, bool created) {
  const std::string preferred = encode_slots(m.preferred);
  if (!created) {
    const auto known = stored_placement_.find(m.id);
    SQLite::Statement& update =
        known != stored_placement_.end() && known->second == m.placement ? update_meeting_same_place_
                                                                         : update_meeting_;
    bind_meeting(update, m, preferred, sequence_);
    if (run(update) > 0) {
      stored_placement_[m.id] = m.placement;
      return;
    }
  }
  // A new meeting; or no row, or (never from the rules) one whose people differ: the insert then
  // fails on the primary key instead of rewriting who met whom unchecked.
  bind_meeting(insert_meeting_, m, preferred, sequence_);
  run(insert_meeting_);
  stored_placement_[m.id] = m.placement;
}

void DerivedTables::forget() { stored_placement_.clear(); }

void DerivedTables::write_feedback(core::MeetingId meeting, core::ParticipantId person,
                                   const core::MeetingFeedback& feedback) {
  if (feedback.rating == 0 && feedback.comment.empty()) {
    delete_feedback_.bind(1, static_cast<std::int64_t>(meeting));
    delete_feedback_.bind(2, static_cast<std::int64_t>(person));
    run(delete_feedback_);
    return;
  }
  feedback_.bind(1, static_cast<std::int64_t>(meeting));
  feedback_.bind(2, static_cast<std::int64_t>(person));
  feedback_.bind(3, feedback.rating);
  feedback_.bindNoCopy(4, feedback.comment);
  run(feedback_);
}

void DerivedTables::write_round(const core::TeamRound& round) {
  round_.bind(1, static_cast<std::int64_t>(round.id));
  round_.bind(2, round.name);
  round_.bind(3, static_cast<std::int64_t>(round.session));
  round_.bind(4, static_cast<std::int64_t>(round.published_at));
  run(round_);
  for (std::size_t t = 0; t < round.teams.size(); ++t) {
    const core::Team& team = round.teams[t];
    team_.bind(1, static_cast<std::int64_t>(round.id));
    team_.bind(2, static_cast<std::int64_t>(t));
    team_.bind(3, static_cast<std::int64_t>(team.table));
    team_.bind(4, team.reasons);
    run(team_);
    for (std::size_t i = 0; i < team.members.size(); ++i) {
      member_.bind(1, static_cast<std::int64_t>(round.id));
      member_.bind(2, static_cast<std::int64_t>(t));
      member_.bind(3, static_cast<std::int64_t>(i));
      member_.bind(4, static_cast<std::int64_t>(team.members[i]));
      run(member_);
    }
  }
}

void DerivedTables::write_pitching(core::SessionId session, const core::PitchSession* ps) {
  delete_pitches_.bind(1, static_cast<std::int64_t>(session));
  run(delete_pitches_);
  if (ps == nullptr) return;
  pitch_session_.bind(1, static_cast<std::int64_t>(session));
  pitch_session_.bind(2, core::to_string(ps->status));
  pitch_session_.bind(3, ps->current);
  pitch_session_.bind(4, static_cast<std::int64_t>(ps->running_since));
  pitch_session_.bind(5, static_cast<std::int64_t>(ps->elapsed_before));
  run(pitch_session_);
  for (std::size_t i = 0; i < ps->pitches.size(); ++i) {
    const core::Pitch& p = ps->pitches[i];
    pitch_.bind(1, static_cast<std::int64_t>(session));
    pitch_.bind(2, static_cast<std::int64_t>(i));
    pitch_.bind(3, static_cast<std::int64_t>(p.pitcher));
    pitch_.bind(4, p.minutes);
    pitch_.bind(5, core::to_string(p.outcome));
    pitch_.bind(6, encode_ids(p.interested));
    run(pitch_);
  }
}

void DerivedTables::write_clinic_table(const core::ClinicTable& ct) {
  auto& s = clinic_table_;
  s.bind(1, static_cast<std::int64_t>(ct.id));
  s.bind(2, static_cast<std::int64_t>(ct.session));
  s.bind(3, static_cast<std::int64_t>(ct.table));
  s.bind(4, ct.theme);
  s.bind(5, encode_ids(ct.members));
  s.bind(6, ct.reasons);
  s.bind(7, ct.outcome);
  s.bind(8, sequence_);
  run(s);
}

void DerivedTables::write_clinic_themes(core::ParticipantId participant,
                                        const std::vector<core::ClinicTableId>* themes) {
  if (themes == nullptr) {
    delete_clinic_themes_.bind(1, static_cast<std::int64_t>(participant));
    run(delete_clinic_themes_);
    return;
  }
  clinic_themes_.bind(1, static_cast<std::int64_t>(participant));
  clinic_themes_.bind(2, encode_ids(*themes));
  run(clinic_themes_);
}

void DerivedTables::write_announcement(const core::Announcement& a) {
  announcement_.bind(1, static_cast<std::int64_t>(a.id));
  announcement_.bind(2, a.text);
  announcement_.bind(3, static_cast<std::int64_t>(a.at));
  run(announcement_);
}

}  // namespace crossmatch::storage::detail
