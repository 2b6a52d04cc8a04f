#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "app/hub/data_commands.hpp"
#include "storage/asset_files.hpp"
#include "storage/csv.hpp"

namespace crossmatch::hub::detail {

int fail(const core::Error& error) {
  std::cerr << "crossmatch-hub: " << error.message << "\n";
  return 2;
}

core::Result<core::Taxonomy> taxonomy_from(const std::optional<std::string>& assets) {
  return storage::load_taxonomy(assets ? std::filesystem::path(*assets)
                                       : storage::default_assets_dir());
}

core::Result<std::unique_ptr<storage::EventStore>> open_for_reading(
    const std::filesystem::path& db, const core::Taxonomy& taxonomy) {
  auto reader = storage::EventStore::open_reader(db, taxonomy);
  if (!reader) return reader;
  auto probe = (*reader)->read_after(0, 0);
  if (probe || probe.error().code != "old_schema") return reader;
  // An older file: migrating it needs the writer's lock, which a running hub would hold (and a
  // running hub would have migrated it already).
  reader = core::make_error("", "", "");
  return storage::EventStore::open(db, taxonomy, false);
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

core::Result<std::string> read_csv_file(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec)
    return core::make_error("cannot_read", "--csv",
                            "Cannot read " + path + ": " + ec.message() + ".");
  if (size > storage::kMaxCsvBytes)
    return core::make_error("too_large", "--csv",
                            path + " is larger than the 64 MiB a CSV file may have.");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return core::make_error("cannot_read", "--csv",
                            "Cannot read " + path + ": " + std::strerror(errno) + ".");
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace crossmatch::hub::detail
