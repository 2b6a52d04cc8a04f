// Which rows of the derived tables an operation changes, so that a group of operations rewrites
// each changed row once, from the state after the whole group.
#pragma once

#include <cstdint>
#include <map>
#include <set>

#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"

namespace crossmatch::storage {

struct Touched {
  std::set<core::SessionId> sessions, removed_sessions;
  std::set<core::TableId> tables, removed_tables;
  std::set<core::ParticipantId> participants;
  std::set<core::MeetingId> meetings;
  std::set<core::MeetingId> new_meetings;  // requested or introduced in this group: no row yet
  std::set<core::MeetingId> feedback;  // meetings whose feedback rows may have changed
  std::set<core::RoundId> rounds;
  std::set<core::AnnouncementId> announcements;
  std::set<core::SessionId> pitching;             // pitch sessions (order, state, interest)
  std::set<core::ClinicTableId> clinic_tables;
  std::set<core::ParticipantId> clinic_themes;    // whose picked themes
  std::map<core::ParticipantId, std::uint64_t> erased;  // erase operations: whom, at which sequence

  void clear() { *this = Touched{}; }
};

// Notes what `op` is about to change, from the state before it is applied. Only removing a
// session needs this: it drops that session's slots from everyone's availability and preferences.
void note_before(const core::EventState& before, const core::Operation& op, Touched& touched);

// Notes what the applied operation changed, from the state after it (the hub's decisions, such
// as a new participant's id, are in `applied`).
void note_after(const core::EventState& after, const core::Operation& applied, Touched& touched);

// The participant or meeting an operation is about (0 when none): the log's lookup columns,
// which erasure uses to find what to rewrite.
core::ParticipantId subject_participant(const core::Operation& op);
core::MeetingId subject_meeting(const core::Operation& op);

}  // namespace crossmatch::storage
