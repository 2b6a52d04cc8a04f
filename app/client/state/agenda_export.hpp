// A participant's agenda as an iCalendar file (storage's participant calendar), built from the
// replica: the client has no log, so every entry's change number is the replica's sequence
// number, which only grows, so a newer export updates what an older one put in a calendar.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "app/client/state/client_session.hpp"
#include "core/error.hpp"

namespace crossmatch::client {

core::Result<std::string> agenda_calendar(const ClientSession& session, std::int64_t now_ms);
// Writes it to `path`; the path written, or why not.
core::Status export_agenda(const ClientSession& session, const std::filesystem::path& path,
                           std::int64_t now_ms);
// Where an export goes by default: $XDG_DOWNLOAD_DIR, else ~/Downloads when it exists, else ~;
// written with "~" for the home folder, as people read it.
std::string default_export_folder();
// "~/x" -> "$HOME/x"; other paths as they are.
std::filesystem::path expand_home(const std::string& path);

}  // namespace crossmatch::client
