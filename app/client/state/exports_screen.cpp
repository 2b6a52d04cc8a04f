#include "app/client/state/exports_screen.hpp"

#include <filesystem>

#include "app/client/state/agenda_export.hpp"
#include "core/i18n/translation.hpp"
#include "net/tls_identity.hpp"
#include "storage/csv.hpp"
#include "storage/csv_export.hpp"
#include "storage/file_output.hpp"

namespace crossmatch::client {

const char* file_name(EventExport what) {
  switch (what) {
    case EventExport::Participants:
      return "participants.csv";
    case EventExport::Meetings:
      return "meetings.csv";
    case EventExport::Teams:
      return "teams.csv";
    case EventExport::Clinics:
      return "clinics.csv";
    case EventExport::Pitches:
      return "pitches.csv";
  }
  return "export.csv";
}

const char* label(EventExport what) {
  switch (what) {
    case EventExport::Participants:
      // TRANSLATORS: button that saves the participants as a CSV file
      return core::tr("Participants (CSV)");
    case EventExport::Meetings:
      // TRANSLATORS: button that saves the meetings as a CSV file
      return core::tr("Meetings (CSV)");
    case EventExport::Teams:
      // TRANSLATORS: button that saves the teams as a CSV file
      return core::tr("Teams (CSV)");
    case EventExport::Clinics:
      // TRANSLATORS: button that saves the policy clinics' tables and outcomes as a CSV file
      return core::tr("Clinic tables and outcomes (CSV)");
    case EventExport::Pitches:
      // TRANSLATORS: button that saves the pitches as a CSV file
      return core::tr("Pitches (CSV)");
  }
  // TRANSLATORS: button that saves a file
  return core::tr("Export");
}

std::string& ExportsScreen::chosen_folder() {
  if (folder.empty()) folder = default_export_folder();
  return folder;
}

core::Result<std::string> ExportsScreen::save(const core::EventState& state, EventExport what) {
  const std::filesystem::path dir = expand_home(chosen_folder());
  std::error_code error;
  if (!std::filesystem::exists(dir, error)) {
    waiting_for_folder = what;
    return core::make_error(
        "no_folder", "folder",
        core::format_text(core::tr("The folder %s does not exist."), dir.string().c_str()));
  }
  waiting_for_folder.reset();
  std::string content;
  switch (what) {
    case EventExport::Participants:
      content = storage::participants_csv(state);
      break;
    case EventExport::Meetings:
      content = storage::meetings_csv(state);
      break;
    case EventExport::Teams:
      content = storage::teams_csv(state);
      break;
    case EventExport::Clinics:
      content = storage::clinics_csv(state);
      break;
    case EventExport::Pitches:
      content = storage::pitches_csv(state);
      break;
  }
  if (spreadsheet) content = storage::for_spreadsheets(content);
  const auto path = dir / file_name(what);
  if (const core::Status s = storage::write_file_atomically(path, content); !s) return s.error();
  return path.string();
}

core::Result<std::string> ExportsScreen::create_folder_and_save(const core::EventState& state) {
  if (!waiting_for_folder)
    return core::make_error("nothing_waiting", "folder",
                            core::tr("No export is waiting for a folder."));
  const EventExport what = *waiting_for_folder;
  const std::filesystem::path dir = expand_home(chosen_folder());
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    waiting_for_folder.reset();
    return core::make_error(
        "folder", "folder",
        // TRANSLATORS: the first %s is the folder, the second the system's reason
        core::format_text(core::tr("Cannot create the folder %s: %s."), dir.string().c_str(),
                          error.message().c_str()));
  }
  return save(state, what);
}

std::string& ExportsScreen::chosen_poster_address(const ClientSession& session) {
  if (poster_address.empty()) poster_address = session.hub_address();
  return poster_address;
}

core::Result<std::string> ExportsScreen::save_pdf(const ClientSession& session,
                                                  print::PrintKind what) {
  const std::filesystem::path dir = expand_home(chosen_folder());
  std::error_code error;
  if (!std::filesystem::exists(dir, error)) {
    pdf_waiting_for_folder = what;
    return core::make_error(
        "no_folder", "folder",
        core::format_text(core::tr("The folder %s does not exist."), dir.string().c_str()));
  }
  pdf_waiting_for_folder.reset();
  const core::EventState& state = session.state();
  const std::string fingerprint = session.hub_fingerprint();
  auto pdf =
      print::print_pdf(state, session.taxonomy(),
                       {.what = what,
                        .paper = paper,
                        .hub_address = chosen_poster_address(session),
                        .join_code = net::join_code_with_pin(
                            state.event.join_code,
                            fingerprint.empty() ? std::string() : net::short_pin(fingerprint))});
  if (!pdf) return pdf.error();
  const auto path = dir / print::file_name(what);
  if (const core::Status s = storage::write_file_atomically(path, *pdf); !s) return s.error();
  return path.string();
}

core::Result<std::string> ExportsScreen::create_folder_and_save_pdf(const ClientSession& session) {
  if (!pdf_waiting_for_folder)
    return core::make_error("nothing_waiting", "folder",
                            core::tr("No PDF is waiting for a folder."));
  const print::PrintKind what = *pdf_waiting_for_folder;
  const std::filesystem::path dir = expand_home(chosen_folder());
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    pdf_waiting_for_folder.reset();
    return core::make_error(
        "folder", "folder",
        // TRANSLATORS: the first %s is the folder, the second the system's reason
        core::format_text(core::tr("Cannot create the folder %s: %s."), dir.string().c_str(),
                          error.message().c_str()));
  }
  return save_pdf(session, what);
}

std::string& AgendaScreen::chosen_file() {
  if (file.empty()) file = default_export_folder() + "/crossmatch-agenda.ics";
  return file;
}

core::Result<std::string> AgendaScreen::save(const ClientSession& session, std::int64_t now_ms) {
  const std::string path = chosen_file();
  if (const core::Status s = export_agenda(session, expand_home(path), now_ms); !s)
    return s.error();
  return path;
}

}  // namespace crossmatch::client
