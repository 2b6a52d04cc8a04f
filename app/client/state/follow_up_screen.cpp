#include "app/client/state/follow_up_screen.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "app/client/state/agenda_export.hpp"
#include "core/i18n/translation.hpp"
#include "print/report_html.hpp"
#include "storage/file_output.hpp"

namespace crossmatch::client {

const core::FollowUpRound* open_follow_up(const core::EventState& state) {
  for (auto it = state.follow_ups.rbegin(); it != state.follow_ups.rend(); ++it) {
    if (it->second.open) return &it->second;
  }
  return nullptr;
}

std::vector<FollowUpRow> follow_up_rows(const core::EventState& state, core::ParticipantId me,
                                        const core::FollowUpRound& round) {
  std::vector<FollowUpRow> rows;
  for (const auto& [id, m] : state.meetings) {
    if (m.held != core::HeldState::Held || !m.involves(me)) continue;
    FollowUpRow row{.meeting = id, .partner = m.other(me)};
    if (const auto a = round.answers.find({id, me}); a != round.answers.end()) {
      row.answered = a->second.outcome;
      row.note = a->second.note;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

FollowUpDraft& FollowUpScreen::draft(const FollowUpRow& row) {
  FollowUpDraft& d = drafts[row.meeting];
  if (!d.started) {
    d.started = true;
    if (row.answered) d.outcome = static_cast<int>(*row.answered);
    d.note = row.note;
  }
  return d;
}

core::Result<std::string> write_event_report(const core::EventState& state,
                                             const core::Taxonomy& taxonomy,
                                             const std::string& folder) {
  const std::filesystem::path dir = expand_home(folder);
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error))
    return core::make_error(
        "no_folder", "folder",
        core::format_text(
            core::tr("The folder %s does not exist; choose an existing folder on the Exports "
                     "screen."),
            dir.string().c_str()));
  std::vector<print::ReportEvent> events = {{state.event.name, state}};
  auto figures = print::programme_figures(events, taxonomy, 0);
  if (!figures) return figures.error();
  const std::filesystem::path file = dir / "report.html";
  if (auto s = storage::write_file_atomically(file, print::report_html(*figures, true)); !s)
    return s.error();
  return file.string();
}

bool open_on_desktop(const std::string& path) {
  const char* paths = std::getenv("PATH");
  bool found = false;
  std::string all = paths != nullptr ? paths : "/usr/bin:/bin";
  for (std::size_t start = 0; start <= all.size() && !found;) {
    const std::size_t end = std::min(all.find(':', start), all.size());
    const std::string candidate = all.substr(start, end - start) + "/xdg-open";
    found = ::access(candidate.c_str(), X_OK) == 0;
    start = end + 1;
  }
  if (!found) return false;
  // The path is a file this program wrote; quoted for the shell, which returns at once.
  std::string quoted = "'";
  for (const char c : path) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  return std::system(("xdg-open " + quoted + " >/dev/null 2>&1 &").c_str()) == 0;
}

}  // namespace crossmatch::client
