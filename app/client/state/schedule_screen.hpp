// The organiser's auto-schedule screen: the sessions chosen, the time limit, the planner running
// off the UI thread, and the plan it found (or why not).
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>

#include "app/client/state/schedule_planner.hpp"
#include "core/event/auto_schedule.hpp"

namespace crossmatch::client {

struct ScheduleScreen {
  std::set<core::SessionId> sessions;
  bool allow_moves = false;
  int seconds = 5;  // how long planning may search
  std::unique_ptr<SchedulePlanner> planner = std::make_unique<SchedulePlanner>();
  std::optional<core::AutoSchedule> plan;
  std::string problem;  // why planning failed
};

}  // namespace crossmatch::client
