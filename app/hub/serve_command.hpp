// `crossmatch-hub serve --db FILE [--host H] [--port P] [--demo N] ...`: runs the hub of one
// event: the network thread (this one), the storage thread and the matcher thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "net/protocol.hpp"

namespace crossmatch::hub {

// The flags of `serve` (app/hub/hub_command_line.cpp defines them, with their ranges).
struct ServeOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = net::kDefaultPort;
  int demo = 0;  // generated participants for a new event
  std::uint64_t seed = 1;
  std::optional<std::string> name;  // none: "Cross Innovation Demo" or "Cross Innovation Event"
  std::string time_zone = "UTC";
  int max_connections = net::kDefaultMaxConnections;
  int idle_seconds = net::kDefaultIdleSeconds;
  int handshake_seconds = net::kDefaultHandshakeSeconds;
  int max_signing_in_per_address = net::kDefaultMaxSigningInPerAddress;
  int signed_in_share = net::kDefaultSignedInSharePercent;
  int busy_handshake_seconds = net::kDefaultBusyHandshakeSeconds;
  int max_handshakes = net::kDefaultMaxHandshakes;
  int registrations_per_address = net::kDefaultRegistrationsPerAddressPerMinute;
  int failed_sign_ins_per_address = net::kDefaultFailedSignInsPerAddressPerMinute;
  double rate = net::kDefaultRatePerSecond;
  double burst = net::kDefaultRateBurst;
  int max_unsent_mb = static_cast<int>(net::kDefaultMaxUnsentBytes >> 20);
  int fanout_hold_ms = net::kDefaultFanoutHoldMs;
  int max_db_mb = 0;  // 0: the database may grow until the disk is full
  std::optional<std::string> assets;
  int team_delay_ms = 2000;
  double team_seconds = 0.25;
  std::optional<std::string> cert, key;
  bool insecure = false;
};

int run_serve(const ServeOptions& options);

}  // namespace crossmatch::hub
