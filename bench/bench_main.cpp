// crossmatch-bench: one binary, one subcommand per benchmark. A benchmark joins with one line in
// the table below (its entry point is declared in bench/bench_common.hpp).
#include <cstring>
#include <iostream>

#include "bench/bench_common.hpp"

namespace {

struct Subcommand {
  const char* name;
  int (*run)(int argc, const char* const* argv);  // argv[0] is the subcommand's name
  const char* usage;
};

const Subcommand kSubcommands[] = {
    {"teams", crossmatch::bench::run_teams, crossmatch::bench::kTeamsUsage},
    {"event-teams", crossmatch::bench::run_event_teams, crossmatch::bench::kEventTeamsUsage},
    {"rounds", crossmatch::bench::run_rounds, crossmatch::bench::kRoundsUsage},
    {"suggestions", crossmatch::bench::run_suggestions, crossmatch::bench::kSuggestionsUsage},
};

void usage(std::ostream& out) {
  out << "usage: crossmatch-bench COMMAND [options]\n\ncommands:\n";
  for (const Subcommand& s : kSubcommands) out << "  " << s.usage << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    usage(argc < 2 ? std::cerr : std::cout);
    return argc < 2 ? 2 : 0;
  }
  for (const Subcommand& s : kSubcommands) {
    if (std::strcmp(argv[1], s.name) == 0) return s.run(argc - 1, argv + 1);
  }
  std::cerr << "crossmatch-bench: unknown command '" << argv[1] << "'\n";
  usage(std::cerr);
  return 2;
}
