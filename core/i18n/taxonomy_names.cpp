#include "core/i18n/taxonomy_names.hpp"

#include "core/i18n/translation.hpp"

namespace crossmatch::core {

const char* sector_name(const Sector& sector) {
  return tr_ctx("sector", sector.name.c_str());
}

const char* city_name(const City& city) {
  return tr_ctx("city", city.name.c_str());
}

const char* country_name(const Country& country) {
  return tr_iso(IsoNames::Countries, country.name.c_str());
}

const char* language_name(const Language& language) {
  return tr_iso(IsoNames::Languages, language.name.c_str());
}

std::string city_and_country(const Taxonomy& taxonomy, const City& city) {
  const Country* country = taxonomy.country(city.country);
  // TRANSLATORS: a city and its country: "Lisbon, Portugal"
  return format_text(tr_ctx("city, country", "%s, %s"), city_name(city),
                     country != nullptr ? country_name(*country) : city.country.c_str());
}

}  // namespace crossmatch::core
