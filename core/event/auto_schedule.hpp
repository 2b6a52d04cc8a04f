// The organiser's auto-schedule on an event: builds the scheduling problem from the state (the
// chosen one-to-one sessions' slots in time order, the tables, everyone's availability, the
// accepted meetings), runs the scheduler, and turns its answer into one ApplySchedule operation
// and a report of what it did.
#pragma once

#include <optional>
#include <vector>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "core/scheduling/scheduler.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core {

struct AutoScheduleReport {
  struct Item {
    MeetingId meeting = 0;
    scheduling::MeetingStatus status = scheduling::MeetingStatus::not_placed;
    std::optional<Placement> placement;  // where it is after the schedule
    std::optional<Error> reason;         // why it was not placed
    std::optional<SlotRef> pinned;       // the slot the organiser pinned it to
    // A pinned meeting that this schedule leaves outside its pin, and why (it stays booked where
    // it is while moves are not allowed: "pinned_elsewhere"); a pinned meeting not placed at all
    // has its `reason` instead.
    std::optional<Error> pin_not_kept;
    bool operator==(const Item&) const = default;
  };
  std::vector<Item> meetings;  // every accepted meeting the schedule covered
  int kept = 0, moved = 0, placed = 0, not_placed = 0;
  int breaks_before = 0, breaks_after = 0;
  int max_minus_min_breaks = 0;
  bool fairness_met = true;
  int breaks_lower_bound = 0;  // no schedule placing as many meetings has fewer breaks
  bool proven_optimal = false;
  int precedences = 0;  // precedences between meetings of this schedule, all kept
  double seconds = 0;   // how long the search took; set by the caller that timed it
  bool operator==(const AutoScheduleReport&) const = default;
};

struct AutoSchedule {
  ApplySchedule operation;  // placements of the meetings placed or moved; submit as the organiser
  AutoScheduleReport report;
  bool operator==(const AutoSchedule&) const = default;
};

// Covers the accepted meetings whose two people are active and that are unbooked or booked in one
// of `sessions` (one-to-one sessions). Booked ones stay unless `allow_moves`. A person's slots
// are closed when they marked them unavailable, fall outside their time-of-day requirement, or
// overlap a team round they are in. The organiser's constraints hold: a meeting pinned to a slot
// of these sessions is placed only there (one booked elsewhere moves there when moves are
// allowed, else stays and its item says so); an unbooked meeting pinned to a slot outside them
// is left out, with its reason; a precedence counts when both its meetings are in the schedule.
Result<AutoSchedule> plan_auto_schedule(const EventState& state,
                                        const std::vector<SessionId>& sessions, bool allow_moves,
                                        SearchBudget& budget,
                                        const scheduling::ScheduleOptions& options = {});

}  // namespace crossmatch::core
