// TLS streams over loopback: a pinned handshake carries lines both ways; a stream written to
// after it was closed fails instead of writing to whatever socket took over its number; long
// writes of short lines and long blocks arrive whole; the hub's reads that hold no buffer while
// waiting; a client that left before the hub took its connection costs no handshake.
#include <doctest/doctest.h>
#include <openssl/ssl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

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

namespace {

// A TLS hub side and a pinned client, connected over loopback.
struct TlsPair {
  std::filesystem::path dir = fresh_dir();
  asio::io_context io;
  std::unique_ptr<net::TlsServer> server;
  std::unique_ptr<net::ByteStream> hub_side, client_side;
  std::string fingerprint;
  asio::ip::tcp::acceptor acceptor{io,
                                   asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  net::TlsClient client;

  TlsPair() {
    auto identity = net::load_or_create_tls_identity(dir / "hub.db", "test hub");
    REQUIRE(identity.ok());
    fingerprint = identity->identity.fingerprint;
    auto made = net::TlsServer::make(identity->identity);
    REQUIRE(made.ok());
    server = std::move(*made);
  }
  ~TlsPair() { std::filesystem::remove_all(dir); }

  void connect() {
    acceptor.async_accept([&](const std::error_code& ec, asio::ip::tcp::socket socket) {
      REQUIRE_FALSE(ec);
      hub_side = server->wrap(std::move(socket));
    });
    client.async_connect(io, "127.0.0.1", acceptor.local_endpoint().port(),
                         net::short_pin(fingerprint), [&](net::ConnectOutcome outcome) {
                           REQUIRE_FALSE(outcome.error);
                           client_side = std::move(outcome.stream);
                         });
    run_until(
        io, [&] { return hub_side != nullptr; }, std::chrono::seconds(10));
    REQUIRE(hub_side != nullptr);
    // The hub's side shakes hands behind its first read or write, and the client's connect
    // waits for it: an empty write starts it.
    bool opened = false;
    hub_side->async_write({}, [&](const std::error_code& ec, std::size_t) {
      CHECK_FALSE(ec);
      opened = true;
    });
    run_until(
        io, [&] { return opened && client_side != nullptr; }, std::chrono::seconds(10));
    REQUIRE(client_side != nullptr);
  }
};

// Reads with async_read_ready until `want` bytes came or the stream fails.
void read_ready_until(net::ByteStream& stream, std::string& got, std::size_t want,
                      std::error_code& error) {
  stream.async_read_ready(
      [&stream, &got, want, &error](const std::error_code& ec, std::string_view bytes) {
        if (ec) {
          error = ec;
          return;
        }
        got.append(bytes);
        if (got.size() < want) read_ready_until(stream, got, want, error);
      });
}

void read_some_until(net::ByteStream& stream, std::string& got, std::size_t want,
                     std::error_code& error, std::shared_ptr<std::array<char, 4096>> buffer) {
  stream.async_read_some(asio::buffer(*buffer), [&stream, &got, want, &error, buffer](
                                                    const std::error_code& ec, std::size_t n) {
    if (ec) {
      error = ec;
      return;
    }
    got.append(buffer->data(), n);
    if (got.size() < want) read_some_until(stream, got, want, error, buffer);
  });
}

}  // namespace

TEST_CASE("tls stream: a long write of short lines and long blocks arrives whole, both ways") {
  TlsPair p;
  p.connect();

  // The hub's write: many short lines (gathered into records), a block longer than a record
  // (passed as it is), more lines, and a block of odd length, as a snapshot's frames and lines.
  std::vector<std::string> pieces;
  std::mt19937 random(7);
  for (int i = 0; i < 3000; ++i)
    pieces.push_back("{\"line\":" + std::to_string(i) + ",\"pad\":\"" +
                     std::string(random() % 300, static_cast<char>('a' + i % 26)) + "\"}\n");
  pieces.push_back(std::string(100 * 1024 + 7, 'B'));
  for (int i = 0; i < 50; ++i) pieces.push_back("short " + std::to_string(i) + "\n");
  pieces.push_back(std::string(40 * 1024 + 3, 'C'));
  std::string expected;
  std::vector<asio::const_buffer> buffers;
  for (const std::string& piece : pieces) {
    expected += piece;
    buffers.push_back(asio::buffer(piece));
  }
  std::size_t written = 0;
  std::error_code write_error = asio::error::would_block;
  p.hub_side->async_write(buffers, [&](const std::error_code& ec, std::size_t n) {
    write_error = ec;
    written = n;
  });
  std::string got;
  std::error_code read_error;
  read_some_until(*p.client_side, got, expected.size(), read_error,
                  std::make_shared<std::array<char, 4096>>());
  run_until(
      p.io, [&] { return (got.size() >= expected.size() || read_error) && !write_error; },
      std::chrono::seconds(20));
  CHECK_FALSE(write_error);
  CHECK(written == expected.size());
  CHECK_FALSE(read_error);
  CHECK(got == expected);

  // The client's lines, read on the hub's side through async_read_ready (no buffer of its own).
  std::string lines;
  for (int i = 0; i < 2000; ++i) lines += "{\"type\":\"ping\",\"n\":" + std::to_string(i) + "}\n";
  std::vector<asio::const_buffer> out{asio::buffer(lines)};
  write_error = asio::error::would_block;
  p.client_side->async_write(out,
                             [&](const std::error_code& ec, std::size_t) { write_error = ec; });
  std::string at_hub;
  read_error = {};
  read_ready_until(*p.hub_side, at_hub, lines.size(), read_error);
  run_until(
      p.io, [&] { return (at_hub.size() >= lines.size() || read_error) && !write_error; },
      std::chrono::seconds(20));
  CHECK_FALSE(write_error);
  CHECK_FALSE(read_error);
  CHECK(at_hub == lines);

  // The client leaves: the hub's waiting read ends with an end of file.
  p.client_side->close();
  read_error = {};
  bool ended = false;
  p.hub_side->async_read_ready([&](const std::error_code& ec, std::string_view bytes) {
    read_error = ec;
    CHECK(bytes.empty());
    ended = true;
  });
  run_until(
      p.io, [&] { return ended; }, std::chrono::seconds(10));
  CHECK(ended);
  CHECK(read_error);
}

// A real ClientHello, as a TLS client would open with (made with OpenSSL in memory).
std::string client_hello() {
  SSL_CTX* context = SSL_CTX_new(TLS_client_method());
  REQUIRE(context != nullptr);
  SSL* ssl = SSL_new(context);
  REQUIRE(ssl != nullptr);
  BIO* in = BIO_new(BIO_s_mem());
  BIO* out = BIO_new(BIO_s_mem());
  SSL_set_bio(ssl, in, out);
  SSL_set_connect_state(ssl);
  CHECK(SSL_do_handshake(ssl) != 1);  // waits for the hub's answer
  char* data = nullptr;
  const long size = BIO_get_mem_data(out, &data);
  std::string hello(data, static_cast<std::size_t>(std::max(0L, size)));
  SSL_free(ssl);
  SSL_CTX_free(context);
  return hello;
}

TEST_CASE(
    "tls stream: a client that gave up before the hub took its connection gets no handshake") {
  TlsPair p;
  // A whole ClientHello, then the device ends its side, all before the hub accepts: a device
  // whose handshake time ran out while it waited in the system's queue. It still reads.
  const std::string hello = client_hello();
  REQUIRE(hello.size() > 100);
  REQUIRE(static_cast<unsigned char>(hello[0]) == 0x16);
  asio::ip::tcp::socket gone(p.io);
  gone.connect(p.acceptor.local_endpoint());
  asio::write(gone, asio::buffer(hello));
  gone.shutdown(asio::ip::tcp::socket::shutdown_send);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  asio::ip::tcp::socket accepted(p.io);
  p.acceptor.accept(accepted);
  auto stream = p.server->wrap(std::move(accepted));
  std::error_code error;
  bool done = false;
  stream->async_read_ready([&](const std::error_code& ec, std::string_view) {
    error = ec;
    done = true;
  });
  run_until(
      p.io, [&] { return done; }, std::chrono::seconds(10));
  REQUIRE(done);
  CHECK(error == asio::error::eof);
  stream->close();
  // No handshake began: the hub wrote nothing back (a ServerHello would be a kilobyte here).
  std::array<char, 4096> answer{};
  std::error_code read_error;
  std::size_t got = 0;
  for (;;) {
    const std::size_t n = gone.read_some(asio::buffer(answer), read_error);
    got += n;
    if (read_error) break;
  }
  CHECK(got == 0);
  CHECK(read_error == asio::error::eof);
}
