// crossmatch-load: a load generator for the hub. C connections join with the event's code and
// register, then for S seconds edit profiles and request, accept, decline and cancel meetings at a
// target rate, measuring acknowledgement latency (sent -> ack) and fan-out latency (sent -> the
// last client that should see it has it). Prints one JSON line. With --pace human it is the
// demo's bots: a few participants acting every few seconds, printing what they do.
// A standard header first: asio picks its allocation functions (aligned_alloc/free or operator
// new/delete) from a libstdc++ macro that only a standard header defines; every file must see
// the same choice, or memory allocated in one file is freed by the other pair in another.
#include <cstddef>

#include <sys/resource.h>

#include <asio.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "app/hub/command_line.hpp"
#include "core/demo_event.hpp"
#include "core/event/operation.hpp"
#include "net/byte_stream.hpp"
#include "net/messages.hpp"
#include "net/protocol.hpp"
#include "net/tls_identity.hpp"
#include "storage/asset_files.hpp"

namespace {

using namespace crossmatch;
using Clock = std::chrono::steady_clock;
using asio::ip::tcp;

constexpr const char* kUsage =
    "usage: crossmatch-load --host H --port P --code JOIN_CODE --clients C --participants N --seconds S\n"
    "                       [--rate OPS_PER_SECOND] [--edit-share F] [--seed K] [--pace human] [--assets DIR]\n"
    "                       [--pin PIN | --insecure] [--threads T] [--timeline FILE]\n"
    "  Connects over TLS 1.3, accepting only the hub whose certificate the pin at the end of the\n"
    "  join code (or --pin: the short pin or the SHA-256 fingerprint) names; --insecure: plain TCP.\n"
    "  The clients are spread over T threads (default 2; 1 with --pace human), each with its own\n"
    "  connections, so that the load generator is not what delays the lines it measures.\n"
    "  C clients join with the code and register, then act for S seconds at the rate (default 1000/s\n"
    "  in total); N is the event's size after they joined (request targets are drawn from 1..N).\n"
    "  Prints one JSON line: clients, ops, ops_per_s, ack_p50_ms, ack_p99_ms, fanout_p50_ms,\n"
    "  fanout_p99_ms, errors, edit_line_bytes, ... --pace human: the demo's bots (an action every few seconds, logged;\n"
    "  --seconds 0 runs until interrupted). --timeline FILE: every acknowledgement as sent_s,ack_ms.\n";

// A number after `key` in a JSON line (our own lines: no spaces), or -1.
std::int64_t scan_number(std::string_view line, std::string_view key, std::size_t from = 0) {
  const std::size_t at = line.find(key, from);
  if (at == std::string_view::npos) return -1;
  std::int64_t v = 0;
  std::size_t i = at + key.size();
  if (i >= line.size() || line[i] < '0' || line[i] > '9') return -1;
  for (; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) v = v * 10 + (line[i] - '0');
  return v;
}

bool ends_with(std::string_view line, std::string_view tail) {
  return line.size() >= tail.size() && line.substr(line.size() - tail.size()) == tail;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

struct Sent {
  Clock::time_point at;
  bool everyone = false;  // an edit that every client receives
  core::ParticipantId other = 0;  // the other person of a meeting operation (0: none)
};

struct Receipts {
  int count = 0;
  Clock::time_point last;
};

class Load;

class Client : public std::enable_shared_from_this<Client> {
 public:
  Client(asio::io_context& io, Load& load, int index) : index_(index), io_(io), load_(load) {}
  void connect();
  void send(const std::string& line);
  void submit(core::Operation op, Sent sent);

  int index_;
  core::ParticipantId participant = 0;
  core::Profile profile;
  bool ready = false;      // registered and live
  bool failed = false;
  std::vector<core::MeetingId> incoming;  // requests awaiting this client's answer
  std::vector<core::MeetingId> outgoing;  // this client's open requests
  int edits = 0;

 private:
  void read();
  void write();
  void on_line(std::string_view line);

  asio::io_context& io_;
  std::unique_ptr<net::ByteStream> stream_;
  Load& load_;
  std::string carry_;  // the start of a line the last read cut
  std::array<char, 64 * 1024> buffer_{};
  std::deque<std::string> queue_;
  std::vector<std::string> writing_;
  std::vector<asio::const_buffer> buffers_;
  bool write_in_flight_ = false;
  std::string register_id_;
};

// What the shards share (each shard: one thread, one io_context, its own clients): the phases
// they pass together (everyone joined, everyone settled, go) and the participants of every ready
// client, the targets of requests. Called from the shards' threads.
class Coordinator {
 public:
  explicit Coordinator(std::vector<Load*> shards) : shards_(std::move(shards)) {}
  void joined(const std::vector<core::ParticipantId>& ready, int failed);
  void settled();
  const std::vector<core::ParticipantId>& targets() const { return targets_; }  // fixed once all joined
  int ready() const { return ready_; }

 private:
  std::mutex mutex_;
  std::vector<Load*> shards_;
  std::vector<core::ParticipantId> targets_;
  int joined_ = 0, settled_ = 0, ready_ = 0, failed_ = 0;
};

// One shard's tallies, merged when every shard has finished.
struct Tally {
  std::uint64_t acked = 0, errors = 0, refused = 0, lines = 0, edit_bytes = 0, edit_lines = 0;
  std::unordered_map<std::uint64_t, Sent> sent_by_seq;
  std::unordered_map<std::uint64_t, Receipts> receipts;
  std::vector<double> ack_ms;
  std::vector<std::pair<double, double>> ack_timeline;  // (seconds after the start, ms)
  double elapsed = 0;
};

class Load {
 public:
  // The shard's clients have the global numbers first, first + stride, ... (below `clients`).
  Load(asio::io_context& io, std::string code, int clients, int first, int stride, int participants, double rate,
       double edit_share, std::uint64_t seed, bool human, std::vector<core::DemoParticipant> profiles)
      : io_(io), code_(std::move(code)), participants_(participants), rate_(rate), edit_share_(edit_share),
        rng_(seed), human_(human), profiles_(std::move(profiles)), timer_(io) {
    for (int i = first; i < clients; i += stride) numbers_.push_back(i);
    clients_n_ = static_cast<int>(numbers_.size());
  }
  void set_coordinator(Coordinator* coordinator) { coordinator_ = coordinator; }
  asio::io_context& io() { return io_; }
  const Tally& tally() const { return tally_; }

  // `tls`: none for plain TCP.
  void start(std::string host, unsigned short port, net::TlsClient* tls, std::string pin, double seconds) {
    seconds_ = seconds;
    for (const int i : numbers_) clients_.push_back(std::make_shared<Client>(io_, *this, i));
    host_ = std::move(host);
    port_ = port;
    tls_ = tls;
    pin_ = std::move(pin);
    connect_more();
  }

  // Connects in waves so that the hub's accept queue is not flooded.
  void connect_more() {
    if (clients_n_ == 0) return coordinator_->joined({}, 0);
    int started = 0;
    while (next_connect_ < clients_n_ && started < 50) clients_[next_connect_++]->connect(), ++started;
    if (next_connect_ < clients_n_) {
      auto t = std::make_shared<asio::steady_timer>(io_, std::chrono::milliseconds(20));
      t->async_wait([this, t](const std::error_code&) { connect_more(); });
    }
  }

  void client_ready(Client& c) {
    by_participant_[c.participant] = &c;
    if (human_) std::printf("bot %s (participant %u) joined\n", c.profile.display_name.c_str(), c.participant);
    if (++ready_ + failed_ == clients_n_) all_joined();
  }
  void client_failed(Client&, const std::string& why) {
    ++tally_.errors;
    if (failures_shown_++ < 5) std::fprintf(stderr, "crossmatch-load: a client failed: %s\n", why.c_str());
    if (!began_ && ready_ + ++failed_ == clients_n_) all_joined();
  }
  void all_joined() {
    if (joined_) return;
    joined_ = true;
    std::vector<core::ParticipantId> ready;
    for (const auto& [p, c] : by_participant_) ready.push_back(p);
    coordinator_->joined(ready, failed_);
  }

  // Every registration reaches every client: before measuring, each client pings and waits for
  // the pong, which comes after everything the hub sent it before (at most a minute), so that the
  // figures are the steady state's rather than the joining crowd's.
  void settle() {
    if (settling_ || began_) return;
    settling_ = true;
    settle_start_ = Clock::now();
    for (const auto& c : clients_) {
      if (c->ready && !c->failed) c->send(net::encode(net::ClientMessage{net::Ping{}}));
    }
    timer_.expires_after(std::chrono::seconds(60));
    timer_.async_wait([this](const std::error_code& ec) {
      if (!ec) shard_settled();
    });
    if (ready_ == 0) shard_settled();
  }
  void ponged() {
    if (settling_ && !began_ && ++pongs_ >= ready_) {
      timer_.cancel();
      shard_settled();
    }
  }
  void shard_settled() {
    if (shard_settled_) return;
    shard_settled_ = true;
    coordinator_->settled();
  }

  // Every shard starts acting at the same moment.
  void begin(Clock::time_point start) {
    if (began_) return;
    began_ = true;
    start_ = start;
    tick();
  }

  void tick() {
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    if (seconds_ > 0 && elapsed >= seconds_) return finish();
    if (clients_n_ == 0) return;
    const double target = human_ ? elapsed / 4.0 + 1 : elapsed * rate_;
    while (static_cast<double>(issued_) < target) {
      act();
      ++issued_;
    }
    timer_.expires_after(std::chrono::milliseconds(human_ ? 500 : 5));
    timer_.async_wait([this](const std::error_code& ec) {
      if (!ec) tick();
    });
  }

  // One of this shard's clients, to act.
  Client* random_ready() {
    if (by_participant_.empty()) return nullptr;
    for (int tries = 0; tries < 20; ++tries) {
      Client& c = *clients_[rng_() % clients_.size()];
      if (c.ready && !c.failed) return &c;
    }
    return nullptr;
  }
  // Any shard's client, to be asked for a meeting: their participant.
  core::ParticipantId random_target() {
    const auto& targets = coordinator_->targets();
    return targets.empty() ? 0 : targets[rng_() % targets.size()];
  }

  void act() {
    Client* c = random_ready();
    if (c == nullptr) return;
    core::Operation op;
    Sent sent{Clock::now(), false, 0};
    std::uniform_real_distribution<double> unit(0, 1);
    if (!c->incoming.empty()) {
      const core::MeetingId m = c->incoming.back();
      c->incoming.pop_back();
      if (unit(rng_) < 0.75) {
        op.payload = core::AcceptMeeting{m, std::nullopt, std::nullopt};
      } else {
        op.payload = core::DeclineMeeting{m, "Not this time"};
      }
      log(*c, std::holds_alternative<core::AcceptMeeting>(op.payload) ? "accepts meeting " : "declines meeting ", m);
    } else if (unit(rng_) < edit_share_) {
      core::Profile p = c->profile;
      p.job_title = "Founder " + std::to_string(++c->edits);
      op.payload = core::EditProfile{c->participant, p};
      sent.everyone = true;
      log(*c, "edits their profile", 0);
    } else if (c->outgoing.size() < 8) {
      // Mostly other bots, who answer; now and then anyone in the event.
      core::ParticipantId to = 0;
      if (unit(rng_) < 0.8 || participants_ < 2) {
        to = random_target();
        if (to == 0) return;
      } else {
        to = static_cast<core::ParticipantId>(1 + rng_() % participants_);
      }
      if (to == c->participant) return;
      op.payload = core::RequestMeeting{0, c->participant, to, "Shall we meet about a joint project?", {}};
      sent.other = to;
      log(*c, "requests a meeting with participant ", to);
    } else {
      const core::MeetingId m = c->outgoing.front();
      c->outgoing.erase(c->outgoing.begin());
      op.payload = core::CancelMeeting{m, "Plans changed"};
      log(*c, "cancels meeting ", m);
    }
    c->submit(std::move(op), sent);
  }

  void log(const Client& c, const char* what, std::uint32_t number) {
    if (!human_) return;
    if (number != 0) {
      std::printf("bot %s %s%u\n", c.profile.display_name.c_str(), what, number);
    } else {
      std::printf("bot %s %s\n", c.profile.display_name.c_str(), what);
    }
    std::fflush(stdout);
  }

  // The shard stops; the tallies are merged once every shard has (merge_and_print).
  void finish() {
    if (finished_) return;
    finished_ = true;
    tally_.elapsed = began_ ? std::chrono::duration<double>(Clock::now() - start_).count() : 0;
    timer_.cancel();
    io_.stop();
  }

  // From clients.
  void sent(const std::string& id, Sent s) { in_flight_[id] = s; }
  void acked(const std::string& id, std::uint64_t seq) {
    const auto it = in_flight_.find(id);
    if (it == in_flight_.end()) return;
    if (began_ && !finished_) {
      const double ms = std::chrono::duration<double, std::milli>(now_ - it->second.at).count();
      tally_.ack_ms.push_back(ms);
      tally_.ack_timeline.emplace_back(std::chrono::duration<double>(it->second.at - start_).count(), ms);
      ++tally_.acked;
      tally_.sent_by_seq[seq] = it->second;
    }
    in_flight_.erase(it);
  }
  void refused(const std::string& id, const std::string& code, const std::string& message) {
    in_flight_.erase(id);
    if (!began_ || finished_) return;
    ++tally_.refused;
    if (human_) std::printf("  (refused: %s: %s)\n", code.c_str(), message.c_str());
  }
  void set_now(Clock::time_point now) { now_ = now; }
  void received(std::uint64_t seq) {
    ++tally_.lines;
    Receipts& r = tally_.receipts[seq];
    ++r.count;
    r.last = now_;
  }
  void error() { ++tally_.errors; }
  // The size of the broadcast edits as received (for the Redis reference: the same messages).
  void edit_line(std::size_t bytes) {
    tally_.edit_bytes += bytes;
    ++tally_.edit_lines;
  }
  Client* client_of(core::ParticipantId p) {
    const auto it = by_participant_.find(p);
    return it == by_participant_.end() ? nullptr : it->second;
  }

  const std::string& code() const { return code_; }
  const std::string& host() const { return host_; }
  unsigned short port() const { return port_; }
  net::TlsClient* tls() const { return tls_; }
  const std::string& pin() const { return pin_; }
  core::Profile profile_for(int index) {
    core::Profile p = profiles_[static_cast<std::size_t>(index) % profiles_.size()].profile;
    p.email = "load" + std::to_string(index) + "." + std::to_string(rng_()) + "@example.eu";
    return p;
  }
  bool human() const { return human_; }

 private:
  asio::io_context& io_;
  std::string code_;
  int clients_n_, participants_;
  double rate_, edit_share_;
  std::mt19937_64 rng_;
  bool human_;
  std::vector<core::DemoParticipant> profiles_;
  asio::steady_timer timer_;
  std::string host_;
  unsigned short port_ = 0;
  net::TlsClient* tls_ = nullptr;
  std::string pin_;
  std::vector<std::shared_ptr<Client>> clients_;
  std::unordered_map<core::ParticipantId, Client*> by_participant_;
  int next_connect_ = 0, ready_ = 0, failed_ = 0, failures_shown_ = 0;
  bool began_ = false, finished_ = false, settling_ = false;
  int pongs_ = 0;
  Clock::time_point settle_start_;
  double seconds_ = 0;
  Clock::time_point start_;
  std::uint64_t issued_ = 0;
  std::unordered_map<std::string, Sent> in_flight_;
  Tally tally_;
  Coordinator* coordinator_ = nullptr;
  std::vector<int> numbers_;  // the global numbers of this shard's clients
  bool joined_ = false, shard_settled_ = false;
  Clock::time_point now_;  // when the lines being handled were read
};

void Coordinator::joined(const std::vector<core::ParticipantId>& ready, int failed) {
  std::lock_guard lock(mutex_);
  targets_.insert(targets_.end(), ready.begin(), ready.end());
  ready_ += static_cast<int>(ready.size());
  failed_ += failed;
  if (++joined_ < static_cast<int>(shards_.size())) return;
  std::fprintf(stderr, "crossmatch-load: %d clients joined (%d failed); waiting for the hub's broadcasts to settle\n",
               ready_, failed_);
  // Posting orders the targets' writes before every shard's reads.
  for (Load* shard : shards_) asio::post(shard->io(), [shard] { shard->settle(); });
}

void Coordinator::settled() {
  std::lock_guard lock(mutex_);
  if (++settled_ < static_cast<int>(shards_.size())) return;
  std::fprintf(stderr, "crossmatch-load: settled; running\n");
  const auto start = Clock::now();
  for (Load* shard : shards_) asio::post(shard->io(), [shard, start] { shard->begin(start); });
}

// The figures over every shard: one JSON line.
// Every acknowledgement as "sent_s,ack_ms" (seconds after the start), in the order sent: shows
// when the slow ones happened.
void write_timeline(const std::vector<std::unique_ptr<Load>>& shards, const std::string& path) {
  std::vector<std::pair<double, double>> all;
  for (const auto& shard : shards) {
    const auto& t = shard->tally().ack_timeline;
    all.insert(all.end(), t.begin(), t.end());
  }
  std::sort(all.begin(), all.end());
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) {
    std::fprintf(stderr, "crossmatch-load: cannot write --timeline %s\n", path.c_str());
    return;
  }
  std::fprintf(f, "sent_s,ack_ms\n");
  for (const auto& [at, ms] : all) std::fprintf(f, "%.4f,%.2f\n", at, ms);
  std::fclose(f);
}

void merge_and_print(const std::vector<std::unique_ptr<Load>>& shards, const Coordinator& coordinator) {
  std::unordered_map<std::uint64_t, Receipts> receipts;
  std::unordered_map<std::uint64_t, Sent> sent;
  std::vector<double> acks;
  Tally total;
  for (const auto& shard : shards) {
    const Tally& t = shard->tally();
    for (const auto& [seq, r] : t.receipts) {
      Receipts& all = receipts[seq];
      all.count += r.count;
      if (all.count == r.count || r.last > all.last) all.last = r.last;
    }
    sent.insert(t.sent_by_seq.begin(), t.sent_by_seq.end());
    acks.insert(acks.end(), t.ack_ms.begin(), t.ack_ms.end());
    total.acked += t.acked;
    total.errors += t.errors;
    total.refused += t.refused;
    total.lines += t.lines;
    total.edit_bytes += t.edit_bytes;
    total.edit_lines += t.edit_lines;
    total.elapsed = std::max(total.elapsed, t.elapsed);
  }
  const std::unordered_set<core::ParticipantId> ours(coordinator.targets().begin(), coordinator.targets().end());
  const int ready = coordinator.ready();
  std::vector<double> fanout, pairs;
  for (const auto& [seq, s] : sent) {
    const auto r = receipts.find(seq);
    if (r == receipts.end()) continue;
    const double ms = std::chrono::duration<double, std::milli>(r->second.last - s.at).count();
    if (s.everyone && r->second.count >= ready) fanout.push_back(ms);
    if (s.other != 0 && ours.count(s.other) && r->second.count >= 2) pairs.push_back(ms);
  }
  const double elapsed = total.elapsed > 0 ? total.elapsed : 1;
  char line[1024];
  std::snprintf(line, sizeof line,
                "{\"clients\":%d,\"ops\":%llu,\"ops_per_s\":%.1f,\"ack_p50_ms\":%.2f,\"ack_p99_ms\":%.2f,"
                "\"fanout_p50_ms\":%.2f,\"fanout_p99_ms\":%.2f,\"errors\":%llu,\"refused\":%llu,"
                "\"fanout_ops\":%zu,\"pair_p99_ms\":%.2f,\"lines_received\":%llu,\"seconds\":%.1f,"
                "\"edit_line_bytes\":%llu,\"threads\":%zu}",
                ready, static_cast<unsigned long long>(total.acked), static_cast<double>(total.acked) / elapsed,
                percentile(acks, 0.5), percentile(acks, 0.99), percentile(fanout, 0.5), percentile(fanout, 0.99),
                static_cast<unsigned long long>(total.errors), static_cast<unsigned long long>(total.refused),
                fanout.size(), percentile(pairs, 0.99), static_cast<unsigned long long>(total.lines), total.elapsed,
                static_cast<unsigned long long>(total.edit_lines == 0 ? 0 : total.edit_bytes / total.edit_lines),
                shards.size());
  std::printf("%s\n", line);
  std::fflush(stdout);
}

void Client::connect() {
  const auto opened = [self = shared_from_this()](const std::error_code& ec, std::unique_ptr<net::ByteStream> stream) {
    if (ec) {
      self->failed = true;
      return self->load_.client_failed(*self, "connect: " + ec.message());
    }
    self->stream_ = std::move(stream);
    net::Hello hello;
    hello.protocol = net::kProtocolVersion;
    hello.join_code = self->load_.code();
    hello.catch_up = net::CatchUp::Live;
    hello.client = "crossmatch-load";
    self->send(net::encode(net::ClientMessage{hello}));
    self->read();
  };
  if (load_.tls() == nullptr) return net::async_connect_tcp(io_, load_.host(), load_.port(), opened);
  load_.tls()->async_connect(io_, load_.host(), load_.port(), load_.pin(), [opened](net::ConnectOutcome outcome) {
    if (outcome.wrong_pin) {
      std::fprintf(stderr, "crossmatch-load: the hub's certificate (pin %s) is not the one the pin names\n",
                   net::short_pin(outcome.fingerprint).c_str());
    } else if (outcome.not_tls) {
      std::fprintf(stderr, "crossmatch-load: the hub answered without TLS (it runs with --insecure; so must this)\n");
    }
    opened(outcome.error, std::move(outcome.stream));
  });
}

void Client::send(const std::string& line) {
  queue_.push_back(line + "\n");
  write();
}

void Client::submit(core::Operation op, Sent sent) {
  op.id = "l" + std::to_string(index_) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this) % 9973) + "-" +
          std::to_string(sent.at.time_since_epoch().count());
  load_.sent(op.id, sent);
  send(net::encode(net::ClientMessage{net::Submit{std::move(op)}}));
}

void Client::write() {
  if (write_in_flight_ || queue_.empty()) return;
  writing_.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
  queue_.clear();
  buffers_.clear();
  for (const std::string& s : writing_) buffers_.push_back(asio::buffer(s));
  write_in_flight_ = true;
  stream_->async_write(buffers_, [self = shared_from_this()](const std::error_code& ec, std::size_t) {
    self->write_in_flight_ = false;
    if (ec) {
      if (!self->failed) self->load_.error();
      self->failed = true;
      return;
    }
    self->write();
  });
}

void Client::read() {
  stream_->async_read_some(asio::buffer(buffer_), [self = shared_from_this()](const std::error_code& ec, std::size_t n) {
    if (ec) {
      if (!self->failed) {
        self->failed = true;
        if (!self->ready) return self->load_.client_failed(*self, ec.message());
        self->load_.error();
      }
      return;
    }
    // Lines are handled where they lie in the buffer; only a line cut by the read's end is
    // copied. One clock reading per read: the lines of one read arrived together.
    self->load_.set_now(Clock::now());
    std::string_view data(self->buffer_.data(), n);
    while (!data.empty()) {
      const std::size_t end = data.find('\n');
      if (end == std::string_view::npos) {
        self->carry_.append(data);
        break;
      }
      if (self->carry_.empty()) {
        self->on_line(data.substr(0, end));
      } else {
        self->carry_.append(data.substr(0, end));
        const std::string line = std::move(self->carry_);
        self->carry_.clear();
        self->on_line(line);
      }
      data.remove_prefix(end + 1);
    }
    if (self->carry_.size() > net::kMaxHubLineBytes) {
      self->failed = true;
      return self->load_.error();
    }
    self->read();
  });
}

void Client::on_line(std::string_view line) {
  if (ends_with(line, "\"type\":\"op\"}")) {
    const std::int64_t seq = scan_number(line, "\"seq\":");
    if (seq > 0) load_.received(static_cast<std::uint64_t>(seq));
    // The operation's own type is the line's last "type" but one (keys are sorted: the type
    // closes the operation, the message's own "type":"op" closes the line; text in profiles is
    // escaped), so a scan from the end tells what it is.
    const std::size_t last = line.rfind("\"type\":\"");
    const std::size_t at = last == 0 || last == std::string_view::npos ? last : line.rfind("\"type\":\"", last - 1);
    if (at == std::string_view::npos) return;
    const std::string_view rest = line.substr(at + 8);
    const std::string_view type = rest.substr(0, rest.find('"'));
    if (type == "edit_profile") {
      load_.edit_line(line.size());
    } else if (type == "request_meeting") {
      const std::int64_t m = scan_number(line, "\"meeting\":");
      // A request to this client: remember it to answer; one from it: to cancel later.
      if (m > 0 && scan_number(line, "\"to\":") == static_cast<std::int64_t>(participant)) {
        incoming.push_back(static_cast<core::MeetingId>(m));
      } else if (m > 0 && scan_number(line, "\"from\":") == static_cast<std::int64_t>(participant)) {
        outgoing.push_back(static_cast<core::MeetingId>(m));
      }
    } else if (type == "accept_meeting" || type == "decline_meeting" || type == "cancel_meeting") {
      const std::int64_t m = scan_number(line, "\"meeting\":");
      std::erase(outgoing, static_cast<core::MeetingId>(m));
      std::erase(incoming, static_cast<core::MeetingId>(m));
    }
    return;
  }
  auto message = net::parse_hub_message(line);
  if (!message) return load_.error();
  if (auto* ack = std::get_if<net::Ack>(&*message)) {
    if (ack->id == register_id_ && ack->participant != 0) {
      participant = ack->participant;
      ready = true;
      load_.client_ready(*this);
      return;
    }
    return load_.acked(ack->id, ack->seq);
  }
  if (auto* refused = std::get_if<net::Refused>(&*message)) {
    if (refused->id == register_id_) {
      failed = true;
      return load_.client_failed(*this, "registration refused: " + refused->error.message);
    }
    return load_.refused(refused->id, refused->error.code, refused->error.message);
  }
  if (std::holds_alternative<net::Pong>(*message)) return load_.ponged();
  if (auto* error = std::get_if<net::ErrorMessage>(&*message)) {
    if (!ready) {
      failed = true;
      return load_.client_failed(*this, error->error.code + ": " + error->error.message);
    }
    return load_.error();
  }
  if (std::holds_alternative<net::CaughtUp>(*message) && register_id_.empty()) {
    profile = load_.profile_for(index_);
    core::Operation op;
    op.id = "lr-" + std::to_string(index_) + "-" + std::to_string(Clock::now().time_since_epoch().count());
    register_id_ = op.id;
    op.payload = core::Register{0, profile, {}};
    send(net::encode(net::ClientMessage{net::Submit{std::move(op)}}));
  }
}

int run(int argc, char** argv) {
  auto args = hub::CommandLine::parse(argc, argv, 1,
                                      {"--host", "--port", "--code", "--clients", "--participants", "--seconds",
                                       "--rate", "--edit-share", "--seed", "--pace", "--assets", "--threads", "--pin",
                                       "--timeline"},
                                      {"--insecure"});
  const auto fail = [](const core::Error& e) {
    std::fprintf(stderr, "crossmatch-load: %s\n%s", e.message.c_str(), kUsage);
    return 2;
  };
  if (!args) return fail(args.error());
  auto code = args->required("--code");
  auto port = args->integer("--port", net::kDefaultPort, 1, 65535);
  auto clients = args->integer("--clients", 10, 1, 100000);
  auto participants = args->integer("--participants", 0, 0, core::kMaxParticipants);
  auto seconds = args->number("--seconds", 10, 0, 86400);
  auto rate = args->number("--rate", 1000, 0.01, 1e6);
  auto edit_share = args->number("--edit-share", 0.1, 0, 1);
  auto seed = args->integer("--seed", 1, 0, INT64_MAX);
  for (const core::Error* e : {code ? nullptr : &code.error(), port ? nullptr : &port.error(),
                               clients ? nullptr : &clients.error(), participants ? nullptr : &participants.error(),
                               seed ? nullptr : &seed.error()}) {
    if (e) return fail(*e);
  }
  if (!seconds) return fail(seconds.error());
  if (!rate) return fail(rate.error());
  if (!edit_share) return fail(edit_share.error());
  const std::string pace = args->get("--pace").value_or("load");
  if (pace != "load" && pace != "human")
    return fail(core::make_error("invalid", "--pace", "--pace is 'human' or left out."));
  const auto assets = args->get("--assets");
  const std::filesystem::path dir = assets ? std::filesystem::path(*assets) : storage::default_assets_dir();
  auto taxonomy = storage::load_taxonomy(dir);
  if (!taxonomy) return fail(taxonomy.error());
  auto vocabulary = storage::load_demo_vocabulary(dir, *taxonomy);
  if (!vocabulary) return fail(vocabulary.error());
  auto people = core::generate_demo_participants(*taxonomy, *vocabulary,
                                                 {static_cast<int>(std::min<std::int64_t>(*clients, 2000)),
                                                  static_cast<std::uint64_t>(*seed) + 7});
  if (!people) return fail(people.error());

  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
  const bool insecure = args->has("--insecure");
  std::string pin = args->get("--pin").value_or(net::split_join_code(*code).pin);
  if (!insecure && !net::valid_pin(pin))
    return fail(core::make_error("no_pin", "--pin",
                                 pin.empty() ? "The join code carries no pin of the hub's certificate: give the whole "
                                               "join code, or --pin, or --insecure for a hub without TLS."
                                             : "'" + pin + "' is not a pin (ABCD-EFGH-JKLM, or 64 hex digits)."));
  if (insecure) std::fprintf(stderr, "crossmatch-load: WARNING: --insecure: plain TCP, no TLS\n");
  const bool human = pace == "human";
  auto threads = args->integer("--threads", human ? 1 : 2, 1, 64);
  const auto timeline = args->get("--timeline");
  if (!threads) return fail(threads.error());
  const int shard_count = static_cast<int>(std::min<std::int64_t>(*threads, *clients));
  const int n = std::max<int>(static_cast<int>(*participants), static_cast<int>(*clients));
  const std::string host = args->get("--host").value_or("127.0.0.1");
  // Per shard: its TLS context first (connections under way hold state made from it), then its
  // io_context, then the shard.
  std::vector<std::unique_ptr<net::TlsClient>> tls;
  std::vector<std::unique_ptr<asio::io_context>> ios;
  std::vector<std::unique_ptr<Load>> shards;
  std::vector<Load*> pointers;
  for (int k = 0; k < shard_count; ++k) {
    tls.push_back(insecure ? nullptr : std::make_unique<net::TlsClient>());
    ios.push_back(std::make_unique<asio::io_context>(1));
    shards.push_back(std::make_unique<Load>(*ios.back(), net::split_join_code(*code).code, static_cast<int>(*clients),
                                            k, shard_count, n, *rate / shard_count, *edit_share,
                                            static_cast<std::uint64_t>(*seed) * 1000 + static_cast<std::uint64_t>(k),
                                            human, *people));
    pointers.push_back(shards.back().get());
  }
  Coordinator coordinator(pointers);
  for (auto& shard : shards) {
    shard->set_coordinator(&coordinator);
    shard->start(host, static_cast<unsigned short>(*port), tls[&shard - &shards[0]].get(), pin, *seconds);
  }
  // Signals are caught on the first shard's thread; every shard is told to finish.
  asio::signal_set signals(*ios.front(), SIGINT, SIGTERM);
  signals.async_wait([&](const std::error_code& e, int) {
    if (e) return;
    for (auto& shard : shards) asio::post(shard->io(), [s = shard.get()] { s->finish(); });
  });
  std::vector<std::thread> workers;
  for (std::size_t k = 1; k < ios.size(); ++k) workers.emplace_back([&io = *ios[k]] { io.run(); });
  ios.front()->run();
  for (std::thread& w : workers) w.join();
  signals.cancel();
  merge_and_print(shards, coordinator);
  if (timeline) write_timeline(shards, *timeline);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    std::printf("%s", kUsage);
    return 0;
  }
  return run(argc, argv);
}
