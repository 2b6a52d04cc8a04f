// The hub's commands on an event's database: export (CSV and iCalendar), import (participants
// from CSV) and backup. Each takes the whole command line; argv[1] is the command's name.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/taxonomy.hpp"
#include "storage/event_store.hpp"

namespace crossmatch::hub {

int run_export(int argc, const char* const* argv);  // app/hub/export_command.cpp
int run_import(int argc, const char* const* argv);  // app/hub/import_command.cpp
int run_backup(int argc, const char* const* argv);  // app/hub/backup_command.cpp

namespace detail {

// Prints "crossmatch-hub: message" and returns 2.
int fail(const core::Error& error);
// The taxonomy from --assets DIR, or the assets beside the program.
core::Result<core::Taxonomy> taxonomy_from(const std::optional<std::string>& assets);
// The event for reading: beside a running hub if need be; an older file is migrated first when
// no hub holds it.
core::Result<std::unique_ptr<storage::EventStore>> open_for_reading(const std::filesystem::path& db,
                                                                    const core::Taxonomy& taxonomy);
// Unix milliseconds now.
std::int64_t now_ms();

}  // namespace detail

}  // namespace crossmatch::hub
