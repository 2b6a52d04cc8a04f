// What the tests of the hub's limits share: silent sockets from a chosen loopback address, and
// many real clients joining at once, counted.
#pragma once

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "net/client_connection.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/test_assets.hpp"

namespace crossmatch::test {

using namespace std::chrono_literals;

// Sockets that connect and then send nothing at all (no TLS handshake, no hello).
class StalledSockets {
 public:
  StalledSockets() = default;
  StalledSockets(const StalledSockets&) = delete;
  StalledSockets& operator=(const StalledSockets&) = delete;
  ~StalledSockets() {
    for (const int fd : fds_) ::close(fd);
  }

  // `count` connections from `source` (any address in 127.0.0.0/8) to the hub on 127.0.0.1.
  void open(const std::string& source, int port, int count) {
    for (int i = 0; i < count; ++i) {
      const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
      REQUIRE(fd >= 0);
      sockaddr_in from{};
      from.sin_family = AF_INET;
      REQUIRE(::inet_pton(AF_INET, source.c_str(), &from.sin_addr) == 1);
      REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&from), sizeof from) == 0);
      sockaddr_in to{};
      to.sin_family = AF_INET;
      to.sin_port = htons(static_cast<std::uint16_t>(port));
      REQUIRE(::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr) == 1);
      REQUIRE(::connect(fd, reinterpret_cast<const sockaddr*>(&to), sizeof to) == 0);
      fds_.push_back(fd);
    }
  }

 private:
  std::vector<int> fds_;
};

struct JoinOutcome {
  int welcomed = 0;
  std::map<std::string, int> errors;  // error code -> how many times the hub sent it
  std::string summary() const {
    std::string s = std::to_string(welcomed) + " welcomed;";
    for (const auto& [code, n] : errors) s += " " + code + " x" + std::to_string(n);
    return s;
  }
};

// `n` newcomers join with the hub's code at once (each retrying as the app does, quickly); how
// many were welcomed within `timeout`, and what the others were told.
inline JoinOutcome join_many(const HubProcess& hub, int n, std::chrono::seconds timeout) {
  std::vector<std::unique_ptr<net::MemoryOutbox>> outboxes;
  std::vector<std::unique_ptr<net::ClientConnection>> clients;
  for (int i = 0; i < n; ++i) {
    net::ClientOptions options = hub.client_options();
    options.pin.clear();
    options.join_code = hub.code();
    options.client_name = "crossmatch-limits-test";
    options.catch_up = net::CatchUp::Live;
    options.backoff_initial_seconds = 0.1;
    options.backoff_max_seconds = 0.5;
    outboxes.push_back(std::make_unique<net::MemoryOutbox>());
    clients.push_back(
        std::make_unique<net::ClientConnection>(taxonomy(), options, *outboxes.back()));
    REQUIRE(clients.back()->start().ok());
  }
  JoinOutcome out;
  std::vector<bool> in(static_cast<std::size_t>(n), false);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (out.welcomed < n && std::chrono::steady_clock::now() < deadline) {
    for (std::size_t i = 0; i < clients.size(); ++i) {
      for (net::ClientEvent& event : clients[i]->drain()) {
        if (std::holds_alternative<net::Welcome>(event) && !in[i]) {
          in[i] = true;
          ++out.welcomed;
        }
        if (auto* e = std::get_if<net::HubError>(&event)) ++out.errors[e->error.code];
      }
    }
    std::this_thread::sleep_for(10ms);
  }
  for (auto& c : clients) c->stop();
  return out;
}

}  // namespace crossmatch::test
