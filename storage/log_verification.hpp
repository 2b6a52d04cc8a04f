// Checks of the operation log against the checksum stored with each row
// (storage/log_checksum.hpp): on load, on every catch-up read, and all at once in `verify`.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "storage/event_columns.hpp"
#include "storage/log_checksum.hpp"
#include "storage/sqlite_support.hpp"

namespace crossmatch::storage::detail {

// The columns a row's checksum covers, with the checksum last.
inline constexpr auto kCheckedLogRow = kOperationColumns.only(
    {"seq", "op_id", "type", "actor_role", "actor_participant", "at", "operation", "checksum"});

// The checksum of a row read with kCheckedLogRow's columns: as stored (`stored`), and as its
// columns make it (`computed`). A row without one never matches.
struct RowChecksums {
  std::int64_t seq = 0;
  bool stored_null = true;
  std::int64_t stored = 0;
  std::int64_t computed = 0;
  bool matches() const { return !stored_null && stored == computed; }
};
RowChecksums row_checksums(const Rows& row);
RowChecksums row_checksums(SQLite::Statement& row);

// "The database is damaged: operation 17 of the log does not match its checksum ..." for `name`.
core::Error checksum_mismatch(const std::string& name, std::int64_t seq);

// Every row of the log against its checksum; the first that does not match is named.
core::Status check_log_checksums(SQLite::Database& db, const std::string& name);

// Computes the checksum of every row of the log (the migration to schema version 4).
void add_log_checksums(SQLite::Database& db);

}  // namespace crossmatch::storage::detail
