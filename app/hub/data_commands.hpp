// The hub's commands on an event's database: export (CSV and iCalendar), print (PDF badges,
// agendas, table signs, the join poster), import (participants from CSV), backup and verify, each a
// function of its flags (app/hub/hub_command_line.cpp reads them).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/event/ids.hpp"
#include "core/taxonomy.hpp"
#include "storage/event_store.hpp"

namespace crossmatch::hub {

// The kinds `export --what` takes.
inline constexpr const char* kExportKinds[] = {"participants", "meetings", "teams",
                                               "clinics",      "pitches",  "calendar"};

struct ExportOptions {
  std::string db;
  std::string what;
  core::ParticipantId participant = 0;  // 0: the whole event's calendar
  std::optional<std::string> out;       // none: standard output
  bool spreadsheet = false;  // a CSV file as spreadsheet programs read it (UTF-8 with a BOM)
  std::optional<std::string> assets;  // none: the assets beside the program
};

// The kinds `print --what` takes.
inline constexpr const char* kPrintKinds[] = {"badges", "agendas", "tables", "poster"};

struct PrintOptions {
  std::string db;
  std::string what;
  std::string out;
  std::string paper = "a4";
  std::string participants;           // "3,7,12"; empty: every active participant
  std::optional<std::string> hub;     // the hub's address on the poster, "HOST:PORT"
  std::optional<std::string> assets;  // none: the assets beside the program
};

struct ImportOptions {
  std::string db;
  std::string csv;
  std::optional<std::string> assets;
};

struct BackupOptions {
  std::string db;
  std::string out;
  std::optional<std::string> assets;
};

struct VerifyOptions {
  std::string db;
  std::optional<std::string> assets;
};

// `follow-up`: a follow-up round's CSV out (--round N --out FILE), or the answers in it back
// (--csv FILE).
struct FollowUpOptions {
  std::string db;
  std::int64_t round = 0;
  std::optional<std::string> out;  // with --round
  std::optional<std::string> csv;  // the answers to import
  std::optional<std::string> assets;
};

// `report`: several events' databases as one programme report.
struct ReportOptions {
  std::vector<std::string> dbs;
  std::string out;
  int target = 0;  // new relationships the programme aims at; 0: none
  std::optional<std::string> assets;
};

int run_export(const ExportOptions& options);  // app/hub/export_command.cpp
int run_print(const PrintOptions& options);    // app/hub/print_command.cpp
int run_import(const ImportOptions& options);  // app/hub/import_command.cpp
int run_backup(const BackupOptions& options);  // app/hub/backup_command.cpp
int run_report(const ReportOptions& options);  // app/hub/report_command.cpp
// 0 when written or imported; 1 when rows were refused (each printed; nothing imported).
int run_follow_up(const FollowUpOptions& options);  // app/hub/follow_up_command.cpp
// 0 when the database is sound, 1 when damage was found (each problem printed), 2 when it cannot
// be read as an event database.
int run_verify(const VerifyOptions& options);  // app/hub/verify_command.cpp

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
// The whole CSV file given with --csv, or why not: unreadable, or over storage's size limit.
core::Result<std::string> read_csv_file(const std::string& path);

}  // namespace detail

}  // namespace crossmatch::hub
