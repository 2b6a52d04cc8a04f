// The taxonomy's names as people read them, in the current language: sectors and cities from our
// catalogues (the contexts i18n/asset_messages.cmake makes their entries in), countries and
// languages from iso-codes'.
#pragma once

#include <string>

#include "core/taxonomy.hpp"

namespace crossmatch::core {

const char* sector_name(const Sector& sector);
const char* city_name(const City& city);
const char* country_name(const Country& country);
const char* language_name(const Language& language);

// "Lisbon, Portugal" in the current language; the country's code when the taxonomy lacks it.
std::string city_and_country(const Taxonomy& taxonomy, const City& city);

}  // namespace crossmatch::core
