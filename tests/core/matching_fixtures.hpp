// Small populations for the matching tests: hand-made profiles and generated demo events.
#pragma once

#include <string>
#include <vector>

#include "core/demo_event.hpp"
#include "core/matching/population.hpp"
#include "core/random.hpp"
#include "tests/test_assets.hpp"

namespace crossmatch::test {

// "P12": a name for the i-th made-up participant.
inline std::string label(const char* prefix, int i) {
  std::string out(prefix);
  out += std::to_string(i);
  return out;
}

// A valid company profile; the tests change what they look at.
inline core::Profile company(const std::string& name, const std::string& sector,
                             const std::string& city, const std::string& country) {
  core::Profile p;
  p.display_name = name;
  p.organisation = name;
  p.organisation += " Studio";
  p.city = city;
  p.country = country;
  p.sector = sector;
  p.languages = {"en"};
  p.answers = {3, 3, 3, 3, 3, 3, 3};
  p.email = "x@example.org";
  return p;
}

inline std::vector<core::Profile> demo_profiles(int n, std::uint64_t seed) {
  auto demo =
      core::generate_demo_participants(taxonomy(), demo_vocabulary(), core::DemoOptions{n, seed});
  REQUIRE(demo.ok());
  std::vector<core::Profile> out;
  for (auto& dp : *demo) out.push_back(dp.profile);
  return out;
}

// A random population over a few sectors and countries, everyone speaking English, so that
// every pair is allowed; answers random.
inline std::vector<core::Profile> random_profiles(int n, std::uint64_t seed,
                                                  const std::vector<std::string>& sectors = {
                                                      "architecture", "design", "construction",
                                                      "tourism", "fashion", "ict"}) {
  core::Rng rng(seed);
  const std::vector<std::pair<std::string, std::string>> places = {
      {"lisbon", "PT"}, {"porto", "PT"}, {"stockholm", "SE"}, {"berlin", "DE"}, {"rome", "IT"}};
  std::vector<core::Profile> out;
  for (int i = 0; i < n; ++i) {
    const auto& [city, country] = places[rng.below(places.size())];
    core::Profile p = company(label("P", i), sectors[rng.below(sectors.size())], city, country);
    for (int& a : p.answers) a = rng.between(1, 5);
    out.push_back(p);
  }
  return out;
}

}  // namespace crossmatch::test
