// The organiser's constraints on the auto-schedule: meetings pinned to a slot and precedences
// between meetings, against exhaustive search, and what is said when they cannot all be kept.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/scheduling/schedule_model.hpp"
#include "core/scheduling/schedule_sat.hpp"
#include "tests/core/scheduling_support.hpp"

using namespace crossmatch;
namespace sched = core::scheduling;
using test::InstanceShape;

TEST_CASE("pinned meetings and precedences: as many placed and as few breaks as every assignment") {
  int compared = 0;
  int constrained = 0;
  int short_of_all = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    InstanceShape shape;
    shape.participants = 4;
    shape.meetings = 5 + static_cast<int>(seed % 2);
    shape.slots_per_day = 5;
    shape.tables = 1 + static_cast<int>(seed % 2);
    shape.days = seed % 4 == 0 ? 2 : 1;
    if (shape.days == 2) shape.slots_per_day = 3;
    shape.pinned_share = seed % 3 == 1 ? 0.0 : 0.3;
    shape.precedence_share = seed % 3 == 2 ? 0.0 : 0.35;
    const auto problem = test::random_instance(shape, 5000 + seed);
    for (const auto& meeting : problem.meetings)
      constrained += (meeting.pinned_slot || !meeting.after.empty()) ? 1 : 0;
    const auto best = test::exhaustive_best(problem);
    const auto schedule = test::run_scheduler(problem, 20'000, seed);
    INFO("seed " << seed);
    REQUIRE(test::schedule_violation(problem, schedule) == "");
    CHECK(schedule.placed == best.placed);
    CHECK(schedule.fairness_met == best.fair);
    CHECK(schedule.breaks_after == best.breaks);
    short_of_all += best.placed < static_cast<int>(problem.meetings.size()) ? 1 : 0;
    ++compared;
  }
  CHECK(compared == 40);
  CHECK(constrained > 40);
  CHECK(short_of_all > 3);  // the constraints leave meetings out in some instances
}

TEST_CASE("schedule clauses with precedences and pins: the bound ends at the fewest breaks") {
  int compared = 0;
  int refuted = 0;
  for (std::uint64_t seed = 1; seed <= 80; ++seed) {
    InstanceShape shape;
    shape.participants = 4;
    shape.meetings = 5;
    shape.slots_per_day = 5;
    shape.tables = 2;
    shape.unavailable_share = 0.05;
    shape.pinned_share = 0.15;
    shape.precedence_share = 0.25;
    const auto problem = test::random_instance(shape, 9000 + seed);
    const auto best = test::exhaustive_best(problem);
    std::vector<int> meetings_of(problem.participants.size(), 0);
    for (const auto& meeting : problem.meetings) {
      for (const int p : meeting.people) ++meetings_of[static_cast<std::size_t>(p)];
    }
    const bool someone_idle = *std::min_element(meetings_of.begin(), meetings_of.end()) <= 1;
    const auto model = sched::build_model(problem);
    sched::ScheduleSat clauses(model, sched::kMaxBreakSpread, 12);
    core::SearchBudget budget;
    INFO("seed " << seed);
    const bool complete = best.placed == static_cast<int>(problem.meetings.size());
    if (!complete || !someone_idle || !best.fair) {
      // No schedule places every meeting a slot can take: the clauses, which do, are refuted.
      if (best.placed < static_cast<int>(model.movable.size())) {
        ++refuted;
        CHECK(!clauses.solve(12, budget));
        CHECK(clauses.refuted());
      }
      continue;
    }
    int fewest = -1;
    for (int bound = 12; bound >= 0; --bound) {
      const auto found = clauses.solve(bound, budget);
      if (!found) {
        CHECK(clauses.refuted());
        break;
      }
      std::vector<std::optional<sched::Placement>> at(problem.meetings.size());
      for (std::size_t m = 0; m < at.size(); ++m) {
        const int s = (*found)[m];
        REQUIRE(s >= 0);
        if (problem.meetings[m].pinned_slot) CHECK(s == *problem.meetings[m].pinned_slot);
        for (const int a : problem.meetings[m].after)
          CHECK((*found)[static_cast<std::size_t>(a)] < s);
        at[m] = sched::Placement{s, 0};
      }
      int total = 0;
      for (const int b : test::count_breaks(problem, at)) total += b;
      CHECK(total <= bound);
      fewest = total;
      bound = total;
    }
    CHECK(fewest == best.breaks);
    ++compared;
  }
  CHECK(compared > 10);
  CHECK(refuted > 3);
}

namespace {

// Ana, Bo and Cy over four slots, one table each slot.
sched::Problem three_people() {
  sched::Problem problem;
  for (int s = 0; s < 4; ++s) problem.slots.push_back({0, true, "slot " + std::to_string(s + 1)});
  problem.tables = {{2, {}}};
  problem.participants = {{"Ana", {}, {}}, {"Bo", {}, {}}, {"Cy", {}, {}}};
  return problem;
}

sched::Meeting meeting(std::vector<int> people) {
  sched::Meeting m;
  m.people = std::move(people);
  return m;
}

}  // namespace

TEST_CASE("a meeting pinned where someone is unavailable is left out, and the reason says so") {
  auto problem = three_people();
  problem.participants[1].unavailable = {2};
  problem.meetings = {meeting({0, 1}), meeting({0, 2})};
  problem.meetings[0].pinned_slot = 2;
  const auto schedule = test::run_scheduler(problem, 20'000);
  REQUIRE(test::schedule_violation(problem, schedule) == "");
  CHECK(schedule.placed == 1);
  const auto& left = schedule.meetings[0];
  CHECK(left.status == sched::MeetingStatus::not_placed);
  REQUIRE(left.reason);
  CHECK(left.reason->code == "pinned_slot_unavailable");
  CHECK(left.reason->message.find("pinned to slot 3") != std::string::npos);
  CHECK(left.reason->message.find("slot 1 to slot 2, slot 4") != std::string::npos);
}

TEST_CASE("two meetings pinned to a slot with one table: one is placed, the other told why") {
  auto problem = three_people();
  problem.meetings = {meeting({0, 1}), meeting({2, 1})};
  problem.meetings[0].pinned_slot = 1;
  problem.meetings[1].pinned_slot = 1;
  const auto schedule = test::run_scheduler(problem, 20'000);
  REQUIRE(test::schedule_violation(problem, schedule) == "");
  CHECK(schedule.placed == 1);
  const int left = schedule.meetings[0].placement ? 1 : 0;
  const auto& reason = schedule.meetings[static_cast<std::size_t>(left)].reason;
  REQUIRE(reason);
  CHECK(reason->code == "pinned_slot_taken");
  CHECK(reason->message.find("pinned to slot 2") != std::string::npos);
  CHECK(reason->message.find("Bo meets") != std::string::npos);
}

TEST_CASE("a cycle of precedences: all but one placed in order, the last told which order fails") {
  auto problem = three_people();
  problem.meetings = {meeting({0, 1}), meeting({0, 2}), meeting({1, 2})};
  problem.meetings[1].after = {0};
  problem.meetings[2].after = {1};
  problem.meetings[0].after = {2};
  const auto schedule = test::run_scheduler(problem, 20'000);
  REQUIRE(test::schedule_violation(problem, schedule) == "");
  CHECK(schedule.placed == 2);
  for (const auto& outcome : schedule.meetings) {
    if (outcome.placement) continue;
    REQUIRE(outcome.reason);
    CHECK(outcome.reason->message.find("It must take place after the meeting of") !=
          std::string::npos);
  }
}

TEST_CASE("pins and precedences that name no slot or meeting are refused, naming the field") {
  auto problem = three_people();
  problem.meetings = {meeting({0, 1}), meeting({0, 2})};
  problem.meetings[0].pinned_slot = 4;
  auto error = sched::validate(problem);
  REQUIRE(!error.ok());
  CHECK(error.error().field == "meetings[0].pinned_slot");
  problem.meetings[0].pinned_slot.reset();
  problem.meetings[1].after = {1};
  error = sched::validate(problem);
  REQUIRE(!error.ok());
  CHECK(error.error().field == "meetings[1].after[0]");
  problem.meetings[1].after = {5};
  error = sched::validate(problem);
  REQUIRE(!error.ok());
  CHECK(error.error().code == "out_of_range");
  problem.meetings[1].after = {0};
  CHECK(sched::validate(problem).ok());
}
