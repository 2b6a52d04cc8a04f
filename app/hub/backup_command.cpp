// `crossmatch-hub backup`: a consistent copy of an event's database, also while the hub runs.
#include <iostream>

#include "app/hub/data_commands.hpp"

namespace crossmatch::hub {

int run_backup(const BackupOptions& options) {
  auto taxonomy = detail::taxonomy_from(options.assets);
  if (!taxonomy) return detail::fail(taxonomy.error());
  // A reader: no lock, so the hub keeps running; and an older file is copied as it is.
  auto store = storage::EventStore::open_reader(options.db, *taxonomy);
  if (!store) return detail::fail(store.error());
  if (auto s = (*store)->backup(options.out); !s) return detail::fail(s.error());
  std::cerr << "backed up " << options.db << " to " << options.out << "\n";
  return 0;
}

}  // namespace crossmatch::hub
