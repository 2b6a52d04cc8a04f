// The countries and languages of Debian's iso-codes package, read from its JSON tables, in the
// taxonomy's two-column form ("PT\tPortugal"): every ISO 3166-1 country by its common name where
// it has one ("Bolivia", not "Bolivia, Plurinational State of"), and every ISO 639-2 language
// that has an ISO 639-1 code. The same package translates these names (core::tr_iso).
#pragma once

#include <filesystem>

#include "core/asset_text.hpp"
#include "core/error.hpp"

namespace crossmatch::storage {

// Where Debian's iso-codes keeps its JSON tables.
std::filesystem::path default_iso_codes_dir();

core::Result<core::AssetText> iso_countries(const std::filesystem::path& json_dir);
core::Result<core::AssetText> iso_languages(const std::filesystem::path& json_dir);

}  // namespace crossmatch::storage
