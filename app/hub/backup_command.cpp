// `crossmatch-hub backup`: a consistent copy of an event's database, also while the hub runs.
#include <iostream>

#include "app/hub/command_line.hpp"
#include "app/hub/data_commands.hpp"

namespace crossmatch::hub {

int run_backup(int argc, const char* const* argv) {
  auto args = CommandLine::parse(argc, argv, 2, {"--db", "--out", "--assets"});
  if (!args) return detail::fail(args.error());
  auto db = args->required("--db");
  if (!db) return detail::fail(db.error());
  auto out = args->required("--out");
  if (!out) return detail::fail(out.error());
  if (!args->positional().empty())
    return detail::fail(core::make_error("invalid", "", "Unexpected argument '" + args->positional()[0] + "'."));
  auto taxonomy = detail::taxonomy_from(args->get("--assets"));
  if (!taxonomy) return detail::fail(taxonomy.error());
  // A reader: no lock, so the hub keeps running; and an older file is copied as it is.
  auto store = storage::EventStore::open_reader(*db, *taxonomy);
  if (!store) return detail::fail(store.error());
  if (auto s = (*store)->backup(*out); !s) return detail::fail(s.error());
  std::cerr << "backed up " << *db << " to " << *out << "\n";
  return 0;
}

}  // namespace crossmatch::hub
