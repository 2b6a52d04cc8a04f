// Large-neighbourhood search with the schedule's clauses: a schedule found in a neighbourhood
// keeps every meeting outside it, is valid and has at most the breaks asked for; a neighbourhood
// without one is said to have none exactly when trying every placement of its meetings finds
// none; and the neighbourhood search never returns a worse schedule.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <optional>
#include <vector>

#include "core/random.hpp"
#include "core/scheduling/schedule_bound.hpp"
#include "core/scheduling/schedule_lns.hpp"
#include "core/scheduling/schedule_model.hpp"
#include "core/scheduling/schedule_sat.hpp"
#include "core/scheduling/schedule_search.hpp"
#include "core/scheduling/scheduler.hpp"
#include "tests/core/scheduling_support.hpp"

using namespace crossmatch;
namespace sched = core::scheduling;
using test::InstanceShape;

namespace {

int total_breaks(const sched::Problem& problem, const std::vector<int>& slot_of) {
  std::vector<std::optional<sched::Placement>> at(problem.meetings.size());
  for (std::size_t m = 0; m < at.size(); ++m) {
    if (slot_of[m] >= 0) at[m] = sched::Placement{slot_of[m], 0};
  }
  const auto breaks = test::count_breaks(problem, at);
  return std::accumulate(breaks.begin(), breaks.end(), 0);
}

bool nobody_above(const sched::Problem& problem, const std::vector<int>& slot_of, int most) {
  std::vector<std::optional<sched::Placement>> at(problem.meetings.size());
  for (std::size_t m = 0; m < at.size(); ++m) at[m] = sched::Placement{slot_of[m], 0};
  const auto breaks = test::count_breaks(problem, at);
  return *std::max_element(breaks.begin(), breaks.end()) <= most;
}

// Whether some placement of the free meetings (each in a slot of the model's domain), the rest
// where `start` has them, is valid with at most `most` breaks in total and kMaxBreakSpread each.
bool exists_within(const sched::Problem& problem, const sched::Model& model,
                   const std::vector<int>& start, const std::vector<char>& free, int most) {
  std::vector<int> open;
  for (const int m : model.movable) {
    if (free[static_cast<std::size_t>(m)]) open.push_back(m);
  }
  std::vector<int> slot_of = start;
  const std::function<bool(std::size_t)> place = [&](std::size_t i) {
    if (i == open.size()) {
      return test::slots_violation(problem, slot_of).empty() &&
             total_breaks(problem, slot_of) <= most &&
             nobody_above(problem, slot_of, sched::kMaxBreakSpread);
    }
    const int m = open[i];
    for (const int s : model.domain_of(m)) {
      slot_of[static_cast<std::size_t>(m)] = s;
      if (place(i + 1)) return true;
    }
    return false;
  };
  return place(0);
}

}  // namespace

TEST_CASE("schedule clauses in a neighbourhood: kept meetings stay, and none found means none") {
  int found_some = 0;
  int none_some = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    InstanceShape shape;
    shape.participants = 6;
    shape.meetings = 9;
    shape.slots_per_day = 5;
    shape.tables = 2 + static_cast<int>(seed % 2);
    shape.days = seed % 5 == 0 ? 2 : 1;
    const auto problem = test::random_instance(shape, 4000 + seed);
    const auto model = sched::build_model(problem);
    if (model.movable.size() != problem.meetings.size()) continue;
    sched::ScheduleSat clauses(model, sched::kMaxBreakSpread, 20);
    core::Rng rng(seed);
    // A start next to random slots, so that it has breaks to lose.
    std::vector<int> random_slots(problem.meetings.size(), -1);
    for (const int m : model.movable) {
      const auto domain = model.domain_of(m);
      random_slots[static_cast<std::size_t>(m)] = domain[rng.below(domain.size())];
    }
    clauses.prefer(random_slots);
    core::SearchBudget budget;
    auto start = clauses.solve(20, budget);
    if (!start) continue;
    INFO("seed " << seed);
    // Each neighbourhood frees 2 to 5 meetings and asks for one break fewer than the start, or
    // for no more (bounds only tighten: a target once asked for stays).
    int target = total_breaks(problem, *start);
    for (int round = 0; round < 12 && target >= 0 && !clauses.refuted(); ++round) {
      std::vector<char> free(problem.meetings.size(), 0);
      const auto count = 2 + rng.below(4);
      for (std::uint64_t k = 0; k < count; ++k) free[rng.below(free.size())] = 1;
      const bool expected = exists_within(problem, model, *start, free, target);
      const auto found = clauses.solve_within(target, *start, free, budget, ~std::uint64_t{0});
      CHECK(found.has_value() == expected);
      if (!found) {
        ++none_some;
        target = std::min(target, total_breaks(problem, *start)) - (round % 2);
        continue;
      }
      ++found_some;
      CHECK(test::slots_violation(problem, *found).empty());
      CHECK(total_breaks(problem, *found) <= target);
      for (std::size_t m = 0; m < free.size(); ++m) {
        if (!free[m]) CHECK((*found)[m] == (*start)[m]);
      }
      start = found;
      target = total_breaks(problem, *start) - (round % 2);
    }
  }
  CHECK(found_some >= 20);
  CHECK(none_some >= 15);
}

TEST_CASE("neighbourhood search never returns a worse or invalid schedule") {
  int improved = 0;
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    InstanceShape shape;
    shape.participants = 10;
    shape.meetings = 18;
    shape.slots_per_day = 7;
    shape.tables = 3;
    const auto problem = test::random_instance(shape, 5000 + seed);
    const auto model = sched::build_model(problem);
    if (model.movable.size() != problem.meetings.size()) continue;
    // A start with many breaks: the first schedule the clauses give.
    sched::ScheduleSat clauses(model, sched::kMaxBreakSpread, 40);
    core::SearchBudget budget;
    auto best = clauses.solve(40, budget);
    if (!best) continue;
    INFO("seed " << seed);
    sched::ScheduleLns lns(model, sched::kMaxBreakSpread, total_breaks(problem, *best) - 1);
    core::Rng rng(seed);
    for (int round = 0; round < 20; ++round) {
      const int breaks = total_breaks(problem, *best);
      if (breaks == 0) break;
      const auto found = lns.improve(*best, breaks - 1, rng, budget, 2'000);
      if (!found) break;
      CHECK(test::slots_violation(problem, *found).empty());
      CHECK(nobody_above(problem, *found, sched::kMaxBreakSpread));
      CHECK(total_breaks(problem, *found) < breaks);
      best = found;
      ++improved;
    }
    // Its neighbourhoods free about as many meetings as asked, never a kept one.
    const auto free = lns.neighbourhood(*best, 6, rng);
    const auto freed = std::count(free.begin(), free.end(), 1);
    CHECK(freed >= 1);
    CHECK(freed <= static_cast<long>(problem.meetings.size()));
  }
  CHECK(improved >= 10);
}

TEST_CASE("the search's neighbourhood turns alone reach and prove the fewest breaks") {
  int proven = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    InstanceShape shape;
    shape.participants = 4;
    shape.meetings = 7;
    shape.slots_per_day = 5;
    shape.tables = 2;
    auto problem = test::random_instance(shape, 3000 + seed);
    // Somebody without meetings: the fairness rule is then "at most 2 breaks each", as in the
    // clauses, and a refutation is a proof.
    problem.participants.push_back({});
    const auto best = test::exhaustive_best(problem);
    if (best.placed != static_cast<int>(problem.meetings.size()) || !best.fair) continue;
    const auto model = sched::build_model(problem);
    sched::SearchSettings settings;
    settings.seed = seed;
    settings.breaks_lower_bound = sched::breaks_lower_bound(model);
    if (best.breaks == settings.breaks_lower_bound) continue;  // the bound alone proves it
    // The exact search never aims at the bound and spends no conflicts of its own: whatever is
    // found or proven below the annealing's best comes from the neighbourhood turns.
    settings.exact_near_bound = -1;
    settings.exact_conflicts = 0;
    settings.exact_after_stall = 2'000;
    settings.exact_long_stall = 2'000;
    settings.anneal_slice = 500;
    settings.lns_conflicts = 200;
    core::SearchBudget budget(400'000);
    const auto result = sched::search_schedule(model, settings, budget);
    INFO("seed " << seed);
    CHECK(test::slots_violation(problem, result.slot_of).empty());
    CHECK(result.score.breaks == best.breaks);
    CHECK(result.proven_optimal);
    proven += result.proven_optimal ? 1 : 0;
  }
  CHECK(proven >= 5);
}
