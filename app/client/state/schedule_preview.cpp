#include "app/client/state/schedule_preview.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace crossmatch::client {
namespace {

std::string where(const ClientSession& session, const core::Placement& p) {
  return session.slot_label(p.slot) + ", " + session.table_name(p.table);
}

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string optimality_line(const core::AutoScheduleReport& r, double seconds, bool stopped) {
  char time[64];
  std::snprintf(time, sizeof time, "%s %.1f s", stopped ? "stopped after" : "the hub searched",
                seconds);
  const std::string searched = std::string("(") + time + ")";
  if (r.proven_optimal)
    return "Proven the best: no schedule of these meetings has fewer than " +
           plural(r.breaks_lower_bound, "break", "breaks") + " " + searched + ".";
  if (r.not_placed > 0)
    return "Not proven the best: " + plural(r.not_placed, "meeting is", "meetings are") +
           " left without a slot " + searched + ".";
  if (!r.fairness_met)
    return "Not proven the best: the breaks are not yet fairly shared " + searched +
           "; a longer search may find a fair schedule.";
  const int gap = std::max(0, r.breaks_after - r.breaks_lower_bound);
  return "Not proven the best: at least " + plural(r.breaks_lower_bound, "break is", "breaks are") +
         " unavoidable, so this plan is at most " + plural(gap, "break", "breaks") +
         " from the best " + searched + "; a longer search may close the gap.";
}

std::string ScheduleGrid::summary() const {
  return std::to_string(placed) + " placed, " + std::to_string(moved) + " moved, " +
         std::to_string(kept) + " kept, " + std::to_string(not_placed) + " not placed";
}

ScheduleGrid schedule_grid(const ClientSession& session, const core::AutoSchedule& plan) {
  const core::EventState& state = session.state();
  ScheduleGrid grid;
  // Rows: every slot of the covered sessions, by start time.
  std::vector<std::pair<std::int64_t, core::SlotRef>> slots;
  for (const core::SessionId id : plan.operation.sessions) {
    const core::Session* s = state.session(id);
    if (s == nullptr) continue;
    for (int i = 0; i < s->slot_count(); ++i) slots.push_back({s->slot_time(i), {id, i}});
  }
  std::stable_sort(slots.begin(), slots.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::map<core::SlotRef, std::size_t> row_of;
  for (const auto& [time, slot] : slots) {
    row_of[slot] = grid.slots.size();
    grid.slots.push_back(slot);
    grid.slot_labels.push_back(session.slot_label(slot));
  }
  // The meetings where they will be, and the tables they use.
  struct Placed {
    core::Placement placement;
    ScheduleCell cell;
  };
  std::vector<Placed> placed;
  std::vector<core::TableId> tables;
  for (const auto& item : plan.report.meetings) {
    switch (item.status) {
      case core::scheduling::MeetingStatus::kept:
        ++grid.kept;
        break;
      case core::scheduling::MeetingStatus::moved:
        ++grid.moved;
        break;
      case core::scheduling::MeetingStatus::placed:
        ++grid.placed;
        break;
      case core::scheduling::MeetingStatus::not_placed:
        ++grid.not_placed;
        if (item.reason) grid.not_placed_reasons.push_back(item.reason->message);
        continue;
    }
    if (item.pin_not_kept) grid.pins_not_kept.push_back(item.pin_not_kept->message);
    if (!item.placement || !row_of.count(item.placement->slot)) continue;
    const core::Meeting* m = state.meeting(item.meeting);
    Placed p{*item.placement, {}};
    p.cell.meeting = item.meeting;
    if (m != nullptr)
      p.cell.names = session.name_of(m->requester) + " & " + session.name_of(m->invitee);
    if (item.status == core::scheduling::MeetingStatus::moved) {
      p.cell.change = CellChange::Moved;
      if (m != nullptr && m->placement) p.cell.moved_from = where(session, *m->placement);
    } else if (item.status == core::scheduling::MeetingStatus::placed) {
      p.cell.change = CellChange::Placed;
    }
    p.cell.pinned = item.pinned && *item.pinned == item.placement->slot;
    if (p.cell.pinned) ++grid.pinned;
    tables.push_back(item.placement->table);
    placed.push_back(std::move(p));
  }
  std::sort(tables.begin(), tables.end());
  tables.erase(std::unique(tables.begin(), tables.end()), tables.end());
  // Columns in the order people read table names ("Table 2" before "Table 10"): by id, which
  // follows the order they were added.
  std::map<core::TableId, std::size_t> column_of;
  for (const core::TableId t : tables) {
    column_of[t] = grid.tables.size();
    grid.tables.push_back(t);
    grid.table_names.push_back(session.table_name(t));
  }
  grid.index_.assign(grid.slots.size() * grid.tables.size(), -1);
  for (Placed& p : placed) {
    const std::size_t cell =
        row_of.at(p.placement.slot) * grid.tables.size() + column_of.at(p.placement.table);
    grid.index_[cell] = static_cast<int>(grid.cells.size());
    grid.cells.push_back(std::move(p.cell));
  }
  return grid;
}

std::vector<std::string> schedule_moves(const ClientSession& session,
                                        const core::AutoSchedule& plan) {
  std::vector<std::string> out;
  for (const auto& item : plan.report.meetings) {
    if (item.status != core::scheduling::MeetingStatus::moved || !item.placement) continue;
    const core::Meeting* m = session.state().meeting(item.meeting);
    if (m == nullptr || !m->placement) continue;
    out.push_back(session.name_of(m->requester) + " and " + session.name_of(m->invitee) + ": " +
                  where(session, *m->placement) + " -> " + where(session, *item.placement));
  }
  return out;
}

Confirmation apply_schedule_confirmation(const ClientSession& session,
                                         const core::AutoSchedule& plan) {
  const ScheduleGrid grid = schedule_grid(session, plan);
  Confirmation c;
  c.question = "Apply the schedule? " + grid.summary() + ".";
  c.confirm_label = "Apply the schedule";
  c.operations.push_back(plan.operation);
  c.done_message = "Schedule applied: " + grid.summary();
  if (grid.placed > 0)
    c.consequences.push_back("Book " + plural(grid.placed, "meeting", "meetings") +
                             " that had no slot; both people see the time and table.");
  const auto moves = schedule_moves(session, plan);
  if (moves.empty()) {
    c.consequences.push_back("No booked meeting moves.");
  } else {
    c.consequences.push_back(
        "Move " + plural(static_cast<int>(moves.size()), "booked meeting", "booked meetings") +
        " (both people are told):");
    for (const std::string& move : moves) c.consequences.push_back("Move " + move);
  }
  if (grid.not_placed > 0)
    c.consequences.push_back("Leave " + plural(grid.not_placed, "meeting", "meetings") +
                             " without a slot.");
  return c;
}

}  // namespace crossmatch::client
