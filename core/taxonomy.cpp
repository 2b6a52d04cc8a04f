#include "core/taxonomy.hpp"

#include <algorithm>
#include <optional>

#include "core/asset_text.hpp"
#include "core/text.hpp"

namespace crossmatch::core {
namespace {

bool is_code(std::string_view code, char first, char last) {
  return code.size() == 2 && code[0] >= first && code[0] <= last && code[1] >= first &&
         code[1] <= last;
}

}  // namespace

Result<Taxonomy> Taxonomy::parse(const TaxonomySources& sources) {
  Taxonomy t;

  // Countries.
  auto country_rows = read_tsv(sources.countries, 2);
  if (!country_rows) return country_rows.error();
  for (const TsvRow& row : *country_rows) {
    if (!is_code(row.fields[0], 'A', 'Z'))
      return asset_error(sources.countries, row.line, row.fields[0],
                         "a country code is two upper-case letters (ISO 3166-1 alpha-2)");
    if (row.fields[1].empty())
      return asset_error(sources.countries, row.line, row.fields[0], "the name is empty");
    if (!t.country_ids_.emplace(std::string(row.fields[0]), static_cast<int>(t.countries_.size()))
             .second)
      return asset_error(sources.countries, row.line, row.fields[0], "the code appears twice");
    t.countries_.push_back({std::string(row.fields[0]), std::string(row.fields[1])});
  }

  // Languages.
  auto language_rows = read_tsv(sources.languages, 2);
  if (!language_rows) return language_rows.error();
  for (const TsvRow& row : *language_rows) {
    if (!is_code(row.fields[0], 'a', 'z'))
      return asset_error(sources.languages, row.line, row.fields[0],
                         "a language code is two lower-case letters (ISO 639-1)");
    if (row.fields[1].empty())
      return asset_error(sources.languages, row.line, row.fields[0], "the name is empty");
    if (!t.language_ids_.emplace(std::string(row.fields[0]), static_cast<int>(t.languages_.size()))
             .second)
      return asset_error(sources.languages, row.line, row.fields[0], "the code appears twice");
    t.languages_.push_back({std::string(row.fields[0]), std::string(row.fields[1])});
  }

  // Sectors.
  auto sector_rows = read_tsv(sources.sectors, 3);
  if (!sector_rows) return sector_rows.error();
  for (const TsvRow& row : *sector_rows) {
    const auto id = row.fields[0];
    if (!is_slug(id))
      return asset_error(sources.sectors, row.line, id,
                         "an id is lower-case letters, digits and dashes, at most 40");
    SectorKind kind;
    if (row.fields[1] == "creative") {
      kind = SectorKind::Creative;
    } else if (row.fields[1] == "growth") {
      kind = SectorKind::Growth;
    } else {
      return asset_error(
          sources.sectors, row.line, id,
          "kind is 'creative' or 'growth', not '" + std::string(row.fields[1]) + "'");
    }
    if (row.fields[2].empty())
      return asset_error(sources.sectors, row.line, id, "the name is empty");
    if (!t.sector_ids_.emplace(std::string(id), static_cast<int>(t.sectors_.size())).second)
      return asset_error(sources.sectors, row.line, id, "the id appears twice");
    t.sectors_.push_back({std::string(id), std::string(row.fields[2]), kind});
  }

  // Cities, checked against countries and sectors.
  auto city_rows = read_tsv(sources.cities, 6);
  if (!city_rows) return city_rows.error();
  for (const TsvRow& row : *city_rows) {
    const auto id = row.fields[0];
    if (!is_slug(id))
      return asset_error(sources.cities, row.line, id,
                         "an id is lower-case letters, digits and dashes, at most 40");
    City city;
    city.id = id;
    city.name = row.fields[1];
    city.country = row.fields[2];
    if (city.name.empty()) return asset_error(sources.cities, row.line, id, "the name is empty");
    if (t.country_index(city.country) < 0)
      return asset_error(sources.cities, row.line, id, "unknown country '" + city.country + "'");
    const auto approach = row.fields[3];
    if (approach == "place-based") {
      city.approach = CityApproach::PlaceBased;
    } else if (approach == "new-coalition") {
      city.approach = CityApproach::NewCoalition;
    } else if (approach == "manufacturing-industry") {
      city.approach = CityApproach::ManufacturingIndustry;
    } else if (approach == "-") {
      city.approach = CityApproach::None;
    } else {
      return asset_error(
          sources.cities, row.line, id,
          "approach is place-based, new-coalition, manufacturing-industry or -, not '" +
              std::string(approach) + "'");
    }
    std::optional<Error> failure;
    const auto read_sectors = [&](std::string_view list, SectorKind want, std::vector<int>& out) {
      if (list.empty()) return;
      split(list, ',', [&](std::string_view sector_id) {
        if (failure) return;
        sector_id = trim(sector_id);
        const int index = t.sector_index(sector_id);
        if (index < 0) {
          failure = asset_error(sources.cities, row.line, id,
                                "unknown sector '" + std::string(sector_id) + "'");
        } else if (t.sectors_[index].kind != want) {
          failure = asset_error(
              sources.cities, row.line, id,
              "sector '" + std::string(sector_id) + "' is not a " + to_string(want) + " sector");
        } else if (std::find(out.begin(), out.end(), index) != out.end()) {
          failure = asset_error(sources.cities, row.line, id,
                                "sector '" + std::string(sector_id) + "' appears twice");
        } else {
          out.push_back(index);
        }
      });
    };
    read_sectors(row.fields[4], SectorKind::Creative, city.creative_sectors);
    read_sectors(row.fields[5], SectorKind::Growth, city.matching_sectors);
    if (failure) return *failure;
    if (city.is_partner() && (city.creative_sectors.empty() || city.matching_sectors.empty()))
      return asset_error(
          sources.cities, row.line, id,
          "a partner city lists its creative sectors and the sectors they match with");
    if (!city.is_partner() && (!city.creative_sectors.empty() || !city.matching_sectors.empty()))
      return asset_error(sources.cities, row.line, id,
                         "only a partner city (with an approach) has a sector profile");
    if (!t.city_ids_.emplace(city.id, static_cast<int>(t.cities_.size())).second)
      return asset_error(sources.cities, row.line, id, "the id appears twice");
    t.cities_.push_back(std::move(city));
  }

  // Questionnaire.
  auto question_rows = read_tsv(sources.questionnaire, 6);
  if (!question_rows) return question_rows.error();
  for (const TsvRow& row : *question_rows) {
    const auto id = row.fields[0];
    if (!is_slug(id))
      return asset_error(sources.questionnaire, row.line, id,
                         "an id is lower-case letters, digits and dashes, at most 40");
    for (std::size_t i = 1; i < row.fields.size(); ++i) {
      if (row.fields[i].empty())
        return asset_error(sources.questionnaire, row.line, id,
                           "field " + std::to_string(i + 1) + " is empty");
    }
    const bool duplicate = std::any_of(t.questions_.begin(), t.questions_.end(),
                                       [&](const Question& q) { return q.id == id; });
    if (duplicate) return asset_error(sources.questionnaire, row.line, id, "the id appears twice");
    t.questions_.push_back({std::string(id), std::string(row.fields[1]), std::string(row.fields[2]),
                            std::string(row.fields[3]), std::string(row.fields[4]),
                            std::string(row.fields[5])});
  }
  if (t.questions_.size() < 6 || t.questions_.size() > 8)
    return asset_error(
        sources.questionnaire, 0, "",
        "the questionnaire has 6 to 8 questions, not " + std::to_string(t.questions_.size()));
  return t;
}

const Sector* Taxonomy::sector(std::string_view id) const {
  const int i = sector_index(id);
  return i < 0 ? nullptr : &sectors_[i];
}
const City* Taxonomy::city(std::string_view id) const {
  const int i = city_index(id);
  return i < 0 ? nullptr : &cities_[i];
}
const Country* Taxonomy::country(std::string_view code) const {
  const int i = country_index(code);
  return i < 0 ? nullptr : &countries_[i];
}
const Language* Taxonomy::language(std::string_view code) const {
  const int i = language_index(code);
  return i < 0 ? nullptr : &languages_[i];
}

std::vector<const City*> Taxonomy::partner_cities() const {
  std::vector<const City*> out;
  for (const City& c : cities_) {
    if (c.is_partner()) out.push_back(&c);
  }
  return out;
}

bool Taxonomy::study_matches(int city, int creative_sector, int growth_sector) const {
  if (city < 0 || city >= static_cast<int>(cities_.size())) return false;
  const City& c = cities_[city];
  const auto has = [](const std::vector<int>& v, int x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  return has(c.creative_sectors, creative_sector) && has(c.matching_sectors, growth_sector);
}

const char* to_string(SectorKind kind) {
  return kind == SectorKind::Creative ? "creative" : "growth";
}

const char* to_string(CityApproach approach) {
  switch (approach) {
    case CityApproach::PlaceBased:
      return "place-based";
    case CityApproach::NewCoalition:
      return "new-coalition";
    case CityApproach::ManufacturingIndustry:
      return "manufacturing-industry";
    case CityApproach::None:
      break;
  }
  return "-";
}

const char* approach_label(CityApproach approach) {
  switch (approach) {
    case CityApproach::PlaceBased:
      return "Place-based approach";
    case CityApproach::NewCoalition:
      return "New coalition approach";
    case CityApproach::ManufacturingIndustry:
      return "Manufacturing and industry driven approach";
    case CityApproach::None:
      break;
  }
  return "Other city";
}

}  // namespace crossmatch::core
