// `crossmatch-hub follow-up`: a follow-up round's CSV for people who do not use the app, and the
// answers in it imported back, all or nothing.
#include <iostream>

#include "app/hub/data_commands.hpp"
#include "storage/csv.hpp"
#include "storage/file_output.hpp"
#include "storage/follow_up_csv.hpp"

namespace crossmatch::hub {
namespace {

int write_round(const FollowUpOptions& options, const core::Taxonomy& taxonomy) {
  auto store = detail::open_for_reading(options.db, taxonomy);
  if (!store) return detail::fail(store.error());
  auto loaded = (*store)->load();
  if (!loaded) return detail::fail(loaded.error());
  auto csv = storage::follow_up_csv(loaded->state, static_cast<core::FollowUpId>(options.round));
  if (!csv) {
    core::Error e = csv.error();
    e.field = "--round";
    return detail::fail(e);
  }
  if (const auto& out = options.out) {
    if (auto s = storage::write_file_atomically(*out, *csv); !s) return detail::fail(s.error());
    std::cerr << "wrote follow-up round " << options.round << " of '" << loaded->state.event.name
              << "' to " << *out << "\n";
  } else {
    std::cout << *csv;
  }
  return 0;
}

int import_answers(const FollowUpOptions& options, const core::Taxonomy& taxonomy) {
  const std::string& path = *options.csv;
  auto read = detail::read_csv_file(path);
  if (!read) return detail::fail(read.error());
  const std::string& csv = *read;
  auto store = storage::EventStore::open(options.db, taxonomy, false);
  if (!store) return detail::fail(store.error());
  auto result = storage::import_follow_up_answers(**store, taxonomy, csv, detail::now_ms());
  if (!result) return detail::fail(result.error());
  for (const auto& row : result->refused) {
    std::cout << path << ": line " << row.line;
    if (!row.field.empty()) std::cout << ", " << row.field;
    std::cout << ": " << row.message << "\n";
  }
  if (!result->refused.empty()) {
    std::cerr << result->refused.size() << " of " << result->rows
              << " rows refused; nothing was imported\n";
    return 1;
  }
  std::cerr << "imported " << result->applied.size() << " answers of " << result->rows << " rows ("
            << result->unanswered << " left unanswered)\n";
  return 0;
}

}  // namespace

int run_follow_up(const FollowUpOptions& options) {
  if ((options.round != 0) == options.csv.has_value())
    return detail::fail(
        core::make_error("invalid", "--round",
                         "Give either --round N (to write the CSV) or --csv FILE (to import)."));
  if (options.out && options.round == 0)
    return detail::fail(core::make_error("invalid", "--out", "--out goes with --round."));
  auto taxonomy = detail::taxonomy_from(options.assets);
  if (!taxonomy) return detail::fail(taxonomy.error());
  return options.csv ? import_answers(options, *taxonomy) : write_round(options, *taxonomy);
}

}  // namespace crossmatch::hub
