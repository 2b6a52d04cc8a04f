#include "app/client/state/schedule_preview.hpp"

#include <algorithm>
#include <map>

#include "core/i18n/translation.hpp"

namespace crossmatch::client {

using core::format_text;
using core::tr;
using core::tr_n;

namespace {

std::string where(const ClientSession& session, const core::Placement& p) {
  return session.slot_label(p.slot) + ", " + session.table_name(p.table);
}

}  // namespace

std::string optimality_line(const core::AutoScheduleReport& r, double seconds, bool stopped) {
  // How long the hub searched, said in brackets at the end of each line below (%s there).
  const std::string searched =
      stopped
          // TRANSLATORS: the planning was stopped by the organiser after %.1f seconds
          ? format_text(tr("(stopped after %.1f s)"), seconds)
          // TRANSLATORS: how long the hub searched for a schedule, in seconds
          : format_text(tr("(the hub searched %.1f s)"), seconds);
  if (r.proven_optimal)
    // TRANSLATORS: %d is a number of breaks; %s says how long the hub searched, in brackets
    return format_text(tr_n("Proven the best: no schedule of these meetings has fewer than %d "
                            "break %s.",
                            "Proven the best: no schedule of these meetings has fewer than %d "
                            "breaks %s.",
                            r.breaks_lower_bound),
                       r.breaks_lower_bound, searched.c_str());
  if (r.not_placed > 0)
    // TRANSLATORS: %s says how long the hub searched, in brackets
    return format_text(
        tr_n("Not proven the best: %d meeting is left without a slot %s.",
             "Not proven the best: %d meetings are left without a slot %s.", r.not_placed),
        r.not_placed, searched.c_str());
  if (!r.fairness_met)
    // TRANSLATORS: %s says how long the hub searched, in brackets
    return format_text(tr("Not proven the best: the breaks are not yet fairly shared %s; a longer "
                          "search may find a fair schedule."),
                       searched.c_str());
  const int gap = std::max(0, r.breaks_after - r.breaks_lower_bound);
  // TRANSLATORS: the number of breaks this plan has more than the best, put in place of the
  // first %s of "Not proven the best: at least %d break is unavoidable, ..."
  const std::string more = format_text(tr_n("%d break", "%d breaks", gap), gap);
  // TRANSLATORS: %d is the fewest breaks possible; the first %s is how many more this plan has
  // (e.g. "2 breaks"), the second how long the hub searched, in brackets
  return format_text(tr_n("Not proven the best: at least %d break is unavoidable, so this plan is "
                          "at most %s from the best %s; a longer search may close the gap.",
                          "Not proven the best: at least %d breaks are unavoidable, so this plan "
                          "is at most %s from the best %s; a longer search may close the gap.",
                          r.breaks_lower_bound),
                     r.breaks_lower_bound, more.c_str(), searched.c_str());
}

std::string ScheduleGrid::summary() const {
  // A list of four counts of meetings, each translated on its own.
  // TRANSLATORS: a count of meetings a schedule places in a slot they did not have
  return format_text(tr_n("%d placed", "%d placed", placed), placed) + ", " +
         // TRANSLATORS: a count of booked meetings a schedule moves to another slot or table
         format_text(tr_n("%d moved", "%d moved", moved), moved) + ", " +
         // TRANSLATORS: a count of booked meetings a schedule leaves where they are
         format_text(tr_n("%d kept", "%d kept", kept), kept) + ", " +
         // TRANSLATORS: a count of meetings a schedule finds no slot for
         format_text(tr_n("%d not placed", "%d not placed", not_placed), not_placed);
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
    // TRANSLATORS: a meeting that moves: the two people, then where it was and where it goes
    // (each "day time, table")
    out.push_back(format_text(tr("%s and %s: %s -> %s"), session.name_of(m->requester).c_str(),
                              session.name_of(m->invitee).c_str(),
                              where(session, *m->placement).c_str(),
                              where(session, *item.placement).c_str()));
  }
  return out;
}

Confirmation apply_schedule_confirmation(const ClientSession& session,
                                         const core::AutoSchedule& plan) {
  const ScheduleGrid grid = schedule_grid(session, plan);
  Confirmation c;
  // TRANSLATORS: %s counts what the schedule does, e.g. "3 placed, 1 moved, 2 kept, 0 not placed"
  c.question = format_text(tr("Apply the schedule? %s."), grid.summary().c_str());
  // TRANSLATORS: button that applies the planned schedule
  c.confirm_label = tr("Apply the schedule");
  c.operations.push_back(plan.operation);
  // TRANSLATORS: %s counts what the schedule did, e.g. "3 placed, 1 moved, 2 kept, 0 not placed"
  c.done_message = format_text(tr("Schedule applied: %s"), grid.summary().c_str());
  if (grid.placed > 0)
    c.consequences.push_back(format_text(
        tr_n("Book %d meeting that had no slot; both people see the time and table.",
             "Book %d meetings that had no slot; both people see the time and table.", grid.placed),
        grid.placed));
  const auto moves = schedule_moves(session, plan);
  if (moves.empty()) {
    c.consequences.push_back(tr("No booked meeting moves."));
  } else {
    c.consequences.push_back(
        format_text(tr_n("Move %zu booked meeting (both people are told):",
                         "Move %zu booked meetings (both people are told):", moves.size()),
                    moves.size()));
    for (const std::string& move : moves) {
      // TRANSLATORS: one booked meeting that moves; %s is e.g. "Ana and Ben: Tue 10:00, Table 2
      // -> Tue 11:00, Table 4"
      c.consequences.push_back(format_text(tr("Move %s"), move.c_str()));
    }
  }
  if (grid.not_placed > 0)
    c.consequences.push_back(format_text(tr_n("Leave %d meeting without a slot.",
                                              "Leave %d meetings without a slot.", grid.not_placed),
                                         grid.not_placed));
  return c;
}

}  // namespace crossmatch::client
