// Writes the tables derived from the operation log (event, sessions, tables, participants,
// meetings, feedback, team rounds, announcements) from copies of the changed rows.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <unordered_map>

#include "core/event/event_state.hpp"
#include "storage/row_images.hpp"

namespace crossmatch::storage::detail {

class DerivedTables {
 public:
  // Prepares its statements once; the tables must exist.
  explicit DerivedTables(SQLite::Database& db);

  // Rewrites every row `rows` holds but the event row (rows of several operations are written in
  // their order, so the last image of a row is what stays). Meeting, session and table rows note
  // `rows.sequence` as their last change, which only grows: calendar entries use it as their
  // SEQUENCE. Throws SQLite::Exception.
  void write(const RowImages& rows);
  // Rewrites the event row (a group writes it once, from its last images). Throws likewise.
  void write_event(const RowImages& rows);
  // Forgets what it knows of the stored rows: after a transaction that did not commit, or when
  // another connection may have written the file.
  void forget();

 private:
  void write_session(const core::Session& session);
  void write_table(const core::Table& table);
  void write_participant(const core::Participant& participant);
  // `created`: requested or introduced in this group, so there is no row yet.
  void write_meeting(const core::Meeting& meeting, bool created);
  void write_feedback(core::MeetingId meeting, core::ParticipantId person,
                      const core::MeetingFeedback& feedback);
  void write_round(const core::TeamRound& round);
  void write_announcement(const core::Announcement& announcement);
  void write_follow_up(const RowImages::FollowUpRow& round);
  void write_follow_up_answer(const RowImages::FollowUpAnswerRow& answer);
  void write_pitching(core::SessionId session, const core::PitchSession* pitching);
  void write_clinic_table(const core::ClinicTable& table);
  void write_clinic_themes(core::ParticipantId participant,
                           const std::vector<core::ClinicTableId>* themes);

  SQLite::Statement event_, session_, delete_session_, table_, delete_table_, participant_,
      update_meeting_, update_meeting_same_place_, insert_meeting_, feedback_, delete_feedback_,
      round_, team_, member_, announcement_, pitch_session_, delete_pitches_, pitch_, clinic_table_,
      clinic_themes_, delete_clinic_themes_, follow_up_, follow_up_answer_;
  std::int64_t sequence_ = 0;
  // Each meeting's slot and table as written by this connection in committed transactions (or
  // in the current one): a meeting found here with the same placement is updated without it.
  std::unordered_map<core::MeetingId, std::optional<core::Placement>> stored_placement_;
  // The event's settings as last written, and their JSON text.
  core::EventSettings settings_;
  std::optional<std::string> settings_text_;
};

}  // namespace crossmatch::storage::detail
