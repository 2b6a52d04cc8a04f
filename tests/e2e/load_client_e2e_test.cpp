// The load generator's simulated participants (app/tools/load_client.*, load_shard.*) against a
// real hub: they join, register, read every line through the wire codec, see the requests made
// to them and answer them. A change to the wire encoding that their reading does not follow
// fails here rather than silently stilling the demo's bots.
#include "app/tools/load_shard.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <map>

#include "net/tls_identity.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/test_assets.hpp"

using namespace crossmatch;

namespace {

// What the clients report, for the test to wait on and look at.
class Recorder final : public tools::ClientHost {
 public:
  int ready = 0, pongs = 0;
  std::vector<std::string> failures, errors;
  std::map<int, std::vector<net::AppliedHead>> heads;  // by client
  std::map<std::string, std::uint64_t> acks;
  std::map<std::string, std::string> refusals;

  core::Profile profile_for(int index) override {
    core::Profile p = people_.at(static_cast<std::size_t>(index)).profile;
    p.email = "client" + std::to_string(index) + "." + std::to_string(::getpid()) + "@example.eu";
    return p;
  }
  void client_ready(tools::SimulatedClient&) override { ++ready; }
  void client_failed(tools::SimulatedClient&, const std::string& why) override {
    failures.push_back(why);
  }
  void client_error(tools::SimulatedClient&, const std::string& what) override {
    errors.push_back(what);
  }
  void lines_read(tools::Clock::time_point) override {}
  void operation_received(tools::SimulatedClient& c, const net::AppliedHead& head,
                          std::size_t bytes) override {
    CHECK(bytes > 0);
    heads[c.index()].push_back(head);
  }
  void acknowledged(const std::string& id, std::uint64_t seq) override { acks[id] = seq; }
  void refused(const std::string& id, const core::Error& error) override {
    refusals[id] = error.code;
  }
  void ponged() override { ++pongs; }

  bool saw(int client, const std::function<bool(const net::AppliedHead&)>& wanted) const {
    const auto it = heads.find(client);
    if (it == heads.end()) return false;
    for (const auto& h : it->second) {
      if (wanted(h)) return true;
    }
    return false;
  }

 private:
  std::vector<core::DemoParticipant> people_ = [] {
    auto people =
        core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {4, 3});
    REQUIRE(people.ok());
    return *people;
  }();
};

// Runs `io` until `done` holds (at most 20 s); whether it did.
bool run_until(asio::io_context& io, const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    io.run_for(std::chrono::milliseconds(10));
  }
  return true;
}

net::HubTarget target_of(const test::HubProcess& hub, net::TlsClient* tls) {
  net::HubTarget target;
  target.host = "127.0.0.1";
  target.port = static_cast<unsigned short>(hub.port());
  target.tls = hub.tls() ? tls : nullptr;
  target.pin = hub.fingerprint();
  return target;
}

core::Operation operation(core::OperationPayload payload) {
  core::Operation op;
  op.payload = std::move(payload);
  return op;
}

}  // namespace

TEST_CASE(
    "load generator: simulated participants register, request, answer and see each other's edits") {
  const auto dir = test::fresh_folder("load-client");
  test::HubProcess hub(dir / "event.db", {"--demo", "5", "--team-delay-ms", "60000"});
  net::TlsClient tls;  // before the io_context: connections under way hold state made from it
  asio::io_context io(1);
  auto work = asio::make_work_guard(io);
  Recorder host;
  tools::SimulatedClient a(0, host), b(1, host);
  const std::string code = net::split_join_code(hub.code()).code;
  a.connect(io, target_of(hub, &tls), code);
  b.connect(io, target_of(hub, &tls), code);
  REQUIRE_MESSAGE(run_until(io, [&] { return host.ready == 2 || !host.failures.empty(); }),
                  hub.log());
  REQUIRE(host.failures.empty());
  REQUIRE(a.ready());
  REQUIRE(b.ready());
  CHECK(a.participant() != 0);
  CHECK(b.participant() != 0);
  CHECK(a.participant() != b.participant());
  // Each sees its own registration go by, as everyone live does.
  CHECK(run_until(io, [&] {
    return host.saw(0, [&](const net::AppliedHead& h) {
      return h.is<core::Register>() && h.participant == a.participant();
    }) && host.saw(1, [&](const net::AppliedHead& h) {
      return h.is<core::Register>() && h.participant == b.participant();
    });
  }));

  // a asks b: b has a request to answer, a one to cancel, the same meeting.
  const std::string request = a.submit(operation(core::RequestMeeting{
      .from = a.participant(), .to = b.participant(), .message = "Shall we meet?"}));
  REQUIRE(run_until(io, [&] {
    return host.acks.count(request) && !b.incoming().empty() && !a.outgoing().empty();
  }));
  const core::MeetingId meeting = b.incoming().front();
  CHECK(meeting != 0);
  CHECK(a.outgoing().front() == meeting);
  CHECK(a.incoming().empty());
  CHECK(b.outgoing().empty());
  CHECK(host.saw(1, [&](const net::AppliedHead& h) {
    return h.is<core::RequestMeeting>() && h.meeting == meeting && h.from == a.participant() &&
           h.to == b.participant() && h.seq == host.acks.at(request);
  }));

  // b accepts: the meeting leaves both lists.
  b.incoming().pop_back();
  const std::string accept = b.submit(operation(core::AcceptMeeting{.meeting = meeting}));
  REQUIRE(run_until(io, [&] { return host.acks.count(accept) && a.outgoing().empty(); }));
  CHECK(host.saw(0, [&](const net::AppliedHead& h) {
    return h.is<core::AcceptMeeting>() && h.meeting == meeting;
  }));

  // An edit reaches both; a ping is answered after it.
  core::Profile edited = a.profile();
  edited.job_title = "Founder 1";
  const std::string edit =
      a.submit(operation(core::EditProfile{.participant = a.participant(), .profile = edited}));
  a.ping();
  REQUIRE(run_until(io, [&] {
    return host.pongs == 1 && host.saw(1, [&](const net::AppliedHead& h) {
      return h.is<core::EditProfile>() && h.participant == a.participant();
    });
  }));
  CHECK(host.acks.count(edit) == 1);

  // A refusal comes back with its id.
  const std::string nobody = b.submit(
      operation(core::RequestMeeting{.from = b.participant(), .to = 999999, .message = "Hello?"}));
  REQUIRE(run_until(io, [&] { return host.refusals.count(nobody) == 1; }));
  CHECK(host.errors.empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("load generator: a shard joins, settles, acts at its rate and measures, with no errors") {
  const auto dir = test::fresh_folder("load-shard");
  test::HubProcess hub(dir / "event.db", {"--demo", "10", "--team-delay-ms", "60000"});
  net::TlsClient tls;
  asio::io_context io(1);
  auto people = core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {6, 5});
  REQUIRE(people.ok());
  tools::ShardSettings settings;
  settings.clients = 6;
  settings.participants = 16;
  settings.rate = 60;
  settings.edit_share = 0.3;
  settings.seconds = 2;
  tools::Shard shard(io, settings, *people);
  tools::Coordinator coordinator({&shard});
  shard.set_coordinator(&coordinator);
  shard.start(target_of(hub, &tls), net::split_join_code(hub.code()).code);
  io.run_for(std::chrono::seconds(30));  // the shard stops its io_context when done
  const tools::Tally& tally = shard.tally();
  CHECK(coordinator.ready() == 6);
  CHECK(tally.errors == 0);
  CHECK(tally.elapsed >= 2.0);
  CHECK(tally.acked >= 60);
  CHECK(tally.edit_lines > 0);
  const std::string line = tools::report_line({&tally}, coordinator.targets(), coordinator.ready());
  INFO(line);
  CHECK(line.find("\"clients\":6") != std::string::npos);
  CHECK(line.find("\"errors\":0") != std::string::npos);
  CHECK(line.find("\"fanout_ops\":0,") == std::string::npos);
  for (const auto& client : shard.clients()) CHECK(client->ready());
  std::filesystem::remove_all(dir);
}
