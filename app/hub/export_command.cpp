// `crossmatch-hub export`: the event as CSV (participants, meetings, teams) or iCalendar.
#include <iostream>

#include "app/hub/data_commands.hpp"
#include "storage/calendar_export.hpp"
#include "storage/csv.hpp"
#include "storage/csv_export.hpp"
#include "storage/file_output.hpp"

namespace crossmatch::hub {

int run_export(const ExportOptions& options) {
  const std::string& what = options.what;
  if (options.participant != 0 && what != "calendar")
    return detail::fail(
        core::make_error("invalid", "--participant", "--participant goes with --what calendar."));
  if (options.spreadsheet && what == "calendar")
    return detail::fail(core::make_error("invalid", "--spreadsheet",
                                         "--spreadsheet goes with a CSV export, not --what "
                                         "calendar."));

  auto taxonomy = detail::taxonomy_from(options.assets);
  if (!taxonomy) return detail::fail(taxonomy.error());
  auto store = detail::open_for_reading(options.db, *taxonomy);
  if (!store) return detail::fail(store.error());
  auto loaded = (*store)->load();
  if (!loaded) return detail::fail(loaded.error());
  const core::EventState& state = loaded->state;

  std::string text;
  if (what == "participants") {
    text = storage::participants_csv(state);
  } else if (what == "meetings") {
    text = storage::meetings_csv(state);
  } else if (what == "teams") {
    text = storage::teams_csv(state);
  } else if (what == "clinics") {
    text = storage::clinics_csv(state);
  } else if (what == "pitches") {
    text = storage::pitches_csv(state);
  } else {
    auto history = (*store)->calendar_history();
    if (!history) return detail::fail(history.error());
    auto calendar =
        options.participant == 0
            ? storage::event_calendar(state, *history, detail::now_ms())
            : storage::participant_calendar(state, *history, options.participant, detail::now_ms());
    if (!calendar) return detail::fail(calendar.error());
    text = std::move(*calendar);
  }
  if (options.spreadsheet) text = storage::for_spreadsheets(text);
  if (const auto& out = options.out) {
    if (auto s = storage::write_file_atomically(*out, text); !s) return detail::fail(s.error());
    std::cerr << "wrote " << what << " of '" << state.event.name << "' (as of operation "
              << loaded->last_sequence << ") to " << *out << "\n";
  } else {
    std::cout << text;
  }
  return 0;
}

}  // namespace crossmatch::hub
