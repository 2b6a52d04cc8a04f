// The search behind the auto-schedule: a greedy start, then simulated annealing over valid
// partial schedules. Internal to the scheduler.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/scheduling/schedule_model.hpp"
#include "core/scheduling/schedule_moves.hpp"
#include "core/scheduling/schedule_state.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core::scheduling {

struct SearchSettings {
  std::uint64_t seed = 1;
  int breaks_lower_bound = 0;  // stop once a fair schedule placing everything reaches it
  CostWeights weights;
  // Annealing: the temperature falls from `start_temperature` to `end_temperature` over a cycle
  // of `cycle_moves_per_meeting` moves per movable meeting (within the bounds below), then the
  // search starts again, hot, from the best schedule found.
  double start_temperature = 2.0;
  double end_temperature = 0.04;
  double cycle_moves_per_meeting = 4000.0;
  double shortest_cycle = 200'000.0;
  double longest_cycle = 3'000'000.0;
  // Shares of the moves (the rest are relocations).
  double kempe_share = 0.4;
  double exchange_share = 0.05;
  double repack_share = 0.02;
  double next_to_partners_share = 0.3;  // target slots chosen next to a partner's meetings
  // When the annealing has found nothing better for this many steps, the exact search takes
  // over (for problems of at most `exact_most_cells` meeting-slot pairs): a schedule with one
  // break fewer than the best, again and again, until none exists or the budget is spent.
  std::uint64_t exact_after_stall = 1'500'000;
  std::size_t exact_most_cells = 40'000;
  // Each exact step frees this share of the meetings (those of people linked to someone with
  // breaks, or those in a window of slots) and keeps the rest; it gives up after this many
  // conflicts. Every `exact_whole_every`-th step frees everything.
  double exact_free_share = 0.3;
  std::uint64_t exact_conflicts = 30000;
  int exact_whole_every = 8;
  // An exact phase that finds nothing better for this many steps (conflicts) hands back to the
  // annealing, which may take over again after its next stall.
  std::uint64_t exact_phase_steps = 15'000;
};

struct SearchResult {
  std::vector<int> slot_of;  // per meeting, -1 when not placed
  ScheduleScore score;
  std::uint64_t steps = 0;
  bool proven_optimal = false;  // the exact search showed no fair schedule has fewer breaks
};

SearchResult search_schedule(
    const Model& model, const SearchSettings& settings, SearchBudget& budget,
    const std::function<void(const ScheduleScore&, std::uint64_t steps)>& on_improvement = {});

}  // namespace crossmatch::core::scheduling
