// crossmatch-bench: one program, one subcommand per benchmark. A benchmark joins by declaring
// its entry point and adding one row to the table below.
#include <iostream>
#include <string>

namespace crossmatch::bench {
int teams_main(int argc, char** argv);        // bench/teams_bench.cpp
int event_teams_main(int argc, char** argv);  // bench/event_teams_bench.cpp
int rounds_main(int argc, char** argv);       // bench/rounds_bench.cpp
int suggestions_main(int argc, char** argv);  // bench/suggestions_bench.cpp
int schedule_main(int argc, char** argv);     // bench/schedule_bench.cpp
int storage_main(int argc, char** argv);      // bench/storage_bench.cpp
int redis_fanout_main(int argc, char** argv);  // bench/redis_fanout_bench.cpp
int clinic_main(int argc, char** argv);       // bench/clinic_bench.cpp
#ifdef CROSSMATCH_HAVE_CLIENT
int client_main(int argc, char** argv);       // bench/client_bench.cpp
#endif
}  // namespace crossmatch::bench

namespace {

struct Subcommand {
  const char* name;
  int (*run)(int argc, char** argv);  // argv[0] is the subcommand's name
  const char* summary;
};

constexpr Subcommand kSubcommands[] = {
    {"teams", crossmatch::bench::teams_main, "team formation on a grouping instance (--mdgp FILE, MDGPLIB format)"},
    {"event-teams", crossmatch::bench::event_teams_main, "teams of generated events: time, objective, live re-optimisation"},
    {"rounds", crossmatch::bench::rounds_main, "one-to-one rounds of a generated event (bench/rounds_vs_networkx.py compares)"},
    {"suggestions", crossmatch::bench::suggestions_main, "top-k partner suggestions for one participant, and the pair score's cost"},
    {"schedule", crossmatch::bench::schedule_main, "meeting scheduling: B2B instances (--dzn FILE) or generated events (--generate)"},
    {"redis-fanout", crossmatch::bench::redis_fanout_main, "Redis pub/sub fan-out to C subscribers, the reference for the hub's (bench/sync_bench.sh)"},
    {"storage", crossmatch::bench::storage_main, "event store: group commits against a bare sqlite3 loop; loading a large event"},
    {"clinic", crossmatch::bench::clinic_main, "policy-clinic tables: 500 people of every type at 50 workshop tables"},
#ifdef CROSSMATCH_HAVE_CLIENT
    {"client", crossmatch::bench::client_main, "the client with 15,000 participants: CPU per frame of the partner list and monitor, memory"},
#endif
};

int usage(std::ostream& out) {
  out << "usage: crossmatch-bench SUBCOMMAND [options]   (SUBCOMMAND --help for its options)\n\n";
  for (const auto& command : kSubcommands) out << "  " << command.name << "  " << command.summary << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage(std::cerr);
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") return usage(std::cout), 0;
  for (const auto& command : kSubcommands) {
    if (name == command.name) return command.run(argc - 1, argv + 1);
  }
  std::cerr << "crossmatch-bench: unknown subcommand '" << name << "'\n";
  return usage(std::cerr);
}
