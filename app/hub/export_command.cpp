// `crossmatch-hub export`: the event as CSV (participants, meetings, teams) or iCalendar.
#include <iostream>

#include "app/hub/command_line.hpp"
#include "app/hub/data_commands.hpp"
#include "storage/calendar_export.hpp"
#include "storage/csv_export.hpp"
#include "storage/file_output.hpp"

namespace crossmatch::hub {

int run_export(int argc, const char* const* argv) {
  auto args = CommandLine::parse(argc, argv, 2, {"--db", "--what", "--participant", "--out", "--assets"});
  if (!args) return detail::fail(args.error());
  auto db = args->required("--db");
  if (!db) return detail::fail(db.error());
  auto what = args->required("--what");
  if (!what) return detail::fail(what.error());
  if (*what != "participants" && *what != "meetings" && *what != "teams" && *what != "clinics" &&
      *what != "pitches" && *what != "calendar")
    return detail::fail(core::make_error(
        "invalid", "--what",
        "--what is '" + *what + "'; expected participants, meetings, teams, clinics, pitches or calendar."));
  auto participant = args->integer("--participant", 0, 1, UINT32_MAX);
  if (!participant) return detail::fail(participant.error());
  if (*participant != 0 && *what != "calendar")
    return detail::fail(core::make_error("invalid", "--participant", "--participant goes with --what calendar."));
  if (!args->positional().empty())
    return detail::fail(core::make_error("invalid", "", "Unexpected argument '" + args->positional()[0] + "'."));

  auto taxonomy = detail::taxonomy_from(args->get("--assets"));
  if (!taxonomy) return detail::fail(taxonomy.error());
  auto store = detail::open_for_reading(*db, *taxonomy);
  if (!store) return detail::fail(store.error());
  auto loaded = (*store)->load();
  if (!loaded) return detail::fail(loaded.error());
  const core::EventState& state = loaded->state;

  std::string text;
  if (*what == "participants") {
    text = storage::participants_csv(state);
  } else if (*what == "meetings") {
    text = storage::meetings_csv(state);
  } else if (*what == "teams") {
    text = storage::teams_csv(state);
  } else if (*what == "clinics") {
    text = storage::clinics_csv(state);
  } else if (*what == "pitches") {
    text = storage::pitches_csv(state);
  } else {
    auto history = (*store)->calendar_history();
    if (!history) return detail::fail(history.error());
    auto calendar = *participant == 0
                        ? storage::event_calendar(state, *history, detail::now_ms())
                        : storage::participant_calendar(state, *history, static_cast<core::ParticipantId>(*participant),
                                                        detail::now_ms());
    if (!calendar) return detail::fail(calendar.error());
    text = std::move(*calendar);
  }
  if (const auto out = args->get("--out")) {
    if (auto s = storage::write_file_atomically(*out, text); !s) return detail::fail(s.error());
    std::cerr << "wrote " << *what << " of '" << state.event.name << "' (as of operation " << loaded->last_sequence
              << ") to " << *out << "\n";
  } else {
    std::cout << text;
  }
  return 0;
}

}  // namespace crossmatch::hub
