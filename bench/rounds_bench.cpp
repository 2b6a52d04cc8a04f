// `crossmatch-bench rounds`: one-to-one rounds for a generated event, one JSON line per round;
// --export writes the last round's instance (the allowed, not yet met pairs with integer weights)
// and our pairs, for bench/rounds_vs_networkx.py to compare with an exact matching.
#include <cmath>
#include <fstream>
#include <iostream>

#include "bench/bench_common.hpp"
#include "bench/bench_options.hpp"
#include "core/matching/population.hpp"
#include "core/matching/rounds.hpp"

namespace crossmatch::bench {

int run_rounds(const RoundsOptions& options) {
  const char* name = "rounds";
  auto event = load_demo_event(options.participants, options.seed);
  if (!event) return fail(name, event.error().message);
  const core::Population population =
      core::Population::from_profiles(event->taxonomy, event->profiles);
  const core::ScoreWeights weights;
  core::MeetingHistory history;

  for (int r = 1; r <= options.rounds; ++r) {
    const bool last = r == options.rounds;
    core::RoundGraph graph;
    if (last && options.export_file) graph = core::round_graph(population, weights, history);
    const auto start = Clock::now();
    core::SearchBudget budget = options.steps > 0 ? core::SearchBudget(options.steps)
                                                  : wall_clock_budget(start, options.seconds);
    const core::MeetingRound round =
        core::plan_round(population, weights, history, budget, options.seed + r);
    const double elapsed = seconds_since(start);
    int pairs = 0, repeated = 0;
    for (const auto& group : round.groups) {
      pairs += 1;
      for (std::size_t x = 0; x < group.size(); ++x) {
        for (std::size_t y = x + 1; y < group.size(); ++y)
          repeated += history.met(group[x], group[y]);
      }
    }
    std::cout << "{\"bench\":\"rounds\",\"participants\":" << options.participants
              << ",\"round\":" << r << ",\"seconds\":" << json_number(elapsed)
              << ",\"groups\":" << pairs << ",\"trios\":" << round.trios
              << ",\"unpaired\":" << round.unpaired.size() << ",\"repeated_pairs\":" << repeated
              << ",\"pairs_score\":" << json_number(round.pairs_score)
              << ",\"total_score\":" << json_number(round.total_score) << "}\n";
    if (last && options.export_file) {
      // Local ids of the graph; ours is the matching before a trio's third member joined.
      std::vector<int> local(static_cast<std::size_t>(population.size()), -1);
      for (std::size_t k = 0; k < graph.participants.size(); ++k)
        local[graph.participants[k]] = static_cast<int>(k);
      std::ofstream out(*options.export_file);
      out << graph.participants.size() << ' ' << graph.edges.size() << '\n';
      for (const auto& e : graph.edges)
        out << e.a << ' ' << e.b << ' ' << std::llround(e.score * 1e6) << '\n';
      out << "ours " << round.matching.size() << '\n';
      for (const auto& [a, b] : round.matching) out << local[a] << ' ' << local[b] << '\n';
      out.close();
      if (!out) return fail(name, "cannot write " + *options.export_file);
    }
    history.add_round(round);
  }
  return 0;
}

}  // namespace crossmatch::bench
