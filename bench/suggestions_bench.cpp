// `crossmatch-bench suggestions`: top-k partner suggestions for single participants of a
// generated event (the client ranks its own from its replica), and the cost of one pair score.
#include <algorithm>
#include <iostream>

#include "app/hub/command_line.hpp"
#include "bench/bench_common.hpp"
#include "core/matching/pair_score.hpp"
#include "core/matching/population.hpp"
#include "core/matching/suggestions.hpp"

namespace crossmatch::bench {

namespace {
constexpr const char* kUsage = R"(suggestions [--participants N] [--k K] [--repeat R] [--seed K]
  Top-k partner suggestions for single participants of a generated event (median and maximum
  time), and the cost of one pair score.)";
}  // namespace

int suggestions_main(int argc, char** argv) {
  if (wants_help(argc, argv, kUsage)) return 0;
  const char* name = "suggestions";
  auto args =
      hub::CommandLine::parse(argc, argv, 1, {"--participants", "--k", "--repeat", "--seed"});
  if (!args) return fail(name, args.error().message);
  auto n = args->integer("--participants", 15000, 2, core::kMaxDemoParticipants);
  if (!n) return fail(name, n.error().message);
  auto k = args->integer("--k", 10, 1, 1000);
  if (!k) return fail(name, k.error().message);
  auto repeat = args->integer("--repeat", 200, 1, 100000);
  if (!repeat) return fail(name, repeat.error().message);
  auto seed = args->integer("--seed", 1, 0, INT64_MAX);
  if (!seed) return fail(name, seed.error().message);

  auto event = load_demo_event(static_cast<int>(*n), static_cast<std::uint64_t>(*seed));
  if (!event) return fail(name, event.error().message);
  const auto build_start = Clock::now();
  const core::Population population =
      core::Population::from_profiles(event->taxonomy, event->profiles);
  const double build_seconds = seconds_since(build_start);
  const core::ScoreWeights weights;
  const core::PairScorer scorer(population, weights);

  // One participant at a time, spread over the event.
  std::vector<double> times;
  std::size_t reasons = 0;
  for (int r = 0; r < *repeat; ++r) {
    const int viewer = static_cast<int>((static_cast<long long>(r) * 7919) % *n);
    const auto start = Clock::now();
    const auto top = core::suggest_partners(scorer, viewer, static_cast<int>(*k));
    times.push_back(seconds_since(start));
    for (const auto& s : top) reasons += s.reasons.size();
  }
  std::sort(times.begin(), times.end());
  double total = 0;
  for (const double t : times) total += t;

  // The pair score alone, and with the rules that keep pairs out.
  const int pairs = static_cast<int>(*n) - 1;
  double sink = 0;
  auto start = Clock::now();
  for (int rep = 0; rep < 20; ++rep) {
    for (int j = 1; j <= pairs; ++j) sink += scorer.score(rep, j);
  }
  const double score_ns = seconds_since(start) * 1e9 / (20.0 * pairs);
  start = Clock::now();
  for (int rep = 0; rep < 20; ++rep) {
    for (int j = 1; j <= pairs; ++j) sink += scorer.value(rep, j);
  }
  const double value_ns = seconds_since(start) * 1e9 / (20.0 * pairs);

  std::cout << "{\"bench\":\"suggestions\",\"participants\":" << *n << ",\"k\":" << *k
            << ",\"queries\":" << *repeat
            << ",\"mean_ms\":" << json_number(total / times.size() * 1e3)
            << ",\"median_ms\":" << json_number(times[times.size() / 2] * 1e3)
            << ",\"p99_ms\":" << json_number(times[times.size() * 99 / 100] * 1e3)
            << ",\"max_ms\":" << json_number(times.back() * 1e3)
            << ",\"pair_score_ns\":" << json_number(score_ns)
            << ",\"pair_value_ns\":" << json_number(value_ns)
            << ",\"population_build_ms\":" << json_number(build_seconds * 1e3)
            << ",\"reasons_per_suggestion\":"
            << json_number(static_cast<double>(reasons) / (*repeat * *k))
            << ",\"checksum\":" << json_number(sink) << "}\n";
  return 0;
}

}  // namespace crossmatch::bench
