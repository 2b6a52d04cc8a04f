#include "storage/csv_import.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "core/text.hpp"

namespace crossmatch::storage {

core::Result<std::map<std::string, std::size_t>> csv_header_columns(
    const std::vector<std::string>& header, const std::vector<std::string>& known,
    const std::vector<std::string>& required) {
  std::map<std::string, std::size_t> columns;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = core::ascii_lower(core::trim(header[i]));
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      return core::make_error(
          "unknown_column", name,
          "Line 1: unknown column '" + header[i] + "'; the columns are " + list + ".");
    }
    if (!columns.emplace(name, i).second)
      return core::make_error("duplicate_column", name,
                              "Line 1: column '" + name + "' appears twice.");
  }
  for (const auto& column : required) {
    if (!columns.count(column))
      return core::make_error("missing_column", column,
                              "Line 1: the required column '" + column + "' is missing.");
  }
  return columns;
}

std::string csv_import_id_prefix(std::string_view kind, std::string_view csv) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a over the file's bytes
  for (const unsigned char c : csv) hash = (hash ^ c) * 0x100000001b3ULL;
  char digits[20];
  std::snprintf(digits, sizeof digits, "%012llx", static_cast<unsigned long long>(hash >> 16));
  return std::string(kind) + ":" + digits + ":";
}

}  // namespace crossmatch::storage
