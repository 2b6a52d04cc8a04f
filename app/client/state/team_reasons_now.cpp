#include "app/client/state/team_reasons_now.hpp"

#include "core/i18n/translation.hpp"
#include "core/matching/teams.hpp"

namespace crossmatch::client {

std::string team_reasons_now(const PopulationCache& cache,
                             const std::vector<core::ParticipantId>& members,
                             const std::string& stored) {
  if (!cache.built() || members.empty()) return stored;
  const core::Population& population = cache.population();
  std::vector<int> indices;
  for (const core::ParticipantId id : members) {
    const int index = static_cast<int>(id);
    if (!population.present(index)) return stored;
    indices.push_back(index);
  }
  std::string out;
  for (const std::string& reason : core::explain_team(population, indices)) {
    // TRANSLATORS: between two reasons for a team ("shared way of working: ...; 3 countries: ...")
    if (!out.empty()) out += core::tr("; ");
    out += reason;
  }
  return out.empty() ? stored : out;
}

}  // namespace crossmatch::client
