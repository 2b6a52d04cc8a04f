#include "storage/sqlite_event_store.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <limits>
#include <stdexcept>

#include "core/event/apply.hpp"
#include "core/event/json_codec.hpp"
#include "core/event/operation_catalogue.hpp"
#include "storage/derived_tables.hpp"
#include "storage/erasure.hpp"
#include "storage/event_columns.hpp"
#include "storage/event_schema.hpp"
#include "storage/file_output.hpp"
#include "storage/log_verification.hpp"
#include "storage/sqlite_support.hpp"
#include "storage/state_loader.hpp"
#include "storage/touched.hpp"

namespace crossmatch::storage {

using detail::StatementUse;
using detail::to_error;

namespace {

// The log's ids with their sequence numbers: what load() returns and the writer checks against.
constexpr auto kLoggedIds =
    detail::kOperationColumns.only({"op_id", "seq", "actor_role", "actor_participant"});
constexpr auto& kLoggedOperations = detail::kCheckedLogRow;
constexpr auto kCredentialOf = detail::kCredentialColumns.only({"role", "participant"});

// Calls each(id, applied) for every operation in the log, read through SQLite's C API (a large
// event's log holds hundreds of thousands). For load() and the writer's set of logged ids, both
// rare, so the query is prepared for each reading.
template <class Each>
void for_each_logged_id(SQLite::Database& db, Each each) {
  detail::Rows ids(db, kLoggedIds.select());
  while (ids.next()) {
    core::AppliedId applied;
    applied.sequence = static_cast<std::uint64_t>(ids.integer(kLoggedIds.column("seq")));
    if (!core::parse_role(ids.text(kLoggedIds.column("actor_role")), applied.actor.role))
      throw std::runtime_error("an operation in the log has an unknown actor role");
    applied.actor.participant =
        static_cast<core::ParticipantId>(ids.integer(kLoggedIds.column("actor_participant")));
    each(ids.text(kLoggedIds.column("op_id")), applied);
  }
}

}  // namespace

struct SqliteEventStore::Statements {
  Statements(SQLite::Database& db, bool writer, bool current_schema)
      : last_sequence(db, "SELECT coalesce(max(seq), 0) FROM operations"),
        data_version(db, "PRAGMA data_version"),
        find_credential(db, kCredentialOf.select("WHERE token_hash = ?")),
        get_setting(db, "SELECT value FROM settings WHERE key = ?") {
    // A reader of an older file has no checksums to read: it backs the file up, nothing more.
    if (current_schema)
      read_after.emplace(db, kLoggedOperations.select("WHERE seq > ? ORDER BY seq LIMIT ?"));
    if (!writer) return;
    insert_operation.emplace(db, detail::kOperationColumns.insert());
    put_credential.emplace(db, detail::kCredentialColumns.insert("INSERT OR REPLACE"));
    put_setting.emplace(db, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
  }

  SQLite::Statement last_sequence, data_version, find_credential, get_setting;
  std::optional<SQLite::Statement> read_after;                                     // current schema
  std::optional<SQLite::Statement> insert_operation, put_credential, put_setting;  // a writer's
};

core::Result<std::unique_ptr<EventStore>> EventStore::open(const std::filesystem::path& file,
                                                           const core::Taxonomy& taxonomy,
                                                           bool create) {
  auto store = SqliteEventStore::open_file(file, taxonomy, create, false);
  if (!store) return store.error();
  return std::unique_ptr<EventStore>(std::move(*store));
}

core::Result<std::unique_ptr<EventStore>> EventStore::open_reader(const std::filesystem::path& file,
                                                                  const core::Taxonomy& taxonomy) {
  auto store = SqliteEventStore::open_file(file, taxonomy, false, true);
  if (!store) return store.error();
  return std::unique_ptr<EventStore>(std::move(*store));
}

core::Result<std::unique_ptr<SqliteEventStore>> SqliteEventStore::open_file(
    const std::filesystem::path& file, const core::Taxonomy& taxonomy, bool create, bool reader) {
  std::unique_ptr<SqliteEventStore> store(new SqliteEventStore(file, taxonomy, reader));
  store->memory_ = detail::is_memory(file);
  const std::string name = store->name();
  if (reader && store->memory_)
    return core::make_error("invalid", "file",
                            "An in-memory database cannot be opened by a reader.");
  if (!reader && !store->memory_) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec) && !create)
      return core::make_error("not_found", "file", "There is no database " + name + ".");
    const auto dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(dir, ec))
      return core::make_error(
          "cannot_open", "file",
          "Cannot open " + name + ": the folder " + dir.string() + " does not exist.");
    auto lock = WriterLock::acquire(file);
    if (!lock) return lock.error();
    store->lock_ = std::move(*lock);
  }
  auto db = detail::open_database(file, create && !reader, reader);
  if (!db) return db.error();
  store->db_ = std::move(*db);
  try {
    store->db_->exec("PRAGMA busy_timeout = 5000");
    core::Status header;
    try {
      header = detail::check_event_header(*store->db_, name, create && !reader);
    } catch (const std::exception& e) {
      if (!reader || !detail::needs_immutable(e, file)) throw;
      auto immutable = detail::open_immutable(file);
      if (!immutable) return immutable.error();
      store->db_ = std::move(*immutable);
      header = detail::check_event_header(*store->db_, name, false);
    }
    if (!header) return header.error();
    SQLite::Database& d = *store->db_;
    if (!reader) {
      detail::set_durable_pragmas(d);
      if (auto s = detail::migrate_event_database(d, taxonomy, name); !s) return s.error();
      if (!store->memory_) detail::use_write_ahead_log(d);
      store->derived_ = std::make_unique<detail::DerivedTables>(d);
    }
    store->schema_version_ = detail::user_version(d);
    store->statements_ = std::make_unique<Statements>(
        d, !reader, store->schema_version_ == detail::kEventSchemaVersion);
    StatementUse last(store->statements_->last_sequence);
    last->executeStep();
    store->last_sequence_ = static_cast<std::uint64_t>(last->getColumn(0).getInt64());
  } catch (const std::exception& e) {
    return to_error(e, "Cannot open " + name);
  }
  return store;
}

SqliteEventStore::SqliteEventStore(std::filesystem::path file, const core::Taxonomy& taxonomy,
                                   bool reader)
    : file_(std::move(file)), taxonomy_(&taxonomy), reader_(reader) {}

SqliteEventStore::~SqliteEventStore() {
  // Statements before the connection they belong to, the connection before the lock.
  statements_.reset();
  derived_.reset();
  db_.reset();
  lock_.reset();
}

std::string SqliteEventStore::name() const {
  return detail::display_name(file_);
}

core::Status SqliteEventStore::refuse_if_reader(const std::string& what) const {
  if (!reader_) return core::Status::success();
  return core::make_error("read_only", "file",
                          "Cannot " + what + ": " + name() + " is open for reading only.");
}

core::Status SqliteEventStore::require_current_schema() const {
  if (schema_version_ == detail::kEventSchemaVersion) return core::Status::success();
  return core::make_error("old_schema", "file",
                          name() + " has schema version " + std::to_string(schema_version_) +
                              "; open it once for writing (start the hub on it, or run an "
                              "import) to migrate it to version " +
                              std::to_string(detail::kEventSchemaVersion) + ".");
}

core::Result<LoadedEvent> SqliteEventStore::load() {
  if (auto s = require_current_schema(); !s) return s.error();
  try {
    // One read transaction: a reader sees one consistent moment even while the hub writes.
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::DEFERRED);
    // Every logged operation is what was applied: a changed byte is found before anyone is sent it.
    if (auto s = detail::check_log_checksums(*db_, name()); !s) return s.error();
    auto state = detail::read_state(*db_, *taxonomy_);
    if (!state) return state.error();
    LoadedEvent loaded;
    {
      StatementUse last(statements_->last_sequence);
      last->executeStep();
      loaded.operation_ids.reserve(static_cast<std::size_t>(last->getColumn(0).getInt64()));
    }
    for_each_logged_id(*db_, [&](std::string_view id, const core::AppliedId& applied) {
      loaded.operation_ids.emplace(std::string(id), applied);
      loaded.last_sequence = std::max(loaded.last_sequence, applied.sequence);
    });
    const std::int64_t version = data_version();
    transaction.commit();
    last_sequence_ = loaded.last_sequence;
    if (!reader_) {
      // The writer keeps the ids for the appends to come. Not a copy of the state: the hub
      // prepares its operations where it applies them (append_prepared); append() reads the
      // state again when it needs it.
      logged_ids_.emplace();
      logged_ids_->reserve(loaded.operation_ids.size());
      for (const auto& [id, applied] : loaded.operation_ids) logged_ids_->insert(id);
      if (version != data_version_) {  // another program wrote the file
        replica_.reset();
        derived_->forget();
      }
      data_version_ = version;
    }
    loaded.state = std::move(*state);
    return loaded;
  } catch (const std::exception& e) {
    return to_error(e, "Cannot load the event from " + name());
  }
}

core::Status SqliteEventStore::check_sequence(const core::Operation& op,
                                              std::size_t position) const {
  const std::uint64_t expected = last_sequence_ + 1 + position;
  if (op.sequence == expected) return core::Status::success();
  return core::make_error("sequence_gap", "sequence",
                          "Operation '" + op.id + "' has sequence " + std::to_string(op.sequence) +
                              "; the log continues at " + std::to_string(expected) +
                              ". Nothing of this group was stored.");
}

core::Status SqliteEventStore::log_id(const core::Operation& op) {
  if (logged_ids_->insert(op.id)) return core::Status::success();
  return core::make_error("duplicate_operation", "id",
                          "Operation " + std::to_string(op.sequence) + " has the id '" + op.id +
                              "' of an operation already in the log (a resend is applied once). "
                              "Nothing of this group was stored.");
}

void SqliteEventStore::insert_log_row(const core::Operation& op, const std::string& json,
                                      core::ParticipantId participant, core::MeetingId meeting) {
  constexpr auto& c = detail::kOperationColumns;
  SQLite::Statement& insert = *statements_->insert_operation;
  insert.bind(c.param("seq"), static_cast<std::int64_t>(op.sequence));
  insert.bindNoCopy(c.param("op_id"), op.id);
  insert.bindNoCopy(c.param("type"), core::operation_type(op.payload));  // static text
  insert.bindNoCopy(c.param("actor_role"), core::to_string(op.actor.role));
  insert.bind(c.param("actor_participant"), static_cast<std::int64_t>(op.actor.participant));
  insert.bind(c.param("at"), static_cast<std::int64_t>(op.at));
  if (participant != 0)
    insert.bind(c.param("participant"), static_cast<std::int64_t>(participant));
  else
    insert.bind(c.param("participant"));
  if (meeting != 0)
    insert.bind(c.param("meeting"), static_cast<std::int64_t>(meeting));
  else
    insert.bind(c.param("meeting"));
  insert.bindNoCopy(c.param("operation"), json);
  insert.bind(
      c.param("checksum"),
      detail::log_checksum({.seq = static_cast<std::int64_t>(op.sequence),
                            .op_id = op.id,
                            .type = core::operation_type(op.payload),
                            .actor_role = core::to_string(op.actor.role),
                            .actor_participant = static_cast<std::int64_t>(op.actor.participant),
                            .at = static_cast<std::int64_t>(op.at),
                            .operation = json}));
  const StatementUse use(insert);
  insert.exec();
}

void SqliteEventStore::write_derived(const RowImages& rows) {
  for (const ErasedPerson& erased : rows.erased) detail::erase_from_log(*db_, erased);
  derived_->write(rows);
}

void SqliteEventStore::write_credentials(const std::vector<Credential>& credentials) {
  constexpr auto& c = detail::kCredentialColumns;
  SQLite::Statement& put = *statements_->put_credential;
  for (const Credential& credential : credentials) {
    put.bind(c.param("token_hash"), credential.token_hash);
    put.bind(c.param("role"), core::to_string(credential.role));
    put.bind(c.param("participant"), static_cast<std::int64_t>(credential.participant));
    const StatementUse use(put);
    put.exec();
  }
}

void SqliteEventStore::after_commit(std::uint64_t last, bool erased) {
  last_sequence_ = last;
  if (erased && !memory_) {
    // Move the rewritten pages into the database file and empty the write-ahead log, so the old
    // page images with the erased data do not linger there. A reader holding an old snapshot
    // can delay this; the log is then overwritten as it is reused.
    db_->tryExec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
}

core::Status SqliteEventStore::append(const std::vector<core::Operation>& operations,
                                      const std::vector<Credential>& credentials) {
  if (auto s = refuse_if_reader("append operations"); !s) return s;
  if (operations.empty()) {
    for (const Credential& c : credentials) {
      if (auto s = put_credential(c); !s) return s;
    }
    return core::Status::success();
  }
  for (std::size_t i = 0; i < operations.size(); ++i) {
    if (auto s = check_sequence(operations[i], i); !s) return s;
  }
  const std::string group = "operations " + std::to_string(operations.front().sequence) + " to " +
                            std::to_string(operations.back().sequence);
  Touched touched;
  // On any failure nothing of the group is stored, and what the store keeps is read again.
  const auto forget = [&] {
    replica_.reset();
    logged_ids_.reset();
    derived_->forget();
  };
  try {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (auto s = refresh_for_append(); !s) {
      forget();
      return s;
    }
    // First every operation is checked, applied to the replica and encoded, then every row goes
    // to the log: each loop keeps its own code and data warm, where alternating between the state
    // and SQLite for each operation cost about half a microsecond an operation more.
    std::vector<LogRow>& rows = log_rows_;
    rows.resize(operations.size());
    for (std::size_t i = 0; i < operations.size(); ++i) {
      const core::Operation& op = operations[i];
      if (auto s = log_id(op); !s) {
        forget();
        return s;
      }
      note_before(*replica_, op, touched);
      auto applied = core::apply_operation(*replica_, *taxonomy_, op, core::ApplyMode::Follow);
      if (!applied) {
        forget();
        return core::make_error("inconsistent", applied.error().field,
                                "Operation " + std::to_string(op.sequence) + " ('" + op.id +
                                    "') does not apply to the stored event: " +
                                    applied.error().message + " Nothing of this group was stored.");
      }
      note_after(*replica_, *applied, touched);
      rows[i].json = core::operation_to_json(op);
      const core::Subject about = core::subject(applied->payload);
      rows[i].participant = about.participant;
      rows[i].meeting = about.meeting;
    }
    for (std::size_t i = 0; i < operations.size(); ++i)
      insert_log_row(operations[i], rows[i].json, rows[i].participant, rows[i].meeting);
    const RowImages images = read_rows(*replica_, touched, operations.back().sequence);
    write_derived(images);
    derived_->write_event(images);
    write_credentials(credentials);
    transaction.commit();
  } catch (const std::exception& e) {
    forget();
    core::Error error = to_error(e, "Cannot append " + group + " to " + name());
    error.message += " Nothing of this group was stored.";
    return error;
  }
  after_commit(operations.back().sequence, !touched.erased.empty());
  return core::Status::success();
}

core::Status SqliteEventStore::append_prepared(const std::vector<PreparedOperation>& operations,
                                               const std::vector<Credential>& credentials) {
  if (auto s = refuse_if_reader("append operations"); !s) return s;
  if (operations.empty()) return append({}, credentials);
  for (std::size_t i = 0; i < operations.size(); ++i) {
    if (auto s = check_sequence(operations[i].operation, i); !s) return s;
  }
  const std::string group = "operations " + std::to_string(operations.front().operation.sequence) +
                            " to " + std::to_string(operations.back().operation.sequence);
  // The store's own copy of the state does not follow these: a later append() reads it again.
  replica_.reset();
  bool erased = false;
  try {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t version = data_version();
    if (data_version_ != -1 && version != data_version_) {
      logged_ids_.reset();
      derived_->forget();
      data_version_ = version;
      return core::make_error("changed", "file",
                              "Another program wrote " + name() +
                                  " since this store last read it, so the operations prepared from "
                                  "the state it loaded may not fit what is stored; open it again. "
                                  "Nothing of this group was stored.");
    }
    data_version_ = version;
    if (auto s = read_ids(); !s) return s;
    for (const PreparedOperation& p : operations) {
      if (auto s = log_id(p.operation); !s) {
        logged_ids_.reset();
        return s;
      }
    }
    for (const PreparedOperation& p : operations)
      insert_log_row(p.operation, p.json, p.participant, p.meeting);
    for (const PreparedOperation& p : operations) {
      write_derived(p.rows);
      erased = erased || !p.rows.erased.empty();
    }
    derived_->write_event(operations.back().rows);
    write_credentials(credentials);
    transaction.commit();
  } catch (const std::exception& e) {
    logged_ids_.reset();
    derived_->forget();
    core::Error error = to_error(e, "Cannot append " + group + " to " + name());
    error.message += " Nothing of this group was stored.";
    return error;
  }
  after_commit(operations.back().operation.sequence, erased);
  return core::Status::success();
}

// Inside the append's write transaction, so nothing can change the file until it ends.
core::Status SqliteEventStore::refresh_for_append() {
  const std::int64_t version = data_version();
  if (version != data_version_) {
    // Before the first append or load(), or after another connection wrote the file.
    replica_.reset();
    logged_ids_.reset();
    derived_->forget();
    data_version_ = version;
  }
  if (!replica_) {
    // After a failed append, or before the first: the state exactly as stored.
    auto state = detail::read_state(*db_, *taxonomy_);
    if (!state) return state.error();
    replica_ = std::move(*state);
  }
  return read_ids();
}

core::Status SqliteEventStore::read_ids() {
  if (!logged_ids_) {
    logged_ids_.emplace();
    logged_ids_->reserve(static_cast<std::size_t>(last_sequence_) + 1024);
    for_each_logged_id(
        *db_, [&](std::string_view id, const core::AppliedId&) { logged_ids_->insert(id); });
  }
  return core::Status::success();
}

// PRAGMA data_version: changes when another connection commits to the file.
std::int64_t SqliteEventStore::data_version() {
  StatementUse version(statements_->data_version);
  version->executeStep();
  return version->getColumn(0).getInt64();
}

core::Result<std::vector<core::Operation>> SqliteEventStore::read_after(std::uint64_t after,
                                                                        std::size_t limit) {
  if (auto s = require_current_schema(); !s) return s.error();
  std::vector<core::Operation> out;
  if (limit == 0) return out;
  try {
    constexpr auto& c = kLoggedOperations;
    StatementUse s(*statements_->read_after);
    s->bind(1, static_cast<std::int64_t>(std::min<std::uint64_t>(after, INT64_MAX)));
    s->bind(2, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
    while (s->executeStep()) {
      if (const detail::RowChecksums sums = detail::row_checksums(*s); !sums.matches())
        return detail::checksum_mismatch(name(), sums.seq);
      auto op = core::operation_from_json(s->getColumn(c.column("operation")).getString());
      if (!op)
        return core::make_error("corrupt", "file",
                                "The database is damaged: operation " +
                                    std::to_string(s->getColumn(c.column("seq")).getInt64()) +
                                    " of the log cannot be read (" + op.error().message + ").");
      last_sequence_ = std::max(last_sequence_, op->sequence);
      out.push_back(std::move(*op));
    }
    return out;
  } catch (const std::exception& e) {
    return to_error(e, "Cannot read the log of " + name());
  }
}

core::Status SqliteEventStore::put_credential(const Credential& credential) {
  if (auto s = refuse_if_reader("store a credential"); !s) return s;
  try {
    write_credentials({credential});
    return core::Status::success();
  } catch (const std::exception& e) {
    return to_error(e, "Cannot store a credential in " + name());
  }
}

core::Result<std::optional<Credential>> SqliteEventStore::find_credential(
    const std::string& token_hash) {
  try {
    StatementUse s(statements_->find_credential);
    s->bind(1, token_hash);
    if (!s->executeStep()) return std::optional<Credential>();
    Credential c;
    c.token_hash = token_hash;
    if (!core::parse_role(s->getColumn(kCredentialOf.column("role")).getString(), c.role))
      return core::make_error("corrupt", "file",
                              "The database is damaged: a credential has an unknown role.");
    c.participant = static_cast<core::ParticipantId>(
        s->getColumn(kCredentialOf.column("participant")).getInt64());
    return std::optional<Credential>(std::move(c));
  } catch (const std::exception& e) {
    return to_error(e, "Cannot read the credentials of " + name());
  }
}

core::Status SqliteEventStore::put_setting(const std::string& key, const std::string& value) {
  if (auto s = refuse_if_reader("store a setting"); !s) return s;
  try {
    StatementUse s(*statements_->put_setting);
    s->bind(1, key);
    s->bind(2, value);
    s->exec();
    return core::Status::success();
  } catch (const std::exception& e) {
    return to_error(e, "Cannot store setting '" + key + "' in " + name());
  }
}

core::Result<std::optional<std::string>> SqliteEventStore::get_setting(const std::string& key) {
  try {
    StatementUse s(statements_->get_setting);
    s->bind(1, key);
    if (!s->executeStep()) return std::optional<std::string>();
    return std::optional<std::string>(s->getColumn(0).getString());
  } catch (const std::exception& e) {
    return to_error(e, "Cannot read setting '" + key + "' of " + name());
  }
}

core::Result<CalendarHistory> SqliteEventStore::calendar_history() {
  if (auto s = require_current_schema(); !s) return s.error();
  try {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::DEFERRED);
    CalendarHistory history = detail::read_calendar_history(*db_);
    transaction.commit();
    return history;
  } catch (const std::exception& e) {
    return to_error(e, "Cannot read the calendar history of " + name());
  }
}

core::Status SqliteEventStore::backup(const std::filesystem::path& to) {
  std::error_code ec;
  if (!memory_ && std::filesystem::exists(to, ec) && std::filesystem::equivalent(to, file_, ec))
    return core::make_error("invalid", "out",
                            "The backup cannot replace the database itself; choose another file.");
  const auto partial = partial_path(to);
  std::filesystem::remove(partial, ec);
  const std::string doing = "Cannot back up " + name() + " to " + to.string();
  try {
    {
      // A connection of its own: the copy reads one consistent snapshot while the hub appends.
      std::unique_ptr<SQLite::Database> own;
      if (!memory_) {
        own = std::make_unique<SQLite::Database>(file_, SQLite::OPEN_READONLY, 5000);
      }
      SQLite::Database& source = own ? *own : *db_;
      if (auto s = create_private_file(partial); !s) throw std::runtime_error(s.error().message);
      SQLite::Database target(partial, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      SQLite::Backup copy(target, "main", source, "main");
      const int rc = copy.executeStep(-1);
      if (rc != SQLITE_DONE) throw SQLite::Exception("the copy did not complete", rc);
      // One self-contained file: no write-ahead log beside it.
      target.exec("PRAGMA journal_mode = DELETE");
      const std::string check = target.execAndGet("PRAGMA quick_check").getString();
      if (check != "ok")
        throw SQLite::Exception("the copy fails its check: " + check, SQLITE_CORRUPT);
    }
    if (auto s = commit_file(partial, to); !s) {
      std::filesystem::remove(partial, ec);
      return core::make_error(s.error().code, "out", doing + ": " + s.error().message);
    }
    return core::Status::success();
  } catch (const std::exception& e) {
    std::filesystem::remove(partial, ec);
    return to_error(e, doing);
  }
}

core::Status SqliteEventStore::limit_size(std::uint64_t max_bytes) {
  try {
    const std::int64_t page = db_->execAndGet("PRAGMA page_size").getInt64();
    const auto pages = static_cast<std::int64_t>(
        std::max<std::uint64_t>(1, max_bytes / static_cast<std::uint64_t>(page)));
    db_->execAndGet("PRAGMA max_page_count = " + std::to_string(pages));
    return core::Status::success();
  } catch (const std::exception& e) {
    return to_error(e, "Cannot limit the size of " + name());
  }
}

}  // namespace crossmatch::storage
