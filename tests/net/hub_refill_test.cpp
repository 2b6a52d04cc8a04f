// The hub offers freed slots on its own: when a booked meeting is cancelled at a slot that has not
// started, the hub submits an offer_slot of that slot (as the organiser, with an id of its own) to
// two people on standby free then; once both accept, they are booked there and no other meeting
// moves. Nobody on standby, or a slot that has started: no offer.
#include <doctest/doctest.h>

#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <sstream>

#include "core/event/refill.hpp"
#include "net/client_connection.hpp"
#include "net/hub_refill.hpp"
#include "net/hub_server.hpp"
#include "net/tokens.hpp"
#include "tests/event_fixture.hpp"
#include "tests/net/memory_hub_log.hpp"

using namespace crossmatch;
using namespace std::chrono_literals;

namespace {

std::int64_t today() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
             .count() /
         86'400'000;
}

// An event with a meeting session tomorrow and one yesterday (every slot started), people, and
// a real hub serving it on the test's thread; clients sign in as participants with tokens.
struct RefillHub {
  test::EventFixture f;
  std::vector<core::ParticipantId> p;
  core::SessionId tomorrow = 0, yesterday = 0;
  asio::io_context io;
  test::MemoryLog log{io};
  std::ostringstream out;
  std::unique_ptr<net::HubServer> server;
  struct Client {
    net::MemoryOutbox outbox;
    std::unique_ptr<net::ClientConnection> connection;
  };
  std::vector<std::unique_ptr<Client>> clients;

  RefillHub() {
    f.set_up(4, 6);
    for (const std::int64_t date : {today() + 1, today() - 1}) {
      core::DefineSession d = f.define_session("Meetings", "2026-05-14", 9 * 60, 11 * 60);
      d.date = date;
      f.ok(test::organiser(), d);
      (date > today() ? tomorrow : yesterday) = f.state.sessions.rbegin()->first;
    }
    p = f.register_people(10);
  }

  // Two people the matching would put together, among p[from...].
  std::pair<core::ParticipantId, core::ParticipantId> allowed_pair(std::size_t from) const {
    const core::EventPopulation people = core::event_population(f.state, test::taxonomy());
    const core::PairScorer scorer(people.population, f.state.event.settings.matching.weights);
    for (std::size_t i = from; i < p.size(); ++i) {
      for (std::size_t j = i + 1; j < p.size(); ++j) {
        if (scorer.allowed(people.index(p[i]), people.index(p[j]))) return {p[i], p[j]};
      }
    }
    FAIL("no allowed pair");
    return {};
  }

  core::MeetingId booked(core::ParticipantId a, core::ParticipantId b, core::SlotRef slot) {
    const core::MeetingId id = f.request(a, b);
    f.ok(test::participant(b), core::AcceptMeeting{.meeting = id, .slot = slot});
    return id;
  }

  void serve() {
    net::HubOptions options;
    options.port = 0;
    server = std::make_unique<net::HubServer>(io, test::taxonomy(), log, options, out);
    server->restore(f.state, 100, {});
    REQUIRE(server->listen().ok());
  }

  // Runs the hub until `done` holds (false when the time is up).
  bool run_until(const std::function<bool()>& done, std::chrono::seconds timeout = 20s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (io.stopped()) io.restart();
      io.run_for(20ms);
      for (auto& c : clients) (void)c->connection->drain();
      if (done()) return true;
    }
    return false;
  }

  net::ClientConnection& client(core::ParticipantId who) {
    const std::string token = net::make_token();
    log.credentials[net::token_hash(token)] =
        net::HubCredential{net::token_hash(token), core::Role::Participant, who};
    auto c = std::make_unique<Client>();
    net::ClientOptions options;
    options.port = server->port();
    options.token = token;
    options.insecure = true;
    options.client_name = "crossmatch-test";
    c->connection = std::make_unique<net::ClientConnection>(test::taxonomy(), options, c->outbox);
    REQUIRE(c->connection->start().ok());
    net::ClientConnection& connection = *c->connection;
    clients.push_back(std::move(c));
    REQUIRE(run_until([&] { return connection.state() == net::ConnectionState::Online; }));
    return connection;
  }

  void submit(net::ClientConnection& c, core::OperationPayload payload) {
    core::Operation op;
    op.payload = std::move(payload);
    REQUIRE(c.submit(std::move(op)).ok());
  }

  std::vector<core::Operation> offers() const {
    std::vector<core::Operation> out;
    for (const core::Operation& op : log.appended) {
      if (std::holds_alternative<core::OfferSlot>(op.payload)) out.push_back(op);
    }
    return out;
  }

  ~RefillHub() {
    for (auto& c : clients) c->connection->stop();
    if (!server) return;
    bool stopped = false;
    server->shutdown([&] { stopped = true; });
    io.restart();
    io.run_for(5s);
    CHECK(stopped);
  }
};

}  // namespace

TEST_CASE("hub refill: a cancelled booking is offered to two people on standby, who book it") {
  RefillHub hub;
  const core::SlotRef slot{hub.tomorrow, 2};
  const auto [first, second] = hub.allowed_pair(4);
  const core::MeetingId cancelled = hub.booked(hub.p[0], hub.p[1], slot);
  const core::MeetingId other = hub.booked(hub.p[2], hub.p[3], slot);
  const core::MeetingId later = hub.booked(hub.p[0], hub.p[2], {hub.tomorrow, 3});
  hub.f.ok(test::participant(first), core::SetStandby{.participant = first, .on = true});
  hub.f.ok(test::participant(second), core::SetStandby{.participant = second, .on = true});
  std::map<core::MeetingId, std::optional<core::Placement>> before;
  for (const auto& [id, m] : hub.f.state.meetings) before[id] = m.placement;
  hub.serve();

  auto& canceller = hub.client(hub.p[0]);
  auto& a = hub.client(first);
  auto& b = hub.client(second);
  hub.submit(canceller, core::CancelMeeting{.meeting = cancelled});
  REQUIRE(hub.run_until([&] { return !hub.offers().empty(); }));

  REQUIRE(hub.log.appended.size() == 2);
  const core::Operation& cancel = hub.log.appended[0];
  CHECK(std::holds_alternative<core::CancelMeeting>(cancel.payload));
  const core::Operation& offer = hub.log.appended[1];
  CHECK(offer.id == net::HubRefill::operation_id(slot, cancel.sequence));
  CHECK(offer.actor == core::Actor{core::Role::Organiser, 0});
  CHECK(offer.sequence == cancel.sequence + 1);
  const auto& offered = std::get<core::OfferSlot>(offer.payload);
  CHECK(offered.slot == slot);
  CHECK(std::pair{offered.first, offered.second} == std::pair{first, second});
  const core::MeetingId id = offered.meeting;
  REQUIRE(hub.server->state().meeting(id) != nullptr);
  CHECK(hub.server->state().meeting(id)->offered);

  hub.submit(a, core::AcceptMeeting{.meeting = id});
  hub.submit(b, core::AcceptMeeting{.meeting = id});
  REQUIRE(hub.run_until(
      [&] { return hub.server->state().meeting(id)->status == core::MeetingStatus::Accepted; }));
  const core::EventState& state = hub.server->state();
  REQUIRE(state.meeting(id)->placement);
  CHECK(state.meeting(id)->placement->slot == slot);
  CHECK(state.meeting(cancelled)->status == core::MeetingStatus::Cancelled);
  // No other meeting moved.
  for (const core::MeetingId kept : {other, later}) {
    CHECK(state.meeting(kept)->status == core::MeetingStatus::Accepted);
    CHECK(state.meeting(kept)->placement == before.at(kept));
  }
  CHECK(hub.offers().size() == 1);  // the accepts freed nothing
}

TEST_CASE("hub refill: no offer when nobody is on standby") {
  RefillHub hub;
  const core::SlotRef slot{hub.tomorrow, 1};
  const core::MeetingId cancelled = hub.booked(hub.p[0], hub.p[1], slot);
  // One person alone on standby cannot make a pair.
  hub.f.ok(test::participant(hub.p[5]), core::SetStandby{.participant = hub.p[5], .on = true});
  hub.serve();
  auto& canceller = hub.client(hub.p[1]);
  hub.submit(canceller, core::CancelMeeting{.meeting = cancelled});
  REQUIRE(hub.run_until([&] {
    return hub.server->state().meeting(cancelled)->status == core::MeetingStatus::Cancelled;
  }));
  hub.run_until([] { return false; }, 1s);
  CHECK(hub.offers().empty());
  CHECK(hub.log.appended.size() == 1);
}

TEST_CASE("hub refill: no offer of a slot that has already started") {
  RefillHub hub;
  const core::SlotRef slot{hub.yesterday, 2};
  const auto [first, second] = hub.allowed_pair(4);
  const core::MeetingId cancelled = hub.booked(hub.p[0], hub.p[1], slot);
  hub.f.ok(test::participant(first), core::SetStandby{.participant = first, .on = true});
  hub.f.ok(test::participant(second), core::SetStandby{.participant = second, .on = true});
  // The same pair could be offered the slot: only its time stops the hub.
  CHECK(core::plan_refill_offers(hub.f.state, test::taxonomy(), {slot}).size() == 1);
  hub.serve();
  auto& canceller = hub.client(hub.p[0]);
  hub.submit(canceller, core::CancelMeeting{.meeting = cancelled});
  REQUIRE(hub.run_until([&] {
    return hub.server->state().meeting(cancelled)->status == core::MeetingStatus::Cancelled;
  }));
  hub.run_until([] { return false; }, 1s);
  CHECK(hub.offers().empty());
}
