// `crossmatch-hub import`: registers the participants of a CSV file, reporting each refused row.
#include <iostream>

#include "app/hub/data_commands.hpp"
#include "net/tokens.hpp"
#include "storage/csv.hpp"
#include "storage/participant_import.hpp"

namespace crossmatch::hub {

int run_import(const ImportOptions& options) {
  const std::string& path = options.csv;
  auto read = detail::read_csv_file(path);
  if (!read) return detail::fail(read.error());
  const std::string& csv = *read;

  auto taxonomy = detail::taxonomy_from(options.assets);
  if (!taxonomy) return detail::fail(taxonomy.error());
  auto store = storage::EventStore::open(options.db, *taxonomy, false);
  if (!store) return detail::fail(store.error());
  auto result = storage::import_participants(**store, *taxonomy, csv, detail::now_ms(),
                                             net::make_check_in_code);
  if (!result) return detail::fail(result.error());
  for (const auto& row : result->refused) {
    std::cout << path << ": line " << row.line;
    if (!row.field.empty()) std::cout << ", " << row.field;
    std::cout << ": " << row.message << "\n";
  }
  std::cerr << "imported " << result->applied.size() << " of " << result->rows << " rows";
  if (!result->applied.empty())
    std::cerr << " (operations " << result->applied.front().sequence << " to "
              << result->applied.back().sequence << ")";
  std::cerr << "; " << result->refused.size() << " refused\n";
  return result->refused.empty() ? 0 : 1;
}

}  // namespace crossmatch::hub
