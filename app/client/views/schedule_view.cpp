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
        // TRANSLATORS: tooltip of a moved meeting: the two names, then where it was
        ImGui::SetTooltip(tr("%s\nmoved from %s"), cell.names.c_str(), cell.moved_from.c_str());
      break;
    case CellChange::Placed:
      ImGui::TextColored(ok_colour(), "+ %s", cell.names.c_str());
      // TRANSLATORS: tooltip of a meeting the plan gives a slot; %s is the two names
      if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("%s\nnewly placed"), cell.names.c_str());
      break;
    case CellChange::Kept:
      ImGui::TextUnformatted(cell.names.c_str());
      if (ImGui::IsItemHovered()) {
        // TRANSLATORS: tooltip of a booked meeting the plan leaves alone; %s is the two names
        ImGui::SetTooltip(tr("%s\nstays where it is"), cell.names.c_str());
      }
      break;
  }
}

// A pinned meeting is marked by a sign before its names (after the move or place sign).
void marked_cell(const ScheduleCell& cell) {
  if (cell.pinned) {
    ImGui::TextColored(ok_colour(), "*");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("pinned to this slot"));
    ImGui::SameLine(0, 4);
  }
  grid_cell(cell);
}

// Rows are slots, columns tables; only the rows in view are drawn, so big events scroll freely.
void draw_grid(ScheduleScreen& draft) {
  const ScheduleGrid& grid = *draft.grid;
  const int covered = grid.kept + grid.moved + grid.placed + grid.not_placed;
  // TRANSLATORS: %s counts what the plan does, e.g. "3 placed, 1 moved, 2 kept, 0 not placed"
  ImGui::Text(tr_n("The plan for %d accepted meeting: %s.",
                   "The plan for %d accepted meetings: %s.", covered),
              covered, grid.summary().c_str());
  ImGui::TextDisabled(
      // TRANSLATORS: the legend of the schedule grid: the signs ">", "+" and "*" are drawn
      // before the meetings' names and must stay; %d counts the pinned meetings
      tr("> moved (hover for where from)   + newly placed   plain: stays   * pinned (%d)"),
      grid.pinned);
  if (grid.tables.empty() || grid.slots.empty()) return;
  const std::size_t page = ScheduleScreen::kGridTables;
  if (draft.first_table >= grid.tables.size()) draft.first_table = 0;
  if (grid.tables.size() > page) {
    // Tables page by page: an ImGui table has at most 64 columns.
    // TRANSLATORS: small button: the previous page of tables in the schedule grid
    if (ImGui::SmallButton(tr("< tables")) && draft.first_table > 0)
      draft.first_table -= std::min(draft.first_table, page);
    ImGui::SameLine();
    // TRANSLATORS: which tables the schedule grid shows: the first, the last, and how many
    ImGui::Text(tr("tables %zu-%zu of %zu"), draft.first_table + 1,
                std::min(draft.first_table + page, grid.tables.size()), grid.tables.size());
    ImGui::SameLine();
    // TRANSLATORS: small button: the next page of tables in the schedule grid
    if (ImGui::SmallButton(tr("tables >")) && draft.first_table + page < grid.tables.size())
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
  // TRANSLATORS: column header of the schedule grid: the meeting slot's day and time
  ImGui::TableSetupColumn(tr("Slot"), ImGuiTableColumnFlags_WidthFixed, font * 8);
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
    ImGui::TextUnformatted(tr("Every accepted meeting has a slot."));
  } else {
    ImGui::Text(tr_n("%d accepted meeting has no slot yet.",
                     "%d accepted meetings have no slot yet.", waiting),
                waiting);
  }
  draw_schedule_constraints(m);
  ImGui::TextUnformatted(tr("One-to-one sessions to schedule:"));
  for (const auto& [id, s] : state.sessions) {
    if (s.kind != core::SessionKind::Meetings) continue;
    bool on = draft.sessions.count(id) > 0;
    same_line_if_room(checkbox_width(s.name.c_str()));
    if (ImGui::Checkbox(s.name.c_str(), &on))
      on ? (void)draft.sessions.insert(id) : (void)draft.sessions.erase(id);
  }
  ImGui::Checkbox(tr("Booked meetings may move"), &draft.allow_moves);
  // TRANSLATORS: before a slider of the seconds the hub may search for a schedule
  const char* search_for = tr("Search for up to");
  const float slider_width = ImGui::GetFontSize() * 8;
  const ImGuiStyle& style = ImGui::GetStyle();
  same_line_if_room(ImGui::CalcTextSize(search_for).x + style.ItemSpacing.x + slider_width +
                    style.ItemSpacing.x + ImGui::CalcTextSize(tr("Plan")).x +
                    style.FramePadding.x * 2);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(search_for);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(slider_width);
  // TRANSLATORS: the value of a slider, in seconds
  ImGui::SliderInt("##seconds", &draft.seconds, 1, 60, tr("%d s"));
  ImGui::SameLine();
  ImGui::BeginDisabled(running);
  // TRANSLATORS: button that asks the hub to plan the schedule
  if (ImGui::Button(tr("Plan"))) {
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
    ImGui::Text(tr("The hub is planning: %.1f s of at most %.0f s. A better schedule may come "
                   "the longer it searches."),
                planner.elapsed_seconds(), planner.limit_seconds());
    if (ImGui::Button(tr("Stop and keep the best so far"))) planner.stop(m.session);
    return;
  }
  field_message(draft.problem);
  if (!draft.plan) return;
  const auto& r = draft.plan->report;
  // TRANSLATORS: the numbers of breaks before and after the plan
  ImGui::Text(r.proven_optimal ? tr("Breaks (a run of free slots between two of a person's "
                                    "meetings): %d before, %d after, the fewest possible")
                               : tr("Breaks (a run of free slots between two of a person's "
                                    "meetings): %d before, %d after"),
              r.breaks_before, r.breaks_after);
  ImGui::TextUnformatted(optimality_line(r, draft.plan_seconds, draft.plan_stopped).c_str());
  ImGui::Text(r.fairness_met ? tr("The most and the fewest breaks of one person differ by %d "
                                  "(fair is at most 2)")
                             : tr("The most and the fewest breaks of one person differ by %d "
                                  "(fair is at most 2): not met"),
              r.max_minus_min_breaks);
  if (r.precedences > 0)
    // TRANSLATORS: how many orders ("this meeting before that one") the plan kept
    ImGui::Text(tr_n("%d order between these meetings kept.",
                     "%d orders between these meetings kept.", r.precedences),
                r.precedences);
  // The reasons name the people of the meeting.
  for (const std::string& reason : draft.grid->not_placed_reasons)
    // TRANSLATORS: %s is why a meeting found no slot
    ImGui::BulletText(tr("Not placed: %s"), reason.c_str());
  for (const std::string& reason : draft.grid->pins_not_kept)
    // TRANSLATORS: %s is why a meeting is not in the slot it was pinned to
    ImGui::BulletText(tr("Pin not kept: %s"), reason.c_str());
  // Applying is its own step, after reading the grid, and asks which booked meetings move.
  const bool stale = m.session.meetings_version() != draft.planned_at;
  if (stale)
    field_message(tr("Meetings changed since this plan was made: plan again before applying."));
  const bool nothing = draft.plan->operation.placements.empty();
  ImGui::BeginDisabled(stale || nothing);
  if (ImGui::Button(tr("Apply the schedule...")))
    m.ask(apply_schedule_confirmation(m.session, *draft.plan));
  ImGui::EndDisabled();
  if (nothing && !stale) {
    ImGui::SameLine();
    ImGui::TextWrapped(
        "%s", r.not_placed > 0
                  ? tr("Nothing to apply: this plan neither places nor moves a meeting "
                       "(see why above).")
                  : tr("Nothing to apply: every meeting keeps the slot and table it has."));
  }
  draw_grid(draft);
}

}  // namespace crossmatch::client
