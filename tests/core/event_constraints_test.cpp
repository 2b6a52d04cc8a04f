// The organiser's constraints for the auto-schedule: accepted meetings pinned to a slot and
// precedences between meetings. Only the organiser sets them; unknown and unaccepted meetings,
// slots that do not exist, clashes between pins, self-precedences and cycles are refused with
// what to do; participants never see them; every auto-schedule keeps them.
#include <doctest/doctest.h>

#include "core/event/auto_schedule.hpp"
#include "core/event/json_codec.hpp"
#include "core/event/json_values.hpp"
#include "core/event/privacy.hpp"
#include "core/event/schedule_constraints.hpp"
#include "tests/event_fixture.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;
using test::broker;
using test::organiser;
using test::participant;

namespace {

// Deferred booking, so that accepted meetings wait for the auto-schedule; 3 tables, 6 slots a
// session.
struct ConstraintsFixture : test::EventFixture {
  std::vector<core::ParticipantId> p;
  ConstraintsFixture() {
    set_up(3, 6);
    core::EventSettings s = state.event.settings;
    s.booking = core::BookingMode::Deferred;
    ok(organiser(), core::SetSettings{.settings = s});
    p = register_people(8);
  }
  core::MeetingId accepted(int a, int b) {
    const auto m = request(p[a], p[b]);
    ok(participant(p[b]), core::AcceptMeeting{.meeting = m});
    return m;
  }
  core::SlotRef slot(int index) const { return {morning, index}; }
};

using crossmatch::test::contains;

}  // namespace

TEST_CASE("pin_meeting holds an accepted meeting to a slot until unpin_meeting; organiser only") {
  ConstraintsFixture f;
  const auto m = f.accepted(0, 1);
  f.ok(organiser(), core::PinMeeting{.meeting = m, .slot = f.slot(2)});
  REQUIRE(f.meeting(m).pinned);
  CHECK(*f.meeting(m).pinned == f.slot(2));
  CHECK_FALSE(f.meeting(m).placement);  // a constraint for the auto-schedule, not a booking
  // Pinned again elsewhere: the new pin replaces the old.
  f.ok(organiser(), core::PinMeeting{.meeting = m, .slot = core::SlotRef{f.afternoon, 1}});
  CHECK(*f.meeting(m).pinned == core::SlotRef{f.afternoon, 1});

  for (const auto& actor : {participant(f.p[0]), broker()}) {
    const auto e = f.refused(actor, core::PinMeeting{.meeting = m, .slot = f.slot(0)}, "forbidden");
    CHECK(contains(e.message, "Only the organiser"));
    f.refused(actor, core::UnpinMeeting{.meeting = m}, "forbidden");
  }
  f.ok(organiser(), core::UnpinMeeting{.meeting = m});
  CHECK_FALSE(f.meeting(m).pinned);
  const auto again = f.refused(organiser(), core::UnpinMeeting{.meeting = m}, "not_pinned");
  CHECK(again.field == "meeting");
}

TEST_CASE("a pin is refused for a meeting or slot that cannot take it, saying why") {
  ConstraintsFixture f;
  const auto m = f.accepted(0, 1);
  const auto other = f.accepted(0, 2);
  const auto requested = f.request(3, 4);
  auto e = f.refused(organiser(), core::PinMeeting{.meeting = 999, .slot = f.slot(0)}, "not_found");
  CHECK(e.field == "meeting");
  e = f.refused(organiser(), core::PinMeeting{.meeting = requested, .slot = f.slot(0)},
                "not_accepted");
  CHECK(contains(e.message, "Only an accepted meeting"));
  e = f.refused(organiser(), core::PinMeeting{.meeting = m, .slot = f.slot(6)}, "not_found");
  CHECK(e.field == "slot[0]");
  e = f.refused(organiser(), core::PinMeeting{.meeting = m, .slot = {77, 0}}, "not_found");
  // A session that is not for one-to-one meetings.
  f.ok(organiser(),
       f.define_session("Pitches", "2026-05-15", 9 * 60, 10 * 60, core::SessionKind::Pitching));
  const core::SessionId pitching = f.state.sessions.rbegin()->first;
  e = f.refused(organiser(), core::PinMeeting{.meeting = m, .slot = {pitching, 0}},
                "wrong_session");
  // Someone unavailable then, or only there in the afternoon.
  f.ok(participant(f.p[1]),
       core::SetAvailability{.participant = f.p[1], .availability = {{f.slot(3)}, {}}});
  e = f.refused(organiser(), core::PinMeeting{.meeting = m, .slot = f.slot(3)}, "unavailable");
  CHECK(contains(e.message, f.state.participants.at(f.p[1]).profile.display_name));
  f.ok(participant(f.p[0]),
       core::SetAvailability{.participant = f.p[0],
                             .availability = {{}, core::TimeOfDay::Afternoon}});
  e = f.refused(organiser(), core::PinMeeting{.meeting = m, .slot = f.slot(1)},
                "time_of_day_conflict");
  CHECK(contains(e.message, "afternoon"));
  // The same person pinned twice to one slot.
  f.ok(organiser(), core::PinMeeting{.meeting = m, .slot = {f.afternoon, 0}});
  e = f.refused(organiser(), core::PinMeeting{.meeting = other, .slot = {f.afternoon, 0}},
                "conflict");
  CHECK(contains(e.message, "meeting " + std::to_string(m)));
  CHECK(contains(e.message, "unpin"));
}

TEST_CASE("no more meetings pinned to a slot than it has tables") {
  ConstraintsFixture f;
  const std::vector<core::MeetingId> ms{f.accepted(0, 1), f.accepted(2, 3), f.accepted(4, 5),
                                        f.accepted(6, 7)};
  for (int i = 0; i < 3; ++i)
    f.ok(organiser(),
         core::PinMeeting{.meeting = ms[static_cast<std::size_t>(i)], .slot = f.slot(0)});
  const auto e =
      f.refused(organiser(), core::PinMeeting{.meeting = ms[3], .slot = f.slot(0)}, "no_table");
  CHECK(contains(e.message, "3 tables"));
}

TEST_CASE("precedences: added and removed by the organiser; self, duplicates and cycles refused") {
  ConstraintsFixture f;
  const auto a = f.accepted(0, 1), b = f.accepted(2, 3), c = f.accepted(4, 5);
  const auto requested = f.request(6, 7);
  f.ok(organiser(), core::AddPrecedence{.before = a, .after = b});
  f.ok(organiser(), core::AddPrecedence{.before = b, .after = c});
  CHECK(f.meeting(b).after == std::vector<core::MeetingId>{a});
  CHECK(core::precedences(f.state) ==
        std::vector<core::Precedence>{{.before = a, .after = b}, {.before = b, .after = c}});
  CHECK(core::meetings_before(f.state, c) == std::vector<core::MeetingId>{a, b});
  CHECK(core::meetings_after(f.state, a) == std::vector<core::MeetingId>{b, c});

  f.refused(participant(f.p[0]), core::AddPrecedence{.before = c, .after = a}, "forbidden");
  auto e = f.refused(organiser(), core::AddPrecedence{.before = a, .after = a}, "self_precedence");
  CHECK(e.field == "after");
  e = f.refused(organiser(), core::AddPrecedence{.before = a, .after = b}, "duplicate");
  // Directly and through another meeting.
  e = f.refused(organiser(), core::AddPrecedence{.before = b, .after = a}, "cycle");
  e = f.refused(organiser(), core::AddPrecedence{.before = c, .after = a}, "cycle");
  CHECK(contains(e.message, "both orders cannot hold"));
  e = f.refused(organiser(), core::AddPrecedence{.before = 999, .after = a}, "not_found");
  CHECK(e.field == "before");
  e = f.refused(organiser(), core::AddPrecedence{.before = a, .after = requested}, "not_accepted");
  CHECK(e.field == "after");

  f.refused(broker(), core::RemovePrecedence{.before = a, .after = b}, "forbidden");
  f.ok(organiser(), core::RemovePrecedence{.before = a, .after = b});
  CHECK(f.meeting(b).after.empty());
  f.refused(organiser(), core::RemovePrecedence{.before = a, .after = b}, "not_found");
  // With a before b gone, c before a is no cycle any more.
  f.ok(organiser(), core::AddPrecedence{.before = c, .after = a});
}

TEST_CASE("pins and precedences must agree: the earlier meeting cannot be pinned later") {
  ConstraintsFixture f;
  const auto a = f.accepted(0, 1), b = f.accepted(2, 3), c = f.accepted(4, 5);
  f.ok(organiser(), core::AddPrecedence{.before = a, .after = b});
  f.ok(organiser(), core::AddPrecedence{.before = b, .after = c});
  f.ok(organiser(), core::PinMeeting{.meeting = c, .slot = f.slot(2)});
  // a comes before c through b: not in c's slot or later.
  auto e =
      f.refused(organiser(), core::PinMeeting{.meeting = a, .slot = f.slot(2)}, "order_conflict");
  CHECK(contains(e.message, "pick an earlier slot"));
  f.ok(organiser(), core::PinMeeting{.meeting = a, .slot = f.slot(0)});
  e = f.refused(organiser(), core::PinMeeting{.meeting = c, .slot = f.slot(0)}, "order_conflict");
  CHECK(contains(e.message, "pick a later slot"));
  // A new order against two pins.
  const auto d = f.accepted(6, 7);
  f.ok(organiser(), core::PinMeeting{.meeting = d, .slot = f.slot(1)});
  e = f.refused(organiser(), core::AddPrecedence{.before = c, .after = d}, "order_conflict");
  CHECK(contains(e.message, "change a pin first"));
  f.ok(organiser(), core::AddPrecedence{.before = d, .after = c});
}

TEST_CASE("removing a session drops the pins in it; participants never see pins or orders") {
  ConstraintsFixture f;
  const auto a = f.accepted(0, 1), b = f.accepted(0, 2);
  f.ok(organiser(), core::PinMeeting{.meeting = a, .slot = {f.afternoon, 4}});
  f.ok(organiser(), core::AddPrecedence{.before = a, .after = b});

  const core::EventState seen = core::view_state(f.state, {core::Role::Participant, f.p[0]});
  REQUIRE(seen.meeting(a) != nullptr);
  CHECK_FALSE(seen.meeting(a)->pinned);
  CHECK(seen.meeting(b)->after.empty());
  CHECK(core::view_state(f.state, {core::Role::Broker, 0}).meeting(b)->after ==
        std::vector<core::MeetingId>{a});

  f.ok(organiser(), core::RemoveSession{.session = f.afternoon});
  CHECK_FALSE(f.meeting(a).pinned);
  CHECK(f.meeting(b).after == std::vector<core::MeetingId>{a});  // orders need no slot
}

TEST_CASE("pins and precedences in the state's JSON and in the operations' JSON") {
  ConstraintsFixture f;
  const auto a = f.accepted(0, 1), b = f.accepted(2, 3), c = f.accepted(4, 5);
  f.ok(organiser(), core::PinMeeting{.meeting = a, .slot = f.slot(4)});
  f.ok(organiser(), core::AddPrecedence{.before = a, .after = c});
  f.ok(organiser(), core::AddPrecedence{.before = b, .after = c});
  auto back = core::state_from_json(core::state_to_json(f.state), test::taxonomy());
  REQUIRE(back.ok());
  CHECK(*back == f.state);
  CHECK(back->meetings.at(c).after == std::vector<core::MeetingId>{a, b});

  // A list of earlier meetings out of order is refused.
  auto j = core::json::parse_json(core::state_to_json(f.state));
  REQUIRE(j.ok());
  for (auto& m : (*j)["meetings"]) {
    if (m["id"] == c) m["after"] = core::json::Json::array({b, a});
  }
  CHECK_FALSE(core::state_from_json(j->dump(), test::taxonomy()).ok());

  for (const core::OperationPayload& payload :
       {core::OperationPayload{core::PinMeeting{.meeting = a, .slot = f.slot(3)}},
        core::OperationPayload{core::UnpinMeeting{.meeting = a}},
        core::OperationPayload{core::AddPrecedence{.before = a, .after = b}},
        core::OperationPayload{core::RemovePrecedence{.before = b, .after = c}}}) {
    core::Operation op{
        .id = "x1", .actor = organiser(), .at = 5, .sequence = 7, .payload = payload};
    auto decoded = core::operation_from_json(core::operation_to_json(op));
    REQUIRE(decoded.ok());
    CHECK(*decoded == op);
  }
  core::json::Json bad = core::json::to_json(core::Operation{
      .id = "x2", .actor = organiser(), .payload = core::AddPrecedence{.before = a, .after = b}});
  bad.erase("before");
  CHECK(core::json::operation_from(bad).error().field == "before");
}

TEST_CASE("every auto-schedule keeps pins and precedences, run after run") {
  ConstraintsFixture f;
  // Person 0 meets everyone: their meetings compete for the same slots.
  std::vector<core::MeetingId> ms;
  for (int b = 1; b <= 5; ++b) ms.push_back(f.accepted(0, b));
  const auto pinned = ms[1];
  f.ok(organiser(), core::PinMeeting{.meeting = pinned, .slot = f.slot(4)});
  // The last meeting first, the first one last.
  f.ok(organiser(), core::AddPrecedence{.before = ms[4], .after = ms[0]});
  f.ok(organiser(), core::AddPrecedence{.before = ms[0], .after = ms[3]});
  const auto time_of = [&](core::MeetingId id) {
    const core::Placement& at = *f.meeting(id).placement;
    return f.state.sessions.at(at.slot.session).slot_time(at.slot.index);
  };
  for (const bool moves : {false, true}) {
    CAPTURE(moves);
    core::SearchBudget budget(300000);
    auto plan = core::plan_auto_schedule(f.state, {f.morning, f.afternoon}, moves, budget);
    REQUIRE(plan.ok());
    CHECK(plan->report.not_placed == 0);
    CHECK(plan->report.precedences == 2);
    CHECK(plan->report.breaks_lower_bound <= plan->report.breaks_after);
    for (const auto& item : plan->report.meetings) {
      CHECK_FALSE(item.pin_not_kept);
      CHECK(item.pinned == f.meeting(item.meeting).pinned);
    }
    if (!plan->operation.placements.empty()) f.ok(organiser(), plan->operation);
    for (const auto id : ms) REQUIRE(f.meeting(id).placement);
    CHECK(f.meeting(pinned).placement->slot == f.slot(4));
    CHECK(time_of(ms[4]) < time_of(ms[0]));
    CHECK(time_of(ms[0]) < time_of(ms[3]));
  }
}

TEST_CASE("a pin the auto-schedule cannot keep is reported with its reason") {
  ConstraintsFixture f;
  const auto m = f.accepted(0, 1);
  f.accepted(2, 3);
  // Booked in slot 0 by a first schedule, then pinned to slot 3.
  f.ok(organiser(), core::PinMeeting{.meeting = m, .slot = f.slot(0)});
  {
    core::SearchBudget budget(100000);
    auto plan = core::plan_auto_schedule(f.state, {f.morning}, false, budget);
    REQUIRE(plan.ok());
    f.ok(organiser(), plan->operation);
  }
  REQUIRE(f.meeting(m).placement->slot == f.slot(0));
  f.ok(organiser(), core::PinMeeting{.meeting = m, .slot = f.slot(3)});
  // Without moves it stays, and the report says so; with moves it goes to its pin.
  core::SearchBudget budget(100000);
  auto plan = core::plan_auto_schedule(f.state, {f.morning}, false, budget);
  REQUIRE(plan.ok());
  bool said = false;
  for (const auto& item : plan->report.meetings) {
    if (item.meeting != m) continue;
    REQUIRE(item.pin_not_kept);
    CHECK(item.pin_not_kept->code == "pinned_elsewhere");
    CHECK(contains(item.pin_not_kept->message, "allow moves"));
    said = true;
  }
  CHECK(said);
  core::SearchBudget budget2(100000);
  plan = core::plan_auto_schedule(f.state, {f.morning}, true, budget2);
  REQUIRE(plan.ok());
  f.ok(organiser(), plan->operation);
  CHECK(f.meeting(m).placement->slot == f.slot(3));

  // A pin someone can no longer attend: the scheduler's reason.
  const auto third = f.accepted(4, 5);
  f.ok(organiser(), core::PinMeeting{.meeting = third, .slot = f.slot(5)});
  f.ok(participant(f.p[4]),
       core::SetAvailability{.participant = f.p[4], .availability = {{f.slot(5)}, {}}});
  core::SearchBudget budget3(100000);
  plan = core::plan_auto_schedule(f.state, {f.morning}, false, budget3);
  REQUIRE(plan.ok());
  CHECK(plan->report.not_placed == 1);
  bool unavailable = false;
  for (const auto& item : plan->report.meetings) {
    if (item.meeting == third && item.reason)
      unavailable = item.reason->code == "pinned_slot_unavailable";
  }
  CHECK(unavailable);
  // Pinned to an afternoon slot while only the morning is scheduled: left out, and told why.
  f.ok(organiser(), core::PinMeeting{.meeting = third, .slot = {f.afternoon, 1}});
  core::SearchBudget budget4(100000);
  plan = core::plan_auto_schedule(f.state, {f.morning}, false, budget4);
  REQUIRE(plan.ok());
  for (const auto& [id, placement] : plan->operation.placements) CHECK(id != third);
  bool outside = false;
  for (const auto& item : plan->report.meetings) {
    if (item.meeting == third && item.reason && item.reason->code == "pinned_outside")
      outside = contains(item.reason->message, "Afternoon meetings");
  }
  CHECK(outside);
}
