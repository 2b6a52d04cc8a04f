// The load generator's pacing and mix. A shard is one thread's io_context and the simulated
// clients on it: it connects them in waves, waits with the other shards until everyone has
// joined and the joining crowd's broadcasts are through, then acts at its share of the rate
// (accept or decline what was asked, edit a profile, request a meeting, cancel one) and tallies
// acknowledgements and receipts. The coordinator passes the phases across shards.
#pragma once

// A standard header before asio's (see net/byte_stream.hpp).
#include <cstddef>

#include <asio.hpp>

#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/tools/load_client.hpp"
#include "app/tools/load_report.hpp"
#include "app/tools/load_storm.hpp"
#include "core/demo_event.hpp"

namespace crossmatch::tools {

class Shard;

// What the shards share (each: one thread, one io_context, its own clients): the phases they pass
// together (everyone joined, everyone settled, go) and the participants of every ready client,
// the targets of requests. Called from the shards' threads.
class Coordinator {
 public:
  explicit Coordinator(std::vector<Shard*> shards) : shards_(std::move(shards)) {}
  // Runs (on the thread of the shard that settled last) when the shards begin to act.
  void on_begin(std::function<void(Clock::time_point)> begun) { begun_ = std::move(begun); }
  void joined(const std::vector<core::ParticipantId>& ready, int failed);
  void settled();
  const std::vector<core::ParticipantId>& targets() const {
    return targets_;
  }  // fixed once all joined
  int ready() const { return ready_; }

 private:
  std::mutex mutex_;
  std::vector<Shard*> shards_;
  std::vector<core::ParticipantId> targets_;
  std::function<void(Clock::time_point)> begun_;
  int joined_ = 0, settled_ = 0, ready_ = 0, failed_ = 0;
};

struct ShardSettings {
  int clients = 0;  // over every shard; this one's are first, first + stride, ...
  int first = 0, stride = 1;
  int participants = 0;  // the event's size: request targets now and then
  double rate = 0;       // this shard's operations a second
  double edit_share = 0.1;
  std::uint64_t seed = 1;
  bool human = false;     // an action every few seconds, logged
  bool snapshot = false;  // join with a snapshot instead of live
  bool compress = true;   // ask for zstd frames
  double seconds = 0;     // 0: until finish()
  ConnectedCount* connected = nullptr;
};

class Shard final : public ClientHost {
 public:
  Shard(asio::io_context& io, const ShardSettings& settings,
        std::vector<core::DemoParticipant> profiles);
  ~Shard() override;
  void set_coordinator(Coordinator* coordinator) { coordinator_ = coordinator; }
  asio::io_context& io() { return io_; }
  const Tally& tally() const { return tally_; }
  const std::vector<std::unique_ptr<SimulatedClient>>& clients() const { return clients_; }

  // Connects the clients to `target` with the event's `code` (without its pin).
  void start(const net::HubTarget& target, std::string code);
  // Phases, posted by the coordinator.
  void settle();
  void begin(Clock::time_point start);
  // Stops acting and stops the io_context; the tallies are final.
  void finish();

  // ClientHost.
  core::Profile profile_for(int index) override;
  void client_ready(SimulatedClient& client) override;
  void client_failed(SimulatedClient& client, const std::string& why) override;
  void client_error(SimulatedClient& client, const std::string& what) override;
  void lines_read(Clock::time_point at) override { now_ = at; }
  void operation_received(SimulatedClient& client, const net::AppliedHead& head,
                          std::size_t line_bytes) override;
  void acknowledged(const std::string& id, std::uint64_t seq) override;
  void refused(const std::string& id, const core::Error& error) override;
  void ponged() override;
  void connection_opened() override {
    if (settings_.connected) settings_.connected->opened();
  }
  void connection_closed() override {
    if (settings_.connected) settings_.connected->closed();
  }
  void first_sync(std::uint64_t bytes) override {
    tally_.first_sync_bytes += bytes;
    ++tally_.first_syncs;
  }

 private:
  void connect_more();
  void all_joined();
  void shard_settled();
  void tick();
  void act();
  SimulatedClient* random_ready();
  core::ParticipantId random_target();
  void log(const SimulatedClient& client, const char* what, std::uint32_t number);

  asio::io_context& io_;
  ShardSettings settings_;
  std::mt19937_64 rng_;
  std::vector<core::DemoParticipant> profiles_;
  asio::steady_timer timer_;
  net::HubTarget target_;
  std::string code_;
  std::vector<std::unique_ptr<SimulatedClient>> clients_;
  std::unordered_map<core::ParticipantId, SimulatedClient*> by_participant_;
  int next_connect_ = 0, ready_ = 0, failed_ = 0, failures_shown_ = 0;
  bool began_ = false, finished_ = false, settling_ = false, joined_ = false,
       shard_settled_ = false;
  int pongs_ = 0;
  Clock::time_point start_;
  std::uint64_t issued_ = 0;
  std::unordered_map<std::string, Sent> in_flight_;
  Tally tally_;
  Coordinator* coordinator_ = nullptr;
  Clock::time_point now_;  // when the lines being handled were read
};

}  // namespace crossmatch::tools
