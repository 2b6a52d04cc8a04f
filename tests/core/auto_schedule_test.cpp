#include <doctest/doctest.h>

#include "core/event/auto_schedule.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

namespace {

// Deferred booking: accepted meetings wait for the auto-schedule.
struct DeferredFixture : test::EventFixture {
  std::vector<core::ParticipantId> people;
  DeferredFixture() {
    set_up(3, 6);
    core::EventSettings s = state.event.settings;
    s.booking = core::BookingMode::Deferred;
    ok(organiser(), core::SetSettings{.settings = s});
    people = register_people(8);
  }
  core::MeetingId accepted(int a, int b) {
    const auto m = request(people[a], people[b]);
    ok(participant(people[b]), core::AcceptMeeting{.meeting = m});
    return m;
  }
};

}  // namespace

TEST_CASE("the auto-schedule places accepted meetings and is applied as one operation") {
  DeferredFixture f;
  std::vector<core::MeetingId> ids;
  for (auto [a, b] : {std::pair{0, 1}, {0, 2}, {0, 3}, {1, 2}, {4, 5}, {6, 7}, {4, 6}, {5, 7}})
    ids.push_back(f.accepted(a, b));
  // Someone only in the afternoon, someone unavailable in the first morning slot.
  f.ok(participant(f.people[3]),
       core::SetAvailability{.participant = f.people[3],
                             .availability = {{}, core::TimeOfDay::Afternoon}});
  f.ok(participant(f.people[1]),
       core::SetAvailability{.participant = f.people[1],
                             .availability = {{{f.morning, 0}}, core::TimeOfDay::Any}});

  core::SearchBudget budget(200000);
  auto plan = core::plan_auto_schedule(f.state, {f.morning, f.afternoon}, false, budget);
  REQUIRE(plan.ok());
  CHECK(plan->report.placed == 8);
  CHECK(plan->report.not_placed == 0);
  CHECK(plan->report.fairness_met);
  CHECK(plan->operation.placements.size() == 8);
  const auto applied = f.ok(organiser(), plan->operation);  // the state machine accepts it whole
  for (const auto id : ids) REQUIRE(f.meeting(id).placement.has_value());
  CHECK(f.meeting(ids[2]).placement->slot.session ==
        f.afternoon);  // people[3] only in the afternoon
  for (const auto id : ids) {
    const bool in_closed_slot = f.meeting(id).placement->slot == core::SlotRef{f.morning, 0} &&
                                f.meeting(id).involves(f.people[1]);
    CHECK_FALSE(in_closed_slot);
  }
  CHECK(std::get<core::ApplySchedule>(applied.payload).placements.size() == 8);
  CHECK(plan->report.breaks_before == 0);  // nothing was booked before
}

TEST_CASE(
    "the auto-schedule keeps booked meetings unless moves are allowed, and says why a meeting "
    "stays out") {
  DeferredFixture f;
  const auto booked = f.accepted(0, 1);
  f.ok(organiser(),
       core::ApplySchedule{.sessions = {f.morning}, .placements = {{booked, {{f.morning, 2}, 1}}}});
  const auto fresh = f.accepted(0, 2);
  const auto impossible = f.accepted(3, 4);
  f.ok(participant(f.people[3]),
       core::SetAvailability{.participant = f.people[3],
                             .availability = {{}, core::TimeOfDay::Morning}});
  f.ok(participant(f.people[4]),
       core::SetAvailability{.participant = f.people[4],
                             .availability = {{}, core::TimeOfDay::Afternoon}});

  core::SearchBudget budget(100000);
  auto plan = core::plan_auto_schedule(f.state, {f.morning, f.afternoon}, false, budget);
  REQUIRE(plan.ok());
  CHECK(plan->report.kept == 1);
  CHECK(plan->report.placed == 1);
  CHECK(plan->report.not_placed == 1);
  for (const auto& item : plan->report.meetings) {
    if (item.meeting == booked) CHECK(item.placement == core::Placement{{f.morning, 2}, 1});
    if (item.meeting == impossible) {
      REQUIRE(item.reason.has_value());
      CHECK(item.reason->code == "time_of_day_conflict");
      CHECK_FALSE(item.reason->message.empty());
    }
  }
  f.ok(organiser(), plan->operation);
  CHECK(f.meeting(booked).placement->slot == core::SlotRef{f.morning, 2});
  CHECK(f.meeting(fresh).placement.has_value());
  CHECK_FALSE(f.meeting(impossible).placement.has_value());

  // Bad requests are refused with the field named.
  core::SearchBudget more(1000);
  CHECK(core::plan_auto_schedule(f.state, {}, false, more).error().field == "sessions");
  CHECK(core::plan_auto_schedule(f.state, {99}, false, more).error().code == "not_found");
  CHECK(core::plan_auto_schedule(f.state, {f.morning, f.morning}, false, more).error().code ==
        "duplicate");
}
