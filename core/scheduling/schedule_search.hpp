// The search behind the auto-schedule: a greedy start, then simulated annealing over valid
// partial schedules with ejection-and-reinsertion moves and Kempe-chain swaps. Internal.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/scheduling/schedule_model.hpp"
#include "core/scheduling/schedule_state.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core::scheduling {

struct SearchSettings {
  std::uint64_t seed = 1;
  int breaks_lower_bound = 0;  // stop once a fair schedule placing everything reaches it
  // Annealing: temperature falls from `start_temperature` to `end_temperature` over a cycle of
  // `cycle_moves_per_meeting` moves per movable meeting, then rises again from the best found.
  double start_temperature = 2.0;
  double end_temperature = 0.08;
  double cycle_moves_per_meeting = 4000.0;
  double kempe_share = 0.3;
  // Cost weights; idle slots inside a day give the search a slope towards closing breaks.
  long long unplaced_weight = 6;
  long long unfairness_weight = 3;
  long long break_weight = 1;
  long long idle_weight = 0;
};

struct SearchResult {
  std::vector<int> slot_of;  // per meeting, -1 when not placed
  ScheduleScore score;
  std::uint64_t steps = 0;
};

SearchResult search_schedule(
    const Model& model, const SearchSettings& settings, SearchBudget& budget,
    const std::function<void(const ScheduleScore&, std::uint64_t steps)>& on_improvement = {});

}  // namespace crossmatch::core::scheduling
