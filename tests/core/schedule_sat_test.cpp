// The schedule as clauses: every model is a valid schedule within its bound of breaks, the
// bound tightened until refuted ends at the fewest breaks found by trying every assignment, and
// the search's exact turns prove those fewest breaks.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "core/scheduling/schedule_bound.hpp"
#include "core/scheduling/schedule_model.hpp"
#include "core/scheduling/schedule_sat.hpp"
#include "core/scheduling/schedule_search.hpp"
#include "core/scheduling/scheduler.hpp"
#include "tests/core/scheduling_support.hpp"

using namespace crossmatch;
namespace sched = core::scheduling;
using test::InstanceShape;

TEST_CASE("schedule clauses: models are valid schedules, and the bound ends at the fewest breaks") {
  int compared = 0;
  int tables_bound = 0;
  for (std::uint64_t seed = 1; seed <= 80; ++seed) {
    InstanceShape shape;
    shape.participants = 4;
    shape.meetings = 5 + static_cast<int>(seed % 2);
    shape.slots_per_day = 5;
    shape.tables = 1 + static_cast<int>(seed % 2);
    shape.days = seed % 4 == 0 ? 2 : 1;
    if (shape.days == 2) shape.slots_per_day = 3;
    shape.existing_share = seed % 5 == 0 ? 0.3 : 0.0;
    const auto problem = test::random_instance(shape, 2000 + seed);
    const auto best = test::exhaustive_best(problem);
    // The clauses place every meeting and give nobody more than kMaxBreakSpread breaks: the
    // fairness rule exactly, when somebody has at most one meeting.
    std::vector<int> meetings_of(problem.participants.size(), 0);
    for (const auto& meeting : problem.meetings) {
      for (const int p : meeting.people) ++meetings_of[static_cast<std::size_t>(p)];
    }
    const bool someone_idle = *std::min_element(meetings_of.begin(), meetings_of.end()) <= 1;
    if (best.placed != static_cast<int>(problem.meetings.size()) || !best.fair || !someone_idle)
      continue;
    INFO("seed " << seed);
    const auto model = sched::build_model(problem);
    sched::ScheduleSat clauses(model, sched::kMaxBreakSpread, 12);
    core::SearchBudget budget;
    int fewest = -1;
    for (int bound = 12; bound >= 0; --bound) {
      const auto found = clauses.solve(bound, budget);
      if (!found) {
        CHECK(clauses.refuted());
        break;
      }
      REQUIRE(test::slots_violation(problem, *found) == "");
      std::vector<std::optional<sched::Placement>> at(problem.meetings.size());
      for (std::size_t m = 0; m < at.size(); ++m) at[m] = sched::Placement{(*found)[m], 0};
      const auto breaks = test::count_breaks(problem, at);
      int total = 0;
      for (const int b : breaks) {
        CHECK(b <= sched::kMaxBreakSpread);
        total += b;
      }
      CHECK(total <= bound);
      fewest = total;
      bound = total;
    }
    CHECK(fewest == best.breaks);
    tables_bound += shape.tables == 1 ? 1 : 0;
    ++compared;
  }
  CHECK(compared >= 20);
  CHECK(tables_bound >= 8);
}

TEST_CASE("the search's exact turns prove the fewest breaks on small instances") {
  int proven = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    InstanceShape shape;
    shape.participants = 4;
    shape.meetings = 7;
    shape.slots_per_day = 5;
    shape.tables = 2;
    auto problem = test::random_instance(shape, 3000 + seed);
    // Somebody without meetings: the fairness rule is then "at most 2 breaks each", as in the
    // clauses, and a refuted bound is a proof.
    problem.participants.push_back({});
    const auto best = test::exhaustive_best(problem);
    std::vector<int> meetings_of(problem.participants.size(), 0);
    for (const auto& meeting : problem.meetings) {
      for (const int p : meeting.people) ++meetings_of[static_cast<std::size_t>(p)];
    }
    const bool someone_idle = *std::min_element(meetings_of.begin(), meetings_of.end()) <= 1;
    if (best.placed != static_cast<int>(problem.meetings.size()) || !best.fair || !someone_idle)
      continue;
    const auto model = sched::build_model(problem);
    sched::SearchSettings settings;
    settings.seed = seed;
    settings.breaks_lower_bound = sched::breaks_lower_bound(model);
    if (best.breaks == settings.breaks_lower_bound) continue;  // the bound alone proves it
    // Short turns, so that the exact search runs within a small step budget.
    settings.exact_after_stall = 2'000;
    settings.anneal_slice = 500;
    settings.exact_conflicts = 100;
    core::SearchBudget budget(400'000);
    const auto result = sched::search_schedule(model, settings, budget);
    INFO("seed " << seed);
    CHECK(result.score.breaks == best.breaks);
    CHECK(result.proven_optimal);
    // The bound it reports rose from the first one to the fewest breaks.
    CHECK(result.breaks_lower_bound == best.breaks);
    proven += result.proven_optimal ? 1 : 0;
  }
  CHECK(proven >= 5);
}
