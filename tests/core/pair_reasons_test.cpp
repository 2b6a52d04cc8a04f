#include <doctest/doctest.h>

#include <algorithm>

#include "core/matching/pair_reasons.hpp"
#include "tests/core/matching_fixtures.hpp"

using namespace crossmatch;
using core::ScoreComponent;

TEST_CASE("reasons read like the study's advice") {
  // A Stockholm builder looking at a fast, informal Lisbon architect who targets Sweden.
  auto builder = test::company("Viewer", "construction", "stockholm", "SE");
  builder.answers = {5, 5, 3, 3, 5, 3, 3};
  auto architect = test::company("Other", "architecture", "lisbon", "PT");
  architect.answers = {4, 5, 2, 3, 5, 3, 3};
  architect.target_markets = {"SE"};
  builder.target_markets = {"PT", "DE"};
  const auto population = core::Population::from_profiles(test::taxonomy(), {builder, architect});
  const core::PairScorer scorer(population, core::ScoreWeights{});
  const auto reasons = core::explain_pair(scorer, 0, 1);
  REQUIRE(reasons.size() == 3);
  CHECK(reasons[0].text ==
        "architecture (Lisbon) with construction, which Lisbon's profile calls for");
  CHECK(reasons[1].text == "same way of working: informal and fast prototyping");
  CHECK(reasons[2].text == "from Lisbon, Portugal");
  const auto more = core::explain_pair(scorer, 0, 1, 5);
  REQUIRE(more.size() == 4);
  CHECK(more[3].text ==
        "based in Portugal, a market you target; targets Sweden, where you have ties");
  CHECK(core::join_reasons(reasons).find("; same way of working") != std::string::npos);
}

TEST_CASE("every reason names a component that weighed, in order, with facts that hold") {
  const auto profiles = test::demo_profiles(120, 4);
  const auto population = core::Population::from_profiles(test::taxonomy(), profiles);
  const core::PairScorer scorer(population, core::ScoreWeights{});
  const auto& t = test::taxonomy();
  int checked = 0;
  for (int a = 0; a < 120; a += 3) {
    for (int b = 0; b < 120; ++b) {
      if (a == b) continue;
      const auto br = scorer.breakdown(a, b);
      const auto reasons = core::explain_pair(scorer, br, a, b, core::kScoreComponents);
      for (std::size_t k = 0; k < reasons.size(); ++k) {
        const auto& r = reasons[k];
        const int c = static_cast<int>(r.component);
        CHECK(br.values[c] >= core::kReasonMinValue);
        CHECK(r.contribution == br.contributions[c]);
        if (k > 0) CHECK(reasons[k - 1].contribution >= r.contribution);
        ++checked;
        const auto& pb = profiles[b];
        const auto& pa = profiles[a];
        switch (r.component) {
          case ScoreComponent::Sector:
            CHECK(br.sector_relation != core::SectorRelation::SameSector);
            if (br.sector_relation == core::SectorRelation::StudyMatch)
              CHECK(r.text.find("profile calls for") != std::string::npos);
            break;
          case ScoreComponent::International:
            CHECK(r.text.find(t.country(pb.country)->name) != std::string::npos);
            CHECK(pa.city != pb.city);
            break;
          case ScoreComponent::OffersSeeks: {
            bool named = false;
            for (const auto& tag : pb.offers) {
              if (std::count(pa.seeks.begin(), pa.seeks.end(), tag) &&
                  r.text.find(tag) != std::string::npos)
                named = true;
            }
            for (const auto& tag : pb.seeks) {
              if (std::count(pa.offers.begin(), pa.offers.end(), tag) &&
                  r.text.find(tag) != std::string::npos)
                named = true;
            }
            CHECK(named);
            break;
          }
          case ScoreComponent::MarketBridge: {
            bool named = false;
            for (const auto& code : pa.target_markets) {
              const bool tie = code == pb.country ||
                               std::count(pb.known_markets.begin(), pb.known_markets.end(), code);
              if (tie && r.text.find(t.country(code)->name) != std::string::npos) named = true;
            }
            for (const auto& code : pb.target_markets) {
              const bool tie = code == pa.country ||
                               std::count(pa.known_markets.begin(), pa.known_markets.end(), code);
              if (tie && r.text.find(t.country(code)->name) != std::string::npos) named = true;
            }
            CHECK(named);
            break;
          }
          case ScoreComponent::WorkingStyle:
            CHECK((r.text.rfind("same way of working: ", 0) == 0 ||
                   r.text == "similar answers on how you work"));
            break;
          case ScoreComponent::ParticipantTypes:
            CHECK(pa.type != pb.type);
            CHECK(r.text.find(core::lower_label(pb.type)) == 2);  // "a policy maker, ..."
            CHECK(r.text.find(core::lower_label(pa.type)) != std::string::npos);
            break;
          case ScoreComponent::PitchInterest:
            FAIL("explain_pair never gives a pitch-interest reason");
            break;
        }
      }
      // Below the cap, every component that reached the threshold is there.
      int strong = 0;
      for (int c = 0; c < core::kScoreComponents; ++c)
        strong += br.values[c] >= core::kReasonMinValue && br.contributions[c] > 0;
      CHECK(static_cast<int>(reasons.size()) == strong);
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("shared traits need every participant on the same side") {
  auto a = test::company("A", "architecture", "lisbon", "PT");
  auto b = test::company("B", "construction", "berlin", "DE");
  auto c = test::company("C", "tourism", "rome", "IT");
  a.answers = {5, 1, 4, 3, 5, 2, 3};
  b.answers = {4, 2, 5, 3, 5, 1, 3};
  c.answers = {4, 2, 3, 3, 5, 1, 3};
  const auto population = core::Population::from_profiles(test::taxonomy(), {a, b, c});
  const auto& q = test::taxonomy().questions();
  const auto two = core::shared_traits(population, {0, 1}, 10);
  CHECK(two.size() == 5);
  CHECK(std::count(two.begin(), two.end(), q[2].high_trait) == 1);
  const auto three = core::shared_traits(population, {0, 1, 2}, 10);
  CHECK(three.size() == 4);            // c is neutral on question 3
  CHECK(three[0] == q[4].high_trait);  // 5, 5, 4: strongest
  CHECK(std::count(three.begin(), three.end(), q[2].high_trait) == 0);
}

TEST_CASE("a reason names both participant types, in the viewer's terms") {
  auto company = test::company("Viewer", "architecture", "lisbon", "PT");
  auto officer = test::company("Other", "construction", "lisbon", "PT");
  officer.type = core::ParticipantType::PolicyMaker;
  const auto population = core::Population::from_profiles(test::taxonomy(), {company, officer});
  const core::PairScorer scorer(population, core::ScoreWeights{0, 0, 0, 0, 0, 1});
  const auto reasons = core::explain_pair(scorer, 0, 1);
  REQUIRE(reasons.size() == 1);
  CHECK(reasons[0].component == ScoreComponent::ParticipantTypes);
  CHECK(reasons[0].text == "a policy maker, useful to you as a company");
  CHECK(core::explain_pair(scorer, 1, 0)[0].text == "a company, useful to you as a policy maker");
  // Two companies: nothing to say about types.
  const auto two = core::Population::from_profiles(test::taxonomy(), {company, company});
  CHECK(core::explain_pair(core::PairScorer(two, core::ScoreWeights{0, 0, 0, 0, 0, 1}), 0, 1)
            .empty());
}
