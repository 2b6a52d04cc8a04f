// Several independent scheduling searches side by side: never worse than the first alone, the
// same again for the same seed and number, valid on real threads, with progress reported only
// when the best of all improves; and the budgets they share.
#include <doctest/doctest.h>

#include <atomic>

#include "app/common/run_on_threads.hpp"
#include "core/scheduling/scheduler.hpp"
#include "tests/core/scheduling_support.hpp"

using namespace crossmatch;
namespace sched = core::scheduling;
using test::InstanceShape;

namespace {

// One task after the other, in order: side-by-side searches without threads.
void one_after_another(const std::vector<std::function<void()>>& tasks) {
  for (const auto& task : tasks) task();
}

sched::Schedule run(const sched::Problem& problem, std::uint64_t steps, std::uint64_t seed,
                    int searches, const sched::RunTogether& run_together) {
  core::SearchBudget budget(steps);
  sched::ScheduleOptions options;
  options.seed = seed;
  options.searches = searches;
  options.run_together = run_together;
  auto result = sched::schedule_meetings(problem, budget, options);
  REQUIRE(result.ok());
  CHECK(budget.steps() == result->steps);
  return *result;
}

// Fewer unplaced, then fair, then fewer breaks: the order the search ranks schedules by.
bool not_worse(const sched::Schedule& a, const sched::Schedule& b) {
  if (a.placed != b.placed) return a.placed > b.placed;
  if (a.fairness_met != b.fairness_met) return a.fairness_met;
  return a.breaks_after <= b.breaks_after;
}

}  // namespace

TEST_CASE("side-by-side searches are never worse than the first alone, and repeat exactly") {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    InstanceShape shape;
    shape.participants = 14;
    shape.meetings = 45;
    shape.slots_per_day = 8;
    shape.tables = 4;
    shape.existing_share = seed % 2 == 0 ? 0.2 : 0.0;
    const auto problem = test::random_instance(shape, 600 + seed);
    INFO("seed " << seed);
    const auto alone = run(problem, 8'000, seed, 1, one_after_another);
    const auto three = run(problem, 8'000, seed, 3, one_after_another);
    CHECK(test::schedule_violation(problem, three) == "");
    CHECK(not_worse(three, alone));
    CHECK(three.breaks_lower_bound >= alone.breaks_lower_bound);
    // Each search has the whole budget; the steps of all are counted.
    CHECK(three.steps >= alone.steps);
    CHECK(three.steps <= 3 * 8'000);
    CHECK(run(problem, 8'000, seed, 3, one_after_another) == three);
    // Without a way to run them together, one search: the first alone.
    CHECK(run(problem, 8'000, seed, 3, {}) == alone);
  }
}

TEST_CASE("side-by-side searches on threads give valid schedules, reporting the best's progress") {
  InstanceShape shape;
  shape.participants = 15;
  shape.meetings = 50;
  shape.slots_per_day = 10;
  shape.tables = 5;
  const auto problem = test::random_instance(shape, 11);
  std::vector<sched::ScheduleProgress> seen;
  core::SearchBudget budget(30'000);
  sched::ScheduleOptions options;
  options.searches = 3;
  options.run_together = app::run_on_threads;
  options.on_improvement = [&](const sched::ScheduleProgress& progress) {
    seen.push_back(progress);  // one call at a time, so no lock here
  };
  auto result = sched::schedule_meetings(problem, budget, options);
  REQUIRE(result.ok());
  CHECK(test::schedule_violation(problem, *result) == "");
  REQUIRE_FALSE(seen.empty());
  test::check_each_improves(seen);
  CHECK(seen.back().placed == result->placed);
  CHECK(seen.back().breaks == result->breaks_after);
}

TEST_CASE("a budget beside another keeps its steps and clock, and ends when told to") {
  std::atomic<bool> stop{false};
  bool late = false;
  core::SearchBudget budget(
      100, [&] { return late; }, 1);
  for (int i = 0; i < 40; ++i) budget.step();
  auto side = budget.beside(stop);
  CHECK_FALSE(side.exhausted());
  for (int i = 0; i < 59; ++i) CHECK_FALSE(side.step());
  CHECK(side.step());  // the 60 steps left
  auto other = budget.beside(stop);
  CHECK_FALSE(other.step());
  stop.store(true);
  CHECK(other.step());
  std::atomic<bool> never{false};
  auto clocked = budget.beside(never);
  late = true;
  CHECK(clocked.step());
  budget.spend(60);
  CHECK(budget.steps() == 100);
  CHECK(budget.exhausted());
}
