// Each benchmark of crossmatch-bench as a function of its flags. bench/bench_command_line.cpp
// defines the flags (names, defaults, ranges, help) and reads them; the benchmarks never see the
// command line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crossmatch::bench {

struct TeamsOptions {
  std::string mdgp;  // a grouping instance in the MDGPLIB format
  double seconds = 1.0;
  std::uint64_t seed = 1;
  std::optional<std::string> out;  // 'item group' lines
};
int run_teams(const TeamsOptions& options);  // bench/teams_bench.cpp

struct EventTeamsOptions {
  std::vector<int> sizes{100, 1000, 5000, 15000};
  double seconds = 0;  // 0: a budget by the event's size
  double reference_seconds = 0;
  int reference_size = 1000;
  std::uint64_t seed = 1;
  int joins = 20;
  std::uint64_t steps = 0;  // 0: --seconds decides
  double stability_cost = 1.0;
};
int run_event_teams(const EventTeamsOptions& options);  // bench/event_teams_bench.cpp

struct RoundsOptions {
  int participants = 1000;
  int rounds = 3;
  double seconds = 0.5;
  std::uint64_t seed = 1;
  std::uint64_t steps = 0;  // 0: --seconds decides
  std::optional<std::string> export_file;
};
int run_rounds(const RoundsOptions& options);  // bench/rounds_bench.cpp

struct RefillOptions {
  int participants = 300;
  int requests_each = 4;  // rounds of requests that book the day
  double no_shows = 0.2;  // share of people who do not come
  double standby = 0.5;   // share of those who come who want more meetings
  double accept = 0.8;    // chance that a person accepts an offer
  std::uint64_t seed = 1;
};
int run_refill(const RefillOptions& options);  // bench/refill_bench.cpp

struct SuggestionsOptions {
  int participants = 15000;
  int k = 10;
  int repeat = 200;
  std::uint64_t seed = 1;
};
int run_suggestions(const SuggestionsOptions& options);  // bench/suggestions_bench.cpp

struct ScheduleBenchOptions {
  std::optional<std::string> dzn;  // a B2B instance, or ...
  bool generate = false;           // ... a generated event of the shape below
  double seconds = 10;
  std::uint64_t steps = INT64_MAX;
  std::uint64_t seed = 1;
  int threads = 1;
  int participants = 1000;
  int meetings = 10000;
  int days = 2;
  int slots_per_day = 24;
  int tables = 0;
  std::optional<std::string> out;
  std::string engine = "cdcl";
};
int run_schedule(const ScheduleBenchOptions& options);  // bench/schedule_bench.cpp

struct StorageBenchOptions {
  int participants = 15000;
  int meetings = 100000;
  int repeat = 3;
  int group = 0;          // 0: groups of 1, 10 and 100
  std::string dir;        // empty: a temporary folder
  std::string load_only;  // a file to time opening and loading, alone
  bool keep = false;
  bool append_only = false;
  bool client_ids = false;
};
int run_storage(const StorageBenchOptions& options);  // bench/storage_bench.cpp

struct RedisFanoutOptions {
  std::string host = "127.0.0.1";
  int port = 6379;
  int subscribers = 2000;
  double rate = 100;
  int bytes = 1000;
  double seconds = 20;
};
int run_redis_fanout(const RedisFanoutOptions& options);  // bench/redis_fanout_bench.cpp

struct ClinicOptions {
  int participants = 500;
  int tables = 50;
  int seats = 10;
  int seconds = 5;
  std::uint64_t seed = 1;
};
int run_clinic(const ClinicOptions& options);  // bench/clinic_bench.cpp

struct ClientBenchOptions {
  int participants = 15000;
  int meetings = 100000;
  int frames = 200;
};
int run_client(const ClientBenchOptions& options);  // bench/client_bench.cpp (with the client)

struct ReplicaBenchOptions {
  int participants = 15000;
  int missed = 1500;  // operations made while the app is closed
};
int run_replica(const ReplicaBenchOptions& options);  // bench/replica_bench.cpp (with the client)

struct PrintBenchOptions {
  int participants = 1000;
  int meetings = 10000;  // requests; about 60 % get accepted and booked
  int repeat = 3;
  std::uint64_t seed = 1;
  std::string out;  // empty: the PDFs are made and dropped
};
int run_print(const PrintBenchOptions& options);  // bench/print_bench.cpp

// Parses the command line and runs the benchmark it names; the exit status.
int run_command_line(int argc, const char* const* argv);  // bench/bench_command_line.cpp

}  // namespace crossmatch::bench
