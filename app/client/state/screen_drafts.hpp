// What the person is typing or choosing on each screen, kept with the models rather than in the
// screens' code: every client window (and every test) has its own, and nothing outlives it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "app/client/state/matching_preview.hpp"
#include "core/event/auto_schedule.hpp"
#include "core/event/operation.hpp"

namespace crossmatch::client {

struct FeedbackDraft {
  int rating = 4;
  bool held = true;
  std::string comment;
};

// A new session as typed: the day and times stay text until they parse.
struct SessionDraft {
  SessionDraft() {
    session.name = "Meetings";
    session.start = 9 * 60;
    session.end = 12 * 60;
  }
  core::DefineSession session;
  std::string day = "2026-05-14", start = "09:00", end = "12:00";
};

struct TableDraft {
  std::string name = "Table";
  int seats = 2;
};

struct ScheduleDraft {
  std::set<core::SessionId> chosen;  // the one-to-one sessions to plan
  bool allow_moves = false;
  std::optional<core::AutoSchedule> plan;
  std::string problem;  // why planning failed
};

// The matching screen's preview, recomputed only when the draft, the event's settings or the
// participants change.
struct MatchingPreviewCache {
  core::MatchingSettings draft, current;
  std::uint64_t population_builds = 0;
  bool computed = false;
  MatchingPreview preview;
};

struct ScreenDrafts {
  std::string agenda_file;    // the agenda export's file (empty: the default)
  std::string export_folder;  // the organiser's exports (empty: the default)
  SessionDraft session;
  TableDraft table;
  std::map<core::MeetingId, FeedbackDraft> feedback;  // per meeting
  ScheduleDraft schedule;
  core::SessionId round_session = 0;  // the team-round session a round is published in
  MatchingPreviewCache matching_preview;
};

}  // namespace crossmatch::client
