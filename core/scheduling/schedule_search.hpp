// The search behind the auto-schedule: a greedy start, then simulated annealing over valid
// partial schedules, taking turns with an exact search for fewer breaks once it stalls. Internal
// to the scheduler.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/sat/sat_solver.hpp"
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
  // search starts again, hot, from the best schedule found or the latest one as good as it at no
  // higher cost (restart_point.hpp).
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
  // The exact search (for problems of at most `exact_most_cells` meeting-slot pairs) takes turns
  // with the annealing once it has found nothing better for `exact_after_stall` moves:
  // `exact_conflicts` conflicts of a search for a fair schedule with fewer breaks, then
  // `anneal_slice` moves (the exact search has most of the time: it is what finds the schedules
  // the annealing's cost leads away from). It aims at the lower bound once the best is within
  // `exact_near_bound` breaks of it, else at one break fewer than the best.
  std::size_t exact_most_cells = 40'000;
  std::uint64_t exact_after_stall = 1'000'000;
  std::uint64_t anneal_slice = 100'000;
  std::uint64_t exact_long_stall = 2'000'000;  // see lns_conflicts
  std::uint64_t exact_conflicts = 4'000;
  int exact_near_bound = 3;
  // While the exact search aims at one break fewer than the best (far from the bound) and nothing
  // better has been found for `exact_long_stall` steps (moves and conflicts: about twenty rounds
  // of the exact search and the annealing), each exact slice is
  // followed by up to `lns_conflicts` conflicts of large-neighbourhood search: part of the best
  // schedule kept, the solver asked for one break fewer in the rest.
  std::uint64_t lns_conflicts = 4'000;
  sat::Engine engine = sat::Engine::cdcl;  // the exact search's solver
};

struct SearchResult {
  std::vector<int> slot_of;  // per meeting, -1 when not placed
  ScheduleScore score;
  std::uint64_t steps = 0;
  bool proven_optimal = false;  // the exact search showed no fair schedule has fewer breaks
  // No fair schedule placing every movable meeting has fewer breaks: the settings' bound, or
  // higher when the exact search refuted targets below the best.
  int breaks_lower_bound = 0;
};

SearchResult search_schedule(
    const Model& model, const SearchSettings& settings, SearchBudget& budget,
    const std::function<void(const ScheduleScore&, std::uint64_t steps)>& on_improvement = {});

}  // namespace crossmatch::core::scheduling
