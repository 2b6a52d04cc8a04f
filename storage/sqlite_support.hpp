// SQLite at the storage boundary: opening files with the project's pragmas, reading the header
// values that identify our files, and turning SQLite's exceptions into errors a person can act on.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace crossmatch::storage::detail {

// PRAGMA application_id of our files, so another program's SQLite file is recognised as such.
inline constexpr int kEventApplicationId = 0x43584D45;   // "CXME": an event database
inline constexpr int kOutboxApplicationId = 0x43584D43;  // "CXMC": a client's outbox

// ":memory:" names an in-memory database (tests, tools); every other path is a file.
bool is_memory(const std::filesystem::path& file);

// Opens an existing file or creates one. Refuses with a clear error: a missing file when
// `create` is false, a directory, a file SQLite cannot open.
core::Result<std::unique_ptr<SQLite::Database>> open_database(const std::filesystem::path& file,
                                                              bool create, bool read_only);

// Opens a file for reading on read-only media (a read-only folder, a mounted backup), where SQLite
// cannot create the shared-memory file a write-ahead-logged database needs: as immutable, which
// is true there since nobody can write it.
core::Result<std::unique_ptr<SQLite::Database>> open_immutable(const std::filesystem::path& file);

// True when a write-ahead-logged file cannot be read in the usual way because its folder is
// read-only (the error SQLite gives then), so open_immutable() is the way to read it.
bool needs_immutable(const std::exception& e, const std::filesystem::path& file);

// Header values; each throws SQLite::Exception on a file that is not a database.
int user_version(SQLite::Database& db);
int application_id(SQLite::Database& db);
bool has_tables(SQLite::Database& db);

// synchronous=FULL, foreign keys, secure_delete.
void set_durable_pragmas(SQLite::Database& db);
// Switches a file to write-ahead logging (WAL); not inside a transaction. Changes the file's
// header, so it comes after the checks and migrations that may refuse the file.
void use_write_ahead_log(SQLite::Database& db);

// One use of a statement that is prepared once and kept (bind, step, reset): the statement is
// reset when the use ends, however it ends. A kept statement left unreset would hold its read
// open between uses, and after a failed step SQLite refuses new bindings until it is reset.
class StatementUse {
 public:
  explicit StatementUse(SQLite::Statement& statement) : statement_(statement) {}
  ~StatementUse() { statement_.tryReset(); }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;
  SQLite::Statement& operator*() const { return statement_; }
  SQLite::Statement* operator->() const { return &statement_; }

 private:
  SQLite::Statement& statement_;
};

// A query read row by row through SQLite's C API, for the loops that read a whole large event
// (SQLiteCpp's columns cost a shared-pointer copy each). Errors throw SQLite::Exception.
class Rows {
 public:
  Rows(SQLite::Database& db, const char* sql);
  Rows(SQLite::Database& db, const std::string& sql) : Rows(db, sql.c_str()) {}
  ~Rows();
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;

  bool next();
  std::int64_t integer(int column) const;
  std::string_view text(int column) const;  // valid until next()
  std::string string(int column) const { return std::string(text(column)); }
  bool null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

// An error for a caught exception: SQLite's result code mapped to our codes (disk_full,
// not_a_database, corrupt, read_only, busy, io_error, storage_error). `doing` starts the message:
// "Cannot append to events.db".
core::Error to_error(const std::exception& e, const std::string& doing);

// The file's name as messages show it.
std::string display_name(const std::filesystem::path& file);

}  // namespace crossmatch::storage::detail
