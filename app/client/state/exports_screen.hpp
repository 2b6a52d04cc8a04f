// Files people take away: the organiser's CSV exports of the event, the PDFs printed for the venue
// (badges, agendas, table signs, the join poster) and a participant's agenda as a calendar file,
// each written whole or not at all into the folder or file chosen on screen.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/client/state/client_session.hpp"
#include "core/error.hpp"
#include "print/print_job.hpp"

namespace crossmatch::client {

enum class EventExport { Participants, Meetings, Teams, Clinics, Pitches };
// "participants.csv"
const char* file_name(EventExport what);
// "Participants (CSV)"
const char* label(EventExport what);

struct ExportsScreen {
  std::string folder;        // empty: the default export folder, filled on first use
  bool spreadsheet = false;  // UTF-8 with a byte-order mark, for spreadsheet programs
  // An export held back because its folder does not exist: the screen offers to create it.
  std::optional<EventExport> waiting_for_folder;

  // The PDFs for the venue.
  print::Paper paper = print::Paper::A4;
  std::string poster_address;  // the hub's address on the poster; empty: the one connected to
  std::optional<print::PrintKind> pdf_waiting_for_folder;

  // The folder, with the default filled in.
  std::string& chosen_folder();
  // The poster's address, with the hub this app is connected to filled in.
  std::string& chosen_poster_address(const ClientSession& session);
  // Writes one export of `state` into the folder; the path written, or why not. When the folder
  // does not exist nothing is written: the error's code is "no_folder" and the export waits.
  core::Result<std::string> save(const core::EventState& state, EventExport what);
  // Creates the folder (with its parents), then writes the export that waited.
  core::Result<std::string> create_folder_and_save(const core::EventState& state);

  // Writes one PDF of the session's event into the folder, the join code with the pin of the
  // hub's certificate; the path written, or why not. A missing folder: as save().
  core::Result<std::string> save_pdf(const ClientSession& session, print::PrintKind what);
  core::Result<std::string> create_folder_and_save_pdf(const ClientSession& session);
};

struct AgendaScreen {
  std::string
      file;  // empty: crossmatch-agenda.ics in the default export folder, filled on first use

  std::string& chosen_file();
  // Writes the session's participant's agenda as iCalendar; the path written, or why not.
  core::Result<std::string> save(const ClientSession& session, std::int64_t now_ms);
};

}  // namespace crossmatch::client
