#include <doctest/doctest.h>

#include <string>

#include "core/scheduling/scheduler.hpp"
#include "tests/core/scheduling_support.hpp"

using namespace crossmatch;
namespace sched = core::scheduling;
using test::InstanceShape;

namespace {

// Two participants, a shared meeting, everything else open: the smallest useful problem.
sched::Problem two_people(int slots, int tables) {
  sched::Problem problem;
  for (int s = 0; s < slots; ++s) problem.slots.push_back({0, s < slots / 2, {}});
  for (int t = 0; t < tables; ++t) problem.tables.push_back({2, {}});
  problem.participants = {{"Ana", {}, sched::TimeOfDay::any}, {"Bo", {}, sched::TimeOfDay::any}};
  problem.meetings.push_back({{0, 1}, sched::TimeOfDay::any, std::nullopt});
  return problem;
}

}  // namespace

TEST_CASE("schedules on random instances keep every rule") {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    InstanceShape shape;
    shape.participants = 8 + static_cast<int>(seed % 5) * 3;
    shape.meetings = 20 + static_cast<int>(seed % 7) * 6;
    shape.days = 1 + static_cast<int>(seed % 2);
    shape.slots_per_day = 8;
    shape.tables = 3 + static_cast<int>(seed % 3);
    shape.existing_share = seed % 3 == 0 ? 0.3 : 0.0;
    shape.allow_moves = seed % 6 == 0;
    const auto problem = test::random_instance(shape, seed);
    const auto schedule = test::run_scheduler(problem, 5'000, seed);
    INFO("seed " << seed);
    CHECK(test::schedule_violation(problem, schedule) == "");
    CHECK(schedule.placed + schedule.not_placed == static_cast<int>(problem.meetings.size()));
    // The bound holds for schedules that place every meeting that can be placed at all.
    bool all_placeable_placed = true;
    for (const auto& outcome : schedule.meetings) {
      if (outcome.reason && outcome.reason->code == "no_room") all_placeable_placed = false;
    }
    if (all_placeable_placed) CHECK(schedule.breaks_after >= schedule.breaks_lower_bound);
  }
}

TEST_CASE("the fewest breaks on small instances, checked against every assignment") {
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 24; ++seed) {
    InstanceShape shape;
    shape.participants = 4;
    shape.meetings = 5 + static_cast<int>(seed % 2);
    shape.slots_per_day = 5;
    shape.tables = 1 + static_cast<int>(seed % 2);
    shape.days = seed % 4 == 0 ? 2 : 1;
    if (shape.days == 2) shape.slots_per_day = 3;
    shape.existing_share = seed % 5 == 0 ? 0.3 : 0.0;
    const auto problem = test::random_instance(shape, 1000 + seed);
    const auto best = test::exhaustive_best(problem);
    const auto schedule = test::run_scheduler(problem, 20'000, seed);
    INFO("seed " << seed);
    REQUIRE(test::schedule_violation(problem, schedule) == "");
    CHECK(schedule.placed == best.placed);
    CHECK(schedule.fairness_met == best.fair);
    CHECK(schedule.breaks_after == best.breaks);
    ++compared;
  }
  CHECK(compared == 24);
}

TEST_CASE("meetings that must stay keep their slot and table") {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    InstanceShape shape;
    shape.participants = 10;
    shape.meetings = 30;
    shape.slots_per_day = 10;
    shape.tables = 4;
    shape.existing_share = 0.5;
    auto problem = test::random_instance(shape, 77 + seed);
    const auto schedule = test::run_scheduler(problem, 5'000, seed);
    INFO("seed " << seed);
    CHECK(test::schedule_violation(problem, schedule) == "");
    for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
      if (!problem.meetings[m].existing) continue;
      CHECK(schedule.meetings[m].status == sched::MeetingStatus::kept);
      CHECK(schedule.meetings[m].placement == problem.meetings[m].existing);
    }
  }
}

TEST_CASE("with moves allowed, existing placements may change to remove breaks") {
  // Ana meets Bo in slot 0 and Cy in slot 3: one break. Moving a meeting removes it.
  sched::Problem problem;
  for (int s = 0; s < 4; ++s) problem.slots.push_back({0, true, {}});
  problem.tables = {{2, {}}};
  problem.participants = {{"Ana", {}, {}}, {"Bo", {}, {}}, {"Cy", {}, {}}};
  problem.meetings = {{{0, 1}, sched::TimeOfDay::any, sched::Placement{0, 0}},
                      {{0, 2}, sched::TimeOfDay::any, sched::Placement{3, 0}}};
  const auto fixed = test::run_scheduler(problem, 1'000);
  CHECK(fixed.breaks_before == 1);
  CHECK(fixed.breaks_after == 1);
  CHECK(fixed.meetings[0].status == sched::MeetingStatus::kept);
  problem.allow_moves = true;
  const auto moved = test::run_scheduler(problem, 1'000);
  CHECK(moved.breaks_before == 1);
  CHECK(moved.breaks_after == 0);
  CHECK(moved.proven_optimal);
  CHECK(test::schedule_violation(problem, moved) == "");
  const int changed = (moved.meetings[0].status == sched::MeetingStatus::moved ? 1 : 0) +
                      (moved.meetings[1].status == sched::MeetingStatus::moved ? 1 : 0);
  CHECK(changed == 1);
}

TEST_CASE("the same seed and step budget give the same schedule") {
  InstanceShape shape;
  shape.participants = 20;
  shape.meetings = 70;
  shape.slots_per_day = 10;
  shape.tables = 6;
  const auto problem = test::random_instance(shape, 5);
  const auto first = test::run_scheduler(problem, 20'000, 9);
  const auto second = test::run_scheduler(problem, 20'000, 9);
  CHECK(first == second);
  CHECK(first.steps <= 20'000);
}

TEST_CASE("any budget gives a valid schedule, and improvements are reported as they come") {
  InstanceShape shape;
  shape.participants = 15;
  shape.meetings = 50;
  shape.slots_per_day = 10;
  shape.tables = 5;
  const auto problem = test::random_instance(shape, 11);
  const auto tiny = test::run_scheduler(problem, 1);
  CHECK(test::schedule_violation(problem, tiny) == "");

  std::vector<sched::ScheduleProgress> seen;
  core::SearchBudget budget(30'000);
  sched::ScheduleOptions options;
  options.on_improvement = [&](const sched::ScheduleProgress& progress) {
    seen.push_back(progress);
  };
  auto result = sched::schedule_meetings(problem, budget, options);
  REQUIRE(result.ok());
  REQUIRE_FALSE(seen.empty());
  test::check_each_improves(seen);
  CHECK(seen.back().placed == result->placed);
  CHECK(seen.back().breaks == result->breaks_after);
}

TEST_CASE("a forced break is proven optimal by the lower bound") {
  // Ana meets Bo in the morning and Cy in the afternoon, and is away in between.
  sched::Problem problem;
  for (int s = 0; s < 6; ++s) problem.slots.push_back({0, s < 3, {}});
  problem.tables = {{2, {}}, {2, {}}};
  problem.participants = {{"Ana", {2, 3}, {}}, {"Bo", {}, {}}, {"Cy", {}, {}}};
  problem.meetings = {{{0, 1}, sched::TimeOfDay::morning, std::nullopt},
                      {{0, 2}, sched::TimeOfDay::afternoon, std::nullopt}};
  core::SearchBudget budget(1'000'000);
  auto result = sched::schedule_meetings(problem, budget);
  REQUIRE(result.ok());
  CHECK(result->breaks_after == 1);
  CHECK(result->breaks_lower_bound == 1);
  CHECK(result->proven_optimal);
  CHECK(result->steps < 1'000'000);  // stopped early
}

TEST_CASE("a meeting of three needs a table with three seats") {
  auto problem = two_people(4, 2);
  problem.participants.push_back({"Cy", {}, {}});
  problem.meetings.push_back({{0, 1, 2}, sched::TimeOfDay::any, std::nullopt});
  auto schedule = test::run_scheduler(problem, 1'000);
  CHECK(schedule.meetings[1].status == sched::MeetingStatus::not_placed);
  REQUIRE(schedule.meetings[1].reason);
  CHECK(schedule.meetings[1].reason->code == "no_table");
  CHECK(schedule.meetings[1].reason->field == "meetings[1]");
  CHECK(schedule.meetings[1].reason->message.find("3 seats") != std::string::npos);

  problem.tables.push_back({4, {}});
  schedule = test::run_scheduler(problem, 1'000);
  CHECK(test::schedule_violation(problem, schedule) == "");
  REQUIRE(schedule.meetings[1].placement);
  CHECK(schedule.meetings[1].placement->table == 2);
}

TEST_CASE("unplaceable meetings say why, naming who and when") {
  SUBCASE("time-of-day requirements conflict") {
    auto problem = two_people(4, 1);
    problem.participants[0].time_of_day = sched::TimeOfDay::morning;
    problem.participants[1].time_of_day = sched::TimeOfDay::afternoon;
    const auto schedule = test::run_scheduler(problem, 100);
    REQUIRE(schedule.meetings[0].reason);
    CHECK(schedule.meetings[0].reason->code == "time_of_day_conflict");
    CHECK(schedule.meetings[0].reason->message.find("Ana") != std::string::npos);
    CHECK(schedule.meetings[0].reason->message.find("Bo") != std::string::npos);
  }
  SUBCASE("a person is unavailable throughout") {
    auto problem = two_people(4, 1);
    problem.participants[1].unavailable = {0, 1, 2, 3};
    const auto schedule = test::run_scheduler(problem, 100);
    REQUIRE(schedule.meetings[0].reason);
    CHECK(schedule.meetings[0].reason->code == "participant_unavailable");
    CHECK(schedule.meetings[0].reason->message.find("Bo") != std::string::npos);
  }
  SUBCASE("no common free slot") {
    auto problem = two_people(4, 1);
    problem.participants[0].unavailable = {0, 1};
    problem.participants[1].unavailable = {2, 3};
    const auto schedule = test::run_scheduler(problem, 100);
    REQUIRE(schedule.meetings[0].reason);
    CHECK(schedule.meetings[0].reason->code == "no_common_slot");
    CHECK(schedule.meetings[0].reason->message.find("slot 1 to slot 2") != std::string::npos);
  }
  SUBCASE("kept meetings take every common slot") {
    auto problem = two_people(2, 1);
    problem.participants.push_back({"Cy", {}, {}});
    problem.meetings.push_back({{0, 2}, sched::TimeOfDay::any, sched::Placement{0, 0}});
    problem.meetings.push_back({{1, 2}, sched::TimeOfDay::any, sched::Placement{1, 0}});
    const auto schedule = test::run_scheduler(problem, 100);
    REQUIRE(schedule.meetings[0].reason);
    CHECK(schedule.meetings[0].reason->code == "blocked_by_kept_meetings");
    CHECK(schedule.meetings[0].reason->message.find("Ana meets Cy") != std::string::npos);
  }
  SUBCASE("the search had no room left") {
    // Three meetings of Ana, two slots: one cannot be placed anywhere.
    sched::Problem problem;
    problem.slots = {{0, true, {}}, {0, true, {}}};
    problem.tables = {{2, {}}, {2, {}}};
    problem.participants = {{"Ana", {}, {}}, {"Bo", {}, {}}, {"Cy", {}, {}}, {"Di", {}, {}}};
    for (int other = 1; other <= 3; ++other) {
      problem.meetings.push_back({{0, other}, sched::TimeOfDay::any, std::nullopt});
    }
    const auto schedule = test::run_scheduler(problem, 2'000);
    CHECK(schedule.placed == 2);
    CHECK(test::schedule_violation(problem, schedule) == "");
    for (const auto& outcome : schedule.meetings) {
      if (outcome.placement) continue;
      REQUIRE(outcome.reason);
      CHECK(outcome.reason->code == "no_room");
      CHECK(outcome.reason->message.find("Ana meets") != std::string::npos);
    }
  }
}

TEST_CASE("problems that make no sense are refused with the field at fault") {
  auto problem = two_people(4, 1);
  problem.meetings[0].people = {0, 5};
  auto budget = core::SearchBudget(10);
  auto result = sched::schedule_meetings(problem, budget);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().field == "meetings[0].people[1]");

  problem = two_people(4, 1);
  problem.meetings[0].people = {1, 1};
  CHECK(sched::validate(problem).error().code == "duplicate");

  problem = two_people(4, 1);
  problem.slots[2].day = -1;
  CHECK(sched::validate(problem).error().field == "slots[2].day");

  problem = two_people(4, 1);
  problem.slots[3].day = 0;
  problem.slots[2].day = 1;
  CHECK(sched::validate(problem).error().code == "out_of_order");

  problem = two_people(4, 1);
  problem.participants.push_back({"Cy", {}, {}});
  problem.meetings[0].existing = sched::Placement{0, 0};
  problem.meetings.push_back({{1, 2}, sched::TimeOfDay::any, sched::Placement{0, 0}});
  CHECK(sched::validate(problem).error().code == "double_booked");

  problem = two_people(4, 1);
  problem.participants[0].unavailable = {9};
  CHECK(sched::validate(problem).error().field == "participants[0].unavailable[0]");

  problem = two_people(70, 1);
  CHECK(sched::validate(problem).error().field == "slots[64].day");
}

TEST_CASE("breaks are counted per day, a run of idle slots being one break") {
  sched::Problem problem;
  for (int s = 0; s < 8; ++s) problem.slots.push_back({s < 4 ? 0 : 1, true, {}});
  problem.tables = {{2, {}}};
  problem.participants = {{"Ana", {}, {}}, {"Bo", {}, {}}};
  for (int s = 0; s < 4; ++s)
    problem.meetings.push_back({{0, 1}, sched::TimeOfDay::any, std::nullopt});
  std::vector<std::optional<sched::Placement>> at = {sched::Placement{0, 0}, sched::Placement{3, 0},
                                                     sched::Placement{4, 0},
                                                     sched::Placement{7, 0}};
  // Day one: 0 and 3 (one break of two idle slots); day two: 4 and 7 (one break); the night
  // between 3 and 4 is no break.
  CHECK(sched::participant_breaks(problem, at) == std::vector<int>{2, 2});
  at[1].reset();
  CHECK(sched::participant_breaks(problem, at) == std::vector<int>{1, 1});
}

TEST_CASE("a generated event of a few hundred meetings is placed in full") {
  InstanceShape shape;
  shape.participants = 60;
  shape.meetings = 300;
  shape.days = 2;
  shape.slots_per_day = 12;
  shape.tables = 18;
  shape.unavailable_share = 0.03;
  shape.time_of_day_share = 0.0;
  shape.trio_share = 0.03;  // one table in each slot seats three
  const auto problem = test::random_instance(shape, 3);
  const auto schedule = test::run_scheduler(problem, 100'000);
  CHECK(test::schedule_violation(problem, schedule) == "");
  CHECK(schedule.placed == 300);
  CHECK(schedule.fairness_met);
}
