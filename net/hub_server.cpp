// [SECTION] index: the hub server's logic.
//   Lines from clients            on_line, bad_message
//   Durability                    on_durable, on_storage_failed
//   Shutdown                      shutdown, finish_shutdown
// Elsewhere: accepting and limits (net/hub_acceptor.*: the connection cap, time-outs, rate and
// line length), the room (net/hub_room.*: sequencing, waiting for durability, fan-out), sign-in
// (net/hub_sign_in.*), catch-up and snapshots (net/hub_catch_up.*), team versions
// (net/hub_teams.*), what all parts share (net/hub_context.*).
#include "net/hub_server.hpp"

#include <chrono>
#include <utility>

#include "net/hub_acceptor.hpp"
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
        acceptor_(hub_, *this) {
    hub_.log.set_listener(this);
  }

  ~Impl() override { hub_.log.set_listener(nullptr); }

  void restore(core::EventState state, std::uint64_t last, std::unordered_map<std::string, std::uint64_t> ids) {
    hub_.sequencer.restore(std::move(state), last, std::move(ids));
    hub_.durable_seq = last;
  }

  // [SECTION] Lines from clients

  void on_line(const ConnectionPtr& c, std::string line) override {
    if (c->phase == HubConnection::Phase::Authenticating) {
      c->held_lines.push_back(std::move(line));
      return;
    }
    if (!c->limiter.take(Clock::now())) return acceptor_.rate_limited(c, line);
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

  void on_line_too_long(const ConnectionPtr& c) override { acceptor_.line_too_long(c); }

  void on_drained(const ConnectionPtr& c) override { catch_up_.on_drained(c); }

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
    acceptor_.stop_accepting();
    hub_.note("shutting down: finishing " + std::to_string(room_.pending()) + " pending operations");
    if (room_.pending() == 0) finish_shutdown();
  }

  void finish_shutdown() {
    if (hub_.stopping) return;
    hub_.stopping = true;
    acceptor_.stop_accepting();
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
    acceptor_.stop_ticking();
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
  HubAcceptor acceptor_;
  std::function<void()> shutdown_done_;

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
core::Status HubServer::listen() { return impl_->acceptor_.listen(); }
unsigned short HubServer::port() const { return impl_->acceptor_.port(); }
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
