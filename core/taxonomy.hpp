// The taxonomy from the study: sectors, cities (the 11 partner cities with their sector profiles),
// countries, languages and the working-style questionnaire. Parsed from the asset files' text.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/asset_text.hpp"
#include "core/error.hpp"

namespace crossmatch::core {

enum class SectorKind { Creative, Growth };

struct Sector {
  std::string id;    // stable: "architecture", "knowledge-industries"
  std::string name;  // as the study writes it
  SectorKind kind = SectorKind::Creative;
};

enum class CityApproach { None, PlaceBased, NewCoalition, ManufacturingIndustry };

struct City {
  std::string id;
  std::string name;
  std::string country;  // ISO 3166-1 alpha-2
  CityApproach approach = CityApproach::None;
  std::vector<int> creative_sectors;  // indices into Taxonomy::sectors, in the study's order
  std::vector<int> matching_sectors;  // the growth sectors the study matches them with
  bool is_partner() const { return approach != CityApproach::None; }
};

struct Country {
  std::string code;  // ISO 3166-1 alpha-2, upper case
  std::string name;
};

struct Language {
  std::string code;  // ISO 639-1, lower case
  std::string name;
};

struct Question {
  std::string id;
  std::string text;
  std::string low_label;   // what answer 1 means
  std::string high_label;  // what answer 5 means
  std::string low_trait;   // a few words for reasons: "formal"
  std::string high_trait;  // "informal"
};

inline constexpr int kAnswerMin = 1;
inline constexpr int kAnswerMax = 5;

// The text of each taxonomy file.
struct TaxonomySources {
  AssetText sectors, cities, countries, languages, questionnaire;
};

class Taxonomy {
 public:
  // Parses and cross-checks every file; the first problem found is returned, naming the file,
  // the line and the entry.
  static Result<Taxonomy> parse(const TaxonomySources& sources);

  const std::vector<Sector>& sectors() const { return sectors_; }
  const std::vector<City>& cities() const { return cities_; }
  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<Language>& languages() const { return languages_; }
  const std::vector<Question>& questions() const { return questions_; }

  // Index of the entry with this id, or -1.
  int sector_index(std::string_view id) const { return find(sector_ids_, id); }
  int city_index(std::string_view id) const { return find(city_ids_, id); }
  int country_index(std::string_view code) const { return find(country_ids_, code); }
  int language_index(std::string_view code) const { return find(language_ids_, code); }

  const Sector* sector(std::string_view id) const;
  const City* city(std::string_view id) const;
  const Country* country(std::string_view code) const;
  const Language* language(std::string_view code) const;

  std::vector<const City*> partner_cities() const;

  // True when the study's table pairs this creative sector, in this city, with this growth sector.
  bool study_matches(int city, int creative_sector, int growth_sector) const;

 private:
  using Index = std::map<std::string, int, std::less<>>;
  static int find(const Index& index, std::string_view id) {
    const auto it = index.find(id);
    return it == index.end() ? -1 : it->second;
  }

  std::vector<Sector> sectors_;
  std::vector<City> cities_;
  std::vector<Country> countries_;
  std::vector<Language> languages_;
  std::vector<Question> questions_;
  Index sector_ids_, city_ids_, country_ids_, language_ids_;
};

const char* to_string(SectorKind kind);
const char* to_string(CityApproach approach);
// Human label: "Place-based approach".
const char* approach_label(CityApproach approach);

}  // namespace crossmatch::core
