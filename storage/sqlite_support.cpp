#include "storage/sqlite_support.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <unistd.h>

#include <cstdio>
#include <mutex>
#include <system_error>

#include "storage/file_output.hpp"
#include "storage/wal_batching_vfs.hpp"

namespace crossmatch::storage::detail {

bool is_memory(const std::filesystem::path& file) {
  return file == ":memory:";
}

std::string display_name(const std::filesystem::path& file) {
  return is_memory(file) ? std::string("the in-memory database") : file.string();
}

core::Result<std::unique_ptr<SQLite::Database>> open_database(const std::filesystem::path& file,
                                                              bool create, bool read_only) {
  const std::string name = display_name(file);
  if (!is_memory(file)) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (status.type() == std::filesystem::file_type::directory)
      return core::make_error("not_a_database", "file",
                              name + " is a directory, not a database file.");
    if (status.type() == std::filesystem::file_type::not_found) {
      if (!create)
        return core::make_error("not_found", "file", "There is no database " + name + ".");
      const auto dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
      if (!std::filesystem::is_directory(dir, ec))
        return core::make_error(
            "cannot_open", "file",
            "Cannot create " + name + ": the folder " + dir.string() + " does not exist.");
      // Created 0600 before SQLite opens it: SQLite keeps the mode and gives it to the -wal and
      // -shm files it creates beside the database.
      if (!read_only) {
        if (auto s = create_private_file(file); !s)
          return core::make_error("cannot_open", "file",
                                  "Cannot create " + name + ": " + s.error().message);
      }
    }
  }
  // SQLite counts the memory it holds (for sqlite3_memory_used, which nothing here reads) under a
  // process-wide mutex on every allocation it makes; off before its first connection. Too late
  // once SQLite is initialised (another part opened a database first): it then says so, and
  // nothing changes.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  // One thread uses a connection at a time, so SQLite's per-call mutex is not needed.
  int flags = (read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE) | SQLite::OPEN_NOMUTEX;
  if (create && !read_only) flags |= SQLite::OPEN_CREATE;
  try {
    // A writer writes each commit's log frames in one system call (wal_batching_vfs.hpp).
    auto db = std::make_unique<SQLite::Database>(
        file, flags, 0, read_only ? std::string() : std::string(wal_batching_vfs()));
    // SQLite quietly falls back to read-only when the file cannot be written; a writer must know.
    if (!read_only && sqlite3_db_readonly(db->getHandle(), "main") == 1)
      return core::make_error(
          "read_only", "file",
          "Cannot write " + name +
              ": the file or its folder is read-only. Copy it somewhere writable, "
              "or open it only for reading (export, backup).");
    return db;
  } catch (const std::exception& e) {
    return to_error(e, "Cannot open " + name);
  }
}

core::Result<std::unique_ptr<SQLite::Database>> open_immutable(const std::filesystem::path& file) {
  // A URI, with the characters that mean something in one escaped.
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(file).string()) {
    if (c == '%' || c == '?' || c == '#') {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(c));
      uri += escaped;
    } else {
      uri += c;
    }
  }
  uri += "?immutable=1";
  try {
    return std::make_unique<SQLite::Database>(
        uri, SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX, 0);
  } catch (const std::exception& e) {
    return to_error(e, "Cannot open " + display_name(file));
  }
}

bool needs_immutable(const std::exception& e, const std::filesystem::path& file) {
  const auto* se = dynamic_cast<const SQLite::Exception*>(&e);
  if (se == nullptr) return false;
  const int code = se->getErrorCode() & 0xff;
  if (code != SQLITE_CANTOPEN && code != SQLITE_READONLY) return false;
  const auto dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  // A log with content beside it would be ignored: then this is not the case to handle.
  const auto wal = std::filesystem::path(file.string() + "-wal");
  if (std::filesystem::exists(wal, ec) && std::filesystem::file_size(wal, ec) > 0) return false;
  return ::access(dir.c_str(), W_OK) != 0;
}

Rows::Rows(SQLite::Database& db, const char* sql) : db_(db.getHandle()) {
  const int rc = sqlite3_prepare_v2(db_, sql, -1, &statement_, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
}

Rows::~Rows() {
  sqlite3_finalize(statement_);
}

bool Rows::next() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw SQLite::Exception(db_, rc);
}

std::int64_t Rows::integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}

std::string_view Rows::text(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  if (data == nullptr) return {};
  return std::string_view(data, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

bool Rows::null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

int user_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}
int application_id(SQLite::Database& db) {
  return db.execAndGet("PRAGMA application_id").getInt();
}
bool has_tables(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0;
}

void use_write_ahead_log(SQLite::Database& db) {
  // WAL with synchronous=FULL syncs the log on every commit: a committed group survives a killed
  // process and a power loss.
  const std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
  if (mode != "wal")
    throw SQLite::Exception("the database cannot switch to write-ahead logging (journal mode " +
                            mode + ")");
}

void set_durable_pragmas(SQLite::Database& db) {
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA cache_size = -32768");
  db.exec("PRAGMA foreign_keys = ON");
  // Deleted and rewritten content is overwritten with zeros, so erased data leaves no trace in
  // free pages.
  db.exec("PRAGMA secure_delete = ON");
}

core::Error to_error(const std::exception& e, const std::string& doing) {
  int code = SQLITE_ERROR;
  if (const auto* se = dynamic_cast<const SQLite::Exception*>(&e)) code = se->getErrorCode();
  const std::string detail = std::string(" (SQLite: ") + e.what() + ").";
  switch (code & 0xff) {
    case SQLITE_FULL:
      return core::make_error("disk_full", "file",
                              doing +
                                  ": the disk is full or the database reached its size limit; "
                                  "free some space and try again" +
                                  detail);
    case SQLITE_NOTADB:
      return core::make_error("not_a_database", "file",
                              doing + ": the file is not a SQLite database" + detail);
    case SQLITE_CORRUPT:
      return core::make_error(
          "corrupt", "file",
          doing + ": the database file is corrupt; restore it from a backup" + detail);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return core::make_error("read_only", "file",
                              doing + ": the file or its folder cannot be written" + detail);
    case SQLITE_CANTOPEN:
      return core::make_error("cannot_open", "file",
                              doing +
                                  ": SQLite cannot open the file or create its journal (a "
                                  "missing folder, a read-only folder, or no permission)" +
                                  detail);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return core::make_error(
          "busy", "file",
          doing + ": another program holds a lock on the database; try again" + detail);
    case SQLITE_IOERR:
      return core::make_error("io_error", "file", doing + ": a disk read or write failed" + detail);
    case SQLITE_CONSTRAINT:
      return core::make_error("constraint", "file",
                              doing + ": the data breaks a rule of the database" + detail);
    default:
      return core::make_error("storage_error", "file", doing + detail);
  }
}

}  // namespace crossmatch::storage::detail
