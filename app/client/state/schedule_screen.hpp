// The organiser's auto-schedule screen: the organiser's constraints (pins and precedences), the
// sessions chosen, the time limit, the plan the hub is making, and the plan it found (or why not)
// with its grid, shown before it is applied.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "app/client/state/schedule_constraints_form.hpp"
#include "app/client/state/schedule_planner.hpp"
#include "app/client/state/schedule_preview.hpp"
#include "core/event/auto_schedule.hpp"

namespace crossmatch::client {

struct ScheduleScreen {
  std::set<core::SessionId> sessions;
  bool allow_moves = false;
  int seconds = 5;  // how long planning may search
  std::unique_ptr<SchedulePlanner> planner = std::make_unique<SchedulePlanner>();
  std::optional<core::AutoSchedule> plan;
  double plan_seconds = 0;              // how long the hub searched for it
  bool plan_stopped = false;            // stopped early by the organiser
  std::optional<ScheduleGrid> grid;     // the plan's grid
  std::uint64_t planned_at = 0;         // the session's meetings_version when planning started
  std::size_t first_table = 0;          // the grid's first column shown (big events page tables)
  std::string problem;                  // why planning failed
  ScheduleConstraintsForm constraints;  // pinned meetings and "A before B"

  // The grid shows at most this many tables side by side.
  static constexpr std::size_t kGridTables = 40;
};

}  // namespace crossmatch::client
