// The hub server put together from its parts (net/hub_*.hpp: acceptor, sign-in, room, catch-up,
// teams, shutdown, over a shared context and roster), and each line a client sends handed to the
// part it is for. The parts call each other directly, all on the network thread; the log's
// durability reports arrive here and go to the room, then the team versions, then shutdown.
#include "net/hub_server.hpp"

#include <chrono>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/overloaded.hpp"
#include "net/hub_acceptor.hpp"
#include "net/hub_catch_up.hpp"
#include "net/hub_context.hpp"
#include "net/hub_expiry.hpp"
#include "net/hub_refill.hpp"
#include "net/hub_room.hpp"
#include "net/hub_shutdown.hpp"
#include "net/hub_sign_in.hpp"
#include "net/hub_teams.hpp"
#include "net/line_parser.hpp"
#include "net/recent_log.hpp"

namespace crossmatch::net {
namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

class HubServer::Impl final : public HubConnectionOwner, public DurabilityListener {
 public:
  Impl(asio::io_context& io, const core::Taxonomy& taxonomy, HubLog& log, HubOptions options,
       std::ostream& out)
      : recent_(io, log),
        hub_(io, taxonomy, recent_, std::move(options), out),
        teams_(hub_),
        catch_up_(hub_, teams_),
        sign_in_(hub_, catch_up_),
        room_(hub_, sign_in_, catch_up_),
        acceptor_(hub_, *this),
        expiry_(hub_, room_),
        refill_(hub_, room_),
        shutdown_(hub_, room_, acceptor_),
        parser_(io) {
    hub_.log.set_listener(this);
    acceptor_.set_tick_listener([this] { expiry_.tick(); });
    room_.set_freed_listener([this](std::uint64_t seq, const std::vector<core::Placement>& freed) {
      refill_.freed(seq, freed);
    });
  }

  ~Impl() override { hub_.log.set_listener(nullptr); }

  // [SECTION] Lines from clients

  void on_line(const ConnectionPtr& c, std::string line) override {
    if (!c->limiter.take(Clock::now())) return acceptor_.rate_limited(c, line);
    c->rate_refusals = 0;
    if (line.size() <= kParseInlineBytes) return handle(c, read_client_line(line));
    // A long line is read on the parser's thread; this client's next lines wait for it.
    c->await_lines();
    parser_.parse(std::move(line), [this, weak = std::weak_ptr<HubConnection>(c)](ReadLine read) {
      auto c = weak.lock();
      if (!c || !c->open() || c->closing()) return;
      handle(c, std::move(read));
      c->resume_lines();
    });
  }

  void handle(const ConnectionPtr& c, ReadLine read) {
    if (!read.message) return bad_message(c, read.op_id, read.message.error());
    core::Result<ClientMessage>& message = read.message;
    std::visit(core::Overloaded{
                   [&](Hello& m) { sign_in_.hello(c, std::move(m)); },
                   [&](Ping&) {
                     if (c->phase != HubConnection::Phase::Ready) return before_hello(c, "a ping");
                     c->send(encode(Pong{catch_up_.seq_sent(*c)}));
                   },
                   [&](Submit& m) {
                     if (c->phase != HubConnection::Phase::Ready)
                       return before_hello(c, "an operation");
                     room_.submit(c, std::move(m.op));
                   },
                   [&](PlanSchedule& m) {
                     if (c->phase != HubConnection::Phase::Ready)
                       return before_hello(c, "a plan request");
                     if (!may_plan(c, m.id)) return;
                     plan_handlers_.plan(c->id(), std::move(m));
                   },
                   [&](StopPlan& m) {
                     if (c->phase != HubConnection::Phase::Ready)
                       return before_hello(c, "a plan request");
                     if (!may_plan(c, m.id)) return;
                     plan_handlers_.stop(c->id(), m);
                   },
               },
               *message);
  }

  // Only the organiser plans schedules, and only on a hub that has a planner.
  bool may_plan(const ConnectionPtr& c, const std::string& id) {
    std::optional<core::Error> refusal;
    if (c->viewer.role != core::Role::Organiser) {
      refusal = core::Error{"forbidden", "type",
                            "Only the organiser may ask the hub to plan the schedule."};
    } else if (!plan_handlers_.plan || !plan_handlers_.stop) {
      refusal = core::Error{"not_available", "type", "This hub does not plan schedules."};
    }
    if (!refusal) return true;
    SchedulePlanned answer;
    answer.id = id;
    answer.error = std::move(refusal);
    send_plan(*c, answer);
    return false;
  }

  void send_plan(HubConnection& c, const SchedulePlanned& planned) {
    if (!c.open() || c.closing()) return;
    for (std::string& line : encode_schedule_plan(planned)) {
      ++hub_.counters.lines_sent;
      c.send(std::move(line));
    }
  }

  void on_line_too_long(const ConnectionPtr& c) override { acceptor_.line_too_long(c); }

  void on_closing(HubConnection& c) override { hub_.admission.closing(c); }

  void on_drained(const ConnectionPtr& c) override { catch_up_.on_drained(c); }

  void on_closed(const ConnectionPtr& c) override {
    catch_up_.forget(*c);
    hub_.roster.remove(*c);
    if (plan_handlers_.closed) plan_handlers_.closed(c->id());
    hub_.note("connection " + std::to_string(c->id()) + " (" + describe(c->viewer) +
              ") closed: " + c->close_reason());
    if (hub_.stopping && hub_.roster.empty()) shutdown_.stop();
  }

  void bad_message(const ConnectionPtr& c, const std::string& id, const core::Error& error) {
    if (c->phase != HubConnection::Phase::Ready) {
      core::Error e = error;
      e.message = "The hello could not be read: " + e.message;
      c->close_with(ErrorMessage{e, true}, "bad hello: " + error.code + " " + error.field);
      return;
    }
    if (!id.empty()) {
      ++hub_.counters.refused;
      room_.reply(c, make_line(encode(Refused{id, error})));
    } else {
      c->send(encode(ErrorMessage{error, false}));
    }
  }

  void before_hello(const ConnectionPtr& c, const char* what) {
    c->close_with(closing_error("hello_first", "type",
                                std::string("The client sent ") + what +
                                    " before its hello; say hello first."),
                  std::string(what) + " before the hello");
  }

  // [SECTION] Durability

  void on_durable(std::uint64_t seq) override {
    room_.on_durable(seq);
    teams_.on_durable();
    if (hub_.shutting_down && room_.pending() == 0) shutdown_.close_all();
  }

  void on_storage_failed(const core::Error& error) override { shutdown_.storage_failed(error); }

  // In this order: each part is built after the parts it calls.
  RecentLog recent_;
  HubContext hub_;
  HubTeams teams_;
  HubCatchUp catch_up_;
  HubSignIn sign_in_;
  HubRoom room_;
  HubAcceptor acceptor_;
  HubExpiry expiry_;
  HubRefill refill_;
  HubShutdown shutdown_;
  LineParser parser_;  // last: its thread stops first
  PlanHandlers plan_handlers_;
};

HubServer::HubServer(asio::io_context& io, const core::Taxonomy& taxonomy, HubLog& log,
                     HubOptions options, std::ostream& log_out)
    : impl_(std::make_unique<Impl>(io, taxonomy, log, std::move(options), log_out)) {}
HubServer::~HubServer() = default;

void HubServer::restore(core::EventState state, std::uint64_t last_sequence,
                        core::AppliedIds operation_ids) {
  impl_->hub_.sequencer.restore(std::move(state), last_sequence, std::move(operation_ids));
  impl_->hub_.durable_seq = last_sequence;
  impl_->recent_.restored(last_sequence);
}
core::Status HubServer::listen() {
  return impl_->acceptor_.listen();
}
unsigned short HubServer::port() const {
  return impl_->acceptor_.port();
}
void HubServer::shutdown(std::function<void()> done) {
  impl_->shutdown_.begin(std::move(done));
}
const core::EventState& HubServer::state() const {
  return impl_->hub_.sequencer.state();
}
std::uint64_t HubServer::applied_seq() const {
  return impl_->hub_.sequencer.last_sequence();
}
std::uint64_t HubServer::durable_seq() const {
  return impl_->hub_.durable_seq;
}
HubCounters HubServer::counters() const {
  HubCounters c = impl_->hub_.counters;
  c.connections = static_cast<std::uint64_t>(impl_->hub_.admission.open());
  return c;
}
void HubServer::set_failure_listener(std::function<void()> listener) {
  impl_->shutdown_.set_failure_listener(std::move(listener));
}

bool HubServer::failed() const {
  return impl_->hub_.failed;
}
void HubServer::set_change_listener(std::function<void(const core::Operation&)> listener) {
  impl_->room_.set_change_listener(std::move(listener));
}
void HubServer::publish_teams(Teams teams, std::uint64_t as_of) {
  impl_->teams_.publish(std::move(teams), as_of);
}
void HubServer::set_plan_handlers(PlanHandlers handlers) {
  impl_->plan_handlers_ = std::move(handlers);
}
void HubServer::send_plan(std::uint64_t connection, const SchedulePlanned& planned) {
  if (const ConnectionPtr c = impl_->hub_.roster.find(connection)) impl_->send_plan(*c, planned);
}

}  // namespace crossmatch::net
