#include "app/tools/load_shard.hpp"

#include <cstdio>

namespace crossmatch::tools {

// [SECTION] Coordinator

void Coordinator::joined(const std::vector<core::ParticipantId>& ready, int failed) {
  std::lock_guard lock(mutex_);
  targets_.insert(targets_.end(), ready.begin(), ready.end());
  ready_ += static_cast<int>(ready.size());
  failed_ += failed;
  if (++joined_ < static_cast<int>(shards_.size())) return;
  if (ready_ == 0) {
    // Nothing to measure (a wrong pin or code, a hub that is not there): stop now.
    std::fprintf(stderr, "crossmatch-load: no client joined (%d failed); stopping\n", failed_);
    for (Shard* shard : shards_) asio::post(shard->io(), [shard] { shard->finish(); });
    return;
  }
  std::fprintf(stderr,
               "crossmatch-load: %d clients joined (%d failed); waiting for the hub's broadcasts "
               "to settle\n",
               ready_, failed_);
  // Posting orders the targets' writes before every shard's reads.
  for (Shard* shard : shards_) asio::post(shard->io(), [shard] { shard->settle(); });
}

void Coordinator::settled() {
  std::lock_guard lock(mutex_);
  if (++settled_ < static_cast<int>(shards_.size())) return;
  std::fprintf(stderr, "crossmatch-load: settled; running\n");
  const auto start = Clock::now();
  for (Shard* shard : shards_) asio::post(shard->io(), [shard, start] { shard->begin(start); });
  if (begun_) begun_(start);
}

// [SECTION] Joining

Shard::Shard(asio::io_context& io, const ShardSettings& settings,
             std::vector<core::DemoParticipant> profiles)
    : io_(io),
      settings_(settings),
      rng_(settings.seed),
      profiles_(std::move(profiles)),
      timer_(io) {
  for (int i = settings_.first; i < settings_.clients; i += settings_.stride)
    clients_.push_back(std::make_unique<SimulatedClient>(i, *this));
}

Shard::~Shard() = default;

void Shard::start(const net::HubTarget& target, std::string code) {
  target_ = target;
  code_ = std::move(code);
  connect_more();
}

// Connects in waves so that the hub's accept queue is not flooded.
void Shard::connect_more() {
  const int n = static_cast<int>(clients_.size());
  if (n == 0) return coordinator_->joined({}, 0);
  int started = 0;
  while (next_connect_ < n && started < 50)
    clients_[next_connect_++]->connect(io_, target_, code_, settings_.snapshot, settings_.compress),
        ++started;
  if (next_connect_ < n) {
    auto t = std::make_shared<asio::steady_timer>(io_, std::chrono::milliseconds(20));
    t->async_wait([this, t](const std::error_code&) { connect_more(); });
  }
}

core::Profile Shard::profile_for(int index) {
  core::Profile p = profiles_[static_cast<std::size_t>(index) % profiles_.size()].profile;
  p.email = "load" + std::to_string(index) + "." + std::to_string(rng_()) + "@example.eu";
  return p;
}

void Shard::client_ready(SimulatedClient& c) {
  by_participant_[c.participant()] = &c;
  if (settings_.human)
    std::printf("bot %s (participant %u) joined\n", c.profile().display_name.c_str(),
                c.participant());
  if (++ready_ + failed_ == static_cast<int>(clients_.size())) all_joined();
}

void Shard::client_failed(SimulatedClient&, const std::string& why) {
  ++tally_.errors;
  if (failures_shown_++ < 5)
    std::fprintf(stderr, "crossmatch-load: a client failed: %s\n", why.c_str());
  if (!began_ && ready_ + ++failed_ == static_cast<int>(clients_.size())) all_joined();
}

void Shard::client_error(SimulatedClient&, const std::string&) {
  ++tally_.errors;
}

void Shard::all_joined() {
  if (joined_) return;
  joined_ = true;
  std::vector<core::ParticipantId> ready;
  for (const auto& [p, c] : by_participant_) ready.push_back(p);
  coordinator_->joined(ready, failed_);
}

// Every registration reaches every client: before measuring, each client pings and waits for
// the pong, which comes after everything the hub sent it before (at most a minute), so that the
// figures are the steady state's rather than the joining crowd's.
void Shard::settle() {
  if (settling_ || began_) return;
  settling_ = true;
  for (const auto& c : clients_) {
    if (c->ready()) c->ping();
  }
  timer_.expires_after(std::chrono::seconds(60));
  timer_.async_wait([this](const std::error_code& ec) {
    if (!ec) shard_settled();
  });
  if (ready_ == 0) shard_settled();
}

void Shard::ponged() {
  if (settling_ && !began_ && ++pongs_ >= ready_) {
    timer_.cancel();
    shard_settled();
  }
}

void Shard::shard_settled() {
  if (shard_settled_) return;
  shard_settled_ = true;
  coordinator_->settled();
}

// [SECTION] Acting

// Every shard starts acting at the same moment.
void Shard::begin(Clock::time_point start) {
  if (began_) return;
  began_ = true;
  start_ = start;
  tick();
}

void Shard::tick() {
  const auto now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (settings_.seconds > 0 && elapsed >= settings_.seconds) return finish();
  if (clients_.empty()) return;
  const double target = settings_.human ? elapsed / 4.0 + 1 : elapsed * settings_.rate;
  while (static_cast<double>(issued_) < target) {
    act();
    ++issued_;
  }
  timer_.expires_after(std::chrono::milliseconds(settings_.human ? 500 : 5));
  timer_.async_wait([this](const std::error_code& ec) {
    if (!ec) tick();
  });
}

// One of this shard's clients, to act.
SimulatedClient* Shard::random_ready() {
  if (by_participant_.empty()) return nullptr;
  for (int tries = 0; tries < 20; ++tries) {
    SimulatedClient& c = *clients_[rng_() % clients_.size()];
    if (c.ready()) return &c;
  }
  return nullptr;
}

// Any shard's client, to be asked for a meeting: their participant.
core::ParticipantId Shard::random_target() {
  const auto& targets = coordinator_->targets();
  return targets.empty() ? 0 : targets[rng_() % targets.size()];
}

// The mix: answer what was asked first; else an edit (--edit-share), a request (at most 8 open)
// or the cancelling of the oldest open request.
void Shard::act() {
  SimulatedClient* c = random_ready();
  if (c == nullptr) return;
  core::Operation op;
  Sent sent{Clock::now(), false, 0};
  std::uniform_real_distribution<double> unit(0, 1);
  if (!c->incoming().empty()) {
    const core::MeetingId m = c->incoming().back();
    c->incoming().pop_back();
    if (unit(rng_) < 0.75) {
      op.payload = core::AcceptMeeting{.meeting = m};
    } else {
      op.payload = core::DeclineMeeting{.meeting = m, .reason = "Not this time"};
    }
    log(*c,
        std::holds_alternative<core::AcceptMeeting>(op.payload) ? "accepts meeting "
                                                                : "declines meeting ",
        m);
  } else if (unit(rng_) < settings_.edit_share) {
    core::Profile p = c->profile();
    p.job_title = "Founder " + std::to_string(c->next_edit());
    op.payload = core::EditProfile{.participant = c->participant(), .profile = p};
    sent.everyone = true;
    log(*c, "edits their profile", 0);
  } else if (c->outgoing().size() < 8) {
    // Mostly other bots, who answer; now and then anyone in the event.
    core::ParticipantId to = 0;
    if (unit(rng_) < 0.8 || settings_.participants < 2) {
      to = random_target();
      if (to == 0) return;
    } else {
      to = static_cast<core::ParticipantId>(
          1 + rng_() % static_cast<std::uint64_t>(settings_.participants));
    }
    if (to == c->participant()) return;
    op.payload = core::RequestMeeting{
        .from = c->participant(), .to = to, .message = "Shall we meet about a joint project?"};
    sent.other = to;
    log(*c, "requests a meeting with participant ", to);
  } else {
    const core::MeetingId m = c->outgoing().front();
    c->outgoing().erase(c->outgoing().begin());
    op.payload = core::CancelMeeting{.meeting = m, .reason = "Plans changed"};
    log(*c, "cancels meeting ", m);
  }
  in_flight_[c->submit(std::move(op))] = sent;
}

void Shard::log(const SimulatedClient& c, const char* what, std::uint32_t number) {
  if (!settings_.human) return;
  if (number != 0) {
    std::printf("bot %s %s%u\n", c.profile().display_name.c_str(), what, number);
  } else {
    std::printf("bot %s %s\n", c.profile().display_name.c_str(), what);
  }
  std::fflush(stdout);
}

void Shard::finish() {
  if (finished_) return;
  finished_ = true;
  tally_.elapsed = began_ ? std::chrono::duration<double>(Clock::now() - start_).count() : 0;
  timer_.cancel();
  io_.stop();
}

// [SECTION] Tallies

void Shard::acknowledged(const std::string& id, std::uint64_t seq) {
  const auto it = in_flight_.find(id);
  if (it == in_flight_.end()) return;
  if (began_ && !finished_) {
    const double ms = std::chrono::duration<double, std::milli>(now_ - it->second.at).count();
    tally_.ack_ms.push_back(ms);
    tally_.ack_timeline.emplace_back(std::chrono::duration<double>(it->second.at - start_).count(),
                                     ms);
    ++tally_.acked;
    tally_.sent_by_seq[seq] = it->second;
  }
  in_flight_.erase(it);
}

void Shard::refused(const std::string& id, const core::Error& error) {
  in_flight_.erase(id);
  if (!began_ || finished_) return;
  ++tally_.refused;
  if (settings_.human)
    std::printf("  (refused: %s: %s)\n", error.code.c_str(), error.message.c_str());
}

void Shard::operation_received(SimulatedClient&, const net::AppliedHead& head,
                               std::size_t line_bytes) {
  if (head.seq == 0) return;
  ++tally_.lines;
  Receipts& r = tally_.receipts[head.seq];
  ++r.count;
  r.last = now_;
  // The size of the broadcast edits as received (for the Redis reference: the same messages).
  if (head.is<core::EditProfile>()) {
    tally_.edit_bytes += line_bytes;
    ++tally_.edit_lines;
  }
}

}  // namespace crossmatch::tools
