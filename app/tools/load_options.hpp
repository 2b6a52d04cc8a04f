// crossmatch-load's flags as values; load_options.cpp defines them (the load generator's one
// file that includes CLI11) for parsing, usage and --help.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace crossmatch::tools {

struct LoadOptions {
  std::string host = "127.0.0.1";
  int port = 7420;
  std::string code;  // the event's join code, with the hub's pin at its end
  int clients = 10;
  int participants = 0;  // the event's size once the clients joined (request targets: 1..N)
  double seconds = 10;   // 0: until interrupted
  double rate = 1000;    // operations a second, over every client
  double edit_share = 0.1;
  std::uint64_t seed = 1;
  bool human = false;  // --pace human: the demo's bots
  std::optional<std::string> assets;
  std::optional<std::string> pin;  // none: the join code's
  bool insecure = false;
  bool snapshot = false;       // join with a snapshot of the event, as a newcomer's app does
  bool compress = true;        // ask for zstd frames (--no-compress: plain lines)
  std::optional<int> threads;  // none: 2, or 1 with --pace human
  std::optional<std::string> timeline;
  // --storm N: N more participants who register first and then come in storms (load_storm.hpp).
  int storm = 0;
  double receive_rate = 0;  // bytes a second over the storm's clients (0: no cap)
  double arrival = 0, drop_spread = 10, steady = 10, night = 10;
  bool storm_resume = true;  // --storm-snapshots: returning clients take a snapshot again
  std::optional<int> hub_pid;
  int storm_nice = 0;  // the storm's thread runs at this niceness (0 to 19)
};

// The options, or the exit status when the program is to stop at once: 0 after --help, 2 after
// a bad flag (one line on standard error naming it).
std::variant<LoadOptions, int> read_load_options(int argc, const char* const* argv);

}  // namespace crossmatch::tools
