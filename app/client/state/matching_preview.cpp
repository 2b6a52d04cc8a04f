#include "app/client/state/matching_preview.hpp"

#include <algorithm>

#include "core/matching/suggestions.hpp"

namespace crossmatch::client {

MatchingPreview preview_matching(const PopulationCache& cache,
                                 const core::MatchingSettings& current,
                                 const core::MatchingSettings& draft, int sample) {
  MatchingPreview out;
  if (!cache.built()) return out;
  const core::Population& population = cache.population();
  std::vector<int> people;
  for (int i = 0; i < population.size(); ++i) {
    if (population.matchable(i)) people.push_back(i);
  }
  out.matchable = static_cast<int>(people.size());
  const auto teams = [&](int team_max) {
    return people.size() < 2 ? 0 : static_cast<int>((people.size() + team_max - 1) / team_max);
  };
  out.teams = teams(std::max(draft.team_max, 1));
  out.teams_now = teams(std::max(current.team_max, 1));
  if (out.teams > 0) {
    out.smallest = out.matchable / out.teams;
    out.largest = (out.matchable + out.teams - 1) / out.teams;
  }
  const core::PairScorer before(population, current.weights);
  const core::PairScorer after(population, draft.weights);
  const std::size_t step =
      std::max<std::size_t>(1, people.size() / static_cast<std::size_t>(std::max(sample, 1)));
  for (std::size_t i = 0; i < people.size() && out.sampled < sample; i += step) {
    const auto a = core::suggest_partners(before, people[i], 3, {}, 0);
    const auto b = core::suggest_partners(after, people[i], 3, {}, 0);
    ++out.sampled;
    bool same = a.size() == b.size();
    for (std::size_t k = 0; same && k < a.size(); ++k) same = a[k].participant == b[k].participant;
    out.top_changed += same ? 0 : 1;
  }
  return out;
}

}  // namespace crossmatch::client
