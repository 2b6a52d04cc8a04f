#include <doctest/doctest.h>

#include <algorithm>

#include "core/matching/suggestions.hpp"
#include "tests/core/matching_fixtures.hpp"

using namespace crossmatch;

TEST_CASE("suggestions are the top k by score, ties to the lower index, rules applied") {
  auto profiles = test::demo_profiles(300, 21);
  profiles[5].consent.suggestions = false;
  core::Population population = core::Population::from_profiles(test::taxonomy(), profiles);
  population.set_active(6, false);
  population.add_declined(0, 7);
  const core::PairScorer scorer(population, core::ScoreWeights{});
  for (const int viewer : {0, 1, 17, 150, 299}) {
    std::vector<std::pair<double, int>> all;
    for (int j = 0; j < population.size(); ++j) {
      if (j == viewer || !population.matchable(j) || !scorer.allowed(viewer, j)) continue;
      all.emplace_back(-scorer.score(viewer, j), j);
    }
    std::sort(all.begin(), all.end());
    const auto top = core::suggest_partners(scorer, viewer, 12);
    REQUIRE(top.size() == 12);
    for (std::size_t k = 0; k < top.size(); ++k) {
      CHECK(top[k].participant == all[k].second);
      CHECK(top[k].score == -all[k].first);
      CHECK(top[k].participant != 5);
      CHECK(top[k].participant != 6);
      CHECK_FALSE(profiles[top[k].participant].organisation == profiles[viewer].organisation);
    }
    if (viewer == 0) {
      for (const auto& s : top) CHECK(s.participant != 7);
    }
  }
  // Excluded people are skipped; k larger than the eligible gives all of them.
  const auto some = core::suggest_partners(scorer, 1, 3);
  const auto without = core::suggest_partners(scorer, 1, 3, {some[0].participant});
  CHECK(without[0].participant == some[1].participant);
  CHECK(core::suggest_partners(scorer, 1, 100000).size() < 300);
  CHECK(core::suggest_partners(scorer, 1, 0).empty());
  CHECK(core::suggest_partners(scorer, 9999, 5).empty());
}

TEST_CASE("equal scores are ranked by index") {
  std::vector<core::Profile> profiles;
  profiles.push_back(test::company("V", "architecture", "lisbon", "PT"));
  for (int i = 0; i < 6; ++i)
    profiles.push_back(test::company(test::label("T", i), "construction", "berlin", "DE"));
  const auto population = core::Population::from_profiles(test::taxonomy(), profiles);
  const core::PairScorer scorer(population, core::ScoreWeights{});
  const auto top = core::suggest_partners(scorer, 0, 4);
  REQUIRE(top.size() == 4);
  for (int k = 0; k < 4; ++k) CHECK(top[k].participant == k + 1);
}
