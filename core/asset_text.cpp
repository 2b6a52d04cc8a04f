#include "core/asset_text.hpp"

#include <algorithm>
#include <optional>

#include "core/text.hpp"

namespace crossmatch::core {

Error asset_error(const AssetText& file, int line, std::string_view entry,
                  const std::string& what) {
  std::string where = file.name + ":" + std::to_string(line);
  std::string message = file.name;
  if (line > 0) message += " line " + std::to_string(line);
  if (!entry.empty()) message += " (entry '" + std::string(entry) + "')";
  message += ": " + what;
  return make_error("bad_asset", where, message);
}

Result<std::vector<TsvRow>> read_tsv(const AssetText& file, std::size_t columns) {
  if (!is_valid_utf8(file.text)) return asset_error(file, 0, "", "the file is not valid UTF-8");
  std::vector<TsvRow> rows;
  int line_number = 0;
  std::optional<Error> failure;
  split(file.text, '\n', [&](std::string_view line) {
    ++line_number;
    if (failure) return;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || line.front() == '#') return;
    TsvRow row{line_number, {}};
    split(line, '\t', [&](std::string_view field) { row.fields.push_back(trim(field)); });
    if (row.fields.size() != columns) {
      failure =
          asset_error(file, line_number, row.fields[0],
                      "expected " + std::to_string(columns) + " tab-separated fields, found " +
                          std::to_string(row.fields.size()));
      return;
    }
    for (const auto field : row.fields) {
      if (has_control_character(field)) {
        failure = asset_error(file, line_number, row.fields[0], "a field has a control character");
        return;
      }
    }
    rows.push_back(std::move(row));
  });
  if (failure) return *failure;
  if (rows.empty()) return asset_error(file, 0, "", "the file has no entries");
  return rows;
}

std::vector<std::string> split_list(std::string_view field) {
  std::vector<std::string> items;
  if (trim(field).empty()) return items;
  split(field, ',', [&](std::string_view item) { items.emplace_back(trim(item)); });
  return items;
}

bool is_slug(std::string_view id) {
  if (id.empty() || id.size() > 40) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace crossmatch::core
