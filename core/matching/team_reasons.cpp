// Why a team was put together: shared working-style traits, the sector mix and the countries.
#include <algorithm>
#include <set>

#include "core/matching/pair_reasons.hpp"
#include "core/matching/teams.hpp"

namespace crossmatch::core {
namespace {

// Distinct names in first-seen order.
void add_unique(std::vector<std::string>& list, const std::string& name) {
  if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
}

}  // namespace

std::vector<std::string> explain_team(const Population& population,
                                      const std::vector<int>& members) {
  std::vector<std::string> reasons;
  if (members.empty()) return reasons;
  const Taxonomy& t = population.taxonomy();

  const auto traits = shared_traits(population, members, 3);
  if (!traits.empty()) reasons.push_back("shared way of working: " + list_words(traits));

  std::vector<std::string> creative, growth;
  for (const int m : members) {
    const MemberRecord& r = population.record(m);
    if (r.sector < 0) continue;
    const std::string name = name_in_sentence(t.sectors()[r.sector].name);
    if (r.sector_class == SectorClass::Creative) add_unique(creative, name);
    if (r.sector_class == SectorClass::Growth) add_unique(growth, name);
  }
  if (!creative.empty() && !growth.empty()) {
    reasons.push_back("cross-sector: " + list_words(creative) + " with " + list_words(growth));
  } else if (!creative.empty()) {
    reasons.push_back("creative sectors only: " + list_words(creative));
  } else if (!growth.empty()) {
    reasons.push_back("growth sectors only: " + list_words(growth));
  }

  // The study's own pairings inside the team, for the creative member's city.
  std::vector<std::string> calls;
  for (const int c : members) {
    const MemberRecord& rc = population.record(c);
    if (rc.sector_class != SectorClass::Creative || rc.city < 0) continue;
    for (const int g : members) {
      const MemberRecord& rg = population.record(g);
      if (rg.sector_class != SectorClass::Growth || rg.sector < 0) continue;
      if (!t.study_matches(rc.city, rc.sector, rg.sector)) continue;
      const std::string& city = t.cities()[rc.city].name;
      add_unique(calls, name_in_sentence(t.sectors()[rc.sector].name) + " with " +
                            name_in_sentence(t.sectors()[rg.sector].name) + ", which " + city +
                            "'s profile calls for");
    }
  }
  if (calls.size() > 2) calls.resize(2);
  for (const auto& call : calls) reasons.push_back(call);

  std::vector<std::string> countries;
  for (const int m : members) {
    const int c = population.record(m).country;
    if (c >= 0) add_unique(countries, t.countries()[c].name);
  }
  if (countries.size() == 1) {
    reasons.push_back("all from " + countries.front());
  } else if (!countries.empty()) {
    reasons.push_back(std::to_string(countries.size()) + " countries: " + list_words(countries));
  }
  return reasons;
}

}  // namespace crossmatch::core
