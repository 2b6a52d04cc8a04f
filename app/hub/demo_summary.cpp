#include "app/hub/demo_summary.hpp"

#include <algorithm>
#include <iomanip>
#include <map>
#include <string>

namespace crossmatch::hub {
namespace {

std::string sector_names(const core::Taxonomy& taxonomy, const std::vector<int>& sectors) {
  std::string out;
  for (const int s : sectors) {
    if (!out.empty()) out += ", ";
    out += taxonomy.sectors()[s].name;
  }
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

}  // namespace

void print_taxonomy_summary(std::ostream& out, const core::Taxonomy& taxonomy) {
  out << "Partner cities of the Cross Innovation study and the sectors to match\n";
  for (const auto approach : {core::CityApproach::PlaceBased, core::CityApproach::NewCoalition,
                              core::CityApproach::ManufacturingIndustry}) {
    out << "  " << core::approach_label(approach) << "\n";
    for (const core::City* city : taxonomy.partner_cities()) {
      if (city->approach != approach) continue;
      out << "    " << std::left << std::setw(11) << city->name << city->country << "  "
          << sector_names(taxonomy, city->creative_sectors) << "  ->  "
          << sector_names(taxonomy, city->matching_sectors) << "\n";
    }
  }
  std::size_t creative = 0;
  for (const auto& s : taxonomy.sectors()) creative += s.kind == core::SectorKind::Creative;
  out << "Sectors: " << creative << " creative (CCI), " << taxonomy.sectors().size() - creative
      << " growth; cities: " << taxonomy.cities().size() << " (" << taxonomy.partner_cities().size()
      << " partner cities); countries: " << taxonomy.countries().size()
      << "; languages: " << taxonomy.languages().size() << "\n";
  out << "Working-style questionnaire (1 to 5):\n";
  for (const auto& q : taxonomy.questions()) {
    out << "  " << q.text << "  1 = " << q.low_label << "; 5 = " << q.high_label << "\n";
  }
}

void print_demo_event_summary(std::ostream& out, const core::Taxonomy& taxonomy,
                              const core::DemoVocabulary& vocabulary,
                              const std::vector<core::DemoParticipant>& participants,
                              std::size_t shown) {
  std::map<std::string, int> by_city;
  std::map<int, int> by_cluster;
  std::map<core::ParticipantType, int> by_type;
  int creative = 0, partner = 0, consenting = 0;
  for (const auto& dp : participants) {
    const auto& p = dp.profile;
    const core::City* city = taxonomy.city(p.city);
    by_city[city->name]++;
    partner += city->is_partner();
    creative += taxonomy.sector(p.sector)->kind == core::SectorKind::Creative;
    consenting += p.consent.suggestions;
    by_cluster[dp.style_cluster]++;
    by_type[p.type]++;
  }
  const auto n = static_cast<int>(participants.size());
  out << "Demo event: " << n << " participants, " << creative << " creative (CCI) and "
      << n - creative << " growth-sector; " << partner << " from partner cities, " << by_city.size()
      << " cities in all; " << consenting << " appear in suggestions\n";
  std::vector<std::pair<int, std::string>> cities;
  for (const auto& [name, count] : by_city) cities.emplace_back(-count, name);
  std::sort(cities.begin(), cities.end());
  out << "  By city:";
  for (std::size_t i = 0; i < cities.size() && i < 12; ++i) {
    out << (i ? ", " : " ") << cities[i].second << " " << -cities[i].first;
  }
  if (cities.size() > 12) out << ", ...";
  out << "\n  By type:";
  for (const auto& [type, count] : by_type) {
    out << (type == by_type.begin()->first ? " " : ", ") << core::label(type) << " " << count;
  }
  out << "\n  Working-style clusters:";
  for (const auto& [cluster, count] : by_cluster) {
    out << (cluster ? ", " : " ") << vocabulary.style_clusters[cluster].name << " " << count;
  }
  out << "\n";
  const std::size_t show = std::min(shown, participants.size());
  if (show > 0) out << "  First " << show << " participants:\n";
  for (std::size_t i = 0; i < show; ++i) {
    const auto& p = participants[i].profile;
    out << "    " << std::left << std::setw(26) << p.display_name << std::setw(34)
        << p.organisation.substr(0, 33) << std::setw(26) << core::label(p.type) << std::setw(12)
        << taxonomy.city(p.city)->name << taxonomy.sector(p.sector)->name << "; offers "
        << join(p.offers) << "; seeks " << join(p.seeks) << "\n";
  }
}

}  // namespace crossmatch::hub
