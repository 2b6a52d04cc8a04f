// Accepting connections, the connection cap, time-outs, and the rate and line-length limits.
#include "net/hub_acceptor.hpp"

#include <algorithm>
#include <chrono>
#include <sstream>
#include <utility>
#include <vector>

#include "net/heap_trim.hpp"

namespace crossmatch::net {
namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

core::Status HubAcceptor::listen() {
  const HubOptions& options = hub_.options;
  if (options.tls) {
    auto tls = TlsServer::make(*options.tls);
    if (!tls) return tls.error();
    tls_ = std::move(*tls);
  }
  std::error_code ec;
  const auto address = asio::ip::make_address(options.host, ec);
  if (ec)
    return core::make_error("invalid", "--host", "'" + options.host + "' is not an IP address.");
  const asio::ip::tcp::endpoint endpoint(address, static_cast<unsigned short>(options.port));
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::ip::tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    return core::make_error("cannot_listen", "--port",
                            "Cannot listen on " + options.host + ":" +
                                std::to_string(options.port) + ": " + ec.message() + ".");
  port_ = acceptor_.local_endpoint().port();
  hub_.admission.set_room_listener([this] { resume(); });
  accept();
  schedule_tick();
  return core::Status::success();
}

void HubAcceptor::accept() {
  acceptor_.async_accept([this](const std::error_code& ec, asio::ip::tcp::socket socket) {
    if (hub_.stopping) return;
    if (ec) {
      if (ec == asio::error::operation_aborted) return;
      // Out of file descriptors or similar: say so once a second, and keep serving the rest.
      hub_.note("cannot accept a connection: " + ec.message());
      auto retry = std::make_shared<asio::steady_timer>(hub_.io, std::chrono::milliseconds(200));
      retry->async_wait([this, retry](const std::error_code&) {
        if (!hub_.stopping) accept();
      });
      return;
    }
    // With TLS, the handshake runs behind the connection's first read: the handshake timeout
    // and the connection limit below cover it like any client that has not said hello.
    opened(tls_ ? tls_->wrap(std::move(socket))
                : std::make_unique<TcpStream>(std::move(socket), true));
    if (!hub_.admission.may_accept()) {
      // Sign-ins are paced: the next connection is taken once one of these is done.
      paused_ = true;
      ++hub_.counters.accept_pauses;
      return;
    }
    accept();
  });
}

void HubAcceptor::resume() {
  if (!paused_ || hub_.stopping || !acceptor_.is_open() || !hub_.admission.may_accept()) return;
  paused_ = false;
  accept();
}

void HubAcceptor::opened(std::unique_ptr<ByteStream> stream) {
  const HubOptions& options = hub_.options;
  const std::uint64_t id = ++next_connection_;
  auto connection = std::make_shared<HubConnection>(
      std::move(stream), id, owner_, kMaxClientLineBytes, options.max_unsent_bytes,
      RateLimiter(options.rate_per_second, options.rate_burst));
  connection->address = address_group(connection->peer());
  hub_.roster.add(connection);
  ++hub_.counters.accepted;
  if (auto refusal = hub_.admission.admit(*connection)) {
    if (refusal->error.error.code != "hub_full") ++hub_.counters.address_limited;
    hub_.note("connection " + std::to_string(id) + " from " + connection->peer() +
              " refused: " + refusal->reason);
    connection->close_with(refusal->error, refusal->error.error.code);
    return;
  }
  hub_.note("connection " + std::to_string(id) + " from " + connection->peer() + " opened");
  connection->start();
}

void HubAcceptor::schedule_tick() {
  tick_.expires_after(std::chrono::seconds(1));
  tick_.async_wait([this](const std::error_code& ec) {
    if (ec || hub_.stopped) return;
    const auto late =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - tick_.expiry());
    hub_.counters.loop_lag_max = std::max(hub_.counters.loop_lag_max, late);
    tick();
    schedule_tick();
  });
}

void HubAcceptor::tick() {
  const HubOptions& options = hub_.options;
  const auto now = Clock::now();
  // Near the cap, a connection that has not said hello gets less time: a socket that never shakes
  // hands holds a place only briefly.
  const int handshake_seconds = hub_.admission.handshake_seconds();
  if (now - last_forgetting_ > std::chrono::seconds(60)) {
    last_forgetting_ = now;
    hub_.registrations.forget_refilled(now);
    hub_.failed_sign_ins.forget_refilled(now);
  }
  for (const ConnectionPtr& c : hub_.roster.all()) {
    if (c->closing()) {
      if (now - c->closing_since() > kClosingGrace) c->close_now(c->close_reason());
      continue;
    }
    if (c->phase == HubConnection::Phase::AwaitingHello &&
        now - c->connected_at() > std::chrono::seconds(handshake_seconds)) {
      c->close_with(
          closing_error("handshake_timeout", "",
                        "No hello within " + std::to_string(handshake_seconds) + " seconds."),
          "no hello in time");
    } else if (now - c->last_received() > std::chrono::seconds(options.idle_seconds)) {
      c->close_with(
          closing_error("idle_timeout", "",
                        "Nothing received for " + std::to_string(options.idle_seconds) +
                            " seconds; send a ping at least every " +
                            std::to_string(std::max(1, options.idle_seconds / 3)) + " seconds."),
          "idle for " + std::to_string(options.idle_seconds) + " s");
    } else if (const auto started = c->write_started();
               started && now - *started > std::chrono::seconds(options.idle_seconds)) {
      c->close_now("a write stalled for " + std::to_string(options.idle_seconds) + " s");
    }
  }
  HubCounters& counters = hub_.counters;
  if (now - last_report_ > std::chrono::seconds(30) && counters.applied != reported_applied_) {
    last_report_ = now;
    reported_applied_ = counters.applied;
    hub_.note("status: " + std::to_string(hub_.admission.open()) + " connections (" +
              std::to_string(hub_.admission.signing_in()) + " signing in), " +
              std::to_string(counters.applied) + " operations applied, " +
              std::to_string(counters.refused) + " refused, durable up to " +
              std::to_string(hub_.durable_seq) + "; since the last status, work waited up to " +
              std::to_string(counters.loop_lag_max.count()) + " ms and commits took up to " +
              std::to_string(counters.commit_max.count()) + " ms");
    counters.loop_lag_max = counters.commit_max = std::chrono::milliseconds(0);
  }
  // Only while nobody is signing in: a storm's sign-ins and snapshots keep reusing what they freed,
  // and the heap walk would hold up the network thread in the middle of it.
  if (now - last_trim_ > kTrimEvery && hub_.admission.signing_in() == 0) {
    last_trim_ = now;
    if (const auto fell = give_back_freed_heap(kKeepFreedBytes); fell && *fell >= (16u << 20))
      hub_.note("gave " + std::to_string(*fell >> 20) + " MB of freed memory back to the system");
  }
  if (tick_listener_) tick_listener_();
}

void HubAcceptor::rate_limited(const ConnectionPtr& c, const std::string& line) {
  ++hub_.counters.rate_limited;
  if (c->rate_refusals++ == 0 && !c->rate_logged) {
    c->rate_logged = true;
    hub_.note("connection " + std::to_string(c->id()) + " is over its rate limit");
  }
  if (c->rate_refusals > kMaxRateRefusals) {
    c->close_with(closing_error("rate_limited", "",
                                "Far too many messages; the hub takes at most " + format_rate() +
                                    " a second from one connection."),
                  "kept sending over the rate limit");
    return;
  }
  const core::Error e =
      core::make_error("rate_limited", "",
                       "Too many messages: at most " + format_rate() +
                           " a second; this one was not applied, send it again later.");
  const std::string id = peek_operation_id(line);
  if (!id.empty()) {
    c->send(encode(Refused{id, e}));
  } else {
    c->send(encode(ErrorMessage{e, false}));
  }
}

void HubAcceptor::line_too_long(const ConnectionPtr& c) {
  const std::size_t limit =
      c->phase == HubConnection::Phase::Ready && c->viewer.role == core::Role::Organiser
          ? kMaxOrganiserLineBytes
          : kMaxClientLineBytes;
  c->close_with(closing_error("line_too_long", "",
                              "A line is longer than " + std::to_string(limit) +
                                  " bytes, the most the hub reads."),
                "line longer than " + std::to_string(limit) + " bytes");
}

std::string HubAcceptor::format_rate() const {
  std::ostringstream s;
  s << hub_.options.rate_per_second << " messages (bursts of " << hub_.options.rate_burst << ")";
  return s.str();
}

}  // namespace crossmatch::net
