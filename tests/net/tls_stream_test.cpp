// TLS streams over loopback: a pinned handshake carries lines both ways; a stream written to
// after it was closed fails instead of writing to whatever socket took over its number.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "net/byte_stream.hpp"
#include "net/tls_identity.hpp"

using namespace crossmatch;

namespace {

std::filesystem::path fresh_dir() {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("crossmatch-tls-stream-" + std::to_string(::getpid()) + "-" +
                    std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs the loop until `done` holds or the time is up.
template <class Done>
void run_until(asio::io_context& io, Done done, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    io.run_one_for(std::chrono::milliseconds(20));
    if (io.stopped()) io.restart();
  }
}

}  // namespace

TEST_CASE("tls stream: lines both ways after a pinned handshake; a closed stream writes nowhere") {
  const auto dir = fresh_dir();
  auto identity = net::load_or_create_tls_identity(dir / "hub.db", "test hub");
  REQUIRE(identity.ok());
  auto server = net::TlsServer::make(identity->identity);
  REQUIRE(server.ok());

  asio::io_context io;
  asio::ip::tcp::acceptor acceptor(io,
                                   asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  const unsigned short port = acceptor.local_endpoint().port();
  // The hub's side shakes hands behind its first read: each accepted connection starts one.
  std::vector<std::unique_ptr<net::ByteStream>> accepted;
  std::array<std::array<char, 256>, 2> got{};
  std::array<std::size_t, 2> got_n{};
  std::array<std::error_code, 2> got_error{};
  std::array<bool, 2> got_done{};
  std::function<void()> accept = [&] {
    acceptor.async_accept([&](const std::error_code& ec, asio::ip::tcp::socket socket) {
      if (ec || accepted.size() == 2) return;
      const std::size_t i = accepted.size();
      accepted.push_back((*server)->wrap(std::move(socket)));
      accepted[i]->async_read_some(asio::buffer(got[i]),
                                   [&, i](const std::error_code& e, std::size_t n) {
                                     got_error[i] = e;
                                     got_n[i] = n;
                                     got_done[i] = true;
                                   });
      accept();
    });
  };
  accept();

  net::TlsClient client;
  std::unique_ptr<net::ByteStream> stream;
  std::string fingerprint;
  client.async_connect(io, "127.0.0.1", port, net::short_pin(identity->identity.fingerprint),
                       [&](net::ConnectOutcome outcome) {
                         REQUIRE_FALSE(outcome.error);
                         fingerprint = outcome.fingerprint;
                         stream = std::move(outcome.stream);
                       });
  run_until(
      io, [&] { return stream != nullptr && !accepted.empty(); }, std::chrono::seconds(10));
  REQUIRE(stream != nullptr);
  CHECK(fingerprint == identity->identity.fingerprint);
  REQUIRE(accepted.size() == 1);

  // Client to hub and back.
  const std::string hello = "{\"type\":\"ping\"}\n";
  std::vector<asio::const_buffer> out{asio::buffer(hello)};
  std::error_code write_error = asio::error::would_block;
  stream->async_write(out, [&](const std::error_code& ec, std::size_t) { write_error = ec; });
  run_until(
      io, [&] { return got_done[0] && write_error != asio::error::would_block; },
      std::chrono::seconds(10));
  CHECK_FALSE(write_error);
  REQUIRE(got_done[0]);
  CHECK_FALSE(got_error[0]);
  CHECK(std::string(got[0].data(), got_n[0]) == hello);

  // Closed, then a plain connection opens (most likely on the closed one's descriptor number):
  // writing to the closed stream fails and nothing reaches the new connection.
  stream->close();
  asio::ip::tcp::socket newcomer(io);
  newcomer.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  write_error = {};
  stream->async_write(out, [&](const std::error_code& ec, std::size_t) { write_error = ec; });
  // Long enough for the write to complete and for anything it sent to reach the hub's side.
  run_until(
      io, [] { return false; }, std::chrono::milliseconds(300));
  CHECK(write_error);
  REQUIRE(accepted.size() == 2);
  // The hub's side of the newcomer is still waiting for a TLS handshake: no stray record (which
  // it would refuse as "not TLS") arrived.
  CHECK_FALSE(got_done[1]);

  // The hub's side of the closed connection keeps writing: the writes fail, and the program
  // lives on (no SIGPIPE).
  const std::string block(64 * 1024, 'x');
  std::vector<asio::const_buffer> blocks{asio::buffer(block)};
  std::error_code late_error;
  for (int i = 0; i < 20 && !late_error; ++i) {
    bool done = false;
    accepted[0]->async_write(blocks, [&](const std::error_code& ec, std::size_t) {
      late_error = ec;
      done = true;
    });
    run_until(
        io, [&] { return done; }, std::chrono::seconds(5));
  }
  CHECK(late_error);
  std::filesystem::remove_all(dir);
}
