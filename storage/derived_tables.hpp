// Writes the tables derived from the operation log (event, sessions, tables, participants,
// meetings, feedback, team rounds, announcements) from an event's state, row by changed row.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/event/event_state.hpp"
#include "storage/touched.hpp"

namespace crossmatch::storage::detail {

class DerivedTables {
 public:
  // Prepares its statements once; the tables must exist.
  explicit DerivedTables(SQLite::Database& db);

  // Rewrites the event row and every row `touched` names, from `state` (the state after the
  // operations that touched them, the last of which has `sequence`). Meeting, session and table
  // rows note that sequence as their last change, which only grows: calendar entries use it as
  // their SEQUENCE. Throws SQLite::Exception.
  void write(const core::EventState& state, const Touched& touched, std::uint64_t sequence);

 private:
  void write_event(const core::EventState& state);
  void write_session(const core::Session& session);
  void write_table(const core::Table& table);
  void write_participant(const core::Participant& participant);
  // `created`: requested or introduced in this group, so there is no row yet.
  void write_meeting(const core::Meeting& meeting, bool created);
  void write_feedback(core::MeetingId meeting, core::ParticipantId person,
                      const core::MeetingFeedback& feedback);
  void write_round(const core::TeamRound& round);
  void write_announcement(const core::Announcement& announcement);
  void write_pitching(core::SessionId session, const core::PitchSession* pitching);
  void write_clinic_table(const core::ClinicTable& table);
  void write_clinic_themes(core::ParticipantId participant, const std::vector<core::ClinicTableId>* themes);

  SQLite::Statement event_, session_, delete_session_, table_, delete_table_, participant_,
      update_meeting_, insert_meeting_, feedback_, delete_feedback_, round_, team_, member_,
      announcement_, pitch_session_, delete_pitches_, pitch_, clinic_table_, clinic_themes_,
      delete_clinic_themes_;
  std::int64_t sequence_ = 0;
};

}  // namespace crossmatch::storage::detail
