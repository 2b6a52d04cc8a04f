// The hub's held fan-out: other people's lines wait up to a short interval, then the waiting
// connections write, a batch at a time between the network thread's other work. A busy hub so
// writes each client once per interval instead of once per commit. The interval grows with the
// number of connections written at its last end, so that the hub makes at most
// kHeldWritesPerSecond such writes a second (each costs a TLS record, a system call and the
// network stack's work whatever it holds): 20 ms up to 800 connections, 400 ms from 16,000, within
// the 500 ms a fan-out may take. Internal to net/: uses asio.
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
  static constexpr std::size_t kHeldWritesPerSecond = 40000;
  static constexpr std::chrono::milliseconds kLongestHold{400};

  // `hold` 0: every line is written at once; otherwise the shortest interval.
  HeldFanout(asio::io_context& io, std::chrono::milliseconds hold)
      : io_(io), hold_(hold), timer_(io) {}

  // Queues `line` for `c`, to be written when the interval ends (or with c's next own line).
  void send(const std::shared_ptr<HubConnection>& c, const Line& line);
  // Every held connection writes now (shutting down).
  void release_all();
  // No more releases: the hub is stopping.
  void stop();
  // The interval after one at whose end `written` connections wrote: `shortest` (the configured
  // one) or longer, so that the writes stay within kHeldWritesPerSecond, and at most kLongestHold.
  static std::chrono::milliseconds next_hold(std::size_t written,
                                             std::chrono::milliseconds shortest);

 private:
  void release(std::size_t count);

  static constexpr std::size_t kBatch = 64;  // connections released per turn of the network thread

  asio::io_context& io_;
  std::chrono::milliseconds hold_;
  std::chrono::milliseconds current_ = hold_;
  asio::steady_timer timer_;
  bool armed_ = false;
  bool posted_ = false;
  bool stopped_ = false;
  std::vector<std::shared_ptr<HubConnection>> held_;       // held since the timer was last set
  std::vector<std::shared_ptr<HubConnection>> releasing_;  // being released, a batch at a time
  std::size_t released_ = 0;
};

}  // namespace crossmatch::net
