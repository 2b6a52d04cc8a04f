#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "app/hub/replay.hpp"
#include "core/event/json_codec.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;

namespace {

std::string line(const std::string& id, const core::Actor& actor, core::OperationPayload payload) {
  core::Operation op;
  op.id = id;
  op.actor = actor;
  op.at = 1'780'000'000'000;
  op.payload = std::move(payload);
  return core::operation_to_json(op) + "\n";
}

}  // namespace

TEST_CASE("replay applies a log of operations, reporting refusals and final statistics") {
  auto people = core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {3, 4});
  REQUIRE(people.ok());
  test::EventFixture setup;
  std::string log;
  log += line("o1", test::organiser(),
              core::CreateEvent{.name = "Audit", .time_zone = "UTC", .join_code = "AUDIT-1"});
  log += line("o2", test::organiser(), core::SetRegistration{.open = true});
  log += line("o3", test::organiser(), setup.define_session("Meetings", "2026-05-14", 540, 660));
  log += line("o4", test::organiser(), core::DefineTable{.name = "T1"});
  for (int i = 0; i < 3; ++i)
    log += line("r" + std::to_string(i), test::newcomer(),
                core::Register{.profile = (*people)[i].profile});
  log += line("m1", test::participant(1),
              core::RequestMeeting{.from = 1, .to = 2, .message = "Hello"});
  log += line("m1", test::participant(1),
              core::RequestMeeting{.from = 1, .to = 2, .message = "Hello"});  // a resend
  log += "\n";                                                                // blank: skipped
  log += "this is not json\n";
  log += line("m2", test::participant(3),
              core::RequestMeeting{.from = 1, .to = 3, .message = "Not mine"});  // forbidden
  log += line("m3", test::participant(2), core::AcceptMeeting{.meeting = 1});
  log += line("m4", test::participant(1),
              core::GiveFeedback{.meeting = 1, .held = core::HeldState::Held, .rating = 5});

  std::istringstream in(log);
  std::ostringstream out;
  const auto summary = hub::replay_operations(in, out, test::taxonomy());
  CHECK(summary.lines == 14);
  CHECK(summary.applied == 10);
  CHECK(summary.refused == 3);

  std::vector<nlohmann::json> printed;
  std::istringstream result(out.str());
  for (std::string l; std::getline(result, l);) printed.push_back(nlohmann::json::parse(l));
  REQUIRE(printed.size() == 4);
  CHECK(printed[0]["line"] == 9);
  CHECK(printed[0]["code"] == "duplicate_operation");
  CHECK(printed[1]["line"] == 11);
  CHECK(printed[1]["code"] == "invalid_json");
  CHECK(printed[2]["line"] == 12);
  CHECK(printed[2]["code"] == "forbidden");
  CHECK(printed[2]["field"] == "from");
  const auto& stats = printed[3];
  CHECK(stats["participants"] == 3);
  CHECK(stats["requests"] == 1);
  CHECK(stats["accepted"] == 1);
  CHECK(stats["held"] == 1);
}
