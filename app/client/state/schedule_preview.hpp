// An auto-schedule's result before it is applied: a grid of slots (rows, in time order) by
// tables (columns) with each meeting's two names, the meetings that move marked with where they
// were, a summary, and the confirmation that lists every booked meeting that moves.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "app/client/state/confirmation.hpp"
#include "core/event/auto_schedule.hpp"

namespace crossmatch::client {

enum class CellChange { Kept, Moved, Placed };

struct ScheduleCell {
  core::MeetingId meeting = 0;
  std::string names;  // "Ana Silva & Ben Okafor"
  CellChange change = CellChange::Kept;
  std::string moved_from;  // moved: "Thu 14 May 09:20, Table 3"
  bool pinned = false;     // in the slot the organiser pinned it to
};

struct ScheduleGrid {
  std::vector<core::SlotRef> slots;      // rows: every slot of the sessions covered, in time order
  std::vector<std::string> slot_labels;  // "Thu 14 May 09:20"
  std::vector<core::TableId> tables;     // columns: the tables the schedule uses, by name order
  std::vector<std::string> table_names;
  std::vector<ScheduleCell> cells;  // the meetings placed
  int kept = 0, moved = 0, placed = 0, not_placed = 0;
  std::vector<std::string> not_placed_reasons;  // one per meeting not placed, naming the people
  std::vector<std::string> pins_not_kept;       // pinned meetings left elsewhere, and why
  int pinned = 0;                               // meetings placed in their pinned slot

  // The meeting at a row and column, or null for a free table.
  const ScheduleCell* at(std::size_t row, std::size_t column) const {
    const int i = index_[row * tables.size() + column];
    return i < 0 ? nullptr : &cells[static_cast<std::size_t>(i)];
  }
  // "42 placed, 5 moved, 120 kept, 2 not placed"
  std::string summary() const;

  std::vector<int> index_;  // rows x columns -> cells, -1 when free
};

// The grid of `plan` over the session's state (names and slots as the replica has them).
ScheduleGrid schedule_grid(const ClientSession& session, const core::AutoSchedule& plan);

// "Ana Silva and Ben Okafor: Thu 14 May 09:20, Table 3 -> Thu 14 May 10:00, Table 5", one per
// booked meeting the plan moves.
std::vector<std::string> schedule_moves(const ClientSession& session,
                                        const core::AutoSchedule& plan);

// Whether the plan is proven the best (and the bound on breaks that says how far it could be from
// it), with how long the hub searched: "Proven the best: no schedule of these meetings has fewer
// than 3 breaks (the hub searched 1.2 s)."
std::string optimality_line(const core::AutoScheduleReport& report, double seconds, bool stopped);

// Applying asks first: the figures, and every booked meeting that moves.
Confirmation apply_schedule_confirmation(const ClientSession& session,
                                         const core::AutoSchedule& plan);

}  // namespace crossmatch::client
