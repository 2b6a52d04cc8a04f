#include "app/client/state/agenda_export.hpp"

#include <cstdlib>

#include "storage/calendar_export.hpp"
#include "storage/file_output.hpp"

namespace crossmatch::client {

core::Result<std::string> agenda_calendar(const ClientSession& session, std::int64_t now_ms) {
  const core::EventState& state = session.state();
  storage::CalendarHistory history;
  history.event_key = !state.event.join_code.empty() ? state.event.join_code : state.event.name;
  for (char& c : history.event_key) {
    if (c == ' ' || c == '@') c = '-';
  }
  const std::uint64_t seq = session.seq();
  for (const auto& [id, m] : state.meetings) history.meetings[id] = {seq, m.placement};
  for (const auto& [id, s] : state.sessions) history.sessions[id] = seq;
  for (const auto& [id, t] : state.tables) history.tables[id] = seq;
  for (const auto& [id, t] : state.clinic_tables) history.clinic_tables[id] = seq;
  return storage::participant_calendar(state, history, session.me(), now_ms);
}

core::Status export_agenda(const ClientSession& session, const std::filesystem::path& path,
                           std::int64_t now_ms) {
  auto text = agenda_calendar(session, now_ms);
  if (!text) return text.error();
  return storage::write_file_atomically(path, *text);
}

std::string default_export_folder() {
  if (const char* d = std::getenv("XDG_DOWNLOAD_DIR"); d != nullptr && d[0] == '/') return d;
  const char* home = std::getenv("HOME");
  if (home == nullptr || home[0] == '\0') return std::filesystem::current_path().string();
  std::error_code ec;
  return std::filesystem::is_directory(std::filesystem::path(home) / "Downloads", ec)
             ? "~/Downloads"
             : "~";
}

std::filesystem::path expand_home(const std::string& path) {
  const char* home = std::getenv("HOME");
  if (home == nullptr || path.empty() || path[0] != '~' || (path.size() > 1 && path[1] != '/'))
    return path;
  return std::filesystem::path(home) / path.substr(path.size() > 1 ? 2 : 1);
}

}  // namespace crossmatch::client
