#include "net/client_connection.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <deque>
#include <random>
#include <thread>

#include "net/hub_link.hpp"
#include "net/protocol.hpp"
#include "net/tls_identity.hpp"
#include "net/tokens.hpp"

namespace crossmatch::net {

// [SECTION] Outbox in memory

core::Status MemoryOutbox::add(const core::Operation& op) {
  std::lock_guard lock(mutex_);
  ops_.push_back(op);
  return core::Status::success();
}

core::Status MemoryOutbox::remove(const std::string& id) {
  std::lock_guard lock(mutex_);
  std::erase_if(ops_, [&](const core::Operation& op) { return op.id == id; });
  return core::Status::success();
}

core::Result<std::vector<core::Operation>> MemoryOutbox::pending() {
  std::lock_guard lock(mutex_);
  return ops_;
}

const char* to_string(ConnectionState state) {
  switch (state) {
    case ConnectionState::Connecting:
      return "connecting";
    case ConnectionState::CatchingUp:
      return "catching up";
    case ConnectionState::Online:
      return "online";
    case ConnectionState::Reconnecting:
      return "reconnecting";
    case ConnectionState::Offline:
      return "offline";
  }
  return "offline";
}

std::string make_operation_id() {
  return "c-" + make_token().substr(0, 32);
}

namespace {

using Clock = std::chrono::steady_clock;

// Refusals that say "not now" rather than "no": the operation stays pending and is sent again.
bool transient(const std::string& code) {
  return code == "rate_limited" || code == "shutting_down" || code == "not_yet_durable" ||
         code == "storage_failed" || code == "storage_error" || code == "too_many_registrations";
}

}  // namespace

// Connection errors after which trying again cannot help.
bool gives_up_on(const std::string& code) {
  return code == "wrong_token" || code == "wrong_join_code" || code == "protocol_mismatch" ||
         code == "erased" || code == "tls_required" || code == "tls_not_enabled" ||
         code == "unknown_check_in_code" || code == "not_a_kiosk" || code == "withdrawn";
}

// Handlers capture `this`: stop() joins the thread before the Impl goes away, and destroying the
// io_context drops handlers that never ran. The connection itself is a HubLink (net/hub_link.hpp):
// one per attempt, closed when it is lost, so that nothing of an old attempt reaches the new one.
class ClientConnection::Impl final : private HubLink::Listener {
 public:
  Impl(const core::Taxonomy& taxonomy, ClientOptions options, Outbox& outbox)
      : taxonomy_(taxonomy),
        options_(std::move(options)),
        outbox_(outbox),
        reconnect_timer_(io_),
        tick_(io_),
        rng_(std::random_device{}()) {
    token_ = options_.token;
    const JoinCode typed = split_join_code(options_.join_code);
    hello_code_ = typed.code;
    if (!options_.insecure) tls_ = std::make_unique<TlsClient>();
    target_.host = options_.host;
    target_.port = options_.port;
    target_.tls = tls_.get();
    target_.pin = options_.pin.empty() ? typed.pin : options_.pin;
    target_.pin_remembered = options_.pin_remembered;
    target_.forget_hint = options_.forget_hint;
    if (options_.after) last_seq_ = *options_.after;
    have_replica_ = options_.after.has_value();
  }

  core::Status start() {
    auto pending = [&] {
      std::lock_guard lock(outbox_mutex_);
      return outbox_.pending();
    }();
    if (!pending) return pending.error();
    {
      std::lock_guard lock(mutex_);
      pending_ = std::move(*pending);
    }
    asio::post(io_, [this] {
      this->connect();
      this->schedule_tick();
    });
    thread_ = std::thread([this] { this->io_.run(); });
    return core::Status::success();
  }

  void stop() {
    if (!thread_.joinable()) return;
    asio::post(io_, [this] {
      this->stopped_ = true;
      this->reconnect_timer_.cancel();
      this->tick_.cancel();
      this->close_stream();
      this->set_state(ConnectionState::Offline, "stopped");
      this->io_.stop();
    });
    thread_.join();
  }

  core::Result<std::string> submit(core::Operation op) {
    if (op.id.empty()) op.id = make_operation_id();
    {
      std::lock_guard lock(outbox_mutex_);
      if (core::Status s = outbox_.add(op); !s) return s.error();
    }
    {
      std::lock_guard lock(mutex_);
      pending_.push_back(op);
    }
    const std::string id = op.id;
    asio::post(io_, [this, op = std::move(op)] {
      if (this->welcomed_) this->send(encode(ClientMessage{Submit{op}}));
    });
    return id;
  }

  void request(ClientMessage message) {
    asio::post(io_, [this, message = std::move(message)] {
      if (this->welcomed_) this->send(encode(message));
    });
  }

  std::vector<ClientEvent> drain() {
    std::lock_guard lock(mutex_);
    std::vector<ClientEvent> out;
    out.swap(inbox_);
    return out;
  }

  void set_wakeup(std::function<void()> wakeup) {
    std::lock_guard lock(mutex_);
    wakeup_ = std::move(wakeup);
  }

  ConnectionState state() const {
    std::lock_guard lock(mutex_);
    return state_;
  }
  std::size_t pending() const {
    std::lock_guard lock(mutex_);
    return pending_.size();
  }
  std::uint64_t last_seq() const {
    std::lock_guard lock(mutex_);
    return last_seq_;
  }
  std::string token() const {
    std::lock_guard lock(mutex_);
    return token_;
  }
  core::ParticipantId participant() const {
    std::lock_guard lock(mutex_);
    return participant_;
  }
  std::string hub_fingerprint() const {
    std::lock_guard lock(mutex_);
    return fingerprint_;
  }
  std::uint64_t bytes_received() const { return bytes_received_; }

 private:
  // [SECTION] Inbox (any thread; the lock guards it)

  void deliver(ClientEvent event) {
    std::function<void()> wakeup;
    {
      std::lock_guard lock(mutex_);
      inbox_.push_back(std::move(event));
      wakeup = wakeup_;
    }
    if (wakeup) wakeup();
  }

  void set_state(ConnectionState state, std::string reason = {}, double retry = 0) {
    {
      std::lock_guard lock(mutex_);
      if (state_ == state && state != ConnectionState::Reconnecting) return;
      state_ = state;
    }
    deliver(StateChanged{state, std::move(reason), retry});
  }

  // [SECTION] Connecting (the connection's thread from here on)

  void connect() {
    if (stopped_) return;
    set_state(ConnectionState::Connecting);
    Hello hello;
    hello.protocol = kProtocolVersion;
    {
      std::lock_guard lock(mutex_);
      if (!token_.empty()) {
        hello.token = token_;
        hello.check_in_code = options_.check_in_code;
      } else {
        hello.join_code = hello_code_;
      }
      if (have_replica_) hello.after = last_seq_;
      hello.notices_after = have_replica_ ? std::optional(last_seq_) : options_.notices_after;
    }
    hello.catch_up = options_.catch_up;
    hello.client = options_.client_name;
    if (options_.compress) hello.compress = {"zstd"};
    link_base_ = bytes_received_.load();
    link_ = HubLink::open(io_, target_, hello, *this);
  }

  void link_opened(const std::string& fingerprint) override {
    if (tls_) {
      std::lock_guard lock(mutex_);
      fingerprint_ = fingerprint;
    }
    welcomed_ = false;
    last_received_ = last_sent_ = Clock::now();
  }

  void link_read() override {
    last_received_ = Clock::now();
    if (link_) bytes_received_ = link_base_ + link_->bytes_received();
  }

  void link_ended(const LinkEnd& end) override {
    if (end.fatal && end.error) return give_up(*end.error);
    if (end.error) deliver(HubError{*end.error, false});
    lost(end.reason);
  }

  void give_up(const core::Error& error) {
    deliver(HubError{error, true});
    given_up_ = true;
    close_stream();
    set_state(ConnectionState::Offline, error.message);
  }

  void lost(const std::string& reason) {
    close_stream();
    if (stopped_ || given_up_) return;
    const double cap =
        std::min(options_.backoff_max_seconds,
                 options_.backoff_initial_seconds * std::pow(2.0, std::min(attempt_, 30)));
    ++attempt_;
    // Half the back-off plus a random half, so that many clients losing one hub do not all come
    // back at once.
    const double delay = cap / 2 + std::uniform_real_distribution<double>(0, cap / 2)(rng_);
    set_state(ConnectionState::Reconnecting, reason, delay);
    reconnect_timer_.expires_after(
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(delay)));
    reconnect_timer_.async_wait([this](const std::error_code& ec) {
      if (!ec) this->connect();
    });
  }

  void close_stream() {
    if (link_) link_->close();
    link_.reset();
    welcomed_ = false;
  }

  bool online() const { return link_ && link_->is_open(); }

  // [SECTION] Writing

  void send(std::string line) {
    if (!online()) return;
    last_sent_ = Clock::now();
    link_->send(std::move(line));
  }

  void schedule_tick() {
    tick_.expires_after(std::chrono::milliseconds(500));
    tick_.async_wait([this](const std::error_code& ec) {
      if (ec || this->stopped_) return;
      this->tick();
      this->schedule_tick();
    });
  }

  void tick() {
    const auto now = Clock::now();
    if (!online()) return;
    if (now - last_received_ > std::chrono::duration<double>(options_.dead_seconds))
      return lost("no answer from the hub for " +
                  std::to_string(static_cast<int>(options_.dead_seconds)) + " s");
    if (welcomed_ && now - last_sent_ > std::chrono::duration<double>(options_.ping_seconds))
      send(encode(ClientMessage{Ping{}}));
    if (welcomed_ && resend_due_ && now >= *resend_due_) {
      resend_due_.reset();
      resend_pending();
    }
  }

  void resend_pending() {
    std::vector<core::Operation> pending;
    {
      std::lock_guard lock(mutex_);
      pending = pending_;
    }
    for (const core::Operation& op : pending) send(encode(ClientMessage{Submit{op}}));
  }

  // [SECTION] Messages from the hub

  void link_line(std::string_view line) override {
    auto message = parse_hub_message(line);
    if (!message) {
      deliver(HubError{message.error(), false});
      return lost("the hub sent something this client cannot read: " + message.error().message);
    }
    std::visit([&](auto& m) { handle(m); }, *message);
  }

  void advance(std::uint64_t seq) {
    std::lock_guard lock(mutex_);
    last_seq_ = std::max(last_seq_, seq);
  }

  void handle(Welcome& w) {
    welcomed_ = true;
    attempt_ = 0;
    {
      std::lock_guard lock(mutex_);
      participant_ = w.participant;
    }
    set_state(w.catch_up == "none" ? ConnectionState::Online : ConnectionState::CatchingUp);
    deliver(w);
    resend_pending();
  }

  void handle(SnapshotLine& s) {
    auto done = snapshot_.add(s.line, taxonomy_);
    if (!done) {
      deliver(HubError{done.error(), false});
      return lost("the hub's snapshot could not be read");
    }
    if (!*done) return;
    advance((*done)->seq);
    have_replica_ = true;
    deliver(std::move(**done));
  }

  void handle(Applied& a) {
    advance(a.op.sequence);
    have_replica_ = true;
    deliver(std::move(a));
  }

  void handle(Missed& m) { deliver(std::move(m)); }

  void handle(CaughtUp& c) {
    advance(c.seq);
    have_replica_ = true;
    set_state(ConnectionState::Online);
    deliver(c);
  }

  void handle(Pong& p) {
    advance(p.seq);
    deliver(p);
  }

  std::optional<core::Operation> take_pending(const std::string& id) {
    std::optional<core::Operation> found;
    {
      std::lock_guard lock(mutex_);
      const auto it = std::find_if(pending_.begin(), pending_.end(),
                                   [&](const auto& op) { return op.id == id; });
      if (it == pending_.end()) return std::nullopt;
      found = std::move(*it);
      pending_.erase(it);
    }
    std::lock_guard lock(outbox_mutex_);
    if (core::Status s = outbox_.remove(id); !s) deliver(HubError{s.error(), false});
    return found;
  }

  void handle(Ack& a) {
    take_pending(a.id);
    if (!a.token.empty()) {
      {
        std::lock_guard lock(mutex_);
        token_ = a.token;
        participant_ = a.participant;
      }
      deliver(TokenIssued{a.participant, a.token});
    }
    deliver(OperationDone{a.id, a.seq, a.duplicate});
  }

  void handle(Refused& r) {
    if (transient(r.error.code)) {
      if (!resend_due_)
        resend_due_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                         std::chrono::duration<double>(options_.resend_seconds));
      return;
    }
    if (auto op = take_pending(r.id)) {
      deliver(OperationRefused{std::move(*op), r.error});
    } else {
      deliver(HubError{r.error, false});
    }
  }

  void handle(ErrorMessage& e) {
    const bool is_fatal = e.closing && gives_up_on(e.error.code);
    deliver(HubError{e.error, is_fatal});
    if (is_fatal) {
      given_up_ = true;
      close_stream();
      set_state(ConnectionState::Offline, e.error.message);
    } else if (e.closing) {
      lost(e.error.message);
    }
  }

  void handle(TeamsLine& t) {
    auto done = teams_.add(t.line);
    if (!done) return deliver(HubError{done.error(), false});
    if (*done) deliver(std::move(**done));
  }

  void handle(SchedulePlanLine& p) {
    auto done = plan_.add(p.line);
    if (!done) return deliver(HubError{done.error(), false});
    if (*done) deliver(std::move(**done));
  }

  void handle(Notice& n) { deliver(n); }
  void handle(RegisteredFrom& r) { deliver(std::move(r)); }

  const core::Taxonomy& taxonomy_;
  ClientOptions options_;
  Outbox& outbox_;
  std::mutex outbox_mutex_;
  // Before the io_context: connections under way when it goes hold TLS state made from it.
  std::unique_ptr<TlsClient> tls_;  // none: plain TCP
  asio::io_context io_;
  asio::steady_timer reconnect_timer_;
  asio::steady_timer tick_;
  std::thread thread_;

  // Set once, before the thread starts.
  std::string hello_code_;  // the event's code from the join code as typed
  HubTarget target_;

  // The connection's thread only.
  std::shared_ptr<HubLink> link_;  // the current attempt; none between attempts
  bool welcomed_ = false;
  bool stopped_ = false;
  bool given_up_ = false;
  bool have_replica_ = false;
  int attempt_ = 0;
  Clock::time_point last_received_, last_sent_;
  std::optional<Clock::time_point> resend_due_;
  SnapshotAssembler snapshot_;
  TeamsAssembler teams_;
  SchedulePlanAssembler plan_;
  std::mt19937_64 rng_;
  std::uint64_t link_base_ = 0;  // bytes_received_ when the current attempt began

  // Shared with other threads, under the lock.
  mutable std::mutex mutex_;
  std::vector<ClientEvent> inbox_;
  std::function<void()> wakeup_;
  ConnectionState state_ = ConnectionState::Offline;
  std::vector<core::Operation> pending_;
  std::uint64_t last_seq_ = 0;
  std::string token_;
  core::ParticipantId participant_ = 0;
  std::string fingerprint_;
  std::atomic<std::uint64_t> bytes_received_ = 0;
};

ClientConnection::ClientConnection(const core::Taxonomy& taxonomy, ClientOptions options,
                                   Outbox& outbox)
    : impl_(std::make_unique<Impl>(taxonomy, std::move(options), outbox)) {}
ClientConnection::~ClientConnection() {
  stop();
}
core::Status ClientConnection::start() {
  return impl_->start();
}
void ClientConnection::stop() {
  impl_->stop();
}
core::Result<std::string> ClientConnection::submit(core::Operation op) {
  return impl_->submit(std::move(op));
}
void ClientConnection::request(ClientMessage message) {
  impl_->request(std::move(message));
}
std::vector<ClientEvent> ClientConnection::drain() {
  return impl_->drain();
}
void ClientConnection::set_wakeup(std::function<void()> wakeup) {
  impl_->set_wakeup(std::move(wakeup));
}
ConnectionState ClientConnection::state() const {
  return impl_->state();
}
std::size_t ClientConnection::pending() const {
  return impl_->pending();
}
std::uint64_t ClientConnection::last_seq() const {
  return impl_->last_seq();
}
std::string ClientConnection::token() const {
  return impl_->token();
}
core::ParticipantId ClientConnection::participant() const {
  return impl_->participant();
}
std::string ClientConnection::hub_fingerprint() const {
  return impl_->hub_fingerprint();
}
std::uint64_t ClientConnection::bytes_received() const {
  return impl_->bytes_received();
}

}  // namespace crossmatch::net
