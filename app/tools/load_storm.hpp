// The load generator's storms (--storm N): N more participants, on a thread of their own beside
// the clients that act. They register first, each closing its connection once registered and
// keeping its token (attendees who registered before the event). Then, while the acting clients
// go on, the phases:
//   idle       all N connect live (no snapshot) and wait: the hub's memory per idle connection;
//   doors_open all N connect again as new devices, each taking a snapshot, within --arrival
//              seconds, reading at most --receive-rate bytes a second between them (the venue's
//              network);
//   steady     everyone connected for --steady seconds: fan-out to every connection;
//   wifi_drop  every connection drops at once and comes back within --drop-spread seconds,
//              catching up after the last operation it had;
//   night      all leave while the others act for --night seconds, then come back within
//              --drop-spread seconds: what a returning device downloads.
// Each phase: how long until the last client was caught up, the bytes each received, the most
// connected at once, the hub's memory and processor time (with --hub-pid), and the acting
// clients' acknowledgements sent during it (from their timelines).
#pragma once

// A standard header before asio's (see net/byte_stream.hpp).
#include <cstddef>

#include <asio.hpp>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/tools/load_report.hpp"
#include "core/demo_event.hpp"
#include "net/hub_link.hpp"

namespace crossmatch::tools {

// Connections open at once, over every thread of the load generator.
struct ConnectedCount {
  std::atomic<int> now{0}, peak{0};
  void opened() {
    const int n = ++now;
    int p = peak.load();
    while (n > p && !peak.compare_exchange_weak(p, n)) {
    }
  }
  void closed() { --now; }
};

struct StormSettings {
  int clients = 0;
  double receive_rate = 0;  // bytes a second over the storm's clients; 0: as loopback allows
  double arrival_seconds = 0;
  double drop_spread_seconds = 10;
  double steady_seconds = 10;
  double night_seconds = 10;
  bool compress = true;
  bool resume = true;  // a returning client catches up after its last operation, or (false:
                       // the protocol before replicas were kept) takes a snapshot again
  std::optional<int> hub_pid;
  std::uint64_t seed = 1;
};

// One phase's figures.
struct StormPhase {
  std::string name;
  Clock::time_point from, to;  // the phase's first connection; its last client caught up
  int synced = 0, failed = 0, retries = 0;
  std::uint64_t bytes = 0;       // received, over the clients that caught up
  std::uint64_t missed_ops = 0;  // operations sequenced while the clients were away (night)
  std::uint64_t delivered = 0;   // operation lines the storm's clients received during the phase
  int connected_peak = 0;
  double hub_rss_before_mb = 0, hub_rss_peak_mb = 0, hub_rss_after_mb = 0;
  double hub_cpu_s = 0, load_cpu_s = 0;
};

class StormClient;

class Storm {
 public:
  Storm(asio::io_context& io, const StormSettings& settings,
        std::vector<core::DemoParticipant> profiles, ConnectedCount& connected);
  ~Storm();
  Storm(const Storm&) = delete;
  Storm& operator=(const Storm&) = delete;

  // Registers every client with the event's `code`; `done` runs on this io_context once each has
  // registered or failed.
  void register_all(const net::HubTarget& target, std::string code, std::function<void()> done);
  int registered() const;
  // Runs the phases; `done` runs once the last has ended.
  void run(std::function<void()> done);

  const std::vector<StormPhase>& phases() const { return phases_; }
  // Every operation the storm's clients received: how many did and when the last did.
  const std::unordered_map<std::uint64_t, Receipts>& receipts() const { return receipts_; }
  const StormSettings& settings() const { return settings_; }

  // [SECTION] For the clients, on this io_context's thread
  asio::io_context& io() { return io_; }
  const net::HubTarget& target() const { return target_; }
  const std::string& code() const { return code_; }
  core::Profile profile_for(int index);
  std::chrono::nanoseconds pace(std::size_t bytes);
  void connected() { counter_.opened(); }
  void disconnected() { counter_.closed(); }
  void received(std::uint64_t seq);
  void retried(const std::string& why);
  void registered(StormClient& client, bool ok, const std::string& why);
  void synced(StormClient& client, bool ok, const std::string& why);

 private:
  enum class Mode { Live, Snapshot, Resume };
  void register_more();
  void connect_all(Mode mode, double spread_seconds, std::function<void()> next);
  void connect_due();
  void phase_done();
  void drop_all();
  void after(double seconds, std::function<void()> next);
  void begin_phase(const std::string& name);
  void sample();

  asio::io_context& io_;
  StormSettings settings_;
  std::vector<core::DemoParticipant> profiles_;
  ConnectedCount& counter_;
  std::mt19937_64 rng_;
  net::HubTarget target_;
  std::string code_;
  std::vector<std::unique_ptr<StormClient>> clients_;
  std::unordered_map<std::uint64_t, Receipts> receipts_;
  std::vector<StormPhase> phases_;
  asio::steady_timer timer_, sampler_;
  int samples_ = 0;
  std::uint64_t delivered_ = 0;  // operation lines received by every storm client so far
  std::map<std::string, int> why_failed_, why_retried_;  // this phase's

  // Registering
  std::function<void()> registered_all_;
  int next_register_ = 0, registering_ = 0, registered_ = 0, register_failed_ = 0;

  // A phase's connecting
  Mode mode_ = Mode::Live;
  Clock::time_point connect_start_;
  double spread_ = 0;
  int next_connect_ = 0, outstanding_ = 0, failures_shown_ = 0;
  std::function<void()> phase_next_;

  // The receive budget (a token bucket over every client)
  double tokens_ = 0;
  Clock::time_point refilled_;
};

// The storm's figures as JSON fields ("storm":{...}), the acting clients' acknowledgements and
// sends matched to its phases.
std::string storm_report(const Storm& storm, const std::vector<const Tally*>& tallies,
                         Clock::time_point live_start);

}  // namespace crossmatch::tools
