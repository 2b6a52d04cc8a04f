// The organiser's plan requests and the hub's plans as lines: read back as written, spread over
// several lines for a large event, and refused with the field named when they are wrong.
#include <doctest/doctest.h>

#include "net/messages.hpp"
#include "net/protocol.hpp"
#include "tests/net/wire_refusal.hpp"

using namespace crossmatch;
using core::scheduling::MeetingStatus;

namespace {

using crossmatch::test::refusal;

// A plan of `meetings` meetings: placed, moved, kept and one not placed, in turn.
net::SchedulePlanned plan_of(int meetings) {
  net::SchedulePlanned p;
  p.id = "c-plan";
  p.as_of = 812;
  p.seconds = 3.25;
  p.stopped = true;
  p.plan.operation.sessions = {2, 5};
  p.plan.operation.moves_allowed = true;
  auto& r = p.plan.report;
  for (int i = 0; i < meetings; ++i) {
    core::AutoScheduleReport::Item item;
    item.meeting = static_cast<core::MeetingId>(i + 1);
    item.status = static_cast<MeetingStatus>(i % 4);
    if (item.status != MeetingStatus::not_placed) {
      item.placement = core::Placement{{static_cast<core::SessionId>(2 + i % 2), i % 12},
                                       static_cast<core::TableId>(1 + i % 30)};
    } else {
      item.reason = core::Error{"no_common_slot", "meeting " + std::to_string(i + 1),
                                "Ana Silva and Ben Okafor have no free slot in common."};
    }
    if (item.status == MeetingStatus::placed || item.status == MeetingStatus::moved)
      p.plan.operation.placements.push_back({item.meeting, *item.placement});
    switch (item.status) {
      case MeetingStatus::kept:
        ++r.kept;
        break;
      case MeetingStatus::moved:
        ++r.moved;
        break;
      case MeetingStatus::placed:
        ++r.placed;
        break;
      case MeetingStatus::not_placed:
        ++r.not_placed;
        break;
    }
    r.meetings.push_back(std::move(item));
  }
  r.breaks_before = 40;
  r.breaks_after = 17;
  r.max_minus_min_breaks = 2;
  r.fairness_met = true;
  r.breaks_lower_bound = 9;
  r.proven_optimal = false;
  r.precedences = 3;
  r.seconds = p.seconds;
  // A pinned meeting kept elsewhere, with why.
  if (!r.meetings.empty()) {
    r.meetings[0].pinned = core::SlotRef{2, 7};
    r.meetings[0].pin_not_kept =
        core::Error{"pinned_elsewhere", "meeting 1", "It stays at 10:20, not on its pin."};
  }
  return p;
}

std::optional<net::SchedulePlanned> assemble(const std::vector<std::string>& lines) {
  net::SchedulePlanAssembler assembler;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto parsed = net::parse_hub_message(lines[i]);
    REQUIRE(parsed.ok());
    REQUIRE(std::holds_alternative<net::SchedulePlanLine>(*parsed));
    auto done = assembler.add(lines[i]);
    REQUIRE_MESSAGE(done.ok(), done.error().message);
    if (i + 1 < lines.size()) CHECK_FALSE(done->has_value());
    if (i + 1 == lines.size()) return std::move(*done);
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("plan requests: read back as written; wrong ones refused with the field named") {
  const net::PlanSchedule plan{"c-7f", {3, 4}, true, 12.5};
  auto m = net::parse_client_message(net::encode(net::ClientMessage{plan}));
  REQUIRE(m.ok());
  CHECK(std::get<net::PlanSchedule>(*m) == plan);
  auto stop = net::parse_client_message(net::encode(net::ClientMessage{net::StopPlan{"c-7f"}}));
  REQUIRE(stop.ok());
  CHECK(std::get<net::StopPlan>(*stop).id == "c-7f");

  CHECK(refusal(R"({"type":"plan_schedule","sessions":[1],"seconds":5})") == "missing_field id");
  CHECK(refusal(R"({"type":"plan_schedule","id":"","sessions":[1],"seconds":5})") == "invalid id");
  CHECK(refusal(R"({"type":"plan_schedule","id":"p","sessions":[1],"seconds":0})") ==
        "out_of_range seconds");
  CHECK(refusal(R"({"type":"plan_schedule","id":"p","sessions":[1],"seconds":601})") ==
        "out_of_range seconds");
  CHECK(refusal(R"({"type":"plan_schedule","id":"p","sessions":["a"],"seconds":5})") ==
        "invalid_type sessions");
  CHECK(refusal(R"({"type":"plan_schedule","id":"p","seconds":5})") == "missing_field sessions");
  CHECK(refusal(R"({"type":"plan_schedule","id":"p","sessions":[],"seconds":5,"x":1})") ==
        "unknown_field x");
  CHECK(refusal(R"({"type":"stop_plan"})") == "missing_field id");
  CHECK(refusal(R"({"type":"plan","id":"p"})") == "unknown_message type");
}

TEST_CASE("a plan reads back as written, in one line or spread over many") {
  for (const int meetings : {0, 5, 60'000}) {
    CAPTURE(meetings);
    const net::SchedulePlanned sent = plan_of(meetings);
    const auto lines = net::encode_schedule_plan(sent);
    if (meetings == 60'000) CHECK(lines.size() > 20);
    for (const std::string& line : lines) CHECK(line.size() <= net::kChunkBytes + 1024);
    auto got = assemble(lines);
    REQUIRE(got);
    CHECK(*got == sent);
  }
}

TEST_CASE("a plan's refusal reads back; parts out of order or unreadable are errors") {
  net::SchedulePlanned refused;
  refused.id = "c-9";
  refused.error = core::Error{"plan_running", "id", "The hub is already planning a schedule."};
  auto got = assemble(net::encode_schedule_plan(refused));
  REQUIRE(got);
  CHECK(*got == refused);

  const auto lines = net::encode_schedule_plan(plan_of(20'000));
  REQUIRE(lines.size() >= 3);
  net::SchedulePlanAssembler assembler;
  REQUIRE(assembler.add(lines[0]).ok());
  auto skipped = assembler.add(lines[2]);
  REQUIRE_FALSE(skipped.ok());
  CHECK(skipped.error().code == "bad_plan");
  // It starts over with the next first part.
  auto again = assemble(lines);
  REQUIRE(again);

  net::SchedulePlanAssembler bad;
  auto wrong = bad.add(
      R"({"type":"schedule_plan","id":"p","part":0,"parts":1,"as_of":1,"seconds":1,)"
      R"("stopped":false,"sessions":[1],"allow_moves":false,"summary":{"kept":0,"moved":0,)"
      R"("placed":1,"not_placed":0,"breaks_before":0,"breaks_after":0,"max_minus_min_breaks":0,)"
      R"("fairness_met":true,"breaks_lower_bound":0,"proven_optimal":true,"precedences":0},)"
      R"("meetings":[{"meeting":4,"status":"placed"}]})");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().field == "meetings[0].session");
}
