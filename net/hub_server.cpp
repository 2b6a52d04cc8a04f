// [SECTION] index: the hub server's logic.
//   Accepting and timing out      HubServer::Impl::accept, tick
//   Lines from clients            on_line, rate_limited, bad_message
//   Durability                    on_durable, on_storage_failed
//   Shutdown                      shutdown, finish_shutdown
// Elsewhere: the room (net/hub_room.*: sequencing, waiting for durability, fan-out), sign-in
// (net/hub_sign_in.*), catch-up and snapshots (net/hub_catch_up.*), team versions
// (net/hub_teams.*), what all parts share (net/hub_context.*).
#include "net/hub_server.hpp"

#include <algorithm>
#include <chrono>
#include <sstream>
#include <utility>

#include "net/hub_catch_up.hpp"
#include "net/hub_context.hpp"
#include "net/hub_room.hpp"
#include "net/hub_sign_in.hpp"
#include "net/hub_teams.hpp"

namespace crossmatch::net {
namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

class HubServer::Impl : public HubConnectionOwner, public DurabilityListener {
 public:
  Impl(asio::io_context& io, const core::Taxonomy& taxonomy, HubLog& log, HubOptions options,
       std::ostream& out)
      : hub_(io, taxonomy, log, std::move(options), out),
        teams_(hub_),
        catch_up_(hub_, teams_),
        sign_in_(hub_, catch_up_, *this),
        room_(hub_, sign_in_, catch_up_),
        acceptor_(io),
        tick_(io) {
    hub_.log.set_listener(this);
  }

  ~Impl() override { hub_.log.set_listener(nullptr); }

  // [SECTION] Start, accept, time out

  void restore(core::EventState state, std::uint64_t last, std::unordered_map<std::string, std::uint64_t> ids) {
    hub_.sequencer.restore(std::move(state), last, std::move(ids));
    hub_.durable_seq = last;
  }

  core::Status listen() {
    if (hub_.options.tls) {
      auto tls = TlsServer::make(*hub_.options.tls);
      if (!tls) return tls.error();
      tls_ = std::move(*tls);
    }
    std::error_code ec;
    const auto address = asio::ip::make_address(hub_.options.host, ec);
    if (ec) return core::make_error("invalid", "--host", "'" + hub_.options.host + "' is not an IP address.");
    const asio::ip::tcp::endpoint endpoint(address, static_cast<unsigned short>(hub_.options.port));
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::ip::tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
      return core::make_error("cannot_listen", "--port",
                              "Cannot listen on " + hub_.options.host + ":" + std::to_string(hub_.options.port) +
                                  ": " + ec.message() + ".");
    port_ = acceptor_.local_endpoint().port();
    accept();
    schedule_tick();
    return core::Status::success();
  }

  void accept() {
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
      opened(tls_ ? tls_->wrap(std::move(socket)) : std::make_unique<TcpStream>(std::move(socket), true));
      accept();
    });
  }

  void opened(std::unique_ptr<ByteStream> stream) {
    const std::uint64_t id = ++next_connection_;
    auto connection = std::make_shared<HubConnection>(
        std::move(stream), id, *this, kMaxClientLineBytes, hub_.options.max_unsent_bytes,
        RateLimiter(hub_.options.rate_per_second, hub_.options.rate_burst));
    hub_.roster.add(connection);
    ++hub_.counters.accepted;
    if (static_cast<int>(hub_.roster.size()) > hub_.options.max_connections) {
      hub_.note("connection " + std::to_string(id) + " from " + connection->peer() + " refused: " +
          std::to_string(hub_.options.max_connections) + " connections already");
      connection->close_with(closing_error("hub_full", "",
                                           "The hub serves at most " + std::to_string(hub_.options.max_connections) +
                                               " connections; try again in a minute."),
                             "hub full");
      return;
    }
    hub_.note("connection " + std::to_string(id) + " from " + connection->peer() + " opened");
    connection->start();
  }

  void schedule_tick() {
    tick_.expires_after(std::chrono::seconds(1));
    tick_.async_wait([this](const std::error_code& ec) {
      if (ec || hub_.stopped) return;
      tick();
      schedule_tick();
    });
  }

  void tick() {
    const auto now = Clock::now();
    for (const ConnectionPtr& c : hub_.roster.all()) {
      if (c->closing()) {
        if (now - c->closing_since() > kClosingGrace) c->close_now(c->close_reason());
        continue;
      }
      if (c->phase == HubConnection::Phase::AwaitingHello &&
          now - c->connected_at() > std::chrono::seconds(hub_.options.handshake_seconds)) {
        c->close_with(closing_error("handshake_timeout", "",
                                    "No hello within " + std::to_string(hub_.options.handshake_seconds) + " seconds."),
                      "no hello in time");
      } else if (now - c->last_received() > std::chrono::seconds(hub_.options.idle_seconds)) {
        c->close_with(closing_error("idle_timeout", "",
                                    "Nothing received for " + std::to_string(hub_.options.idle_seconds) +
                                        " seconds; send a ping at least every " +
                                        std::to_string(std::max(1, hub_.options.idle_seconds / 3)) + " seconds."),
                      "idle for " + std::to_string(hub_.options.idle_seconds) + " s");
      } else if (const auto started = c->write_started();
                 started && now - *started > std::chrono::seconds(hub_.options.idle_seconds)) {
        c->close_now("a write stalled for " + std::to_string(hub_.options.idle_seconds) + " s");
      }
    }
    if (now - last_report_ > std::chrono::seconds(30) && hub_.counters.applied != reported_applied_) {
      last_report_ = now;
      reported_applied_ = hub_.counters.applied;
      hub_.note("status: " + std::to_string(hub_.roster.size()) + " connections, " +
          std::to_string(hub_.counters.applied) + " operations applied, " + std::to_string(hub_.counters.refused) +
          " refused, durable up to " + std::to_string(hub_.durable_seq));
    }
  }

  // [SECTION] Lines from clients

  void on_line(const ConnectionPtr& c, std::string line) override {
    if (c->phase == HubConnection::Phase::Authenticating) {
      c->held_lines.push_back(std::move(line));
      return;
    }
    if (!c->limiter.take(Clock::now())) return rate_limited(c, line);
    c->rate_refusals = 0;
    auto message = parse_client_message(line);
    if (!message) return bad_message(c, line, message.error());
    std::visit(
        [&](auto& m) {
          using T = std::decay_t<decltype(m)>;
          if constexpr (std::is_same_v<T, Hello>) {
            sign_in_.hello(c, std::move(m));
          } else if constexpr (std::is_same_v<T, Ping>) {
            if (c->phase != HubConnection::Phase::Ready) return before_hello(c, "a ping");
            c->send(encode(Pong{catch_up_.seq_sent(*c)}));
          } else {
            if (c->phase != HubConnection::Phase::Ready) return before_hello(c, "an operation");
            room_.submit(c, std::move(m.op));
          }
        },
        *message);
  }

  void on_drained(const ConnectionPtr& c) override { catch_up_.on_drained(c); }

  void on_line_too_long(const ConnectionPtr& c) override {
    const std::size_t limit = c->phase == HubConnection::Phase::Ready && c->viewer.role == core::Role::Organiser
                                  ? kMaxOrganiserLineBytes
                                  : kMaxClientLineBytes;
    c->close_with(closing_error("line_too_long", "",
                                "A line is longer than " + std::to_string(limit) + " bytes, the most the hub reads."),
                  "line longer than " + std::to_string(limit) + " bytes");
  }

  void rate_limited(const ConnectionPtr& c, const std::string& line) {
    ++hub_.counters.rate_limited;
    if (c->rate_refusals++ == 0 && !c->rate_logged) {
      c->rate_logged = true;
      hub_.note("connection " + std::to_string(c->id()) + " is over its rate limit");
    }
    if (c->rate_refusals > kMaxRateRefusals) {
      c->close_with(closing_error("rate_limited", "",
                                  "Far too many messages; the hub takes at most " +
                                      format_rate() + " a second from one connection."),
                    "kept sending over the rate limit");
      return;
    }
    const core::Error e = core::make_error("rate_limited", "",
                                           "Too many messages: at most " + format_rate() +
                                               " a second; this one was not applied, send it again later.");
    const std::string id = peek_operation_id(line);
    if (!id.empty()) {
      c->send(encode(Refused{id, e}));
    } else {
      c->send(encode(ErrorMessage{e, false}));
    }
  }

  std::string format_rate() const {
    std::ostringstream s;
    s << hub_.options.rate_per_second << " messages (bursts of " << hub_.options.rate_burst << ")";
    return s.str();
  }

  void bad_message(const ConnectionPtr& c, const std::string& line, const core::Error& error) {
    if (c->phase != HubConnection::Phase::Ready) {
      core::Error e = error;
      e.message = "The hello could not be read: " + e.message;
      c->close_with(ErrorMessage{e, true}, "bad hello: " + error.code + " " + error.field);
      return;
    }
    const std::string id = peek_operation_id(line);
    if (!id.empty()) {
      ++hub_.counters.refused;
      room_.reply(c, make_line(encode(Refused{id, error})));
    } else {
      c->send(encode(ErrorMessage{error, false}));
    }
  }

  void before_hello(const ConnectionPtr& c, const char* what) {
    c->close_with(closing_error("hello_first", "type",
                                std::string("The client sent ") + what + " before its hello; say hello first."),
                  std::string(what) + " before the hello");
  }

  // [SECTION] Durability

  void on_durable(std::uint64_t seq) override {
    room_.on_durable(seq);
    teams_.on_durable();
    if (hub_.shutting_down && room_.pending() == 0) finish_shutdown();
  }

  void on_storage_failed(const core::Error& error) override {
    if (hub_.failed) return;
    hub_.failed = true;
    hub_.note("the store failed: " + error.message + "; operations after " + std::to_string(hub_.durable_seq) +
        " are lost; stopping");
    room_.refuse_pending();
    hub_.shutting_down = true;
    finish_shutdown();
  }

  // [SECTION] Closing and shutdown

  void on_closed(const ConnectionPtr& c) override {
    catch_up_.forget(*c);
    hub_.roster.remove(*c);
    hub_.note("connection " + std::to_string(c->id()) + " (" + describe(c->viewer) + ") closed: " + c->close_reason());
    if (hub_.stopping && hub_.roster.empty()) finish_stop();
  }

  void shutdown(std::function<void()> done) {
    if (hub_.stopping) return;
    shutdown_done_ = std::move(done);
    hub_.shutting_down = true;
    std::error_code ec;
    acceptor_.close(ec);
    hub_.note("shutting down: finishing " + std::to_string(room_.pending()) + " pending operations");
    if (room_.pending() == 0) finish_shutdown();
  }

  void finish_shutdown() {
    if (hub_.stopping) return;
    hub_.stopping = true;
    std::error_code ec;
    acceptor_.close(ec);
    hub_.fanout.release_all();
    for (const ConnectionPtr& c : hub_.roster.all()) {
      c->close_with(closing_error("shutting_down", "", "The hub is shutting down; reconnect when it is back."),
                    "hub shutting down");
    }
    if (hub_.roster.empty()) return finish_stop();
    // Clients that do not read get no more than the grace period.
    auto grace = std::make_shared<asio::steady_timer>(hub_.io, kClosingGrace);
    grace->async_wait([this, grace](const std::error_code&) {
      for (const ConnectionPtr& c : hub_.roster.all()) c->close_now("hub shutting down");
      finish_stop();
    });
  }

  void finish_stop() {
    if (hub_.stopped) return;
    hub_.stopped = true;
    tick_.cancel();
    hub_.fanout.stop();
    hub_.note("stopped: durable up to " + std::to_string(hub_.durable_seq));
    if (shutdown_done_) {
      auto done = std::move(shutdown_done_);
      shutdown_done_ = nullptr;
      asio::post(hub_.io, std::move(done));
    }
  }

  HubContext hub_;
  HubTeams teams_;
  HubCatchUp catch_up_;
  HubSignIn sign_in_;
  HubRoom room_;
  asio::ip::tcp::acceptor acceptor_;
  std::unique_ptr<TlsServer> tls_;
  asio::steady_timer tick_;
  unsigned short port_ = 0;
  std::uint64_t next_connection_ = 0;
  std::function<void()> shutdown_done_;
  Clock::time_point last_report_ = Clock::now();
  std::uint64_t reported_applied_ = 0;

  friend class HubServer;
};

HubServer::HubServer(asio::io_context& io, const core::Taxonomy& taxonomy, HubLog& log,
                     HubOptions options, std::ostream& log_out)
    : impl_(std::make_unique<Impl>(io, taxonomy, log, std::move(options), log_out)) {}
HubServer::~HubServer() = default;

void HubServer::restore(core::EventState state, std::uint64_t last_sequence,
                        std::unordered_map<std::string, std::uint64_t> operation_ids) {
  impl_->restore(std::move(state), last_sequence, std::move(operation_ids));
}
core::Status HubServer::listen() { return impl_->listen(); }
unsigned short HubServer::port() const { return impl_->port_; }
void HubServer::shutdown(std::function<void()> done) { impl_->shutdown(std::move(done)); }
const core::EventState& HubServer::state() const { return impl_->hub_.sequencer.state(); }
std::uint64_t HubServer::applied_seq() const { return impl_->hub_.sequencer.last_sequence(); }
std::uint64_t HubServer::durable_seq() const { return impl_->hub_.durable_seq; }
HubCounters HubServer::counters() const {
  HubCounters c = impl_->hub_.counters;
  c.connections = impl_->hub_.roster.size();
  return c;
}
bool HubServer::failed() const { return impl_->hub_.failed; }
void HubServer::set_change_listener(std::function<void(const core::Operation&)> listener) {
  impl_->room_.set_change_listener(std::move(listener));
}
void HubServer::publish_teams(Teams teams, std::uint64_t as_of) { impl_->teams_.publish(std::move(teams), as_of); }

}  // namespace crossmatch::net
