#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "core/matching/pair_score.hpp"
#include "core/matching/teams.hpp"
#include "tests/core/matching_fixtures.hpp"

using namespace crossmatch;

namespace {

core::TeamFormation form(const core::Population& population, const core::MatchingSettings& s,
                         std::uint64_t seed, std::uint64_t steps = 20000) {
  core::SearchBudget budget(steps);
  return core::form_teams(population, s, budget, seed);
}

void check_valid(const core::Population& population, const core::MatchingSettings& settings,
                 const core::TeamFormation& f) {
  const auto check = core::check_teams(population, settings, f.team_of, f.size_lower, f.size_upper);
  CHECK(check.sizes_ok);
  CHECK(check.everyone_once);
  CHECK(check.pair_value == doctest::Approx(f.pair_value));
  CHECK(check.mix_violations == f.mix_violations);
  CHECK(check.single_country_teams == f.single_country_teams);
  CHECK(f.size_upper == settings.team_max);
  for (const auto& team : f.teams) {
    for (const int m : team.members) CHECK(f.team_of[m] == team.id);
  }
}

// The best (violations, value) over every split of the matchable into `teams` teams within the
// bounds, by enumeration.
std::pair<int, double> enumerate_best(const core::Population& population,
                                      const core::MatchingSettings& settings, int teams, int lower,
                                      int upper) {
  std::vector<int> ids;
  for (int i = 0; i < population.size(); ++i) {
    if (population.matchable(i)) ids.push_back(i);
  }
  const int n = static_cast<int>(ids.size());
  const core::PairScorer scorer(population, settings.weights);
  std::vector<std::vector<int>> groups(teams);
  std::pair<int, double> best{1 << 30, 0};
  std::function<void(int, int)> place = [&](int k, int used) {
    if (k == n) {
      if (used < teams) return;
      int violations = 0;
      double value = 0;
      for (const auto& g : groups) {
        if (static_cast<int>(g.size()) < lower) return;
        bool creative = false, growth = false;
        std::set<int> countries;
        for (std::size_t x = 0; x < g.size(); ++x) {
          const auto& r = population.record(g[x]);
          creative |= r.sector_class == core::SectorClass::Creative;
          growth |= r.sector_class == core::SectorClass::Growth;
          countries.insert(r.country);
          for (std::size_t y = x + 1; y < g.size(); ++y) value += scorer.value(g[x], g[y]);
        }
        violations += !creative + !growth;
        if (g.size() >= 2 && countries.size() == 1) value -= settings.single_country_penalty;
      }
      if (violations < best.first || (violations == best.first && value > best.second))
        best = {violations, value};
      return;
    }
    // Teams are unlabelled: a person opens at most the next new team.
    for (int t = 0; t < std::min(used + 1, teams); ++t) {
      if (static_cast<int>(groups[t].size()) >= upper) continue;
      groups[t].push_back(ids[k]);
      place(k + 1, std::max(used, t + 1));
      groups[t].pop_back();
    }
  };
  place(0, 0);
  return best;
}

}  // namespace

TEST_CASE("teams have their sizes, hold everyone once, and keep the sector mix when feasible") {
  for (const std::uint64_t seed : {1ULL, 2ULL, 3ULL}) {
    for (const int n : {7, 23, 61, 150}) {
      const auto profiles = test::demo_profiles(n, seed * 100 + n);
      const auto population = core::Population::from_profiles(test::taxonomy(), profiles);
      for (const auto& [lo, hi] : {std::pair{3, 5}, std::pair{2, 4}, std::pair{4, 6}}) {
        core::MatchingSettings s;
        s.team_min = lo;
        s.team_max = hi;
        const auto f = form(population, s, seed, 5000);
        check_valid(population, s, f);
        if (f.mix_feasible) CHECK(f.mix_violations == 0);
        CHECK(f.size_lower <= lo);
      }
    }
  }
}

TEST_CASE("when the mix cannot be kept everywhere, as many teams as possible keep it") {
  std::vector<core::Profile> profiles;
  for (int i = 0; i < 10; ++i) {
    profiles.push_back(test::company(test::label("G", i), i % 2 ? "tourism" : "construction",
                                     i % 3 ? "berlin" : "lisbon", i % 3 ? "DE" : "PT"));
  }
  profiles.push_back(test::company("C1", "design", "rome", "IT"));
  profiles.push_back(test::company("C2", "fashion", "lisbon", "PT"));
  const auto population = core::Population::from_profiles(test::taxonomy(), profiles);
  core::MatchingSettings s;
  s.team_min = 2;
  s.team_max = 3;  // 4 teams, 2 creatives
  const auto f = form(population, s, 4);
  check_valid(population, s, f);
  CHECK_FALSE(f.mix_feasible);
  CHECK(f.teams.size() == 4);
  CHECK(f.mix_violations == 2);
}

TEST_CASE("teams of small populations are optimal, checked against every partition") {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    for (const int n : {8, 10, 11}) {
      auto profiles = test::random_profiles(n, seed * 7 + n);
      if (seed == 2) profiles[0].consent.suggestions = false;
      const auto population = core::Population::from_profiles(test::taxonomy(), profiles);
      core::MatchingSettings s;
      const auto f = form(population, s, seed, 30000);
      check_valid(population, s, f);
      const auto best = enumerate_best(population, s, static_cast<int>(f.teams.size()),
                                       f.size_lower, f.size_upper);
      CHECK(f.mix_violations == best.first);
      // The search works on values rounded to 1/65535; the optimum may differ by that much.
      CHECK(f.objective >= best.second - 1e-3);
    }
  }
}

TEST_CASE("team formation is deterministic for a seed under a step budget") {
  const auto profiles = test::demo_profiles(120, 8);
  const auto population = core::Population::from_profiles(test::taxonomy(), profiles);
  const core::MatchingSettings s;
  const auto a = form(population, s, 3, 8000);
  const auto b = form(population, s, 3, 8000);
  CHECK(a.team_of == b.team_of);
  CHECK(a.objective == b.objective);
  const auto c = form(population, s, 4, 8000);
  check_valid(population, s, c);
}

TEST_CASE("fewer than two people form no team; two form one") {
  auto profiles = test::random_profiles(2, 1);
  auto population = core::Population::from_profiles(test::taxonomy(), profiles);
  core::MatchingSettings s;
  auto f = form(population, s, 1);
  REQUIRE(f.teams.size() == 1);
  CHECK(f.teams[0].members == std::vector<int>{0, 1});
  check_valid(population, s, f);
  population.set_active(1, false);
  f = form(population, s, 1);
  CHECK(f.teams.empty());
  CHECK(f.team_of == std::vector<int>{-1, -1});
  CHECK(core::check_teams(population, s, f.team_of, 2, 5).everyone_once);
}

TEST_CASE("team reasons name the shared traits, the sector mix and the countries") {
  auto a = test::company("A", "architecture", "lisbon", "PT");
  auto b = test::company("B", "construction", "stockholm", "SE");
  auto c = test::company("C", "tourism", "berlin", "DE");
  a.answers = {5, 5, 3, 3, 5, 3, 3};
  b.answers = {4, 5, 3, 3, 4, 3, 3};
  c.answers = {5, 4, 3, 3, 5, 3, 1};
  const auto population = core::Population::from_profiles(test::taxonomy(), {a, b, c});
  const auto reasons = core::explain_team(population, {0, 1, 2});
  REQUIRE(reasons.size() == 5);
  CHECK(reasons[0] == "shared way of working: flat and flexible, informal and fast prototyping");
  CHECK(reasons[1] == "cross-sector: architecture with construction and tourism");
  CHECK(reasons[2] == "architecture with construction, which Lisbon's profile calls for");
  CHECK(reasons[3] == "architecture with tourism, which Lisbon's profile calls for");
  CHECK(reasons[4] == "3 countries: Portugal, Sweden and Germany");
  CHECK(core::explain_team(population, {1, 2}).back() == "2 countries: Sweden and Germany");
}

TEST_CASE("live re-optimisation keeps teams valid and stable, and reports what changed") {
  auto profiles = test::demo_profiles(90, 12);
  std::vector<core::Profile> first(profiles.begin(), profiles.begin() + 80);
  auto population = core::Population::from_profiles(test::taxonomy(), first);
  core::MatchingSettings s;
  auto f = form(population, s, 5, 20000);
  check_valid(population, s, f);

  // Nothing changed: nothing moves.
  {
    core::SearchBudget budget(20000);
    const auto g = core::reoptimise_teams(population, s, f.team_of, budget, 1);
    check_valid(population, s, g);
    CHECK(g.moved == 0);
    CHECK(g.teams_changed == 0);
    CHECK(g.team_of == f.team_of);
  }
  // Joins, one at a time.
  std::vector<int> team_of = f.team_of;
  for (int j = 80; j < 90; ++j) {
    population.set(j, profiles[j]);
    core::SearchBudget budget(20000);
    const auto g = core::reoptimise_teams(population, s, team_of, budget, j);
    check_valid(population, s, g);
    if (g.mix_feasible) CHECK(g.mix_violations == 0);
    CHECK(g.teams_changed <= 4);
    int kept = 0;
    for (int i = 0; i < j; ++i) kept += team_of[i] >= 0 && g.team_of[i] == team_of[i];
    int placed_before = 0;
    for (int i = 0; i < j; ++i) placed_before += team_of[i] >= 0;
    CHECK(kept + g.moved == placed_before);
    team_of = g.team_of;
  }
  // Leaves and an edit.
  population.set_active(3, false);
  population.remove(40);
  auto edited = profiles[10];
  edited.sector = "logistics";
  population.set(10, edited);
  core::SearchBudget budget(20000);
  const auto g = core::reoptimise_teams(population, s, team_of, budget, 7, {10});
  check_valid(population, s, g);
  CHECK(g.team_of[3] == -1);
  CHECK(g.team_of[40] == -1);
  CHECK(g.teams_changed <= 6);
  // Surviving teams keep their ids.
  std::set<int> before(team_of.begin(), team_of.end()), after(g.team_of.begin(), g.team_of.end());
  int common = 0;
  for (const int id : after) common += before.count(id);
  CHECK(common + 1 >= static_cast<int>(after.size()));

  // Smaller teams in the settings: teams past the new maximum give members away.
  core::MatchingSettings smaller = s;
  smaller.team_max = 4;
  core::SearchBudget budget2(20000);
  const auto h = core::reoptimise_teams(population, smaller, g.team_of, budget2, 8);
  check_valid(population, smaller, h);
}

TEST_CASE("live re-optimisation is deterministic for a seed under a step budget") {
  auto profiles = test::demo_profiles(70, 13);
  auto population =
      core::Population::from_profiles(test::taxonomy(), {profiles.begin(), profiles.begin() + 60});
  const core::MatchingSettings s;
  const auto f = form(population, s, 2, 10000);
  for (int j = 60; j < 70; ++j) population.set(j, profiles[j]);
  core::SearchBudget a(5000), b(5000);
  const auto x = core::reoptimise_teams(population, s, f.team_of, a, 9);
  const auto y = core::reoptimise_teams(population, s, f.team_of, b, 9);
  CHECK(x.team_of == y.team_of);
  check_valid(population, s, x);
}
