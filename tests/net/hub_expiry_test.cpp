// The hub expires requests on its own: a request older than the organiser's expiry setting is
// closed by an expire_request the hub submits as the organiser, logged like any operation, once;
// a request not yet due is left alone.
#include <doctest/doctest.h>

#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <chrono>
#include <sstream>

#include "net/hub_expiry.hpp"
#include "net/hub_server.hpp"
#include "tests/event_fixture.hpp"
#include "tests/net/memory_hub_log.hpp"

using namespace crossmatch;

namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

TEST_CASE("hub expiry: the hub expires a request past its deadline, once, and no other") {
  test::EventFixture f;
  f.clock = now_ms() - 40 * 60'000;  // the event's operations were made 40 minutes ago
  f.set_up();
  const auto p = f.register_people(4);
  core::EventSettings s = f.state.event.settings;
  s.request_expiry_minutes = 30;
  f.ok(test::organiser(), core::SetSettings{.settings = s});
  const core::MeetingId old = f.request(p[0], p[1]);  // about 40 minutes ago: due
  f.clock = now_ms() - 10 * 60'000;
  const core::MeetingId recent = f.request(p[2], p[3]);  // 10 minutes ago: not due

  asio::io_context io;
  test::MemoryLog log(io);
  net::HubOptions options;
  options.port = 0;
  std::ostringstream out;
  net::HubServer server(io, test::taxonomy(), log, options, out);
  server.restore(f.state, 100, {});
  REQUIRE(server.listen().ok());
  io.run_for(net::HubExpiry::kEvery + std::chrono::seconds(3));

  CHECK(server.state().meeting(old)->status == core::MeetingStatus::Cancelled);
  CHECK(server.state().meeting(recent)->status == core::MeetingStatus::Requested);
  REQUIRE(log.appended.size() == 1);
  const core::Operation& expired = log.appended[0];
  CHECK(expired.id == net::HubExpiry::operation_id(old));
  CHECK(expired.actor == core::Actor{core::Role::Organiser, 0});
  CHECK(std::get<core::ExpireRequest>(expired.payload).meeting == old);
  CHECK(expired.sequence == 101);
  CHECK(server.durable_seq() == 101);

  bool stopped = false;
  server.shutdown([&] { stopped = true; });
  io.restart();
  io.run_for(std::chrono::seconds(5));
  CHECK(stopped);
}
