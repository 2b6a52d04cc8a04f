// [SECTION] index: the hub server's logic.
//   Accepting and timing out      HubServer::Impl::accept, tick
//   Handshake and credentials     on_line, hello, welcome
//   Operations                    submit, reply, on_durable, broadcast
//   Catch-up and snapshots        start_sync, continue_catch_up, snapshot lines
//   Team suggestions, shutdown
#include "net/hub_server.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <deque>
#include <iomanip>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_set>
#include <utility>

#include "core/event/sequencer.hpp"
#include "net/held_fanout.hpp"
#include "net/hub_pending.hpp"
#include "net/hub_connection.hpp"
#include "net/operation_lines.hpp"
#include "net/tokens.hpp"

namespace crossmatch::net {
namespace {

using Clock = std::chrono::steady_clock;
using ConnectionPtr = std::shared_ptr<HubConnection>;


std::int64_t unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

ErrorMessage closing_error(std::string code, std::string field, std::string message) {
  return ErrorMessage{core::make_error(std::move(code), std::move(field), std::move(message)), true};
}

std::string describe(const core::Viewer& v) {
  if (v.role != core::Role::Participant) return core::to_string(v.role);
  return v.participant == 0 ? "newcomer" : "participant " + std::to_string(v.participant);
}

constexpr auto kSnapshotReuse = std::chrono::seconds(5);
constexpr std::uint64_t kSnapshotReuseOperations = 2000;
constexpr auto kClosingGrace = std::chrono::seconds(2);

}  // namespace

class HubServer::Impl : public HubConnectionOwner, public DurabilityListener {
 public:
  Impl(asio::io_context& io, const core::Taxonomy& taxonomy, HubLog& log, HubOptions options,
       std::ostream& out)
      : io_(io),
        taxonomy_(taxonomy),
        log_(log),
        options_(std::move(options)),
        out_(out),
        acceptor_(io),
        tick_(io),
        fanout_(io, std::chrono::milliseconds(options_.fanout_hold_ms)),
        sequencer_(taxonomy) {
    log_.set_listener(this);
  }

  ~Impl() override { log_.set_listener(nullptr); }

  // [SECTION] Start, accept, time out

  void restore(core::EventState state, std::uint64_t last, std::unordered_map<std::string, std::uint64_t> ids) {
    sequencer_.restore(std::move(state), last, std::move(ids));
    durable_seq_ = last;
  }

  core::Status listen() {
    if (options_.tls) {
      auto tls = TlsServer::make(*options_.tls);
      if (!tls) return tls.error();
      tls_ = std::move(*tls);
    }
    std::error_code ec;
    const auto address = asio::ip::make_address(options_.host, ec);
    if (ec) return core::make_error("invalid", "--host", "'" + options_.host + "' is not an IP address.");
    const asio::ip::tcp::endpoint endpoint(address, static_cast<unsigned short>(options_.port));
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::ip::tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
      return core::make_error("cannot_listen", "--port",
                              "Cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                                  ": " + ec.message() + ".");
    port_ = acceptor_.local_endpoint().port();
    accept();
    schedule_tick();
    return core::Status::success();
  }

  void accept() {
    acceptor_.async_accept([this](const std::error_code& ec, asio::ip::tcp::socket socket) {
      if (stopping_) return;
      if (ec) {
        if (ec == asio::error::operation_aborted) return;
        // Out of file descriptors or similar: say so once a second, and keep serving the rest.
        log("cannot accept a connection: " + ec.message());
        auto retry = std::make_shared<asio::steady_timer>(io_, std::chrono::milliseconds(200));
        retry->async_wait([this, retry](const std::error_code&) {
          if (!stopping_) accept();
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
        std::move(stream), id, *this, kMaxClientLineBytes, options_.max_unsent_bytes,
        RateLimiter(options_.rate_per_second, options_.rate_burst));
    connections_.emplace(id, connection);
    ++counters_.accepted;
    if (static_cast<int>(connections_.size()) > options_.max_connections) {
      log("connection " + std::to_string(id) + " from " + connection->peer() + " refused: " +
          std::to_string(options_.max_connections) + " connections already");
      connection->close_with(closing_error("hub_full", "",
                                           "The hub serves at most " + std::to_string(options_.max_connections) +
                                               " connections; try again in a minute."),
                             "hub full");
      return;
    }
    log("connection " + std::to_string(id) + " from " + connection->peer() + " opened");
    connection->start();
  }

  void schedule_tick() {
    tick_.expires_after(std::chrono::seconds(1));
    tick_.async_wait([this](const std::error_code& ec) {
      if (ec || stopped_) return;
      tick();
      schedule_tick();
    });
  }

  void tick() {
    const auto now = Clock::now();
    std::vector<ConnectionPtr> all;
    all.reserve(connections_.size());
    for (const auto& [id, c] : connections_) all.push_back(c);
    for (const ConnectionPtr& c : all) {
      if (c->closing()) {
        if (now - c->closing_since() > kClosingGrace) c->close_now(c->close_reason());
        continue;
      }
      if (c->phase == HubConnection::Phase::AwaitingHello &&
          now - c->connected_at() > std::chrono::seconds(options_.handshake_seconds)) {
        c->close_with(closing_error("handshake_timeout", "",
                                    "No hello within " + std::to_string(options_.handshake_seconds) + " seconds."),
                      "no hello in time");
      } else if (now - c->last_received() > std::chrono::seconds(options_.idle_seconds)) {
        c->close_with(closing_error("idle_timeout", "",
                                    "Nothing received for " + std::to_string(options_.idle_seconds) +
                                        " seconds; send a ping at least every " +
                                        std::to_string(std::max(1, options_.idle_seconds / 3)) + " seconds."),
                      "idle for " + std::to_string(options_.idle_seconds) + " s");
      } else if (const auto started = c->write_started();
                 started && now - *started > std::chrono::seconds(options_.idle_seconds)) {
        c->close_now("a write stalled for " + std::to_string(options_.idle_seconds) + " s");
      }
    }
    if (now - last_report_ > std::chrono::seconds(30) && counters_.applied != reported_applied_) {
      last_report_ = now;
      reported_applied_ = counters_.applied;
      log("status: " + std::to_string(connections_.size()) + " connections, " +
          std::to_string(counters_.applied) + " operations applied, " + std::to_string(counters_.refused) +
          " refused, durable up to " + std::to_string(durable_seq_));
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
            hello(c, std::move(m));
          } else if constexpr (std::is_same_v<T, Ping>) {
            if (c->phase != HubConnection::Phase::Ready) return before_hello(c, "a ping");
            c->send(encode(Pong{seq_sent(*c)}));
          } else {
            if (c->phase != HubConnection::Phase::Ready) return before_hello(c, "an operation");
            submit(c, std::move(m.op));
          }
        },
        *message);
  }

  void on_line_too_long(const ConnectionPtr& c) override {
    const std::size_t limit = c->phase == HubConnection::Phase::Ready && c->viewer.role == core::Role::Organiser
                                  ? kMaxOrganiserLineBytes
                                  : kMaxClientLineBytes;
    c->close_with(closing_error("line_too_long", "",
                                "A line is longer than " + std::to_string(limit) + " bytes, the most the hub reads."),
                  "line longer than " + std::to_string(limit) + " bytes");
  }

  void rate_limited(const ConnectionPtr& c, const std::string& line) {
    ++counters_.rate_limited;
    if (c->rate_refusals++ == 0 && !c->rate_logged) {
      c->rate_logged = true;
      log("connection " + std::to_string(c->id()) + " is over its rate limit");
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
    s << options_.rate_per_second << " messages (bursts of " << options_.rate_burst << ")";
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
      ++counters_.refused;
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

  // [SECTION] Handshake

  void hello(const ConnectionPtr& c, Hello h) {
    if (c->phase != HubConnection::Phase::AwaitingHello) {
      c->send(encode(ErrorMessage{core::make_error("already_greeted", "type", "This connection has said hello already."), false}));
      return;
    }
    c->client_name = h.client;
    if (h.protocol != kProtocolVersion)
      return c->close_with(closing_error("protocol_mismatch", "protocol",
                                         "This hub speaks protocol " + std::to_string(kProtocolVersion) +
                                             ", the client " + std::to_string(h.protocol) +
                                             "; use a client of the same version as the hub."),
                           "protocol " + std::to_string(h.protocol));
    if (shutting_down_ || failed_)
      return c->close_with(closing_error("shutting_down", "", "The hub is shutting down; try again shortly."),
                           "hello while shutting down");
    const core::EventState& state = sequencer_.state();
    if (!h.join_code.empty()) {
      if (!state.event.created || !same_secret(h.join_code, state.event.join_code))
        return c->close_with(closing_error("wrong_join_code", "join_code",
                                           "That join code is not this event's; check the code you were given."),
                             "wrong join code");
      return welcome(c, core::Viewer{core::Role::Participant, 0}, h);
    }
    c->phase = HubConnection::Phase::Authenticating;
    c->pause_reading();
    const std::string hash = token_hash(h.token);
    log_.find_credential(hash, [this, weak = std::weak_ptr<HubConnection>(c), hash, h](
                                   core::Result<std::optional<HubCredential>> found) {
      auto c = weak.lock();
      if (!c || !c->open()) return;
      if (!found) {
        log("credential lookup failed: " + found.error().message);
        return c->close_with(closing_error("storage_error", "", "The hub could not check the token; try again."),
                             "credential lookup failed");
      }
      if (!*found || !equal_constant_time((*found)->token_hash, hash))
        return c->close_with(closing_error("wrong_token", "token",
                                           "That token is not valid for this event; join with the event's code "
                                           "or use the token you were given."),
                             "wrong token");
      const HubCredential& credential = **found;
      if (credential.role == core::Role::Participant) {
        const core::Participant* p = sequencer_.state().participant(credential.participant);
        if (p == nullptr || p->status == core::ParticipantStatus::Erased)
          return c->close_with(closing_error("erased", "token", "This participant's data was erased from the event."),
                               "token of an erased participant");
      }
      welcome(c, core::Viewer{credential.role, credential.participant}, h);
      std::vector<std::string> held = std::move(c->held_lines);
      c->held_lines.clear();
      for (std::string& line : held) {
        if (!c->open() || c->closing()) return;
        on_line(c, std::move(line));
      }
      c->resume_reading();
    });
  }

  void welcome(const ConnectionPtr& c, const core::Viewer& viewer, const Hello& h) {
    c->phase = HubConnection::Phase::Ready;
    c->viewer = viewer;
    const bool privileged = viewer.privileged();
    const double factor = privileged ? kPrivilegedRateFactor : 1.0;
    c->limiter.set(options_.rate_per_second * factor, options_.rate_burst * factor);
    const std::size_t line_bytes = viewer.role == core::Role::Organiser ? kMaxOrganiserLineBytes : kMaxClientLineBytes;
    c->set_max_line_bytes(line_bytes);
    log("connection " + std::to_string(c->id()) + " is " + describe(viewer) +
        (h.client.empty() ? "" : " (" + h.client + ")"));
    Welcome w;
    w.protocol = kProtocolVersion;
    w.event = sequencer_.state().event.name;
    w.role = viewer.role;
    w.participant = viewer.participant;
    w.seq = durable_seq_;
    w.hub = options_.hub_name;
    w.line_bytes = line_bytes;
    w.rate_per_second = options_.rate_per_second * factor;
    w.rate_burst = options_.rate_burst * factor;
    w.idle_seconds = options_.idle_seconds;
    if (h.catch_up == CatchUp::Live) {
      w.catch_up = "none";
    } else if (h.after && *h.after <= durable_seq_ && durable_seq_ - *h.after <= kMaxCatchUpOperations) {
      w.catch_up = "operations";
    } else {
      w.catch_up = "snapshot";
    }
    c->send(encode(w));
    if (w.catch_up == "none") {
      c->sent_seq = durable_seq_;
      go_live(c);
    } else if (w.catch_up == "operations") {
      c->sent_seq = *h.after;
      c->sync = HubConnection::Sync::CatchingUp;
      continue_catch_up(c);
    } else {
      request_snapshot(c);
    }
  }

  // [SECTION] Operations

  void submit(const ConnectionPtr& c, core::Operation op) {
    const std::string id = op.id;
    if (shutting_down_ || failed_) {
      c->send(encode(Refused{id, core::make_error("shutting_down", "", "The hub is shutting down; send it again when it is back.")}));
      return;
    }
    const core::Actor actor{c->viewer.role, c->viewer.participant};
    log_.before_apply(sequencer_.state(), op);
    auto outcome = sequencer_.submit(std::move(op), actor, unix_ms());
    if (!outcome) {
      ++counters_.refused;
      reply(c, make_line(encode(Refused{id, outcome.error()})));
      return;
    }
    core::Operation& applied = outcome->applied;
    if (outcome->duplicate) {
      ++counters_.duplicates;
      const bool newcomer = c->viewer.role == core::Role::Participant && c->viewer.participant == 0;
      if (newcomer && std::holds_alternative<core::Register>(applied.payload))
        return resent_registration(c, id, applied.sequence);
      Ack ack{id, applied.sequence, true, 0, {}};
      reply(c, make_line(encode(ack)));
      return;
    }
    ++counters_.applied;
    PendingOperation pending{render_operation(applied, sequencer_.state()), c, {}};
    std::optional<HubCredential> credential;
    Ack ack{id, applied.sequence, false, 0, {}};
    std::optional<core::Viewer> becomes;
    if (const auto* reg = std::get_if<core::Register>(&applied.payload);
        reg != nullptr && actor.role == core::Role::Participant && actor.participant == 0) {
      ack.participant = reg->participant;
      ack.token = make_token();
      credential = HubCredential{token_hash(ack.token), core::Role::Participant, reg->participant};
      becomes = core::Viewer{core::Role::Participant, reg->participant};
    }
    pending.replies.push_back(Reply{c, make_line(encode(ack)), becomes});
    if (change_listener_) change_listener_(applied);
    log_.append(std::move(applied), std::move(credential), sequencer_.state());
    pending_.push_back(std::move(pending));
  }

  // A newcomer sends the registration it made before again: its acknowledgement (and token) was
  // lost. The id is known only to the client that made it (others see "s<seq>"), so the client
  // gets a fresh token for the participant it registered.
  void resent_registration(const ConnectionPtr& c, const std::string& id, std::uint64_t seq) {
    if (seq > durable_seq_) {
      reply(c, make_line(encode(Refused{id, core::make_error("not_yet_durable", "id",
                                                             "This registration is still being saved; wait for "
                                                             "its acknowledgement.")})));
      return;
    }
    log_.read_after(seq - 1, 1, [this, weak = std::weak_ptr<HubConnection>(c), id, seq](
                                    core::Result<std::vector<core::Operation>> ops) {
      auto c = weak.lock();
      if (!c || !c->open()) return;
      const core::Register* reg = nullptr;
      if (ops && !ops->empty() && ops->front().sequence == seq) reg = std::get_if<core::Register>(&ops->front().payload);
      if (reg == nullptr || ops->front().actor.role != core::Role::Participant || ops->front().actor.participant != 0) {
        c->send(encode(Refused{id, core::make_error("duplicate_operation", "id",
                                                    "Operation '" + id + "' was applied before (sequence " +
                                                        std::to_string(seq) + ").")}));
        return;
      }
      const core::ParticipantId participant = reg->participant;
      const std::string token = make_token();
      log_.put_credential(HubCredential{token_hash(token), core::Role::Participant, participant},
                          [this, weak, id, seq, participant, token](core::Status stored) {
                            auto c = weak.lock();
                            if (!c || !c->open()) return;
                            if (!stored) {
                              c->send(encode(Refused{id, core::make_error("storage_error", "", "The hub could not store a token; try again.")}));
                              return;
                            }
                            become(c, core::Viewer{core::Role::Participant, participant});
                            log("connection " + std::to_string(c->id()) + " resent its registration: participant " +
                                std::to_string(participant) + " gets a new token");
                            c->send(encode(Ack{id, seq, true, participant, token}));
                          });
    });
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
    durable_seq_ = std::max(durable_seq_, seq);
    while (!pending_.empty() && pending_.front().lines.seq <= durable_seq_) {
      PendingOperation op = std::move(pending_.front());
      pending_.pop_front();
      activate_snapshots(op.lines.seq - 1);
      broadcast(op);
      for (Reply& r : op.replies) {
        auto c = r.connection.lock();
        if (!c || !c->open()) continue;
        if (r.becomes) {
          become(c, *r.becomes);
          log("connection " + std::to_string(c->id()) + " registered participant " +
              std::to_string(r.becomes->participant));
        }
        cork(c);
        c->send(r.line);
      }
    }
    for (const ConnectionPtr& c : corked_) c->uncork();
    corked_.clear();
    activate_snapshots(durable_seq_);
    if (held_teams_ && held_teams_->second <= durable_seq_) {
      auto held = std::move(*held_teams_);
      held_teams_.reset();
      publish_teams(std::move(held.first), held.second);
    }
    if (shutting_down_ && pending_.empty()) finish_shutdown();
  }

  void on_storage_failed(const core::Error& error) override {
    if (failed_) return;
    failed_ = true;
    log("the store failed: " + error.message + "; operations after " + std::to_string(durable_seq_) +
        " are lost; stopping");
    for (PendingOperation& op : pending_) {
      for (Reply& r : op.replies) {
        if (auto c = r.connection.lock()) {
          c->send(encode(Refused{"", core::make_error("storage_failed", "", "The hub could not store this; send it again when the hub is back.")}));
        }
      }
    }
    pending_.clear();
    shutting_down_ = true;
    finish_shutdown();
  }

  static bool owns(const OperationLines& lines, const core::Viewer& viewer) {
    core::Operation probe;
    probe.actor = lines.actor;
    return core::is_own(probe, viewer);
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
        fanout_.send(c, line);
      }
      ++counters_.lines_sent;
    }
  }

  void broadcast(const PendingOperation& op) {
    const ConnectionPtr submitter = op.submitter.lock();
    if (op.lines.everyone) {
      for (const auto& [id, c] : connections_) send_op(c, op, submitter);
      return;
    }
    // Only some see it: organisers, brokers, the people involved, and the one who sent it.
    std::unordered_set<std::uint64_t> done;
    const auto to = [&](const ConnectionPtr& c) {
      if (c && done.insert(c->id()).second) send_op(c, op, submitter);
    };
    for (const std::uint64_t id : privileged_) to(find(id));
    for (const auto& [participant, line] : op.lines.personal) {
      const auto range = by_participant_.equal_range(participant);
      for (auto it = range.first; it != range.second; ++it) to(find(it->second));
    }
    if (op.lines.actor.role == core::Role::Participant && op.lines.actor.participant != 0) {
      const auto range = by_participant_.equal_range(op.lines.actor.participant);
      for (auto it = range.first; it != range.second; ++it) to(find(it->second));
    }
    to(submitter);
  }

  ConnectionPtr find(std::uint64_t id) const {
    const auto it = connections_.find(id);
    return it == connections_.end() ? nullptr : it->second;
  }

  // [SECTION] Catch-up and snapshots

  std::uint64_t seq_sent(const HubConnection& c) const {
    return c.sync == HubConnection::Sync::Live ? durable_seq_ : c.sent_seq;
  }

  void go_live(const ConnectionPtr& c) {
    c->sync = HubConnection::Sync::Live;
    c->sent_seq = durable_seq_;
    index_connection(c);
    c->send(encode(CaughtUp{durable_seq_}));
    if (teams_) send_teams(c);
  }

  // A newcomer who registered is that participant from now on, also for the operations that
  // only the people involved receive.
  void become(const ConnectionPtr& c, const core::Viewer& viewer) {
    const bool indexed = c->sync == HubConnection::Sync::Live;
    if (indexed) unindex_connection(*c);
    c->viewer = viewer;
    if (indexed) index_connection(c);
  }

  void index_connection(const ConnectionPtr& c) {
    if (c->viewer.privileged()) {
      privileged_.insert(c->id());
    } else if (c->viewer.participant != 0) {
      by_participant_.emplace(c->viewer.participant, c->id());
    }
  }

  void unindex_connection(const HubConnection& c) {
    privileged_.erase(c.id());
    const auto range = by_participant_.equal_range(c.viewer.participant);
    for (auto it = range.first; it != range.second; ++it) {
      if (it->second == c.id()) {
        by_participant_.erase(it);
        break;
      }
    }
  }

  void continue_catch_up(const ConnectionPtr& c) {
    if (!c->open() || c->closing() || c->sync != HubConnection::Sync::CatchingUp || c->read_in_flight) return;
    if (c->sent_seq >= durable_seq_) return go_live(c);
    if (c->unsent_bytes() > 64 * 1024 || !c->backlog_empty()) return;  // on_drained resumes
    c->read_in_flight = true;
    log_.read_after(c->sent_seq, kCatchUpBatch, [this, weak = std::weak_ptr<HubConnection>(c)](
                                                    core::Result<std::vector<core::Operation>> ops) {
      auto c = weak.lock();
      if (!c || !c->open()) return;
      c->read_in_flight = false;
      if (!ops) {
        log("catch-up read failed: " + ops.error().message);
        return c->close_with(closing_error("storage_error", "", "The hub could not read its log; reconnect."),
                             "catch-up read failed");
      }
      // Visibility and contact details follow the hub's state now; the operations still to come
      // bring every later change.
      const core::EventState& state = sequencer_.state();
      for (const core::Operation& op : *ops) {
        if (op.sequence <= c->sent_seq) continue;
        if (auto viewed = core::view_operation(op, state, c->viewer, core::is_own(op, c->viewer))) {
          c->send(encode_applied(viewed->op, viewed->contacts));
          ++counters_.lines_sent;
        }
        c->sent_seq = op.sequence;
      }
      if (ops->empty()) c->sent_seq = durable_seq_;
      continue_catch_up(c);
    });
  }

  void on_drained(const ConnectionPtr& c) override {
    if (c->sync == HubConnection::Sync::CatchingUp) continue_catch_up(c);
  }

  void request_snapshot(const ConnectionPtr& c) {
    const std::uint64_t applied = sequencer_.last_sequence();
    const auto now = Clock::now();
    if (!snapshot_base_.state || now - snapshot_base_.made > kSnapshotReuse ||
        applied - snapshot_base_.seq > kSnapshotReuseOperations) {
      SnapshotBase base;
      base.seq = applied;
      base.made = now;
      auto state = std::make_shared<core::EventState>(sequencer_.state());
      const core::EventState everyone = core::view_state(*state, core::Viewer{core::Role::Participant, 0});
      auto items = std::make_shared<std::vector<Line>>();
      for (std::string& line : encode_snapshot_items(everyone)) items->push_back(make_line(std::move(line)));
      base.state = std::move(state);
      base.public_items = std::move(items);
      snapshot_base_ = std::move(base);
    }
    c->sync = HubConnection::Sync::Snapshot;
    c->snapshot_seq = snapshot_base_.seq;
    waiting_snapshots_[c->id()] = snapshot_base_;
    if (c->snapshot_seq <= durable_seq_) activate_snapshot(c);
  }

  void activate_snapshots(std::uint64_t up_to) {
    // Called for every durable operation: only the connections waiting for a snapshot are looked
    // at, not every connection.
    if (waiting_snapshots_.empty()) return;
    std::vector<ConnectionPtr> ready;
    for (const auto& [id, base] : waiting_snapshots_) {
      const ConnectionPtr c = find(id);
      if (c && c->sync == HubConnection::Sync::Snapshot && c->snapshot_seq <= up_to) ready.push_back(c);
    }
    for (const ConnectionPtr& c : ready) activate_snapshot(c);
  }

  void activate_snapshot(const ConnectionPtr& c) {
    const auto waiting = waiting_snapshots_.find(c->id());
    if (waiting == waiting_snapshots_.end()) return;
    const SnapshotBase snapshot = std::move(waiting->second);
    waiting_snapshots_.erase(waiting);
    std::vector<Line> lines;
    const core::EventState& state = *snapshot.state;
    if (c->viewer.privileged()) {
      for (std::string& line : encode_snapshot(core::view_state(state, c->viewer), snapshot.seq))
        lines.push_back(make_line(std::move(line)));
    } else {
      // The items every participant sees, then this participant's own records over them.
      const core::EventState view = core::view_state(state, c->viewer);
      lines.push_back(make_line(encode_snapshot_begin(view, snapshot.seq)));
      lines.insert(lines.end(), snapshot.public_items->begin(), snapshot.public_items->end());
      for (std::string& line : encode_snapshot_items(core::personal_view(state, c->viewer.participant)))
        lines.push_back(make_line(std::move(line)));
      lines.push_back(make_line(encode_snapshot_end(snapshot.seq)));
    }
    c->sent_seq = snapshot.seq;
    c->sync = HubConnection::Sync::CatchingUp;
    c->send_backlog(std::move(lines));
    continue_catch_up(c);
  }

  // [SECTION] Team suggestions

  // Teams formed from a state that is not durable yet wait for it, so that no client sees a
  // team with someone whose registration a crash could take back.
  void publish_teams(Teams teams, std::uint64_t as_of) {
    if (failed_ || stopping_) return;
    if (as_of > durable_seq_) {
      held_teams_ = std::make_pair(std::move(teams), as_of);
      return;
    }
    held_teams_.reset();
    const auto started = Clock::now();
    std::size_t clients = 0;
    teams_ = std::make_shared<Teams>(std::move(teams));
    team_of_.clear();
    for (std::size_t i = 0; i < teams_->teams.size(); ++i) {
      for (const core::ParticipantId p : teams_->teams[i].members) team_of_[p] = i;
    }
    all_teams_lines_.clear();
    for (std::string& line : encode_teams(*teams_)) all_teams_lines_.push_back(make_line(std::move(line)));
    for (const auto& [id, c] : connections_) {
      if (c->sync == HubConnection::Sync::Live && !c->closing()) {
        send_teams(c, true);
        ++clients;
      }
    }
    log("teams version " + std::to_string(teams_->version) + ": " + std::to_string(teams_->teams.size()) +
        " teams, pushed to " + std::to_string(clients) + " clients in " +
        std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count()) + " ms");
  }

  // Organisers and brokers see every team; a participant sees their own team only. A new version
  // pushed to everyone is `held` like other people's operations, so that it goes out in batches.
  void send_teams(const ConnectionPtr& c, bool held = false) {
    const auto send = [&](const Line& line) {
      if (held) {
        fanout_.send(c, line);
      } else {
        c->send(line);
      }
    };
    if (c->viewer.privileged()) {
      for (const Line& line : all_teams_lines_) send(line);
      return;
    }
    Teams mine{teams_->version, {}};
    if (const auto it = team_of_.find(c->viewer.participant); it != team_of_.end())
      mine.teams.push_back(teams_->teams[it->second]);
    for (std::string& line : encode_teams(mine)) send(make_line(std::move(line)));
  }

  // [SECTION] Closing and shutdown

  void on_closed(const ConnectionPtr& c) override {
    unindex_connection(*c);
    waiting_snapshots_.erase(c->id());
    connections_.erase(c->id());
    log("connection " + std::to_string(c->id()) + " (" + describe(c->viewer) + ") closed: " + c->close_reason());
    if (stopping_ && connections_.empty()) finish_stop();
  }

  void shutdown(std::function<void()> done) {
    if (stopping_) return;
    shutdown_done_ = std::move(done);
    shutting_down_ = true;
    std::error_code ec;
    acceptor_.close(ec);
    log("shutting down: finishing " + std::to_string(pending_.size()) + " pending operations");
    if (pending_.empty()) finish_shutdown();
  }

  void finish_shutdown() {
    if (stopping_) return;
    stopping_ = true;
    std::error_code ec;
    acceptor_.close(ec);
    fanout_.release_all();
    std::vector<ConnectionPtr> all;
    for (const auto& [id, c] : connections_) all.push_back(c);
    for (const ConnectionPtr& c : all) {
      c->close_with(closing_error("shutting_down", "", "The hub is shutting down; reconnect when it is back."),
                    "hub shutting down");
    }
    if (connections_.empty()) return finish_stop();
    // Clients that do not read get no more than the grace period.
    auto grace = std::make_shared<asio::steady_timer>(io_, kClosingGrace);
    grace->async_wait([this, grace](const std::error_code&) {
      std::vector<ConnectionPtr> rest;
      for (const auto& [id, c] : connections_) rest.push_back(c);
      for (const ConnectionPtr& c : rest) c->close_now("hub shutting down");
      finish_stop();
    });
  }

  void finish_stop() {
    if (stopped_) return;
    stopped_ = true;
    tick_.cancel();
    fanout_.stop();
    log("stopped: durable up to " + std::to_string(durable_seq_));
    if (shutdown_done_) {
      auto done = std::move(shutdown_done_);
      shutdown_done_ = nullptr;
      asio::post(io_, std::move(done));
    }
  }

  void log(const std::string& text) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    out_ << std::put_time(&tm, "%Y-%m-%dT%H:%M:%SZ") << " " << text << "\n" << std::flush;
  }

  asio::io_context& io_;
  const core::Taxonomy& taxonomy_;
  HubLog& log_;
  HubOptions options_;
  std::ostream& out_;
  asio::ip::tcp::acceptor acceptor_;
  std::unique_ptr<TlsServer> tls_;
  asio::steady_timer tick_;
  HeldFanout fanout_;  // other people's lines, held up to HubOptions::fanout_hold_ms
  unsigned short port_ = 0;
  core::Sequencer sequencer_;
  std::uint64_t durable_seq_ = 0;
  std::unordered_map<std::uint64_t, ConnectionPtr> connections_;
  std::set<std::uint64_t> privileged_;
  std::unordered_multimap<core::ParticipantId, std::uint64_t> by_participant_;
  std::uint64_t next_connection_ = 0;
  std::deque<PendingOperation> pending_;
  SnapshotBase snapshot_base_;
  std::unordered_map<std::uint64_t, SnapshotBase> waiting_snapshots_;
  std::shared_ptr<Teams> teams_;
  std::unordered_map<core::ParticipantId, std::size_t> team_of_;
  std::vector<Line> all_teams_lines_;
  std::optional<std::pair<Teams, std::uint64_t>> held_teams_;
  std::vector<ConnectionPtr> corked_;
  std::function<void(const core::Operation&)> change_listener_;
  std::function<void()> shutdown_done_;
  bool shutting_down_ = false;
  bool stopping_ = false;
  bool stopped_ = false;
  bool failed_ = false;
  HubCounters counters_;
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
const core::EventState& HubServer::state() const { return impl_->sequencer_.state(); }
std::uint64_t HubServer::applied_seq() const { return impl_->sequencer_.last_sequence(); }
std::uint64_t HubServer::durable_seq() const { return impl_->durable_seq_; }
HubCounters HubServer::counters() const {
  HubCounters c = impl_->counters_;
  c.connections = impl_->connections_.size();
  return c;
}
bool HubServer::failed() const { return impl_->failed_; }
void HubServer::set_change_listener(std::function<void(const core::Operation&)> listener) {
  impl_->change_listener_ = std::move(listener);
}
void HubServer::publish_teams(Teams teams, std::uint64_t as_of) { impl_->publish_teams(std::move(teams), as_of); }

}  // namespace crossmatch::net
