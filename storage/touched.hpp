// Which rows of the derived tables an operation changes, so that a group of operations rewrites
// each changed row once, from the state after the whole group.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"

namespace crossmatch::storage {

struct Touched {
  std::set<core::SessionId> sessions, removed_sessions;
  std::set<core::TableId> tables, removed_tables;
  std::set<core::ParticipantId> participants;
  std::set<core::MeetingId> meetings;
  std::set<core::MeetingId> new_meetings;  // requested or introduced in this group: no row yet
  // Feedback rows that may have changed: (meeting, whose feedback), 0 for both people's.
  std::set<std::pair<core::MeetingId, core::ParticipantId>> feedback;
  std::set<core::RoundId> rounds;
  std::set<core::AnnouncementId> announcements;
  std::set<core::SessionId> pitching;  // pitch sessions (order, state, interest)
  std::set<core::ClinicTableId> clinic_tables;
  std::set<core::ParticipantId> clinic_themes;  // whose picked themes
  std::set<core::FollowUpId> follow_ups;
  // Answers of follow-up rounds: (round, meeting, whose answer).
  std::set<std::tuple<core::FollowUpId, core::MeetingId, core::ParticipantId>> follow_up_answers;
  std::map<core::ParticipantId, std::uint64_t> erased;  // erase operations: whom, at which sequence

  void clear() { *this = Touched{}; }
};

// Notes what `op` is about to change, from the state before it is applied (the catalogue's
// changes_before: removing a session drops its slots from everyone's availability and preferences).
void note_before(const core::EventState& before, const core::Operation& op, Touched& touched);

// Notes what the applied operation changed, from the state after it (the hub's decisions, such
// as a new participant's id, are in `applied`), as the operation catalogue reports it.
void note_after(const core::EventState& after, const core::Operation& applied, Touched& touched);

}  // namespace crossmatch::storage
