// What the load generator measures and prints: each shard's tallies, merged once every shard has
// finished into one JSON line; and, on request, every acknowledgement's time (--timeline).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/event/ids.hpp"

namespace crossmatch::tools {

using Clock = std::chrono::steady_clock;

// An operation sent and not yet acknowledged.
struct Sent {
  Clock::time_point at;
  bool everyone = false;          // an edit that every client receives
  core::ParticipantId other = 0;  // the other person of a meeting operation (0: none)
};

// How many of the clients received an operation, and when the last of them did.
struct Receipts {
  int count = 0;
  Clock::time_point last;
};

// One shard's tallies.
struct Tally {
  std::uint64_t acked = 0, errors = 0, refused = 0, lines = 0, edit_bytes = 0, edit_lines = 0;
  // Bytes received up to caught_up (welcome and snapshot included), over the clients that got
  // there.
  std::uint64_t first_sync_bytes = 0, first_syncs = 0;
  std::unordered_map<std::uint64_t, Sent> sent_by_seq;
  std::unordered_map<std::uint64_t, Receipts> receipts;
  std::vector<double> ack_ms;
  std::vector<std::pair<double, double>> ack_timeline;  // (seconds after the start, ms)
  double elapsed = 0;
};

// The figures over every shard: clients, ops, ops_per_s, ack and fan-out percentiles, errors, ...
// `targets`: the participants of every ready client; `ready`: how many clients were.
// `more`: further JSON fields, each with its leading comma.
std::string report_line(const std::vector<const Tally*>& tallies,
                        const std::vector<core::ParticipantId>& targets, int ready,
                        const std::string& more = "");
// Every acknowledgement as "sent_s,ack_ms" (seconds after the start), in the order sent: shows
// when the slow ones happened. False when the file cannot be written.
bool write_timeline(const std::vector<const Tally*>& tallies, const std::string& path);

double percentile(std::vector<double> values, double p);

}  // namespace crossmatch::tools
