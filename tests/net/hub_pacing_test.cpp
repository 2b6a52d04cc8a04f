// Sign-ins are paced: with --max-handshakes connections signing in, the hub takes no more from
// the system's queue of new connections; the others wait there and are taken, in turn, as soon
// as one of those signing in is done (it closed, timed out or signed in).
#include <doctest/doctest.h>

#include <asio/connect.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <chrono>
#include <sstream>
#include <vector>

#include "net/hub_server.hpp"
#include "tests/event_fixture.hpp"
#include "tests/net/memory_hub_log.hpp"

using namespace crossmatch;

namespace {

// Runs the hub until `done` holds or `seconds` pass.
template <class Done>
bool run_until(asio::io_context& io, Done done, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (!done() && std::chrono::steady_clock::now() < deadline)
    io.run_for(std::chrono::milliseconds(20));
  return done();
}

}  // namespace

TEST_CASE("hub pacing: connections past max_handshakes wait to be accepted, then all are taken") {
  test::EventFixture f;
  f.set_up();
  asio::io_context io;
  test::MemoryLog log(io);
  net::HubOptions options;
  options.port = 0;
  options.max_handshakes = 2;
  options.handshake_seconds = 1;
  options.busy_handshake_seconds = 1;
  std::ostringstream out;
  net::HubServer server(io, test::taxonomy(), log, options, out);
  server.restore(f.state, 100, {});
  REQUIRE(server.listen().ok());

  // Five clients connect and say nothing; the system completes each TCP connection.
  const asio::ip::tcp::endpoint hub(asio::ip::make_address("127.0.0.1"), server.port());
  std::vector<asio::ip::tcp::socket> clients;
  for (int i = 0; i < 5; ++i) {
    clients.emplace_back(io);
    clients.back().connect(hub);
  }
  io.run_for(std::chrono::milliseconds(300));
  net::HubCounters c = server.counters();
  CHECK(c.accepted == 2);
  CHECK(c.connections == 2);
  CHECK(c.accept_pauses == 1);

  // Two leave: two more are taken at once, not at the next tick.
  clients[0].close();
  clients[1].close();
  REQUIRE(run_until(
      io, [&] { return server.counters().accepted == 4; }, 1));
  CHECK(server.counters().connections == 2);

  // The silent ones time out after a second each; the last waiting one is taken then.
  REQUIRE(run_until(
      io, [&] { return server.counters().accepted == 5; }, 6));
  c = server.counters();
  CHECK(c.accept_pauses >= 2);
  CHECK(c.connections <= 2);

  bool stopped = false;
  server.shutdown([&] { stopped = true; });
  io.restart();
  io.run_for(std::chrono::seconds(5));
  CHECK(stopped);
}
