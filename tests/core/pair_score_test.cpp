#include <doctest/doctest.h>

#include "core/matching/pair_score.hpp"
#include "tests/core/matching_fixtures.hpp"

using namespace crossmatch;
using core::ScoreComponent;
using core::SectorRelation;

namespace {

struct Pair {
  core::Population population;
  core::PairScorer scorer;
  Pair(const core::Profile& a, const core::Profile& b, const core::ScoreWeights& w = {})
      : population(core::Population::from_profiles(test::taxonomy(), {a, b})),
        scorer(population, w) {}
  core::ScoreBreakdown breakdown() const { return scorer.breakdown(0, 1); }
};

}  // namespace

TEST_CASE("sector complementarity follows the study's table") {
  const auto lisbon_architect = test::company("A", "architecture", "lisbon", "PT");
  const auto stockholm_architect = test::company("B", "architecture", "stockholm", "SE");
  const auto builder = test::company("C", "construction", "berlin", "DE");
  const auto mechatronics = test::company("D", "mechatronics", "berlin", "DE");
  const auto designer = test::company("E", "design", "rome", "IT");

  CHECK(Pair(lisbon_architect, builder).breakdown().sector_relation == SectorRelation::StudyMatch);
  CHECK(Pair(builder, lisbon_architect).breakdown().sector_relation == SectorRelation::StudyMatch);
  CHECK(Pair(lisbon_architect, builder).breakdown().value(ScoreComponent::Sector) == 1.0);
  // Stockholm's row does not pair architecture with construction; Lisbon's does.
  CHECK(Pair(stockholm_architect, builder).breakdown().sector_relation ==
        SectorRelation::StudyPairing);
  CHECK(Pair(lisbon_architect, mechatronics).breakdown().sector_relation ==
        SectorRelation::CreativeWithGrowth);
  CHECK(Pair(lisbon_architect, designer).breakdown().sector_relation ==
        SectorRelation::Neighbouring);
  CHECK(Pair(lisbon_architect, stockholm_architect).breakdown().sector_relation ==
        SectorRelation::SameSector);
  CHECK(Pair(lisbon_architect, stockholm_architect).breakdown().value(ScoreComponent::Sector) == 0);
  // The order of the relations is the order of their values.
  CHECK(core::sector_value(SectorRelation::StudyMatch) >
        core::sector_value(SectorRelation::StudyPairing));
  CHECK(core::sector_value(SectorRelation::StudyPairing) >
        core::sector_value(SectorRelation::CreativeWithGrowth));
  CHECK(core::sector_value(SectorRelation::CreativeWithGrowth) >
        core::sector_value(SectorRelation::Neighbouring));
  CHECK(core::sector_value(SectorRelation::Neighbouring) >
        core::sector_value(SectorRelation::SameSector));
}

TEST_CASE("working style, internationalisation, offers and markets score as documented") {
  auto a = test::company("A", "architecture", "lisbon", "PT");
  auto b = test::company("B", "construction", "lisbon", "PT");
  CHECK(Pair(a, b).breakdown().value(ScoreComponent::WorkingStyle) == 1.0);
  CHECK(Pair(a, b).breakdown().value(ScoreComponent::International) == 0.0);
  b.city = "porto";
  CHECK(Pair(a, b).breakdown().value(ScoreComponent::International) == 0.5);
  b.city = "stockholm";
  b.country = "SE";
  CHECK(Pair(a, b).breakdown().value(ScoreComponent::International) == 1.0);

  a.answers = {1, 1, 1, 1, 1, 1, 1};
  b.answers = {5, 5, 5, 5, 5, 5, 5};
  CHECK(Pair(a, b).breakdown().value(ScoreComponent::WorkingStyle) == 0.0);
  b.answers = {2, 1, 1, 1, 1, 1, 3};  // 1 + 2 = 3 steps apart of 28
  CHECK(Pair(a, b).breakdown().value(ScoreComponent::WorkingStyle) ==
        doctest::Approx(1 - 3.0 / 28));

  CHECK(Pair(a, b).breakdown().value(ScoreComponent::OffersSeeks) == 0.0);
  a.offers = {"adaptive reuse", "urban design"};
  b.seeks = {"adaptive reuse"};
  CHECK(Pair(a, b).breakdown().value(ScoreComponent::OffersSeeks) == doctest::Approx(0.6));
  b.offers = {"building projects"};
  a.seeks = {"Building Projects"};
  CHECK(Pair(a, b).breakdown().value(ScoreComponent::OffersSeeks) == doctest::Approx(0.84));

  CHECK(Pair(a, b).breakdown().value(ScoreComponent::MarketBridge) == 0.0);
  a.target_markets = {"SE"};  // b is based there
  CHECK(Pair(a, b).breakdown().value(ScoreComponent::MarketBridge) == doctest::Approx(0.6));
  b.target_markets = {"BR"};
  a.known_markets = {"BR"};
  CHECK(Pair(a, b).breakdown().value(ScoreComponent::MarketBridge) == doctest::Approx(0.84));
}

TEST_CASE("the score is the weighted mean of the components, in [0, 1]") {
  const auto profiles = test::demo_profiles(60, 11);
  const auto population = core::Population::from_profiles(test::taxonomy(), profiles);
  core::ScoreWeights weights;
  const core::PairScorer scorer(population, weights);
  core::ScoreWeights doubled{0.6, 0.5, 0.3, 0.4, 0.2, 0.2};
  const core::PairScorer scorer2(population, doubled);
  const core::PairScorer nothing(population, core::ScoreWeights{0, 0, 0, 0, 0, 0});
  const std::array<double, 6> w = {weights.sector,        weights.working_style,
                                   weights.international, weights.offers_seeks,
                                   weights.market_bridge, weights.participant_types};
  double sum_w = 0;
  for (double x : w) sum_w += x;
  for (int a = 0; a < 60; ++a) {
    for (int b = 0; b < 60; ++b) {
      if (a == b) continue;
      const auto br = scorer.breakdown(a, b);
      double expected = 0;
      for (int c = 0; c < core::kScoreComponents; ++c) {
        CHECK(br.values[c] >= 0.0);
        CHECK(br.values[c] <= 1.0);
        expected += w[c] * br.values[c] / sum_w;
      }
      CHECK(br.score == doctest::Approx(expected));
      CHECK(scorer.score(a, b) == br.score);
      CHECK(scorer.score(a, b) == scorer.score(b, a));
      CHECK(scorer2.score(a, b) == doctest::Approx(br.score));
      CHECK(nothing.score(a, b) == 0.0);
    }
  }
}

TEST_CASE("pairs without a common language or from one organisation are never allowed") {
  auto a = test::company("A", "architecture", "lisbon", "PT");
  auto b = test::company("B", "construction", "stockholm", "SE");
  CHECK(Pair(a, b).scorer.allowed(0, 1));
  a.languages = {"pt"};
  b.languages = {"sv", "de"};
  CHECK_FALSE(Pair(a, b).scorer.allowed(0, 1));
  CHECK(Pair(a, b).scorer.value(0, 1) == 0.0);
  b.languages = {"sv", "pt"};
  CHECK(Pair(a, b).scorer.allowed(0, 1));
  b.organisation = a.organisation;
  CHECK_FALSE(Pair(a, b).scorer.allowed(0, 1));
  CHECK_FALSE(Pair(a, b).scorer.allowed(0, 0));
}

TEST_CASE("participant types: a company with a policy maker or broker is the useful pairing") {
  using T = core::ParticipantType;
  auto a = test::company("A", "architecture", "lisbon", "PT");
  auto b = test::company("B", "construction", "stockholm", "SE");
  const auto type_value = [&](T ta, T tb) {
    a.type = ta;
    b.type = tb;
    return Pair(a, b).breakdown().value(ScoreComponent::ParticipantTypes);
  };
  CHECK(type_value(T::Company, T::PolicyMaker) == 1.0);
  CHECK(type_value(T::Intermediary, T::Company) == 1.0);
  CHECK(type_value(T::Company, T::Researcher) == 0.8);
  CHECK(type_value(T::PolicyMaker, T::Researcher) == 0.6);
  CHECK(type_value(T::Company, T::Company) == 0.4);
  CHECK(type_value(T::PolicyMaker, T::PolicyMaker) == 0.2);
  // Symmetric for every pair of types, and the score moves with it.
  for (const T x : {T::Company, T::PolicyMaker, T::Intermediary, T::Researcher}) {
    for (const T y : {T::Company, T::PolicyMaker, T::Intermediary, T::Researcher})
      CHECK(core::participant_type_value(x, y) == core::participant_type_value(y, x));
  }
  a.type = T::Company;
  b.type = T::Company;
  const double companies = Pair(a, b).breakdown().score;
  b.type = T::PolicyMaker;
  CHECK(Pair(a, b).breakdown().score > companies);
  core::ScoreWeights only_types{0, 0, 0, 0, 0, 1};
  CHECK(Pair(a, b, only_types).breakdown().score == 1.0);
}
