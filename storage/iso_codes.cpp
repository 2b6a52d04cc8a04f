#include "storage/iso_codes.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace crossmatch::storage {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

core::Result<Json> read_table(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::make_error("cannot_read", path.string(),
                            "cannot read " + path.string() + ": " + std::strerror(errno) +
                                " (it comes with Debian's iso-codes package)");
  }
  Json table = Json::parse(in, nullptr, false);
  if (table.is_discarded() || !table.is_object()) {
    return core::make_error("bad_asset", path.string(), path.string() + " is not a JSON object");
  }
  return table;
}

// "code\tname" lines from the table's entries under `key`; `code_field` and the name fields
// must be strings without tabs or line breaks, else the entry is left out.
core::Result<core::AssetText> two_columns(const fs::path& path, const char* key,
                                          const char* code_field, bool common_name) {
  auto table = read_table(path);
  if (!table) return table.error();
  const auto entries = table->find(key);
  if (entries == table->end() || !entries->is_array()) {
    return core::make_error("bad_asset", path.string(),
                            path.string() + " has no list '" + key + "'");
  }
  core::AssetText out{path.filename().string(), ""};
  const auto plain = [](const Json& value) {
    return value.is_string() &&
           value.get_ref<const std::string&>().find_first_of("\t\r\n") == std::string::npos;
  };
  for (const Json& entry : *entries) {
    if (!entry.is_object()) continue;
    const auto code = entry.find(code_field);
    auto name = entry.find("name");
    if (common_name && entry.contains("common_name")) name = entry.find("common_name");
    if (code == entry.end() || name == entry.end() || !plain(*code) || !plain(*name)) continue;
    out.text +=
        code->get_ref<const std::string&>() + "\t" + name->get_ref<const std::string&>() + "\n";
  }
  return out;
}

}  // namespace

fs::path default_iso_codes_dir() {
  return "/usr/share/iso-codes/json";
}

core::Result<core::AssetText> iso_countries(const fs::path& json_dir) {
  return two_columns(json_dir / "iso_3166-1.json", "3166-1", "alpha_2", true);
}

core::Result<core::AssetText> iso_languages(const fs::path& json_dir) {
  return two_columns(json_dir / "iso_639-2.json", "639-2", "alpha_2", false);
}

}  // namespace crossmatch::storage
