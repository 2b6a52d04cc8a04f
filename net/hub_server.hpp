// The hub's server: accepts connections, checks each client's hello and credentials, applies
// the operations clients send (the one sequencer of the event), and acknowledges and broadcasts
// each one only once the log says it is durable, filtered for every reader's role. Runs on one
// network thread (the io_context's); the log commits on a thread of its own.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/event/sequencer.hpp"
#include "core/taxonomy.hpp"
#include "net/hub_log.hpp"
#include "net/messages.hpp"
#include "net/protocol.hpp"
#include "net/tls_identity.hpp"

namespace asio {
class io_context;
}

namespace crossmatch::net {

struct HubOptions {
  std::string host = "127.0.0.1";
  int port = kDefaultPort;  // 0: any free port (tests)
  int max_connections = kDefaultMaxConnections;
  int handshake_seconds = kDefaultHandshakeSeconds;
  int max_signing_in_per_address = kDefaultMaxSigningInPerAddress;
  int signed_in_share_percent = kDefaultSignedInSharePercent;  // 0-90
  int busy_handshake_seconds = kDefaultBusyHandshakeSeconds;
  int max_handshakes = kDefaultMaxHandshakes;  // signing in at once; the rest wait to be accepted
  int registrations_per_address_per_minute = kDefaultRegistrationsPerAddressPerMinute;
  int failed_sign_ins_per_address_per_minute = kDefaultFailedSignInsPerAddressPerMinute;
  int idle_seconds = kDefaultIdleSeconds;
  double rate_per_second = kDefaultRatePerSecond;
  double rate_burst = kDefaultRateBurst;
  std::size_t max_unsent_bytes = kDefaultMaxUnsentBytes;
  int fanout_hold_ms = kDefaultFanoutHoldMs;  // 0: every group is written at once
  std::string hub_name = "crossmatch-hub";
  // TLS 1.3 with this certificate and key; none: plain TCP (--insecure).
  std::optional<TlsIdentity> tls;
  // The event's local times in UTC (its time zone, from the tz database), for when slots start:
  // offers lapse then, and only slots not yet started are offered. None: local times are UTC.
  core::LocalToUtc local_to_utc;
};

// Counters for log lines and tests.
struct HubCounters {
  std::uint64_t connections = 0;  // open now
  std::uint64_t accepted = 0;     // since start
  std::uint64_t applied = 0;
  std::uint64_t refused = 0;
  std::uint64_t duplicates = 0;
  std::uint64_t rate_limited = 0;
  std::uint64_t address_limited = 0;  // connections, registrations and sign-ins refused by address
  std::uint64_t lines_sent = 0;
  std::uint64_t accept_pauses = 0;  // times the hub stopped accepting: max_handshakes signing in
  // Since the last status line: how late the network thread ran its once-a-second tick (how long
  // anything waited there), and the longest an operation took from applied to durable.
  std::chrono::milliseconds loop_lag_max{0};
  std::chrono::milliseconds commit_max{0};
};

class HubServer {
 public:
  // `log_out` gets one line per notable thing.
  HubServer(asio::io_context& io, const core::Taxonomy& taxonomy, HubLog& log, HubOptions options,
            std::ostream& log_out);
  ~HubServer();
  HubServer(const HubServer&) = delete;
  HubServer& operator=(const HubServer&) = delete;

  // The event as loaded from the store, before listening.
  void restore(core::EventState state, std::uint64_t last_sequence, core::AppliedIds operation_ids);

  // Binds and starts accepting; then port() is the one bound.
  core::Status listen();
  unsigned short port() const;

  // Stops accepting and applying, lets the log commit what it has, tells every client and
  // closes every connection, then calls `done` (on the network thread).
  void shutdown(std::function<void()> done);

  // The hub's state (every applied operation, durable or not); on the network thread only.
  const core::EventState& state() const;
  std::uint64_t applied_seq() const;
  std::uint64_t durable_seq() const;
  HubCounters counters() const;
  // The store failed to commit; the server has shut down and the program should exit non-zero.
  bool failed() const;
  // Called on the network thread once the server has stopped after its store failed: every
  // client was told `storage_failed` and every connection is closed. The program should exit
  // non-zero, so that the database is released for a restart.
  void set_failure_listener(std::function<void()> listener);

  // Called on the network thread with each operation as applied (state() already includes it),
  // before it is durable: the matcher's cue.
  void set_change_listener(std::function<void(const core::Operation& applied)> listener);
  // A new version of the team suggestions, formed from the state at sequence `as_of`: pushed to
  // every client, filtered for its role, once everything up to `as_of` is durable.
  void publish_teams(Teams teams, std::uint64_t as_of);

  // The organiser's requests to plan the auto-schedule (PlanSchedule, StopPlan), with the number
  // of the connection that sent them, and every connection that closes (to stop its plan); on
  // the network thread. Without them the hub answers that it does not plan schedules.
  struct PlanHandlers {
    std::function<void(std::uint64_t connection, PlanSchedule request)> plan;
    std::function<void(std::uint64_t connection, const StopPlan& request)> stop;
    std::function<void(std::uint64_t connection)> closed;
  };
  void set_plan_handlers(PlanHandlers handlers);
  // Sends a plan's lines to the connection, if it is still open (network thread).
  void send_plan(std::uint64_t connection, const SchedulePlanned& planned);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace crossmatch::net
