// Auto-schedule: pin meetings and order them, pick one-to-one sessions and a time limit, plan (on
// the hub), read the result as a grid of slots by tables, apply (after confirming which booked
// meetings move).
#include <imgui.h>

#include <algorithm>
#include <optional>
#include <set>

#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"
#include "core/event/auto_schedule.hpp"

namespace crossmatch::client {
namespace {

// Accepted meetings without a slot: what planning is for.
int unbooked_meetings(const core::EventState& state) {
  int count = 0;
  for (const auto& [id, meeting] : state.meetings) {
    if (meeting.status == core::MeetingStatus::Accepted && !meeting.placement) ++count;
  }
  return count;
}

// One meeting in the grid: its two names, marked by a sign as well as colour when it moves ("> ")
// or is newly placed ("+ "); hovering says where a moved meeting was.
void grid_cell(const ScheduleCell& cell) {
  switch (cell.change) {
    case CellChange::Moved:
      ImGui::TextColored(error_colour(), "> %s", cell.names.c_str());
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\nmoved from %s", cell.names.c_str(), cell.moved_from.c_str());
      break;
    case CellChange::Placed:
      ImGui::TextColored(ok_colour(), "+ %s", cell.names.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\nnewly placed", cell.names.c_str());
      break;
    case CellChange::Kept:
      ImGui::TextUnformatted(cell.names.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\nstays where it is", cell.names.c_str());
      break;
  }
}

// A pinned meeting is marked by a sign before its names (after the move or place sign).
void marked_cell(const ScheduleCell& cell) {
  if (cell.pinned) {
    ImGui::TextColored(ok_colour(), "*");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("pinned to this slot");
    ImGui::SameLine(0, 4);
  }
  grid_cell(cell);
}

// Rows are slots, columns tables; only the rows in view are drawn, so big events scroll freely.
void draw_grid(ScheduleScreen& draft) {
  const ScheduleGrid& grid = *draft.grid;
  const int covered = grid.kept + grid.moved + grid.placed + grid.not_placed;
  ImGui::Text("The plan for %d accepted meeting%s: %s.", covered, covered == 1 ? "" : "s",
              grid.summary().c_str());
  ImGui::TextDisabled(
      "> moved (hover for where from)   + newly placed   plain: stays   * pinned (%d)",
      grid.pinned);
  if (grid.tables.empty() || grid.slots.empty()) return;
  const std::size_t page = ScheduleScreen::kGridTables;
  if (draft.first_table >= grid.tables.size()) draft.first_table = 0;
  if (grid.tables.size() > page) {
    // Tables page by page: an ImGui table has at most 64 columns.
    if (ImGui::SmallButton("< tables") && draft.first_table > 0)
      draft.first_table -= std::min(draft.first_table, page);
    ImGui::SameLine();
    ImGui::Text("tables %zu-%zu of %zu", draft.first_table + 1,
                std::min(draft.first_table + page, grid.tables.size()), grid.tables.size());
    ImGui::SameLine();
    if (ImGui::SmallButton("tables >") && draft.first_table + page < grid.tables.size())
      draft.first_table += page;
  }
  const std::size_t first = draft.first_table;
  const std::size_t columns = std::min(page, grid.tables.size() - first);
  const float font = ImGui::GetFontSize();
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingFixedFit;
  const float height = std::max(font * 8, ImGui::GetContentRegionAvail().y - font * 6);
  if (!ImGui::BeginTable("schedule-grid", static_cast<int>(columns) + 1, flags, ImVec2(0, height)))
    return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("Slot", ImGuiTableColumnFlags_WidthFixed, font * 8);
  for (std::size_t c = 0; c < columns; ++c)
    ImGui::TableSetupColumn(grid.table_names[first + c].c_str(), ImGuiTableColumnFlags_WidthFixed,
                            font * 17);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(grid.slots.size()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const auto r = static_cast<std::size_t>(row);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(grid.slot_labels[r].c_str());
      for (std::size_t c = 0; c < columns; ++c) {
        ImGui::TableNextColumn();
        if (const ScheduleCell* cell = grid.at(r, first + c)) {
          ImGui::PushID(static_cast<int>(cell->meeting));
          marked_cell(*cell);
          ImGui::PopID();
        }
      }
    }
  }
  ImGui::EndTable();
}

}  // namespace

void draw_schedule_view(ClientModels& m) {
  const core::EventState& state = m.session.state();
  ScheduleScreen& draft = m.schedule;
  SchedulePlanner& planner = *draft.planner;
  if (auto finished = planner.take(m.session)) {
    draft.plan.reset();
    draft.grid.reset();
    draft.problem.clear();
    if (!finished->error) {
      draft.plan = std::move(finished->plan);
      draft.plan_seconds = finished->seconds;
      draft.plan_stopped = finished->stopped;
      draft.grid = schedule_grid(m.session, *draft.plan);
    } else {
      draft.problem = finished->error->message;
    }
  }
  const bool running = planner.running();

  const int waiting = unbooked_meetings(state);
  if (waiting == 0) {
    ImGui::TextUnformatted("Every accepted meeting has a slot.");
  } else if (waiting == 1) {
    ImGui::TextUnformatted("1 accepted meeting has no slot yet.");
  } else {
    ImGui::Text("%d accepted meetings have no slot yet.", waiting);
  }
  draw_schedule_constraints(m);
  ImGui::TextUnformatted("One-to-one sessions to schedule:");
  for (const auto& [id, s] : state.sessions) {
    if (s.kind != core::SessionKind::Meetings) continue;
    bool on = draft.sessions.count(id) > 0;
    ImGui::SameLine();
    if (ImGui::Checkbox(s.name.c_str(), &on))
      on ? (void)draft.sessions.insert(id) : (void)draft.sessions.erase(id);
  }
  ImGui::Checkbox("Booked meetings may move", &draft.allow_moves);
  ImGui::SameLine();
  ImGui::TextUnformatted("  Search for up to");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(140);
  ImGui::SliderInt("##seconds", &draft.seconds, 1, 60, "%d s");
  ImGui::SameLine();
  ImGui::BeginDisabled(running);
  if (ImGui::Button("Plan")) {
    draft.plan.reset();
    draft.grid.reset();
    draft.problem.clear();
    draft.planned_at = m.session.meetings_version();
    if (core::Status started =
            planner.start(m.session, {draft.sessions.begin(), draft.sessions.end()},
                          draft.allow_moves, draft.seconds);
        !started)
      draft.problem = started.error().message;
  }
  ImGui::EndDisabled();
  if (planner.running()) {
    ImGui::Text(
        "The hub is planning: %.1f s of at most %.0f s. A better schedule may come the longer "
        "it searches.",
        planner.elapsed_seconds(), planner.limit_seconds());
    if (ImGui::Button("Stop and keep the best so far")) planner.stop(m.session);
    return;
  }
  field_message(draft.problem);
  if (!draft.plan) return;
  const auto& r = draft.plan->report;
  ImGui::Text(
      "Breaks (a run of free slots between two of a person's meetings): %d before, %d after%s",
      r.breaks_before, r.breaks_after, r.proven_optimal ? ", the fewest possible" : "");
  ImGui::TextUnformatted(optimality_line(r, draft.plan_seconds, draft.plan_stopped).c_str());
  ImGui::Text("The most and the fewest breaks of one person differ by %d (fair is at most 2)%s",
              r.max_minus_min_breaks, r.fairness_met ? "" : ": not met");
  if (r.precedences > 0)
    ImGui::Text("%d order%s between these meetings kept.", r.precedences,
                r.precedences == 1 ? "" : "s");
  // The reasons name the people of the meeting.
  for (const std::string& reason : draft.grid->not_placed_reasons)
    ImGui::BulletText("Not placed: %s", reason.c_str());
  for (const std::string& reason : draft.grid->pins_not_kept)
    ImGui::BulletText("Pin not kept: %s", reason.c_str());
  // Applying is its own step, after reading the grid, and asks which booked meetings move.
  const bool stale = m.session.meetings_version() != draft.planned_at;
  if (stale)
    field_message("Meetings changed since this plan was made: plan again before applying.");
  const bool nothing = draft.plan->operation.placements.empty();
  ImGui::BeginDisabled(stale || nothing);
  if (ImGui::Button("Apply the schedule..."))
    m.ask(apply_schedule_confirmation(m.session, *draft.plan));
  ImGui::EndDisabled();
  if (nothing && !stale) {
    ImGui::SameLine();
    ImGui::TextWrapped(r.not_placed > 0
                           ? "Nothing to apply: this plan neither places nor moves a meeting "
                             "(see why above)."
                           : "Nothing to apply: every meeting keeps the slot and table it has.");
  }
  draw_grid(draft);
}

}  // namespace crossmatch::client
