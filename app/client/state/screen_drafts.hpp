// What the other screens are typing or choosing, kept between frames for as long as the app runs:
// the organiser's new session and table, auto-schedule's choice and plan, the matching preview's
// inputs, the team round's session, the export folder and file, feedback being written.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "app/client/state/matching_preview.hpp"
#include "app/client/state/schedule_planner.hpp"
#include "core/event/auto_schedule.hpp"
#include "core/event/operation.hpp"

namespace crossmatch::client {

struct SessionDraft {
  core::DefineSession session{0, "Meetings", core::SessionKind::Meetings, 0, 9 * 60, 12 * 60, 20, {}};
  // Until the organiser types a day, the event's last day with a session (or today) is offered.
  std::string day, start = "09:00", end = "12:00";
  bool day_typed = false;
};

struct TableDraft {
  std::string name = "Table";
  int seats = 2;
};

struct ScheduleDraft {
  std::set<core::SessionId> sessions;
  bool allow_moves = false;
  int seconds = 5;  // how long planning may search
  std::unique_ptr<SchedulePlanner> planner = std::make_unique<SchedulePlanner>();
  std::optional<core::AutoSchedule> plan;
  std::string problem;  // why planning failed
};

// The preview shown and what it was computed from, so that it is redone only when they change.
struct PreviewCache {
  core::MatchingSettings previewed, current;
  std::uint64_t population_builds = 0;
  bool computed = false;
  MatchingPreview preview;
};

struct FeedbackDraft {
  int rating = 4;
  bool held = true;
  std::string comment;
};

struct ScreenDrafts {
  SessionDraft session;
  TableDraft table;
  ScheduleDraft schedule;
  PreviewCache preview;
  core::SessionId round_session = 0;
  std::string export_folder;  // empty: the default export folder, filled on first draw
  std::string agenda_file;    // likewise
  std::map<core::MeetingId, FeedbackDraft> feedback;
};

}  // namespace crossmatch::client
