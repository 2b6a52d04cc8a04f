// The hub's held fan-out: other people's lines wait up to a short interval, then the waiting
// connections write, a batch at a time between the network thread's other work. A busy hub so
// writes each client once per interval instead of once per commit. Internal to net/: uses asio.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <vector>

#include <asio/io_context.hpp>
#include <asio/steady_timer.hpp>

#include "net/hub_connection.hpp"

namespace crossmatch::net {

class HeldFanout {
 public:
  // `hold` 0: every line is written at once.
  HeldFanout(asio::io_context& io, std::chrono::milliseconds hold)
      : io_(io), hold_(hold), timer_(io) {}

  // Queues `line` for `c`, to be written when the interval ends (or with c's next own line).
  void send(const std::shared_ptr<HubConnection>& c, const Line& line);
  // Every held connection writes now (shutting down).
  void release_all();
  // No more releases: the hub is stopping.
  void stop();

 private:
  void release(std::size_t count);

  static constexpr std::size_t kBatch = 64;  // connections released per turn of the network thread

  asio::io_context& io_;
  std::chrono::milliseconds hold_;
  asio::steady_timer timer_;
  bool armed_ = false;
  bool posted_ = false;
  bool stopped_ = false;
  std::vector<std::shared_ptr<HubConnection>> held_;       // held since the timer was last set
  std::vector<std::shared_ptr<HubConnection>> releasing_;  // being released, a batch at a time
  std::size_t released_ = 0;
};

}  // namespace crossmatch::net
