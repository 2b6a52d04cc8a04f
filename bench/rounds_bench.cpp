// `crossmatch-bench rounds`: one-to-one rounds for a generated event, one JSON line per round;
// --export writes the last round's instance (the allowed, not yet met pairs with integer weights)
// and our pairs, for bench/rounds_vs_networkx.py to compare with an exact matching.
#include <cmath>
#include <fstream>
#include <iostream>

#include "app/hub/command_line.hpp"
#include "bench/bench_common.hpp"
#include "core/matching/population.hpp"
#include "core/matching/rounds.hpp"

namespace crossmatch::bench {

namespace {
constexpr const char* kUsage =
    R"(rounds [--participants N] [--rounds R] [--seconds S | --steps K] [--seed K] [--export FILE]
  One-to-one rounds for a generated event, one JSON line per round. --export writes the last
  round's instance and the matching it was built on, for bench/rounds_vs_networkx.py.)";
}  // namespace

int rounds_main(int argc, char** argv) {
  if (wants_help(argc, argv, kUsage)) return 0;
  const char* name = "rounds";
  auto args = hub::CommandLine::parse(
      argc, argv, 1, {"--participants", "--rounds", "--seconds", "--seed", "--export", "--steps"});
  if (!args) return fail(name, args.error().message);
  auto n = args->integer("--participants", 1000, 2, core::kMaxDemoParticipants);
  if (!n) return fail(name, n.error().message);
  auto rounds = args->integer("--rounds", 3, 1, 100);
  if (!rounds) return fail(name, rounds.error().message);
  auto seconds = args->number("--seconds", 0.5, 0.001, 3600);
  if (!seconds) return fail(name, seconds.error().message);
  auto seed = args->integer("--seed", 1, 0, INT64_MAX);
  if (!seed) return fail(name, seed.error().message);
  auto steps = args->integer("--steps", 0, 0, INT64_MAX);
  if (!steps) return fail(name, steps.error().message);

  auto event = load_demo_event(static_cast<int>(*n), static_cast<std::uint64_t>(*seed));
  if (!event) return fail(name, event.error().message);
  const core::Population population =
      core::Population::from_profiles(event->taxonomy, event->profiles);
  const core::ScoreWeights weights;
  core::MeetingHistory history;

  for (int r = 1; r <= *rounds; ++r) {
    const bool last = r == *rounds;
    core::RoundGraph graph;
    if (last && args->get("--export")) graph = core::round_graph(population, weights, history);
    const auto start = Clock::now();
    core::SearchBudget budget = *steps > 0 ? core::SearchBudget(static_cast<std::uint64_t>(*steps))
                                           : wall_clock_budget(start, *seconds);
    const core::MeetingRound round = core::plan_round(population, weights, history, budget,
                                                      static_cast<std::uint64_t>(*seed) + r);
    const double elapsed = seconds_since(start);
    int pairs = 0, repeated = 0;
    for (const auto& group : round.groups) {
      pairs += 1;
      for (std::size_t x = 0; x < group.size(); ++x) {
        for (std::size_t y = x + 1; y < group.size(); ++y)
          repeated += history.met(group[x], group[y]);
      }
    }
    std::cout << "{\"bench\":\"rounds\",\"participants\":" << *n << ",\"round\":" << r
              << ",\"seconds\":" << json_number(elapsed) << ",\"groups\":" << pairs
              << ",\"trios\":" << round.trios << ",\"unpaired\":" << round.unpaired.size()
              << ",\"repeated_pairs\":" << repeated
              << ",\"pairs_score\":" << json_number(round.pairs_score)
              << ",\"total_score\":" << json_number(round.total_score) << "}\n";
    if (last && args->get("--export")) {
      // Local ids of the graph; ours is the matching before a trio's third member joined.
      std::vector<int> local(static_cast<std::size_t>(population.size()), -1);
      for (std::size_t k = 0; k < graph.participants.size(); ++k)
        local[graph.participants[k]] = static_cast<int>(k);
      std::ofstream out(*args->get("--export"));
      out << graph.participants.size() << ' ' << graph.edges.size() << '\n';
      for (const auto& e : graph.edges)
        out << e.a << ' ' << e.b << ' ' << std::llround(e.score * 1e6) << '\n';
      out << "ours " << round.matching.size() << '\n';
      for (const auto& [a, b] : round.matching) out << local[a] << ' ' << local[b] << '\n';
      out.close();
      if (!out) return fail(name, "cannot write " + *args->get("--export"));
    }
    history.add_round(round);
  }
  return 0;
}

}  // namespace crossmatch::bench
