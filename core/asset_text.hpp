// Tab-separated asset files (taxonomy, demo vocabulary): rows with a fixed number of fields,
// and errors that name the file, the line and the entry.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace crossmatch::core {

// The text of one asset file, with the name used in error messages.
struct AssetText {
  std::string name;
  std::string text;
};

struct TsvRow {
  int line = 0;
  std::vector<std::string_view> fields;  // trimmed; views into the AssetText's text
};

// Splits a file into rows of exactly `columns` fields, skipping blank lines and # comments.
// Rejects invalid UTF-8, control characters and files without entries.
Result<std::vector<TsvRow>> read_tsv(const AssetText& file, std::size_t columns);

// "cities.tsv line 12 (entry 'lisbon'): unknown sector 'x'", code "bad_asset", field
// "cities.tsv:12".
Error asset_error(const AssetText& file, int line, std::string_view entry, const std::string& what);

// Comma-separated list inside one field, each item trimmed; empty field gives an empty list.
std::vector<std::string> split_list(std::string_view field);

// An id: lower-case ASCII letters, digits, '-' and '_', 1 to 40 characters.
bool is_slug(std::string_view id);

}  // namespace crossmatch::core
