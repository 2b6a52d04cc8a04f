// The auto-schedule planned by a real hub: the organiser's request, the plan that comes back (and
// that the hub then accepts as an operation), a broker refused, one plan at a time, and a stop
// that ends a long plan early with the best schedule so far.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>

#include "app/client/state/client_session.hpp"
#include "app/client/state/schedule_planner.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/session_frames.hpp"
#include "tests/e2e/hub_process.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::frames_until;
using crossmatch::test::kNow;

std::vector<core::SessionId> meeting_sessions(const core::EventState& state) {
  std::vector<core::SessionId> out;
  for (const auto& [id, s] : state.sessions)
    if (s.kind == core::SessionKind::Meetings) out.push_back(id);
  return out;
}

// An organiser's session on the hub, with accepted meetings that wait for the schedule: every
// pair of the first `people` participants.
struct PlanningHub {
  std::filesystem::path dir = test::fresh_folder("planning");
  test::HubProcess hub{dir / "event.db", {"--demo", "24"}};
  net::MemoryOutbox outbox;
  client::ClientSession organiser{test::taxonomy(), outbox};
  int accepted = 0;

  explicit PlanningHub(int people) {
    net::ClientOptions options = hub.client_options();
    options.token = hub.organiser();
    REQUIRE(organiser.connect(options).ok());
    REQUIRE(frames_until(organiser, [&] { return organiser.joined(); }));
    REQUIRE(frames_until(organiser,
                         [&] { return organiser.link().status == client::LinkStatus::Online; }));
    core::EventSettings settings = organiser.state().event.settings;
    settings.booking = core::BookingMode::Deferred;
    submit(core::SetSettings{.settings = settings});
    // Each request accepted at once: a person may have only a few open at a time.
    for (core::ParticipantId a = 1; a <= static_cast<core::ParticipantId>(people); ++a) {
      for (core::ParticipantId b = a + 1; b <= static_cast<core::ParticipantId>(people); ++b) {
        submit(core::RequestMeeting{.from = a, .to = b});
        core::MeetingId latest = 0;
        for (const auto& [id, meeting] : organiser.state().meetings) latest = std::max(latest, id);
        submit(core::AcceptMeeting{.meeting = latest});
        ++accepted;
      }
    }
  }

  // Sends and waits for the hub's answer; requires that it was applied.
  void submit(core::OperationPayload payload) {
    auto id = organiser.submit(std::move(payload));
    REQUIRE(id.ok());
    const client::OperationOutcome* outcome = nullptr;
    REQUIRE(frames_until(organiser, [&] { return (outcome = organiser.outcome(*id)) != nullptr; }));
    REQUIRE_MESSAGE(!outcome->refused, outcome->reason);
  }

  std::optional<net::SchedulePlanned> wait_for_plan(const std::string& id, int seconds = 60) {
    std::optional<net::SchedulePlanned> plan;
    frames_until(
        organiser, [&] { return (plan = organiser.take_plan(id)).has_value(); }, seconds);
    return plan;
  }
};

}  // namespace

TEST_CASE("hub planning: the hub plans the organiser's schedule, which it then accepts" *
          doctest::test_suite("slow")) {
  PlanningHub h(4);  // 6 meetings among 4 people
  REQUIRE(h.accepted == 6);
  const auto sessions = meeting_sessions(h.organiser.state());
  REQUIRE_FALSE(sessions.empty());
  auto id = h.organiser.request_plan(sessions, false, 30);
  REQUIRE(id.ok());
  CHECK(h.organiser.pending_plans().size() == 1);
  auto planned = h.wait_for_plan(*id);
  REQUIRE(planned);
  REQUIRE_FALSE(planned->error);
  CHECK(h.organiser.pending_plans().empty());
  const core::AutoScheduleReport& report = planned->plan.report;
  CHECK(report.placed == 6);
  CHECK(report.not_placed == 0);
  CHECK(report.meetings.size() == 6);
  // Four people, three meetings each, can meet in three slots in a row: no breaks, and proven.
  CHECK(report.breaks_after == 0);
  CHECK(report.proven_optimal);
  CHECK(planned->seconds < 30);  // proven long before its limit
  CHECK_FALSE(planned->stopped);
  CHECK(planned->as_of > 0);
  CHECK(planned->plan.operation.sessions == sessions);
  REQUIRE(planned->plan.operation.placements.size() == 6);

  // The hub accepts the plan it made, and every meeting then has its slot.
  h.submit(planned->plan.operation);
  for (const auto& [mid, meeting] : h.organiser.state().meetings) {
    CHECK(meeting.placement.has_value());
  }
}

TEST_CASE("hub planning: one plan at a time; a stop ends a plan early; a broker is refused" *
          doctest::test_suite("slow")) {
  // Every pair of 16 people (120 meetings, 15 each in the demo's 36 one-to-one slots).
  PlanningHub h(16);
  const auto sessions = meeting_sessions(h.organiser.state());
  auto first = h.organiser.request_plan(sessions, false, 120);
  REQUIRE(first.ok());
  // A second request while the first runs is answered at once with why.
  auto second = h.organiser.request_plan(sessions, false, 5);
  REQUIRE(second.ok());
  auto busy = h.wait_for_plan(*second, 20);
  REQUIRE(busy);
  REQUIRE(busy->error);
  CHECK(busy->error->code == "plan_running");
  CHECK(busy->error->message.find("already planning") != std::string::npos);

  const auto asked = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  h.organiser.stop_plan(*first);
  auto stopped = h.wait_for_plan(*first, 60);
  REQUIRE(stopped);
  REQUIRE_FALSE(stopped->error);
  INFO("the plan ended after " << stopped->seconds
                               << " s, proven the best: " << stopped->plan.report.proven_optimal);
  // The exact search may prove its schedule the best before the stop arrives (it often does, in
  // under a second): then it ended on its own, proven, long before its limit of 120 s. Otherwise
  // the stop ended it.
  if (stopped->stopped) {
    CHECK(stopped->seconds < 60);
  } else {
    CHECK(stopped->plan.report.proven_optimal);
    CHECK(stopped->seconds < 60);
  }
  CHECK(std::chrono::steady_clock::now() - asked < std::chrono::seconds(60));
  const auto& report = stopped->plan.report;
  CHECK(report.placed + report.not_placed == h.accepted);
  CHECK(static_cast<int>(report.meetings.size()) == h.accepted);

  // A broker may watch but not plan.
  net::MemoryOutbox outbox;
  client::ClientSession broker(test::taxonomy(), outbox);
  net::ClientOptions options = h.hub.client_options();
  options.token = h.hub.broker();
  REQUIRE(broker.connect(options).ok());
  REQUIRE(frames_until(broker, [&] { return broker.link().status == client::LinkStatus::Online; }));
  auto refused_id = broker.request_plan(sessions, false, 5);
  REQUIRE(refused_id.ok());
  std::optional<net::SchedulePlanned> refused;
  REQUIRE(
      frames_until(broker, [&] { return (refused = broker.take_plan(*refused_id)).has_value(); }));
  REQUIRE(refused->error);
  CHECK(refused->error->code == "forbidden");
}

TEST_CASE("hub planning: a plan cannot be asked for without a connection, and a lost one says so") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Organiser);
  auto refused = session->request_plan({1}, false, 5);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "not_connected");
  CHECK(refused.error().message.find("plan again once it is") != std::string::npos);

  // Online, asked, then the connection drops: the plan is answered with the loss.
  session->handle(net::StateChanged{net::ConnectionState::Online, "", 0}, kNow);
  client::SchedulePlanner planner;
  REQUIRE(planner.start(*session, {1}, false, 5).ok());
  CHECK(planner.running());
  CHECK_FALSE(planner.take(*session));
  session->handle(net::StateChanged{net::ConnectionState::Reconnecting, "no answer", 2}, kNow);
  auto lost = planner.take(*session);
  REQUIRE(lost);
  REQUIRE(lost->error);
  CHECK(lost->error->code == "connection_lost");
  CHECK(lost->error->message.find("no answer") != std::string::npos);
  CHECK_FALSE(planner.running());

  // Disconnecting on purpose (joining another event) answers a plan under way too.
  session->handle(net::StateChanged{net::ConnectionState::Online, "", 0}, kNow);
  REQUIRE(planner.start(*session, {1}, false, 5).ok());
  session->disconnect();
  auto dropped = planner.take(*session);
  REQUIRE(dropped);
  REQUIRE(dropped->error);
  CHECK(dropped->error->code == "connection_lost");
  CHECK_FALSE(planner.running());
}
