// `crossmatch-hub report`: several events' databases, each loaded as `export` loads one, as one
// programme report (print/report_html.hpp).
#include <algorithm>
#include <iostream>
#include <system_error>

#include "app/hub/data_commands.hpp"
#include "print/report_html.hpp"
#include "storage/file_output.hpp"

namespace crossmatch::hub {

int run_report(const ReportOptions& options) {
  auto taxonomy = detail::taxonomy_from(options.assets);
  if (!taxonomy) return detail::fail(taxonomy.error());
  std::vector<print::ReportEvent> events;
  std::vector<std::filesystem::path> files;
  for (const std::string& db : options.dbs) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(db, ec))
      return detail::fail(core::make_error("not_found", "--db", db + " is not a file."));
    const auto same_file = std::find_if(files.begin(), files.end(), [&](const auto& f) {
      return std::filesystem::equivalent(f, db, ec);
    });
    if (same_file != files.end())
      return detail::fail(core::make_error(
          "duplicate_event", "--db",
          db + " is given twice (as " + same_file->string() + "); give each event once."));
    files.emplace_back(db);
    auto store = detail::open_for_reading(db, *taxonomy);
    if (!store) return detail::fail(store.error());
    auto loaded = (*store)->load();
    if (!loaded) return detail::fail(loaded.error());
    events.push_back({db, std::move(loaded->state)});
  }
  auto figures = print::programme_figures(events, *taxonomy, options.target);
  if (!figures) return detail::fail(figures.error());
  const std::string html = print::report_html(*figures, events.size() == 1);
  if (auto s = storage::write_file_atomically(options.out, html); !s)
    return detail::fail(s.error());
  std::cerr << "wrote the report of " << events.size()
            << (events.size() == 1 ? " event" : " events") << " (" << figures->funnel.held
            << " meetings held, " << figures->relationships << " new relationships) to "
            << options.out << "\n";
  return 0;
}

}  // namespace crossmatch::hub
