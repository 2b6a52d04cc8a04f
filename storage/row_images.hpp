// Copies of the derived tables' rows that operations changed, read from the state right after
// them: what the derived tables are written from. Reading and writing are apart so that the
// thread that applied the operations (the hub's network thread) can read the rows, and the
// storage thread can write them later without that state.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/event/event_state.hpp"
#include "storage/touched.hpp"

namespace crossmatch::storage {

// A participant whose personal data is erased: what the state keeps of them, and their meetings,
// whose texts leave the log with them (see erasure.hpp).
struct ErasedPerson {
  core::ParticipantId person = 0;
  std::uint64_t erased_at = 0;  // the erase operation's sequence
  core::Profile profile;        // as the state keeps it after the erasure
  core::Availability availability;
  std::vector<core::MeetingId> meetings;
};

struct RowImages {
  // The operation after which the rows were read: the last change of the meeting, session, table
  // and clinic table rows (calendar entries use it as their SEQUENCE).
  std::uint64_t sequence = 0;

  // The event row (name, settings, the next ids), written once a group, from its last images.
  core::EventInfo event;
  core::ParticipantId next_participant = 1;
  core::MeetingId next_meeting = 1;
  core::SessionId next_session = 1;
  core::TableId next_table = 1;
  core::RoundId next_round = 1;
  core::AnnouncementId next_announcement = 1;
  core::ClinicTableId next_clinic_table = 1;

  struct MeetingRow {
    core::Meeting meeting;
    bool created = false;  // requested or introduced by these operations: no row yet
  };
  struct FeedbackRow {
    core::MeetingId meeting = 0;
    core::ParticipantId person = 0;
    core::MeetingFeedback feedback;  // empty: the row goes
  };

  std::vector<core::Session> sessions;
  std::vector<core::Table> tables;
  std::vector<core::Participant> participants;
  std::vector<MeetingRow> meetings;
  std::vector<FeedbackRow> feedback;
  std::vector<core::TeamRound> rounds;
  std::vector<core::Announcement> announcements;
  std::vector<std::pair<core::SessionId, std::optional<core::PitchSession>>>
      pitching;  // none: gone
  std::vector<core::ClinicTable> clinic_tables;
  std::vector<std::pair<core::ParticipantId, std::optional<std::vector<core::ClinicTableId>>>>
      clinic_themes;
  struct FollowUpRow {
    core::FollowUpId id = 0;
    std::string name;
    bool open = true;
    std::int64_t opened_at = 0;
  };
  struct FollowUpAnswerRow {
    core::FollowUpId follow_up = 0;
    core::MeetingId meeting = 0;
    core::ParticipantId person = 0;
    core::FollowUpAnswer answer;
  };
  std::vector<FollowUpRow> follow_ups;
  std::vector<FollowUpAnswerRow> follow_up_answers;
  std::vector<core::SessionId> removed_sessions;
  std::vector<core::TableId> removed_tables;
  std::vector<ErasedPerson> erased;
};

// The event row and every row `touched` names, as they are in `state`, the state right after the
// operation with `sequence` (the last of those that touched them).
RowImages read_rows(const core::EventState& state, const Touched& touched, std::uint64_t sequence);

}  // namespace crossmatch::storage
