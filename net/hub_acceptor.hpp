// Accepting connections and holding each to the hub's limits: how many may be open, how long a
// client has to say hello, how long it may stay silent or leave a write stalled, how fast it may
// send and how long its lines may be. A tick once a second enforces the time-outs and writes a
// status line now and then. Internal to the hub server; on the network thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <asio/ip/tcp.hpp>
#include <asio/steady_timer.hpp>

#include "net/byte_stream.hpp"
#include "net/hub_context.hpp"

namespace crossmatch::net {

class HubAcceptor {
 public:
  // Connections report to `owner`.
  HubAcceptor(HubContext& hub, HubConnectionOwner& owner)
      : hub_(hub), owner_(owner), acceptor_(hub.io), tick_(hub.io) {}
  ~HubAcceptor() { hub_.admission.set_room_listener(nullptr); }
  HubAcceptor(const HubAcceptor&) = delete;
  HubAcceptor& operator=(const HubAcceptor&) = delete;

  // Binds and starts accepting and ticking.
  core::Status listen();
  unsigned short port() const { return port_; }
  void stop_accepting() {
    std::error_code ec;
    acceptor_.close(ec);
  }
  void stop_ticking() { tick_.cancel(); }
  // Called at the end of every tick (once a second), for the hub's own timed work.
  void set_tick_listener(std::function<void()> listener) { tick_listener_ = std::move(listener); }

  // A line arrived over the connection's rate: refused, and the connection closed when it keeps on.
  void rate_limited(const ConnectionPtr& c, const std::string& line);
  void line_too_long(const ConnectionPtr& c);

 private:
  void accept();
  // Accepts again after a pause, once fewer than max_handshakes are signing in.
  void resume();
  void opened(std::unique_ptr<ByteStream> stream);
  void schedule_tick();
  void tick();
  std::string format_rate() const;

  HubContext& hub_;
  HubConnectionOwner& owner_;
  asio::ip::tcp::acceptor acceptor_;
  std::unique_ptr<TlsServer> tls_;
  asio::steady_timer tick_;
  std::function<void()> tick_listener_;
  unsigned short port_ = 0;
  bool paused_ = false;  // max_handshakes signing in: new connections wait in the system's queue
  std::uint64_t next_connection_ = 0;
  HubConnection::Clock::time_point last_report_ = HubConnection::Clock::now();
  HubConnection::Clock::time_point last_forgetting_ = HubConnection::Clock::now();
  std::uint64_t reported_applied_ = 0;
  // At most every kTrimEvery, when nobody is signing in, freed heap memory past kKeepFreedBytes
  // goes back to the system (after a storm of snapshots the hub would otherwise keep its peak).
  // A trim walks the heap (0.3-0.5 s for a fragmented 1.2 GB one) holding the network thread.
  static constexpr std::chrono::seconds kTrimEvery{60};
  static constexpr std::size_t kKeepFreedBytes = std::size_t{256} << 20;
  HubConnection::Clock::time_point last_trim_ = HubConnection::Clock::now();
};

}  // namespace crossmatch::net
