// Why a team was put together: shared working-style traits, the sector mix and the countries.
#include <algorithm>
#include <set>

#include "core/i18n/translation.hpp"
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
  // TRANSLATORS: a team's reason; %s lists working-style traits
  if (!traits.empty())
    reasons.push_back(format_text(tr("shared way of working: %s"), list_words(traits).c_str()));

  std::vector<std::string> creative, growth;
  for (const int m : members) {
    const MemberRecord& r = population.record(m);
    if (r.sector < 0) continue;
    const std::string name = sector_in_sentence(t.sectors()[r.sector].name);
    if (r.sector_class == SectorClass::Creative) add_unique(creative, name);
    if (r.sector_class == SectorClass::Growth) add_unique(growth, name);
  }
  if (!creative.empty() && !growth.empty()) {
    reasons.push_back(format_text(tr("cross-sector: %s with %s"), list_words(creative).c_str(),
                                  list_words(growth).c_str()));
  } else if (!creative.empty()) {
    reasons.push_back(format_text(tr("creative sectors only: %s"), list_words(creative).c_str()));
  } else if (!growth.empty()) {
    reasons.push_back(format_text(tr("growth sectors only: %s"), list_words(growth).c_str()));
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
      const std::string city = tr_ctx("city", t.cities()[rc.city].name.c_str());
      // TRANSLATORS: a team's reason: "architecture with tourism, which Rome's profile calls for"
      add_unique(calls, format_text(tr("%s with %s, which %s's profile calls for"),
                                    sector_in_sentence(t.sectors()[rc.sector].name).c_str(),
                                    sector_in_sentence(t.sectors()[rg.sector].name).c_str(),
                                    city.c_str()));
    }
  }
  if (calls.size() > 2) calls.resize(2);
  for (const auto& call : calls) reasons.push_back(call);

  std::vector<std::string> countries;
  for (const int m : members) {
    const int c = population.record(m).country;
    if (c >= 0) add_unique(countries, tr_iso(IsoNames::Countries, t.countries()[c].name.c_str()));
  }
  if (countries.size() == 1) {
    reasons.push_back(format_text(tr("all from %s"), countries.front().c_str()));
  } else if (!countries.empty()) {
    // TRANSLATORS: a team's reason: "3 countries: Estonia, Italy and Poland"
    reasons.push_back(format_text(tr_n("%zu country: %s", "%zu countries: %s", countries.size()),
                                  countries.size(), list_words(countries).c_str()));
  }
  return reasons;
}

}  // namespace crossmatch::core
