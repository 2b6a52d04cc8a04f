// [SECTION] index: the hub server's logic.
//   Accepting and timing out      HubServer::Impl::accept, tick
//   Lines from clients            on_line, rate_limited, bad_message
//   Operations                    submit, reply, on_durable, broadcast
//   Shutdown                      shutdown, finish_shutdown
// Elsewhere: sign-in (net/hub_sign_in.*), catch-up and snapshots (net/hub_catch_up.*), team
// versions (net/hub_teams.*), what all parts share (net/hub_context.*).
#include "net/hub_server.hpp"

#include <algorithm>
#include <chrono>
#include <deque>
#include <optional>
#include <sstream>
#include <unordered_set>
#include <utility>

#include "net/hub_catch_up.hpp"
#include "net/hub_context.hpp"
#include "net/hub_pending.hpp"
#include "net/hub_sign_in.hpp"
#include "net/hub_teams.hpp"
#include "net/replica_view.hpp"

namespace crossmatch::net {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

class HubServer::Impl : public HubConnectionOwner, public DurabilityListener {
 public:
  Impl(asio::io_context& io, const core::Taxonomy& taxonomy, HubLog& log, HubOptions options,
       std::ostream& out)
      : hub_(io, taxonomy, log, std::move(options), out), teams_(hub_), catch_up_(hub_, teams_), sign_in_(hub_, catch_up_, *this), acceptor_(io), tick_(io) {
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
            submit(c, std::move(m.op));
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
      reply(c, make_line(encode(Refused{id, error})));
    } else {
      c->send(encode(ErrorMessage{error, false}));
    }
  }

  void before_hello(const ConnectionPtr& c, const char* what) {
    c->close_with(closing_error("hello_first", "type",
                                std::string("The client sent ") + what + " before its hello; say hello first."),
                  std::string(what) + " before the hello");
  }

  // [SECTION] Operations

  void submit(const ConnectionPtr& c, core::Operation op) {
    const std::string id = op.id;
    if (hub_.shutting_down || hub_.failed) {
      c->send(encode(Refused{id, core::make_error("shutting_down", "", "The hub is shutting down; send it again when it is back.")}));
      return;
    }
    const core::Actor actor{c->viewer.role, c->viewer.participant};
    hub_.log.before_apply(hub_.sequencer.state(), op);
    auto outcome = hub_.sequencer.submit(std::move(op), actor, unix_ms());
    if (!outcome) {
      ++hub_.counters.refused;
      reply(c, make_line(encode(Refused{id, outcome.error()})));
      return;
    }
    core::Operation& applied = outcome->applied;
    if (outcome->duplicate) {
      ++hub_.counters.duplicates;
      const bool newcomer = c->viewer.role == core::Role::Participant && c->viewer.participant == 0;
      if (newcomer && std::holds_alternative<core::Register>(applied.payload)) {
        // Its acknowledgement (and token) was lost; sign-in gives a fresh token, but only for a
        // registration that is durable.
        if (applied.sequence > hub_.durable_seq) {
          reply(c, make_line(encode(Refused{id, core::make_error("not_yet_durable", "id",
                                                                 "This registration is still being saved; wait for "
                                                                 "its acknowledgement.")})));
          return;
        }
        return sign_in_.resent_registration(c, id, applied.sequence);
      }
      Ack ack{id, applied.sequence, true, 0, {}};
      reply(c, make_line(encode(ack)));
      return;
    }
    ++hub_.counters.applied;
    PendingOperation pending{render_operation(applied, hub_.sequencer.state()), c, {}};
    std::optional<HubCredential> credential;
    Ack ack{id, applied.sequence, false, 0, {}};
    std::optional<Viewer> becomes;
    if (const auto* reg = std::get_if<core::Register>(&applied.payload);
        reg != nullptr && actor.role == core::Role::Participant && actor.participant == 0) {
      IssuedToken issued = issue_token(reg->participant);
      ack.participant = reg->participant;
      ack.token = std::move(issued.token);
      credential = std::move(issued.credential);
      becomes = Viewer{core::Role::Participant, reg->participant};
    }
    pending.replies.push_back(Reply{c, make_line(encode(ack)), becomes});
    if (change_listener_) change_listener_(applied);
    hub_.log.append(std::move(applied), std::move(credential), hub_.sequencer.state());
    pending_.push_back(std::move(pending));
  }

  // Sends a reply once everything applied before it is durable, so that no reply reflects an
  // operation a crash could take back.
  void reply(const ConnectionPtr& c, Line line) {
    if (pending_.empty()) {
      c->send(line);
    } else {
      pending_.back().replies.push_back(Reply{c, std::move(line), std::nullopt});
    }
  }

  void on_durable(std::uint64_t seq) override {
    hub_.durable_seq = std::max(hub_.durable_seq, seq);
    while (!pending_.empty() && pending_.front().lines.seq <= hub_.durable_seq) {
      PendingOperation op = std::move(pending_.front());
      pending_.pop_front();
      catch_up_.activate_snapshots(op.lines.seq - 1);
      broadcast(op);
      for (Reply& r : op.replies) {
        auto c = r.connection.lock();
        if (!c || !c->open()) continue;
        if (r.becomes) {
          hub_.roster.become(c, *r.becomes);
          hub_.note("connection " + std::to_string(c->id()) + " registered participant " +
              std::to_string(r.becomes->participant));
        }
        cork(c);
        c->send(r.line);
      }
    }
    for (const ConnectionPtr& c : corked_) c->uncork();
    corked_.clear();
    catch_up_.activate_snapshots(hub_.durable_seq);
    teams_.on_durable();
    if (hub_.shutting_down && pending_.empty()) finish_shutdown();
  }

  void on_storage_failed(const core::Error& error) override {
    if (hub_.failed) return;
    hub_.failed = true;
    hub_.note("the store failed: " + error.message + "; operations after " + std::to_string(hub_.durable_seq) +
        " are lost; stopping");
    for (PendingOperation& op : pending_) {
      for (Reply& r : op.replies) {
        if (auto c = r.connection.lock()) {
          c->send(encode(Refused{"", core::make_error("storage_failed", "", "The hub could not store this; send it again when the hub is back.")}));
        }
      }
    }
    pending_.clear();
    hub_.shutting_down = true;
    finish_shutdown();
  }

  static bool owns(const OperationLines& lines, const Viewer& viewer) {
    core::Operation probe;
    probe.actor = lines.actor;
    return is_own(probe, viewer);
  }

  // Inside on_durable, connections are corked until the whole group is sent.
  void cork(const ConnectionPtr& c) {
    if (!c->corked()) {
      c->cork();
      corked_.push_back(c);
    }
  }

  void send_op(const ConnectionPtr& c, const PendingOperation& op, const ConnectionPtr& submitter) {
    if (c->sync != HubConnection::Sync::Live || c->closing()) return;
    const bool own = c == submitter || owns(op.lines, c->viewer);
    if (Line line = op.lines.for_viewer(c->viewer, own)) {
      cork(c);
      if (c == submitter) {
        c->send(line);
      } else {
        hub_.fanout.send(c, line);
      }
      ++hub_.counters.lines_sent;
    }
  }

  void broadcast(const PendingOperation& op) {
    const ConnectionPtr submitter = op.submitter.lock();
    if (op.lines.everyone) {
      for (const auto& [id, c] : hub_.roster.connections()) send_op(c, op, submitter);
      return;
    }
    // Only some see it: organisers, brokers, the people involved, and the one who sent it.
    std::unordered_set<std::uint64_t> done;
    const auto to = [&](const ConnectionPtr& c) {
      if (c && done.insert(c->id()).second) send_op(c, op, submitter);
    };
    for (const std::uint64_t id : hub_.roster.privileged()) to(hub_.roster.find(id));
    for (const auto& [participant, line] : op.lines.personal) hub_.roster.for_participant(participant, to);
    if (op.lines.actor.role == core::Role::Participant && op.lines.actor.participant != 0)
      hub_.roster.for_participant(op.lines.actor.participant, to);
    to(submitter);
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
    hub_.note("shutting down: finishing " + std::to_string(pending_.size()) + " pending operations");
    if (pending_.empty()) finish_shutdown();
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
  asio::ip::tcp::acceptor acceptor_;
  std::unique_ptr<TlsServer> tls_;
  asio::steady_timer tick_;
  unsigned short port_ = 0;
  std::uint64_t next_connection_ = 0;
  std::deque<PendingOperation> pending_;
  std::vector<ConnectionPtr> corked_;
  std::function<void(const core::Operation&)> change_listener_;
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
  impl_->change_listener_ = std::move(listener);
}
void HubServer::publish_teams(Teams teams, std::uint64_t as_of) { impl_->teams_.publish(std::move(teams), as_of); }

}  // namespace crossmatch::net
