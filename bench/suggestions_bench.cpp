// `crossmatch-bench suggestions`: top-k partner suggestions for single participants of a
// generated event (the client ranks its own from its replica), and the cost of one pair score.
#include <algorithm>
#include <iostream>

#include "bench/bench_common.hpp"
#include "bench/bench_options.hpp"
#include "core/matching/pair_score.hpp"
#include "core/matching/population.hpp"
#include "core/matching/suggestions.hpp"

namespace crossmatch::bench {

int run_suggestions(const SuggestionsOptions& options) {
  const char* name = "suggestions";
  auto event = load_demo_event(options.participants, options.seed);
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
  for (int r = 0; r < options.repeat; ++r) {
    const int viewer = static_cast<int>((static_cast<long long>(r) * 7919) % options.participants);
    const auto start = Clock::now();
    const auto top = core::suggest_partners(scorer, viewer, options.k);
    times.push_back(seconds_since(start));
    for (const auto& s : top) reasons += s.reasons.size();
  }
  std::sort(times.begin(), times.end());
  double total = 0;
  for (const double t : times) total += t;

  // The pair score alone, and with the rules that keep pairs out.
  const int pairs = options.participants - 1;
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

  std::cout << "{\"bench\":\"suggestions\",\"participants\":" << options.participants
            << ",\"k\":" << options.k << ",\"queries\":" << options.repeat
            << ",\"mean_ms\":" << json_number(total / times.size() * 1e3)
            << ",\"median_ms\":" << json_number(times[times.size() / 2] * 1e3)
            << ",\"p99_ms\":" << json_number(times[times.size() * 99 / 100] * 1e3)
            << ",\"max_ms\":" << json_number(times.back() * 1e3)
            << ",\"pair_score_ns\":" << json_number(score_ns)
            << ",\"pair_value_ns\":" << json_number(value_ns)
            << ",\"population_build_ms\":" << json_number(build_seconds * 1e3)
            << ",\"reasons_per_suggestion\":"
            << json_number(static_cast<double>(reasons) / (options.repeat * options.k))
            << ",\"checksum\":" << json_number(sink) << "}\n";
  return 0;
}

}  // namespace crossmatch::bench
