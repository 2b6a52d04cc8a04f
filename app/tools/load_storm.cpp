#include "app/tools/load_storm.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/overloaded.hpp"
#include "net/client_connection.hpp"
#include "net/protocol.hpp"

namespace crossmatch::tools {

namespace {

constexpr int kRegisteringAtOnce = 50;
constexpr auto kTick = std::chrono::milliseconds(10);
constexpr auto kSampleEvery = std::chrono::milliseconds(200);
// As the app does: a ping after this long without sending, so that the hub does not close a
// connection that only listens (--idle-seconds).
constexpr auto kPingAfter = std::chrono::seconds(20);
// A phase whose clients have not all caught up by then ends anyway, those counted as failed.
constexpr double kPhaseLimitSeconds = 900;

double seconds_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// The hub's resident memory (MB) and processor time (s), from /proc; 0 when it cannot be read.
double hub_rss_mb(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      double kb = 0;
      status >> kb;
      return kb / 1024;
    }
    std::string rest;
    std::getline(status, rest);
  }
  return 0;
}

double hub_cpu_s(int pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // Fields after the command's closing parenthesis: state is field 3; utime and stime 14 and 15.
  const auto close = text.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream rest(text.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i)
    if (i >= 14) ticks += std::stod(field);
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double own_cpu_s() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

// [SECTION] One storm client

// A registered attendee's device: registers once (then closes, keeping its token), then signs in
// with the token as each phase asks and follows the hub's sequence numbers. It reads only the
// heads of lines and passes a snapshot's items and compressed frames over unread.
class StormClient final : public net::HubLink::Listener {
 public:
  StormClient(Storm& storm, int index) : storm_(storm), index_(index) {}
  ~StormClient() override { close(); }
  StormClient(const StormClient&) = delete;
  StormClient& operator=(const StormClient&) = delete;

  void register_now() {
    stage_ = Stage::Registering;
    net::Hello hello = hello_base();
    hello.join_code = storm_.code();
    hello.catch_up = net::CatchUp::Live;
    open(hello);
  }

  // live: no past operations; else a snapshot, or (resume) the operations after the last one it
  // had.
  // A connection lost before it caught up is made again after the app's back-off.
  void sign_in(bool live, bool resume) {
    live_ = live;
    resume_ = resume;
    attempt_ = 0;
    connect_again();
  }

  void close() {
    drop_link();
    if (retry_) retry_->cancel();
    if (stage_ != Stage::Registered) stage_ = Stage::None;
  }

  void ping_if_quiet(Clock::time_point now) {
    if (!open_ || !link_ || now - last_sent_ < kPingAfter) return;
    link_->send(net::ClientMessage{net::Ping{}});
    last_sent_ = now;
  }

  bool registered() const { return !token_.empty(); }
  bool synced() const { return stage_ == Stage::Synced; }
  std::uint64_t seq() const { return seq_; }
  std::uint64_t bytes() const { return link_ ? link_->bytes_received() : 0; }

 private:
  enum class Stage { None, Registering, Registered, Syncing, Synced };

  net::Hello hello_base() const {
    net::Hello hello;
    hello.protocol = net::kProtocolVersion;
    if (storm_.settings().compress) hello.compress = {"zstd"};
    hello.client = "crossmatch-load storm";
    return hello;
  }

  void connect_again() {
    stage_ = Stage::Syncing;
    net::Hello hello = hello_base();
    hello.token = token_;
    hello.catch_up = live_ ? net::CatchUp::Live : net::CatchUp::Replica;
    if (!live_ && resume_ && seq_ > 0) hello.after = seq_;
    open(hello);
  }

  void drop_link() {
    if (link_) link_->close();
    link_.reset();
    if (open_) storm_.disconnected();
    open_ = false;
  }

  // As net::ClientConnection backs off: half of 0.5 s doubled per attempt (at most 30 s), plus a
  // random half.
  void retry(const std::string& why) {
    drop_link();
    storm_.retried(why);
    const double cap = std::min(30.0, 0.5 * std::pow(2.0, std::min(attempt_, 30)));
    ++attempt_;
    const double delay = cap / 2 + std::uniform_real_distribution<double>(0, cap / 2)(rng_);
    if (!retry_) retry_ = std::make_unique<asio::steady_timer>(storm_.io());
    retry_->expires_after(
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(delay)));
    retry_->async_wait([this](const std::error_code& e) {
      if (!e && stage_ == Stage::Syncing) connect_again();
    });
  }

  void open(const net::Hello& hello) {
    drop_link();
    link_ = net::HubLink::open(storm_.io(), storm_.target(), hello, *this);
    last_sent_ = Clock::now();
    link_->skip_frame_contents();
    if (storm_.settings().receive_rate > 0)
      link_->pace_reads([this](std::size_t n) { return storm_.pace(n); });
  }

  void link_opened(const std::string&) override {
    open_ = true;
    storm_.connected();
  }

  void link_ended(const net::LinkEnd& end) override {
    if (stage_ == Stage::Syncing && !end.fatal) return retry(end.reason);
    fail(end.reason);
  }

  void fail(const std::string& why) {
    const Stage stage = stage_;
    close();
    if (stage == Stage::Registering) return storm_.registered(*this, false, why);
    if (stage == Stage::Syncing) return storm_.synced(*this, false, why);
  }

  void link_line(std::string_view line) override {
    // A snapshot's items: only their bytes count.
    if (line.starts_with(R"({"type":"snapshot_items")")) return;
    auto message = net::parse_hub_message_head(line);
    if (!message) return fail("the hub sent a line this client cannot read");
    std::visit(
        core::Overloaded{
            [&](const net::AppliedHead& head) {
              seq_ = std::max(seq_, head.seq);
              if (stage_ == Stage::Synced) storm_.received(head.seq);
            },
            [&](const net::CaughtUp& caught_up) {
              seq_ = std::max(seq_, caught_up.seq);
              if (stage_ == Stage::Registering && register_id_.empty()) {
                register_id_ = "s" + std::to_string(index_) + "-" +
                               std::to_string(Clock::now().time_since_epoch().count());
                core::Operation op;
                op.id = register_id_;
                op.payload = core::Register{.profile = storm_.profile_for(index_)};
                link_->send(net::ClientMessage{net::Submit{std::move(op)}});
              } else if (stage_ == Stage::Syncing) {
                stage_ = Stage::Synced;
                storm_.synced(*this, true, "");
              }
            },
            [&](const net::Ack& ack) {
              if (stage_ != Stage::Registering || ack.id != register_id_) return;
              if (ack.token.empty()) return fail("the registration's answer has no token");
              token_ = ack.token;
              stage_ = Stage::Registered;
              close();
              storm_.registered(*this, true, "");
            },
            [&](const net::Refused& refused) {
              if (stage_ == Stage::Registering && refused.id == register_id_)
                fail("registration refused: " + refused.error.message);
            },
            [&](const net::ErrorMessage& error) {
              const std::string why = error.error.code + ": " + error.error.message;
              // As the app does: the hub's "busy, try again" answers are tried again.
              if (stage_ == Stage::Syncing && error.closing && !net::gives_up_on(error.error.code))
                return retry(why);
              fail(why);
            },
            [](const auto&) {},
        },
        *message);
  }

  Storm& storm_;
  int index_;
  std::shared_ptr<net::HubLink> link_;
  bool open_ = false;
  Stage stage_ = Stage::None;
  std::string token_, register_id_;
  std::uint64_t seq_ = 0;
  Clock::time_point last_sent_;
  bool live_ = false, resume_ = false;
  int attempt_ = 0;
  std::unique_ptr<asio::steady_timer> retry_;
  std::minstd_rand rng_{static_cast<unsigned>(index_) + 1};
};

// [SECTION] Registering

Storm::Storm(asio::io_context& io, const StormSettings& settings,
             std::vector<core::DemoParticipant> profiles, ConnectedCount& connected)
    : io_(io),
      settings_(settings),
      profiles_(std::move(profiles)),
      counter_(connected),
      rng_(settings.seed),
      timer_(io),
      sampler_(io) {
  for (int i = 0; i < settings_.clients; ++i)
    clients_.push_back(std::make_unique<StormClient>(*this, i));
}

Storm::~Storm() = default;

int Storm::registered() const {
  return registered_;
}

core::Profile Storm::profile_for(int index) {
  core::Profile p = profiles_[static_cast<std::size_t>(index) % profiles_.size()].profile;
  p.email = "storm" + std::to_string(index) + "." + std::to_string(rng_()) + "@example.eu";
  return p;
}

void Storm::register_all(const net::HubTarget& target, std::string code,
                         std::function<void()> done) {
  target_ = target;
  code_ = std::move(code);
  registered_all_ = std::move(done);
  if (clients_.empty()) return asio::post(io_, registered_all_);
  register_more();
}

void Storm::register_more() {
  const int n = static_cast<int>(clients_.size());
  while (next_register_ < n && registering_ < kRegisteringAtOnce) {
    ++registering_;
    clients_[next_register_++]->register_now();
  }
}

void Storm::registered(StormClient&, bool ok, const std::string& why) {
  --registering_;
  if (ok) {
    ++registered_;
  } else {
    ++register_failed_;
    if (failures_shown_++ < 5)
      std::fprintf(stderr, "crossmatch-load: a storm client could not register: %s\n", why.c_str());
  }
  if ((registered_ + register_failed_) % 1000 == 0)
    std::fprintf(stderr, "crossmatch-load: storm: %d registered\n", registered_);
  if (registered_ + register_failed_ == static_cast<int>(clients_.size())) {
    // Posted: the client that answered last is still on the stack.
    asio::post(io_, [this] { registered_all_(); });
    return;
  }
  asio::post(io_, [this] { register_more(); });
}

// [SECTION] Phases

void Storm::run(std::function<void()> done) {
  sample();
  begin_phase("idle");
  connect_all(Mode::Live, 0, [this, done = std::move(done)] {
    after(2, [this, done] {
      // Once the connections have been idle a while: what they hold.
      if (settings_.hub_pid) phases_.back().hub_rss_after_mb = hub_rss_mb(*settings_.hub_pid);
      drop_all();
      after(2, [this, done] {
        begin_phase("doors_open");
        connect_all(Mode::Snapshot, settings_.arrival_seconds, [this, done] {
          begin_phase("steady");
          after(settings_.steady_seconds, [this, done] {
            phase_done();
            drop_all();
            begin_phase("wifi_drop");
            connect_all(Mode::Resume, settings_.drop_spread_seconds, [this, done] {
              drop_all();
              std::uint64_t left_at = 0;
              for (const auto& c : clients_) left_at = std::max(left_at, c->seq());
              after(settings_.night_seconds, [this, done, left_at] {
                begin_phase("night");
                connect_all(Mode::Resume, settings_.drop_spread_seconds, [this, done, left_at] {
                  std::uint64_t back_at = 0;
                  for (const auto& c : clients_) back_at = std::max(back_at, c->seq());
                  phases_.back().missed_ops = back_at > left_at ? back_at - left_at : 0;
                  done();
                });
              });
            });
          });
        });
      });
    });
  });
}

void Storm::begin_phase(const std::string& name) {
  StormPhase phase;
  phase.name = name;
  phase.from = phase.to = Clock::now();
  if (settings_.hub_pid) {
    phase.hub_rss_before_mb = phase.hub_rss_peak_mb = hub_rss_mb(*settings_.hub_pid);
    phase.hub_cpu_s = -hub_cpu_s(*settings_.hub_pid);
  }
  phase.load_cpu_s = -own_cpu_s();
  phase.delivered = delivered_;
  phase.connected_peak = counter_.now.load();
  phases_.push_back(phase);
  std::fprintf(stderr, "crossmatch-load: storm: %s\n", name.c_str());
}

// The phase ends: its figures as of now.
void Storm::phase_done() {
  StormPhase& phase = phases_.back();
  phase.to = Clock::now();
  if (settings_.hub_pid) {
    phase.hub_rss_after_mb = hub_rss_mb(*settings_.hub_pid);
    phase.hub_rss_peak_mb = std::max(phase.hub_rss_peak_mb, phase.hub_rss_after_mb);
    phase.hub_cpu_s += hub_cpu_s(*settings_.hub_pid);
  }
  phase.load_cpu_s += own_cpu_s();
  phase.delivered = delivered_ - phase.delivered;
  std::fprintf(stderr, "crossmatch-load: storm: %s: %d caught up (%d failed) in %.1f s\n",
               phase.name.c_str(), phase.synced, phase.failed,
               seconds_between(phase.from, phase.to));
  for (const auto& [why, count] : why_failed_)
    std::fprintf(stderr, "crossmatch-load: storm: %s: %d failed: %s\n", phase.name.c_str(), count,
                 why.c_str());
  for (const auto& [why, count] : why_retried_)
    std::fprintf(stderr, "crossmatch-load: storm: %s: %d connections made again after: %s\n",
                 phase.name.c_str(), count, why.c_str());
  why_failed_.clear();
  why_retried_.clear();
}

void Storm::sample() {
  if (++samples_ % 25 == 0) {
    const auto now = Clock::now();
    for (const auto& c : clients_) c->ping_if_quiet(now);
  }
  if (!phases_.empty()) {
    StormPhase& phase = phases_.back();
    phase.connected_peak = std::max(phase.connected_peak, counter_.now.load());
    if (settings_.hub_pid)
      phase.hub_rss_peak_mb = std::max(phase.hub_rss_peak_mb, hub_rss_mb(*settings_.hub_pid));
  }
  sampler_.expires_after(kSampleEvery);
  sampler_.async_wait([this](const std::error_code& e) {
    if (!e) sample();
  });
}

void Storm::after(double seconds, std::function<void()> next) {
  timer_.expires_after(std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(std::max(0.0, seconds))));
  timer_.async_wait([next = std::move(next)](const std::error_code& e) {
    if (!e) next();
  });
}

void Storm::drop_all() {
  for (const auto& c : clients_) c->close();
}

// Connects every registered client, spread evenly over `spread_seconds`; `next` once each has
// caught up or failed (the phase's figures are then taken).
void Storm::connect_all(Mode mode, double spread_seconds, std::function<void()> next) {
  mode_ = mode;
  spread_ = spread_seconds;
  next_connect_ = 0;
  outstanding_ = 0;
  for (const auto& c : clients_) outstanding_ += c->registered() ? 1 : 0;
  phase_next_ = std::move(next);
  connect_start_ = Clock::now();
  phases_.back().from = connect_start_;
  tokens_ = 0;
  refilled_ = connect_start_;
  if (outstanding_ == 0) return asio::post(io_, [this] { phase_done(), phase_next_(); });
  connect_due();
}

void Storm::connect_due() {
  const int n = static_cast<int>(clients_.size());
  const double elapsed = seconds_between(connect_start_, Clock::now());
  const int due =
      spread_ <= 0 ? n : std::min(n, static_cast<int>(elapsed / spread_ * static_cast<double>(n)));
  for (int started = 0; next_connect_ < due && started < 500; ++next_connect_) {
    StormClient& c = *clients_[next_connect_];
    if (!c.registered()) continue;
    c.sign_in(mode_ == Mode::Live, mode_ == Mode::Resume && settings_.resume);
    ++started;
  }
  if (next_connect_ < n) {
    timer_.expires_after(kTick);
    timer_.async_wait([this](const std::error_code& e) {
      if (!e) connect_due();
    });
    return;
  }
  // Everyone has been started: a phase stuck past the limit ends anyway.
  timer_.expires_after(std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(kPhaseLimitSeconds)));
  timer_.async_wait([this](const std::error_code& e) {
    if (e || outstanding_ <= 0) return;
    phases_.back().failed += outstanding_;
    outstanding_ = 0;
    phase_done();
    phase_next_();
  });
}

void Storm::synced(StormClient& client, bool ok, const std::string& why) {
  if (outstanding_ <= 0) return;  // a connection lost after its phase
  StormPhase& phase = phases_.back();
  if (ok) {
    ++phase.synced;
    phase.bytes += client.bytes();
  } else {
    ++phase.failed;
    ++why_failed_[why];
  }
  if (--outstanding_ > 0) return;
  timer_.cancel();
  // Posted: the client that caught up last is still on the stack.
  asio::post(io_, [this] {
    phase_done();
    phase_next_();
  });
}

void Storm::retried(const std::string& why) {
  if (phases_.empty()) return;
  ++phases_.back().retries;
  ++why_retried_[why];
}

void Storm::received(std::uint64_t seq) {
  Receipts& r = receipts_[seq];
  ++r.count;
  ++delivered_;
  r.last = Clock::now();
}

std::chrono::nanoseconds Storm::pace(std::size_t bytes) {
  // A token bucket of at most 10 ms of the rate: each read takes its bytes, and a read that
  // overdraws waits until the bucket is back at zero.
  const auto now = Clock::now();
  const double rate = settings_.receive_rate;
  tokens_ = std::min(rate * 0.01, tokens_ + seconds_between(refilled_, now) * rate);
  refilled_ = now;
  tokens_ -= static_cast<double>(bytes);
  if (tokens_ >= 0) return std::chrono::nanoseconds(0);
  return std::chrono::nanoseconds(static_cast<std::int64_t>(-tokens_ / rate * 1e9));
}

// [SECTION] Report

std::string storm_report(const Storm& storm, const std::vector<const Tally*>& tallies,
                         Clock::time_point live_start) {
  std::unordered_map<std::uint64_t, Sent> sent;
  std::vector<std::pair<double, double>> acks;  // (sent s after the start, ms)
  for (const Tally* t : tallies) {
    sent.insert(t->sent_by_seq.begin(), t->sent_by_seq.end());
    acks.insert(acks.end(), t->ack_timeline.begin(), t->ack_timeline.end());
  }
  const int clients = storm.settings().clients;
  std::string out = "\"storm\":{\"clients\":" + std::to_string(clients) +
                    ",\"registered\":" + std::to_string(storm.registered()) +
                    ",\"receive_rate\":" + std::to_string(storm.settings().receive_rate) +
                    ",\"compress\":" + (storm.settings().compress ? "true" : "false") +
                    ",\"resume\":" + (storm.settings().resume ? "true" : "false");
  for (const StormPhase& phase : storm.phases()) {
    const double from = seconds_between(live_start, phase.from);
    const double to = seconds_between(live_start, phase.to);
    std::vector<double> during, fanout;
    for (const auto& [at, ms] : acks)
      if (at >= from && at <= to) during.push_back(ms);
    int ops = 0;
    for (const auto& [seq, s] : sent) {
      const double at = seconds_between(live_start, s.at);
      if (at < from || at > to) continue;
      ++ops;
      const auto r = storm.receipts().find(seq);
      // Fan-out to every storm connection: the edits every participant receives.
      if (s.everyone && r != storm.receipts().end() && r->second.count >= storm.registered())
        fanout.push_back(std::chrono::duration<double, std::milli>(r->second.last - s.at).count());
    }
    char line[900];
    std::snprintf(
        line, sizeof line,
        ",\"%s\":{\"seconds\":%.1f,\"caught_up\":%d,\"failed\":%d,\"bytes_per_client\":%llu,"
        "\"retries\":%d,\"connected\":%d,\"hub_rss_before_mb\":%.1f,\"hub_rss_peak_mb\":%.1f,"
        "\"hub_rss_after_mb\":%.1f,\"hub_kb_per_connection\":%.1f,\"hub_cpu_s\":%.2f,"
        "\"load_cpu_s\":%.2f,\"live_acks\":%zu,\"live_ack_p99_ms\":%.2f,\"live_ops\":%d,"
        "\"fanout_edits\":%zu,\"fanout_p99_ms\":%.2f,\"missed_ops\":%llu,\"delivered\":%llu}",
        phase.name.c_str(), to - from, phase.synced, phase.failed,
        static_cast<unsigned long long>(phase.synced == 0 ? 0 : phase.bytes / phase.synced),
        phase.retries, phase.connected_peak, phase.hub_rss_before_mb, phase.hub_rss_peak_mb,
        phase.hub_rss_after_mb,
        phase.synced == 0
            ? 0.0
            : (phase.hub_rss_after_mb - phase.hub_rss_before_mb) * 1024 / phase.synced,
        phase.hub_cpu_s, phase.load_cpu_s, during.size(), percentile(during, 0.99), ops,
        fanout.size(), percentile(fanout, 0.99), static_cast<unsigned long long>(phase.missed_ops),
        static_cast<unsigned long long>(phase.delivered));
    out += line;
  }
  return out + "}";
}

}  // namespace crossmatch::tools
