#include <doctest/doctest.h>

#include <functional>
#include <set>

#include "core/matching/pair_score.hpp"
#include "core/matching/rounds.hpp"
#include "tests/core/matching_fixtures.hpp"

using namespace crossmatch;

namespace {

core::MeetingRound plan(const core::Population& p, const core::MeetingHistory& h,
                        std::uint64_t seed, std::uint64_t steps = 20000) {
  core::SearchBudget budget(steps);
  return core::plan_round(p, core::ScoreWeights{}, h, budget, seed);
}

}  // namespace

TEST_CASE("rounds pair everyone, never repeat a pair, and put the odd one out in a trio") {
  const auto profiles = test::random_profiles(41, 3);
  const auto population = core::Population::from_profiles(test::taxonomy(), profiles);
  const core::PairScorer scorer(population, core::ScoreWeights{});
  core::MeetingHistory history;
  std::set<std::pair<int, int>> seen;
  for (int r = 0; r < 8; ++r) {
    const auto round = plan(population, history, r + 1);
    std::set<int> people;
    int trios = 0;
    for (const auto& group : round.groups) {
      CHECK((group.size() == 2 || group.size() == 3));
      trios += group.size() == 3;
      for (std::size_t x = 0; x < group.size(); ++x) {
        CHECK(people.insert(group[x]).second);
        for (std::size_t y = x + 1; y < group.size(); ++y) {
          CHECK(seen.insert({group[x], group[y]}).second);
          CHECK(scorer.allowed(group[x], group[y]));
        }
      }
    }
    CHECK(trios == 1);
    CHECK(round.trios == 1);
    CHECK(round.unpaired.empty());
    CHECK(people.size() == 41);
    CHECK(round.matching.size() == 20);
    history.add_round(round);
  }
}

TEST_CASE("a round is a maximum-weight matching on small events") {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    auto profiles = test::demo_profiles(10, seed);
    for (auto& p : profiles) {
      p.languages = {"en"};
      p.consent.suggestions = true;
    }
    auto population = core::Population::from_profiles(test::taxonomy(), profiles);
    population.add_declined(0, 1);
    const core::PairScorer scorer(population, core::ScoreWeights{});
    core::MeetingHistory history;
    history.add(2, 3);
    // Every perfect matching, by enumeration; pairs first, then score.
    std::vector<int> free_people;
    for (int i = 0; i < 10; ++i) free_people.push_back(i);
    std::pair<int, double> best{-1, 0};
    std::function<void(std::vector<int>, int, double)> go = [&](std::vector<int> left, int pairs,
                                                                double score) {
      if (pairs > best.first || (pairs == best.first && score > best.second)) best = {pairs, score};
      if (left.size() < 2) return;
      const int a = left[0];
      std::vector<int> rest(left.begin() + 1, left.end());
      go(rest, pairs, score);  // a stays free
      for (std::size_t k = 0; k < rest.size(); ++k) {
        const int b = rest[k];
        if (!scorer.allowed(a, b) || history.met(a, b)) continue;
        std::vector<int> next = rest;
        next.erase(next.begin() + static_cast<long>(k));
        go(next, pairs + 1, score + scorer.score(a, b));
      }
    };
    go(free_people, 0, 0.0);
    const auto round = plan(population, history, seed);
    CHECK(static_cast<int>(round.matching.size()) == best.first);
    CHECK(round.pairs_score == doctest::Approx(best.second));
    for (const auto& [a, b] : round.matching) {
      CHECK_FALSE(history.met(a, b));
      CHECK(scorer.allowed(a, b));
    }
  }
}

TEST_CASE("rounds are deterministic for a seed, and people without a partner are reported") {
  auto profiles = test::random_profiles(30, 9);
  profiles[4].languages = {"fi"};  // nobody else speaks Finnish
  const auto population = core::Population::from_profiles(test::taxonomy(), profiles);
  const core::MeetingHistory history;
  const auto a = plan(population, history, 5, 3000);
  const auto b = plan(population, history, 5, 3000);
  CHECK(a.groups == b.groups);
  CHECK(a.unpaired == std::vector<int>{4});
  CHECK(a.trios == 1);  // 29 others: one joins a pair
}
