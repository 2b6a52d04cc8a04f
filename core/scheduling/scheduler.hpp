// The organiser's auto-schedule: places meetings into slots and tables, as many as possible, then
// with the fewest breaks, keeping every participant's breaks within 2 of everyone else's.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "core/sat/sat_solver.hpp"
#include "core/scheduling/schedule_problem.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core::scheduling {

enum class MeetingStatus : unsigned char {
  kept,        // had a placement and keeps it (slot and table)
  moved,       // had a placement and got another (only when moves are allowed)
  placed,      // had none and got one
  not_placed,  // has none; `reason` says why
};

struct MeetingOutcome {
  MeetingStatus status = MeetingStatus::not_placed;
  std::optional<Placement> placement;
  // When not placed: code ("no_table", "time_of_day_conflict", "participant_unavailable",
  // "no_common_slot", "blocked_by_kept_meetings", "no_room"), field "meetings[i]" and a message
  // naming the people, slots or tables involved.
  std::optional<Error> reason;
  bool operator==(const MeetingOutcome&) const = default;
};

// The fairness rule: the most breaks of any participant minus the fewest is at most this.
inline constexpr int kMaxBreakSpread = 2;

struct Schedule {
  std::vector<MeetingOutcome> meetings;  // one per Problem::meetings, same order
  int placed = 0;                        // kept + moved + placed
  int not_placed = 0;
  int breaks_before = 0;  // of the existing placements alone
  int breaks_after = 0;
  std::vector<int> participant_breaks;  // after, one per participant
  int max_minus_min_breaks = 0;         // over all participants, after
  bool fairness_met = true;             // max_minus_min_breaks <= kMaxBreakSpread
  int breaks_lower_bound = 0;           // no schedule placing these meetings has fewer breaks
  bool proven_optimal = false;          // every meeting placed, fair, breaks == lower bound
  std::uint64_t steps = 0;              // search steps used
  bool operator==(const Schedule&) const = default;
};

// Reported on each improvement of the best schedule found so far.
struct ScheduleProgress {
  int placed = 0;
  int breaks = 0;
  int max_minus_min_breaks = 0;
  std::uint64_t steps = 0;
};

// Runs every task, at once as far as it can, and returns when all have ended. The scheduler has
// no threads of its own: the caller lends them this way.
using RunTogether = std::function<void(const std::vector<std::function<void()>>& tasks)>;

struct ScheduleOptions {
  std::uint64_t seed = 1;
  // Optional; with several searches it is called from their threads, one call at a time, and
  // only when the best of all the searches improves.
  std::function<void(const ScheduleProgress&)> on_improvement;
  // Independent searches run side by side through `run_together` (one when it is empty), the
  // first from `seed`, the others from seeds derived from it; the best schedule of them is the
  // result, and all stop once one of them has proven its schedule optimal.
  int searches = 1;
  RunTogether run_together;
  // The exact search's satisfiability solver.
  sat::Engine engine = sat::Engine::cdcl;
};

// Best schedule found within the budget (one SearchBudget step per move tried, counted over all
// the searches). Deterministic for a seed under a step budget; with several searches, for a seed
// and their number, except which of several optimal schedules is returned when a search that
// proved its own optimal stopped another that had also reached the optimum. A valid schedule
// exists from the first steps on, so any budget gives one; the search stops early once the
// schedule is proven optimal. Errors only for a problem that fails validate().
Result<Schedule> schedule_meetings(const Problem& problem, SearchBudget& budget,
                                   const ScheduleOptions& options = {});

}  // namespace crossmatch::core::scheduling
