#include <doctest/doctest.h>

#include "core/matching/pair_score.hpp"
#include "core/matching/population.hpp"
#include "tests/core/matching_fixtures.hpp"

using namespace crossmatch;

TEST_CASE("a population keeps indices stable through adds, edits and removals") {
  auto profiles = test::random_profiles(6, 3);
  core::Population population = core::Population::from_profiles(test::taxonomy(), profiles);
  REQUIRE(population.size() == 6);
  const core::ScoreWeights weights;
  const double before = core::PairScorer(population, weights).score(0, 5);

  population.remove(2);
  CHECK_FALSE(population.present(2));
  CHECK_FALSE(population.matchable(2));
  CHECK(population.size() == 6);
  CHECK(core::PairScorer(population, weights).score(0, 5) == before);

  // Adding past the end leaves empty slots between.
  population.set(9, profiles[1]);
  CHECK(population.size() == 10);
  CHECK(population.present(9));
  CHECK_FALSE(population.present(7));

  // An edit replaces the participant in place.
  auto edited = profiles[5];
  edited.sector = profiles[0].sector;
  edited.city = profiles[0].city;
  edited.country = profiles[0].country;
  edited.answers = profiles[0].answers;
  population.set(5, edited);
  CHECK(
      core::PairScorer(population, weights).relation(population.record(0), population.record(5)) ==
      core::SectorRelation::SameSector);
}

TEST_CASE("consent, activity and declined requests decide who is matchable and which pairs") {
  auto profiles = test::random_profiles(4, 5);
  profiles[1].consent.suggestions = false;
  core::Population population = core::Population::from_profiles(test::taxonomy(), profiles);
  CHECK(population.matchable(0));
  CHECK_FALSE(population.matchable(1));
  population.set_active(2, false);
  CHECK_FALSE(population.matchable(2));
  CHECK(population.present(2));
  population.set_active(2, true);
  CHECK(population.matchable(2));

  const core::PairScorer scorer(population, core::ScoreWeights{});
  CHECK(scorer.allowed(0, 3));
  population.add_declined(3, 0);
  CHECK(population.declined(0, 3));
  CHECK_FALSE(scorer.allowed(0, 3));
  population.remove_declined(0, 3);
  CHECK(scorer.allowed(0, 3));
  population.add_declined(0, 3);
  population.remove(3);  // a removed participant's declines go with them
  population.set(3, profiles[3]);
  CHECK_FALSE(population.declined(0, 3));
}

TEST_CASE("an edit keeps a participant's activity; tags and organisations compare loosely") {
  auto profiles = test::random_profiles(2, 7);
  profiles[0].organisation = "Lumen  Studio";
  profiles[1].organisation = "  lumen studio";
  profiles[0].offers = {"  BIM   Modelling "};
  profiles[1].seeks = {"bim modelling"};
  core::Population population = core::Population::from_profiles(test::taxonomy(), profiles);
  const core::PairScorer scorer(population, core::ScoreWeights{});
  CHECK_FALSE(scorer.allowed(0, 1));  // same organisation
  CHECK(scorer.tag_matches(0, 1) == 1);
  CHECK(population.tag_name(population.offers(0)[0]) == "BIM   Modelling");
  population.set_active(0, false);
  population.set(0, profiles[0]);
  CHECK_FALSE(population.active(0));
}
