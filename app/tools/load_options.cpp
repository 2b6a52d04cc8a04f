#include "app/tools/load_options.hpp"

#include <CLI/CLI.hpp>

#include "app/common/command_line.hpp"
#include "core/event/operation.hpp"
#include "net/protocol.hpp"

namespace crossmatch::tools {

std::variant<LoadOptions, int> read_load_options(int argc, const char* const* argv) {
  app::CommandLine line(
      "crossmatch-load",
      "crossmatch-load: a load generator for the hub, and the demo's bots (--pace human)");
  CLI::App& cli = line.app();
  LoadOptions o;
  o.port = net::kDefaultPort;
  cli.add_option("--host", o.host, "the hub's address")->capture_default_str()->type_name("H");
  line.whole_number(
      cli.add_option("--port", o.port, "the hub's port")->capture_default_str()->type_name("P"), 1,
      65535);
  cli.add_option("--code", o.code,
                 "the event's join code (its last three groups are the hub's pin)")
      ->required()
      ->type_name("JOIN_CODE");
  line.whole_number(cli.add_option("--clients", o.clients,
                                   "connections, each a participant who joins with the code")
                        ->capture_default_str()
                        ->type_name("C"),
                    1, 100000);
  line.whole_number(
      cli.add_option(
             "--participants", o.participants,
             "the event's size after the clients joined: request targets are drawn from 1..N")
          ->capture_default_str()
          ->type_name("N"),
      0, static_cast<std::int64_t>(core::kMaxParticipants));
  line.number(cli.add_option("--seconds", o.seconds, "how long to act (0: until interrupted)")
                  ->capture_default_str()
                  ->type_name("S"),
              0, 86400);
  line.number(cli.add_option("--rate", o.rate, "operations a second, over every client")
                  ->capture_default_str()
                  ->type_name("OPS_PER_SECOND"),
              0.01, 1e6);
  line.number(cli.add_option("--edit-share", o.edit_share,
                             "the share of profile edits (each goes to every client)")
                  ->capture_default_str()
                  ->type_name("F"),
              0, 1);
  line.whole_number(
      cli.add_option("--seed", o.seed, "the seed")->capture_default_str()->type_name("K"), 0,
      INT64_MAX);
  std::string pace = "load";
  line.one_of(
      cli.add_option("--pace", pace, "human: the demo's bots, an action every few seconds, logged")
          ->capture_default_str(),
      {"load", "human"});
  std::string assets, pin, timeline;
  int threads = 2;
  CLI::Option* assets_flag =
      cli.add_option("--assets", assets,
                     "read the asset files from DIR instead of the ones beside this program")
          ->type_name("DIR");
  CLI::Option* pin_flag =
      cli.add_option(
             "--pin", pin,
             "the hub's pin when the join code has none (the short pin or the SHA-256 fingerprint)")
          ->type_name("PIN");
  cli.add_flag("--insecure", o.insecure, "plain TCP, for a hub run with --insecure");
  cli.add_flag("--snapshot", o.snapshot,
               "each client joins with a snapshot of the event, as a newcomer's app does (default: "
               "live, nothing from the past)");
  bool no_compress = false;
  cli.add_flag("--no-compress", no_compress,
               "ask for plain lines only (default: snapshots and long catch-ups as zstd frames)");
  CLI::Option* threads_flag = line.whole_number(
      cli.add_option(
             "--threads", threads,
             "threads the clients are spread over, each with its own connections (default 2; "
             "1 with --pace human)")
          ->type_name("T"),
      1, 64);
  CLI::Option* timeline_flag =
      cli.add_option("--timeline", timeline, "write every acknowledgement as sent_s,ack_ms to FILE")
          ->type_name("FILE");
  line.whole_number(
      cli.add_option("--storm", o.storm,
                     "N more participants who register first, then connect in storms: doors "
                     "open, a Wi-Fi drop, a night away (the clients act meanwhile; --seconds is "
                     "ignored)")
          ->type_name("N"),
      0, 100000);
  line.number(cli.add_option("--receive-rate", o.receive_rate,
                             "bytes a second the storm's clients read between them (a venue's "
                             "network: 125000000 is 1 Gbit/s; 0: no cap)")
                  ->capture_default_str()
                  ->type_name("BYTES_PER_SECOND"),
              0, 1e12);
  line.number(cli.add_option("--arrival", o.arrival,
                             "doors open: the storm's connections spread over this long")
                  ->capture_default_str()
                  ->type_name("S"),
              0, 3600);
  line.number(cli.add_option("--drop-spread", o.drop_spread,
                             "after a Wi-Fi drop or a night: the returns spread over this long")
                  ->capture_default_str()
                  ->type_name("S"),
              0, 3600);
  line.number(
      cli.add_option("--steady", o.steady, "everyone connected and the clients acting this long")
          ->capture_default_str()
          ->type_name("S"),
      0, 86400);
  line.number(
      cli.add_option("--night", o.night, "the storm's clients away this long while the clients act")
          ->capture_default_str()
          ->type_name("S"),
      0, 86400);
  bool storm_snapshots = false;
  cli.add_flag("--storm-snapshots", storm_snapshots,
               "returning storm clients take a snapshot again, as before devices kept their "
               "replica (default: they catch up after their last operation)");
  line.whole_number(
      cli.add_option("--storm-nice", o.storm_nice,
                     "the storm's thread runs at this niceness: a machine that runs the hub and "
                     "the simulated devices together gives the hub the processor first, as the "
                     "devices' own processors would")
          ->capture_default_str()
          ->type_name("N"),
      0, 19);
  int hub_pid = 0;
  CLI::Option* hub_pid_flag =
      line.whole_number(cli.add_option("--hub-pid", hub_pid,
                                       "the hub's process on this machine: its memory and "
                                       "processor time per storm phase")
                            ->type_name("PID"),
                        1, INT32_MAX);
  cli.footer(
      "Connects over TLS 1.3, accepting only the hub whose certificate the pin at the end of the "
      "join code (or\n"
      "--pin) names; --insecure: plain TCP. C clients join with the code and register, then act "
      "for S seconds at\n"
      "the rate: edit their profiles, request, accept, decline and cancel meetings. Prints one "
      "JSON line: clients,\n"
      "ops, ops_per_s, ack_p50_ms, ack_p99_ms, fanout_p50_ms, fanout_p99_ms, errors, "
      "edit_line_bytes, first_sync_bytes, ...\n"
      "--pace human: the demo's bots (an action every few seconds, logged).");
  if (const auto status = line.parse_or_exit(argc, argv)) return *status;
  o.human = pace == "human";
  o.compress = !no_compress;
  if (app::CommandLine::given(assets_flag)) o.assets = assets;
  if (app::CommandLine::given(pin_flag)) o.pin = pin;
  if (app::CommandLine::given(threads_flag)) o.threads = threads;
  if (app::CommandLine::given(timeline_flag)) o.timeline = timeline;
  if (app::CommandLine::given(hub_pid_flag)) o.hub_pid = hub_pid;
  o.storm_resume = !storm_snapshots;
  return o;
}

}  // namespace crossmatch::tools
