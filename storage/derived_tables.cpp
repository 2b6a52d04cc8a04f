#include "storage/derived_tables.hpp"

#include <algorithm>

#include "core/event/calendar.hpp"
#include "core/event/json_values.hpp"
#include "storage/column_codec.hpp"
#include "storage/event_columns.hpp"
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
    : event_(db, kEventColumns.insert("INSERT OR REPLACE")),
      session_(db, kSessionColumns.upsert({"id"})),
      delete_session_(db, kSessionColumns.delete_rows({"id"})),
      table_(db, kTableColumns.upsert({"id"})),
      delete_table_(db, kTableColumns.delete_rows({"id"})),
      participant_(db, kParticipantColumns.upsert({"id"})),
      // A meeting's two people never change once it exists: updating an existing row leaves
      // them out, so SQLite does not look them up again in participants for the foreign keys.
      // The last placement stays after a cancellation, for the calendar's entry.
      update_meeting_(
          db, kMeetingColumns.update(
                  {.where = {"id", "requester", "invitee"},
                   .kept_when_null = {"calendar_session", "calendar_index", "calendar_table"}})),
      // The same for a meeting whose slot and table are the ones stored: with them left out, the
      // update changes no column under a foreign key, so SQLite needs no statement journal (a
      // copy of every page the update changes, to undo the statement alone) and no lookups.
      update_meeting_same_place_(
          db, kMeetingColumns.update(
                  {.where = {"id", "requester", "invitee"},
                   .left_out = {"slot_session", "slot_index", "table_id", "calendar_session",
                                "calendar_index", "calendar_table"}})),
      insert_meeting_(db, kMeetingColumns.insert()),
      feedback_(db, kFeedbackColumns.upsert({"meeting", "participant"})),
      delete_feedback_(db, kFeedbackColumns.delete_rows({"meeting", "participant"})),
      round_(db, kRoundColumns.insert()),
      team_(db, kTeamColumns.insert()),
      member_(db, kTeamMemberColumns.insert()),
      announcement_(db, kAnnouncementColumns.insert()),
      pitch_session_(db, kPitchSessionColumns.insert("INSERT OR REPLACE")),
      delete_pitches_(db, kPitchColumns.delete_rows({"session"})),
      pitch_(db, kPitchColumns.insert()),
      clinic_table_(db, kClinicTableColumns.insert("INSERT OR REPLACE")),
      clinic_themes_(db, kClinicThemeColumns.insert("INSERT OR REPLACE")),
      delete_clinic_themes_(db, kClinicThemeColumns.delete_rows({"participant"})),
      follow_up_(db, kFollowUpColumns.insert("INSERT OR REPLACE")),
      follow_up_answer_(db, kFollowUpAnswerColumns.insert("INSERT OR REPLACE")) {}

void DerivedTables::write(const RowImages& rows) {
  sequence_ = static_cast<std::int64_t>(rows.sequence);
  for (const core::Session& s : rows.sessions) write_session(s);
  for (const core::Table& t : rows.tables) write_table(t);
  for (const core::Participant& p : rows.participants) write_participant(p);
  for (const RowImages::MeetingRow& m : rows.meetings) write_meeting(m.meeting, m.created);
  for (const RowImages::FeedbackRow& f : rows.feedback)
    write_feedback(f.meeting, f.person, f.feedback);
  for (const core::TeamRound& r : rows.rounds) write_round(r);
  for (const core::Announcement& a : rows.announcements) write_announcement(a);
  for (const auto& [id, pitching] : rows.pitching)
    write_pitching(id, pitching ? &*pitching : nullptr);
  for (const core::ClinicTable& t : rows.clinic_tables) write_clinic_table(t);
  for (const auto& [id, themes] : rows.clinic_themes)
    write_clinic_themes(id, themes ? &*themes : nullptr);
  for (const RowImages::FollowUpRow& f : rows.follow_ups) write_follow_up(f);
  for (const RowImages::FollowUpAnswerRow& a : rows.follow_up_answers) write_follow_up_answer(a);
  // Removals last: nothing that stays refers to them (the rules refuse removing what is in use).
  for (const core::SessionId id : rows.removed_sessions) {
    delete_session_.bind(kSessionColumns.param("id"), static_cast<std::int64_t>(id));
    run(delete_session_);
  }
  for (const core::TableId id : rows.removed_tables) {
    delete_table_.bind(kTableColumns.param("id"), static_cast<std::int64_t>(id));
    run(delete_table_);
  }
}

void DerivedTables::write_event(const RowImages& rows) {
  constexpr auto& c = kEventColumns;
  const core::EventInfo& e = rows.event;
  auto& s = event_;
  s.bind(c.param("id"), 1);
  s.bind(c.param("created"), e.created ? 1 : 0);
  s.bind(c.param("name"), e.name);
  s.bind(c.param("time_zone"), e.time_zone);
  s.bind(c.param("join_code"), e.join_code);
  s.bind(c.param("registration_open"), e.registration_open ? 1 : 0);
  // The settings change rarely; their text is made again only when they do.
  if (!settings_text_ || settings_ != e.settings) {
    settings_ = e.settings;
    settings_text_ = core::json::to_json(e.settings).dump();
  }
  s.bindNoCopy(c.param("settings"), *settings_text_);
  s.bind(c.param("next_participant"), static_cast<std::int64_t>(rows.next_participant));
  s.bind(c.param("next_meeting"), static_cast<std::int64_t>(rows.next_meeting));
  s.bind(c.param("next_session"), static_cast<std::int64_t>(rows.next_session));
  s.bind(c.param("next_table"), static_cast<std::int64_t>(rows.next_table));
  s.bind(c.param("next_round"), static_cast<std::int64_t>(rows.next_round));
  s.bind(c.param("next_announcement"), static_cast<std::int64_t>(rows.next_announcement));
  s.bind(c.param("next_clinic_table"), static_cast<std::int64_t>(rows.next_clinic_table));
  run(s);
}

void DerivedTables::write_session(const core::Session& session) {
  constexpr auto& c = kSessionColumns;
  auto& s = session_;
  s.bind(c.param("id"), static_cast<std::int64_t>(session.id));
  s.bind(c.param("name"), session.name);
  s.bind(c.param("kind"), core::to_string(session.kind));
  s.bind(c.param("date"), core::format_date(session.date));
  s.bind(c.param("start_time"), core::format_time_of_day(session.start));
  s.bind(c.param("end_time"), core::format_time_of_day(session.end));
  s.bind(c.param("slot_minutes"), session.slot_minutes);
  s.bind(c.param("breaks"), encode_breaks(session.breaks));
  s.bind(c.param("last_change"), sequence_);
  run(s);
}

void DerivedTables::write_table(const core::Table& table) {
  constexpr auto& c = kTableColumns;
  table_.bind(c.param("id"), static_cast<std::int64_t>(table.id));
  table_.bind(c.param("name"), table.name);
  table_.bind(c.param("seats"), table.seats);
  table_.bind(c.param("last_change"), sequence_);
  run(table_);
}

void DerivedTables::write_participant(const core::Participant& p) {
  constexpr auto& c = kParticipantColumns;
  const core::Profile& f = p.profile;
  auto& s = participant_;
  s.bind(c.param("id"), static_cast<std::int64_t>(p.id));
  s.bind(c.param("status"), core::to_string(p.status));
  s.bind(c.param("display_name"), f.display_name);
  s.bind(c.param("organisation"), f.organisation);
  s.bind(c.param("job_title"), f.job_title);
  s.bind(c.param("type"), core::to_string(f.type));
  s.bind(c.param("city"), f.city);
  s.bind(c.param("country"), f.country);
  s.bind(c.param("sector"), f.sector);
  s.bind(c.param("size"), core::to_string(f.size));
  s.bind(c.param("email"), f.email);
  s.bind(c.param("offers"), encode_strings(f.offers));
  s.bind(c.param("seeks"), encode_strings(f.seeks));
  s.bind(c.param("languages"), encode_strings(f.languages));
  s.bind(c.param("target_markets"), encode_strings(f.target_markets));
  s.bind(c.param("known_markets"), encode_strings(f.known_markets));
  s.bind(c.param("answers"), encode_ints(f.answers));
  s.bind(c.param("consent_suggestions"), f.consent.suggestions ? 1 : 0);
  s.bind(c.param("consent_share_contact"), f.consent.share_contact ? 1 : 0);
  s.bind(c.param("unavailable"), encode_slots(p.availability.unavailable));
  s.bind(c.param("time_of_day"), core::to_string(p.availability.only));
  s.bind(c.param("check_in_code"), p.check_in_code);
  s.bind(c.param("arrived_at"), p.arrived_at);
  s.bind(c.param("standby"), p.standby ? 1 : 0);
  run(s);
}

namespace {

// `preferred` and `after` are the meeting's preferred slots and the meetings before it as text;
// like the meeting, they outlive the run.
// Binds every column: the insert and both updates number their parameters alike.
void bind_meeting(SQLite::Statement& s, const core::Meeting& m, const std::string& preferred,
                  const std::string& after, std::int64_t sequence) {
  constexpr auto& c = kMeetingColumns;
  s.bind(c.param("id"), static_cast<std::int64_t>(m.id));
  s.bind(c.param("requester"), static_cast<std::int64_t>(m.requester));
  s.bind(c.param("invitee"), static_cast<std::int64_t>(m.invitee));
  s.bind(c.param("introduced"), m.introduced ? 1 : 0);
  s.bind(c.param("offered"), m.offered ? 1 : 0);
  s.bindNoCopy(c.param("message"), m.message);  // the rows outlive the statement's run
  s.bindNoCopy(c.param("preferred"), preferred);
  s.bind(c.param("requester_accepted"), m.requester_accepted ? 1 : 0);
  s.bind(c.param("invitee_accepted"), m.invitee_accepted ? 1 : 0);
  s.bindNoCopy(c.param("status"), core::to_string(m.status));
  const bool placed = m.placement.has_value();
  const std::int64_t session = placed ? m.placement->slot.session : 0;
  const std::int64_t index = placed ? m.placement->slot.index : 0;
  const std::int64_t table = placed ? m.placement->table : 0;
  bind_optional(s, c.param("slot_session"), placed, session);
  bind_optional(s, c.param("slot_index"), placed, index);
  bind_optional(s, c.param("table_id"), placed, table);
  s.bind(c.param("closed_by"), static_cast<std::int64_t>(m.closed_by));
  s.bindNoCopy(c.param("close_reason"), m.close_reason);
  s.bindNoCopy(c.param("held"), core::to_string(m.held));
  s.bind(c.param("requested_at"), static_cast<std::int64_t>(m.requested_at));
  s.bind(c.param("accepted_at"), static_cast<std::int64_t>(m.accepted_at));
  // The calendar keeps the last placement: a NULL leaves the stored one in an update.
  bind_optional(s, c.param("calendar_session"), placed, session);
  bind_optional(s, c.param("calendar_index"), placed, index);
  bind_optional(s, c.param("calendar_table"), placed, table);
  s.bind(c.param("last_change"), sequence);
  const bool pinned = m.pinned.has_value();
  bind_optional(s, c.param("pinned_session"), pinned, pinned ? m.pinned->session : 0);
  bind_optional(s, c.param("pinned_index"), pinned, pinned ? m.pinned->index : 0);
  s.bindNoCopy(c.param("earlier_meetings"), after);
}

}  // namespace

void DerivedTables::write_meeting(const core::Meeting& m, bool created) {
  const std::string preferred = encode_slots(m.preferred);
  const std::string after = encode_ids(m.after);
  if (!created) {
    const auto known = stored_placement_.find(m.id);
    SQLite::Statement& update = known != stored_placement_.end() && known->second == m.placement
                                    ? update_meeting_same_place_
                                    : update_meeting_;
    bind_meeting(update, m, preferred, after, sequence_);
    if (run(update) > 0) {
      stored_placement_[m.id] = m.placement;
      return;
    }
  }
  // A new meeting; or no row, or (never from the rules) one whose people differ: the insert then
  // fails on the primary key instead of rewriting who met whom unchecked.
  bind_meeting(insert_meeting_, m, preferred, after, sequence_);
  run(insert_meeting_);
  stored_placement_[m.id] = m.placement;
}

void DerivedTables::forget() {
  stored_placement_.clear();
}

void DerivedTables::write_feedback(core::MeetingId meeting, core::ParticipantId person,
                                   const core::MeetingFeedback& feedback) {
  constexpr auto& c = kFeedbackColumns;
  if (feedback.rating == 0 && feedback.comment.empty() &&
      feedback.held == core::HeldState::Unknown) {
    delete_feedback_.bind(c.param("meeting"), static_cast<std::int64_t>(meeting));
    delete_feedback_.bind(c.param("participant"), static_cast<std::int64_t>(person));
    run(delete_feedback_);
    return;
  }
  feedback_.bind(c.param("meeting"), static_cast<std::int64_t>(meeting));
  feedback_.bind(c.param("participant"), static_cast<std::int64_t>(person));
  feedback_.bind(c.param("rating"), feedback.rating);
  feedback_.bindNoCopy(c.param("comment"), feedback.comment);
  feedback_.bind(c.param("held"), core::to_string(feedback.held));
  run(feedback_);
}

void DerivedTables::write_round(const core::TeamRound& round) {
  constexpr auto& r = kRoundColumns;
  constexpr auto& t = kTeamColumns;
  constexpr auto& m = kTeamMemberColumns;
  round_.bind(r.param("id"), static_cast<std::int64_t>(round.id));
  round_.bind(r.param("name"), round.name);
  round_.bind(r.param("session"), static_cast<std::int64_t>(round.session));
  round_.bind(r.param("published_at"), static_cast<std::int64_t>(round.published_at));
  run(round_);
  for (std::size_t n = 0; n < round.teams.size(); ++n) {
    const core::Team& team = round.teams[n];
    team_.bind(t.param("round"), static_cast<std::int64_t>(round.id));
    team_.bind(t.param("team"), static_cast<std::int64_t>(n));
    team_.bind(t.param("table_id"), static_cast<std::int64_t>(team.table));
    team_.bind(t.param("reasons"), team.reasons);
    run(team_);
    for (std::size_t i = 0; i < team.members.size(); ++i) {
      member_.bind(m.param("round"), static_cast<std::int64_t>(round.id));
      member_.bind(m.param("team"), static_cast<std::int64_t>(n));
      member_.bind(m.param("position"), static_cast<std::int64_t>(i));
      member_.bind(m.param("participant"), static_cast<std::int64_t>(team.members[i]));
      run(member_);
    }
  }
}

void DerivedTables::write_pitching(core::SessionId session, const core::PitchSession* ps) {
  constexpr auto& s = kPitchSessionColumns;
  constexpr auto& c = kPitchColumns;
  delete_pitches_.bind(c.param("session"), static_cast<std::int64_t>(session));
  run(delete_pitches_);
  if (ps == nullptr) return;
  pitch_session_.bind(s.param("session"), static_cast<std::int64_t>(session));
  pitch_session_.bind(s.param("status"), core::to_string(ps->status));
  pitch_session_.bind(s.param("current"), ps->current);
  pitch_session_.bind(s.param("running_since"), static_cast<std::int64_t>(ps->running_since));
  pitch_session_.bind(s.param("elapsed_before"), static_cast<std::int64_t>(ps->elapsed_before));
  run(pitch_session_);
  for (std::size_t i = 0; i < ps->pitches.size(); ++i) {
    const core::Pitch& p = ps->pitches[i];
    pitch_.bind(c.param("session"), static_cast<std::int64_t>(session));
    pitch_.bind(c.param("position"), static_cast<std::int64_t>(i));
    pitch_.bind(c.param("pitcher"), static_cast<std::int64_t>(p.pitcher));
    pitch_.bind(c.param("minutes"), p.minutes);
    pitch_.bind(c.param("outcome"), core::to_string(p.outcome));
    pitch_.bind(c.param("interested"), encode_ids(p.interested));
    run(pitch_);
  }
}

void DerivedTables::write_clinic_table(const core::ClinicTable& ct) {
  constexpr auto& c = kClinicTableColumns;
  auto& s = clinic_table_;
  s.bind(c.param("id"), static_cast<std::int64_t>(ct.id));
  s.bind(c.param("session"), static_cast<std::int64_t>(ct.session));
  s.bind(c.param("table_id"), static_cast<std::int64_t>(ct.table));
  s.bind(c.param("theme"), ct.theme);
  s.bind(c.param("members"), encode_ids(ct.members));
  s.bind(c.param("reasons"), ct.reasons);
  s.bind(c.param("outcome"), ct.outcome);
  s.bind(c.param("last_change"), sequence_);
  run(s);
}

void DerivedTables::write_clinic_themes(core::ParticipantId participant,
                                        const std::vector<core::ClinicTableId>* themes) {
  constexpr auto& c = kClinicThemeColumns;
  if (themes == nullptr) {
    delete_clinic_themes_.bind(c.param("participant"), static_cast<std::int64_t>(participant));
    run(delete_clinic_themes_);
    return;
  }
  clinic_themes_.bind(c.param("participant"), static_cast<std::int64_t>(participant));
  clinic_themes_.bind(c.param("themes"), encode_ids(*themes));
  run(clinic_themes_);
}

void DerivedTables::write_follow_up(const RowImages::FollowUpRow& round) {
  constexpr auto& c = kFollowUpColumns;
  auto& s = follow_up_;
  s.bind(c.param("id"), static_cast<std::int64_t>(round.id));
  s.bind(c.param("name"), round.name);
  s.bind(c.param("open"), round.open ? 1 : 0);
  s.bind(c.param("opened_at"), round.opened_at);
  run(s);
}

void DerivedTables::write_follow_up_answer(const RowImages::FollowUpAnswerRow& a) {
  constexpr auto& c = kFollowUpAnswerColumns;
  auto& s = follow_up_answer_;
  s.bind(c.param("follow_up"), static_cast<std::int64_t>(a.follow_up));
  s.bind(c.param("meeting"), static_cast<std::int64_t>(a.meeting));
  s.bind(c.param("participant"), static_cast<std::int64_t>(a.person));
  s.bind(c.param("outcome"), core::to_string(a.answer.outcome));
  s.bind(c.param("note"), a.answer.note);
  s.bind(c.param("at"), a.answer.at);
  run(s);
}

void DerivedTables::write_announcement(const core::Announcement& a) {
  constexpr auto& c = kAnnouncementColumns;
  announcement_.bind(c.param("id"), static_cast<std::int64_t>(a.id));
  announcement_.bind(c.param("text"), a.text);
  announcement_.bind(c.param("at"), static_cast<std::int64_t>(a.at));
  run(announcement_);
}

}  // namespace crossmatch::storage::detail
