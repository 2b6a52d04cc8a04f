#include "storage/outbox_store.hpp"

#include <limits>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

#include "core/event/apply.hpp"
#include "core/event/json_codec.hpp"
#include "core/json/json_reader.hpp"
#include "storage/sqlite_support.hpp"
#include "storage/writer_lock.hpp"

namespace crossmatch::storage {
namespace {

// 1: applied operations in a row without gaps. 2: each applied row keeps the sequence before it
// (a participant's feed skips what they may not see), the contacts it reveals, or none at all (the
// hub sent everything up to it); the snapshot says whose it is and its form.
constexpr int kOutboxSchemaVersion = 2;

constexpr const char* kSnapshotTable = R"sql(
CREATE TABLE snapshot (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_sequence INTEGER NOT NULL,
  format INTEGER NOT NULL,                     -- kReplicaFormat of the version that wrote it
  owner TEXT NOT NULL,                         -- whose replica it is, in the client's words
  state TEXT NOT NULL                          -- the replica's state as JSON; last, so that the
);                                             -- columns before it are read without it
)sql";

constexpr const char* kAppliedTable = R"sql(
CREATE TABLE applied (
  seq INTEGER PRIMARY KEY,                     -- applied to the replica after the snapshot
  previous INTEGER NOT NULL,                   -- the replica's sequence before this row
  operation TEXT,                              -- NULL: nothing to apply, sent up to seq
  contacts TEXT NOT NULL DEFAULT '[]'          -- [{"participant":1,"email":"..."}]
);
)sql";

constexpr const char* kOtherTables = R"sql(
CREATE TABLE pending (
  position INTEGER PRIMARY KEY AUTOINCREMENT,  -- the order the user made them in
  op_id TEXT NOT NULL UNIQUE,
  operation TEXT NOT NULL                      -- JSON (docs/operations.md)
);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// From schema 1: the replica's rows gain what schema 2 keeps; the replica itself is unchanged.
void migrate_from_1(SQLite::Database& db) {
  db.exec("ALTER TABLE snapshot RENAME TO snapshot_1");
  db.exec(kSnapshotTable);
  db.exec(
      "INSERT INTO snapshot (id, last_sequence, format, owner, state) "
      "SELECT id, last_sequence, 1, '', state FROM snapshot_1");
  db.exec("DROP TABLE snapshot_1");
  db.exec("ALTER TABLE applied RENAME TO applied_1");
  db.exec(kAppliedTable);
  db.exec(
      "INSERT INTO applied (seq, previous, operation, contacts) "
      "SELECT seq, seq - 1, operation, '[]' FROM applied_1");
  db.exec("DROP TABLE applied_1");
}

std::string contacts_to_json(const std::vector<core::Contact>& contacts) {
  nlohmann::json out = nlohmann::json::array();
  for (const core::Contact& c : contacts)
    out.push_back({{"participant", c.participant}, {"email", c.email}});
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

core::Result<std::vector<core::Contact>> contacts_from_json(const std::string& text) {
  const auto value = nlohmann::json::parse(text, nullptr, false);
  if (!value.is_array())
    return core::make_error("invalid", "contacts", "its contacts are not a JSON array");
  std::vector<core::Contact> out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    core::json::ObjectReader r(value[i], "contacts[" + std::to_string(i) + "].");
    core::Contact c;
    r.integer_as("participant", c.participant, 1, std::numeric_limits<std::int64_t>::max());
    r.string("email", c.email, true, 1024);
    if (core::Status s = r.finish(); !s) return s.error();
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

// The statements an outbox runs, prepared once when it opens and kept: a client adds and removes
// pending operations and records applied ones all through an event.
struct OutboxStatements {
  explicit OutboxStatements(SQLite::Database& db)
      : add(db, "INSERT INTO pending (op_id, operation) VALUES (?, ?)"),
        remove(db, "DELETE FROM pending WHERE op_id = ?"),
        pending(db, "SELECT op_id, operation FROM pending ORDER BY position"),
        save_snapshot(db,
                      "INSERT OR REPLACE INTO snapshot (id, last_sequence, format, owner, state) "
                      "VALUES (1, ?, ?, ?, ?)"),
        clear_applied(db, "DELETE FROM applied"),
        clear_snapshot(db, "DELETE FROM snapshot"),
        last_sequence(db,
                      "SELECT max(coalesce((SELECT max(seq) FROM applied), 0), "
                      "coalesce((SELECT last_sequence FROM snapshot), 0))"),
        record_applied(
            db, "INSERT INTO applied (seq, previous, operation, contacts) VALUES (?, ?, ?, ?)"),
        header(db, "SELECT last_sequence, format, owner FROM snapshot WHERE id = 1"),
        snapshot(db, "SELECT last_sequence, format, owner, state FROM snapshot WHERE id = 1"),
        applied_after(db,
                      "SELECT seq, previous, operation, contacts FROM applied WHERE seq > ? "
                      "ORDER BY seq"),
        put_setting(db, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"),
        get_setting(db, "SELECT value FROM settings WHERE key = ?") {}

  SQLite::Statement add, remove, pending, save_snapshot, clear_applied, clear_snapshot,
      last_sequence, record_applied, header, snapshot, applied_after, put_setting, get_setting;
};

struct OutboxStore::Impl {
  std::filesystem::path file;
  std::unique_ptr<WriterLock> lock;
  std::unique_ptr<SQLite::Database> db;
  std::unique_ptr<OutboxStatements> statements;
  std::string name() const { return detail::display_name(file); }
  ~Impl() {
    // Statements before the connection they belong to, the connection before the lock.
    statements.reset();
    db.reset();
    lock.reset();
  }
};

OutboxStore::OutboxStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OutboxStore::~OutboxStore() = default;

core::Result<std::unique_ptr<OutboxStore>> OutboxStore::open(const std::filesystem::path& file) {
  auto impl = std::make_unique<Impl>();
  impl->file = file;
  const bool memory = detail::is_memory(file);
  const std::string name = impl->name();
  if (!memory) {
    std::error_code ec;
    const auto dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(dir, ec))
      return core::make_error(
          "cannot_open", "file",
          "Cannot open " + name + ": the folder " + dir.string() + " does not exist.");
    auto lock = WriterLock::acquire(file);
    if (!lock) {
      core::Error e = lock.error();
      if (e.code == "locked")
        e.message = name + " is in use by another crossmatch client; close it first.";
      return e;
    }
    impl->lock = std::move(*lock);
  }
  auto db = detail::open_database(file, true, false);
  if (!db) return db.error();
  impl->db = std::move(*db);
  try {
    SQLite::Database& d = *impl->db;
    d.exec("PRAGMA busy_timeout = 5000");
    const int version = detail::user_version(d);
    const int app = detail::application_id(d);
    const bool empty = version == 0 && app == 0 && !detail::has_tables(d);
    if (!empty && app != detail::kOutboxApplicationId)
      return core::make_error("not_a_database", "file", name + " is not a crossmatch client file.");
    if (version > kOutboxSchemaVersion)
      return core::make_error("newer_schema", "file",
                              name + " was written by a newer version of crossmatch (schema " +
                                  std::to_string(version) +
                                  "); use the newer version. The file is left as it was.");
    detail::set_durable_pragmas(d);
    if (empty) {
      SQLite::Transaction t(d, SQLite::TransactionBehavior::IMMEDIATE);
      d.exec(kOtherTables);
      d.exec(kSnapshotTable);
      d.exec(kAppliedTable);
      d.exec("PRAGMA application_id = " + std::to_string(detail::kOutboxApplicationId));
      d.exec("PRAGMA user_version = " + std::to_string(kOutboxSchemaVersion));
      t.commit();
    } else if (version < kOutboxSchemaVersion) {
      SQLite::Transaction t(d, SQLite::TransactionBehavior::IMMEDIATE);
      migrate_from_1(d);
      d.exec("PRAGMA user_version = " + std::to_string(kOutboxSchemaVersion));
      t.commit();
    }
    if (!memory) detail::use_write_ahead_log(d);
    impl->statements = std::make_unique<OutboxStatements>(d);
  } catch (const std::exception& e) {
    return detail::to_error(e, "Cannot open " + name);
  }
  return std::unique_ptr<OutboxStore>(new OutboxStore(std::move(impl)));
}

core::Status OutboxStore::add(const core::Operation& operation) {
  try {
    const detail::StatementUse s(impl_->statements->add);
    s->bind(1, operation.id);
    s->bind(2, core::operation_to_json(operation));
    s->exec();
    return core::Status::success();
  } catch (const std::exception& e) {
    core::Error error =
        detail::to_error(e, "Cannot keep operation '" + operation.id + "' in " + impl_->name());
    if (error.code == "constraint")
      return core::make_error("duplicate", "id",
                              "Operation '" + operation.id + "' is already pending.");
    return error;
  }
}

core::Result<bool> OutboxStore::remove(const std::string& operation_id) {
  try {
    const detail::StatementUse s(impl_->statements->remove);
    s->bind(1, operation_id);
    return s->exec() > 0;
  } catch (const std::exception& e) {
    return detail::to_error(e,
                            "Cannot remove operation '" + operation_id + "' from " + impl_->name());
  }
}

core::Result<std::vector<core::Operation>> OutboxStore::pending() {
  try {
    std::vector<core::Operation> out;
    const detail::StatementUse s(impl_->statements->pending);
    while (s->executeStep()) {
      auto op = core::operation_from_json(s->getColumn(1).getString());
      if (!op)
        return core::make_error("corrupt", "file",
                                impl_->name() + " is damaged: pending operation '" +
                                    s->getColumn(0).getString() + "' cannot be read (" +
                                    op.error().message + ").");
      out.push_back(std::move(*op));
    }
    return out;
  } catch (const std::exception& e) {
    return detail::to_error(e, "Cannot read the pending operations of " + impl_->name());
  }
}

core::Status OutboxStore::save_snapshot(const core::EventState& state, std::uint64_t last_sequence,
                                        const std::string& owner) {
  return save_snapshot_json(core::state_to_json(state), last_sequence, owner);
}

core::Status OutboxStore::save_snapshot_json(const std::string& state_json,
                                             std::uint64_t last_sequence,
                                             const std::string& owner) {
  try {
    SQLite::Transaction t(*impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    {
      const detail::StatementUse s(impl_->statements->save_snapshot);
      s->bind(1, static_cast<std::int64_t>(last_sequence));
      s->bind(2, kReplicaFormat);
      s->bind(3, owner);
      s->bind(4, state_json);
      s->exec();
    }
    // Recorded operations up to the snapshot are in it; later ones (if any) no longer follow it.
    const detail::StatementUse clear(impl_->statements->clear_applied);
    clear->exec();
    t.commit();
    return core::Status::success();
  } catch (const std::exception& e) {
    return detail::to_error(e, "Cannot save the replica in " + impl_->name());
  }
}

core::Status OutboxStore::discard_replica() {
  try {
    SQLite::Transaction t(*impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    {
      const detail::StatementUse s(impl_->statements->clear_snapshot);
      s->exec();
    }
    const detail::StatementUse clear(impl_->statements->clear_applied);
    clear->exec();
    t.commit();
    return core::Status::success();
  } catch (const std::exception& e) {
    return detail::to_error(e, "Cannot forget the replica in " + impl_->name());
  }
}

core::Result<std::optional<ReplicaHeader>> OutboxStore::header() {
  try {
    SQLite::Transaction t(*impl_->db, SQLite::TransactionBehavior::DEFERRED);
    ReplicaHeader out;
    {
      const detail::StatementUse s(impl_->statements->header);
      if (!s->executeStep()) return std::optional<ReplicaHeader>();
      out.format = s->getColumn(1).getInt();
      out.owner = s->getColumn(2).getString();
    }
    const detail::StatementUse s(impl_->statements->last_sequence);
    s->executeStep();
    out.last_sequence = static_cast<std::uint64_t>(s->getColumn(0).getInt64());
    t.commit();
    return std::optional<ReplicaHeader>(std::move(out));
  } catch (const std::exception& e) {
    return detail::to_error(e, "Cannot read the replica in " + impl_->name());
  }
}

core::Result<std::uint64_t> OutboxStore::last_sequence() {
  try {
    const detail::StatementUse s(impl_->statements->last_sequence);
    s->executeStep();
    return static_cast<std::uint64_t>(s->getColumn(0).getInt64());
  } catch (const std::exception& e) {
    return detail::to_error(e, "Cannot read " + impl_->name());
  }
}

core::Status OutboxStore::record_applied(const std::vector<core::Operation>& operations) {
  auto last = last_sequence();
  if (!last) return last.error();
  std::vector<core::VisibleOperation> feed;
  std::uint64_t expected = *last + 1;
  for (const auto& op : operations) {
    if (op.sequence < expected) continue;  // already recorded
    if (op.sequence != expected)
      return core::make_error("sequence_gap", "sequence",
                              "Operation " + std::to_string(op.sequence) + " does not follow " +
                                  std::to_string(expected - 1) +
                                  "; ask the hub for the ones between.");
    feed.push_back({op, {}});
    ++expected;
  }
  return record_feed(*last, feed, expected - 1);
}

core::Status OutboxStore::record_feed(std::uint64_t from,
                                      const std::vector<core::VisibleOperation>& operations,
                                      std::uint64_t through) {
  auto last = last_sequence();
  if (!last) return last.error();
  if (from != *last)
    return core::make_error("sequence_gap", "sequence",
                            "These operations follow " + std::to_string(from) +
                                ", the replica kept in " + impl_->name() + " is at " +
                                std::to_string(*last) + ".");
  try {
    SQLite::Transaction t(*impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement& s = impl_->statements->record_applied;
    std::uint64_t previous = from;
    const auto row = [&](std::uint64_t seq, const core::VisibleOperation* visible) {
      const detail::StatementUse use(s);
      s.bind(1, static_cast<std::int64_t>(seq));
      s.bind(2, static_cast<std::int64_t>(previous));
      if (visible != nullptr) {
        s.bind(3, core::operation_to_json(visible->op));
        s.bind(4, contacts_to_json(visible->contacts));
      } else {
        s.bind(3);
        s.bind(4, "[]");
      }
      s.exec();
      previous = seq;
    };
    for (const auto& visible : operations) {
      if (visible.op.sequence <= previous)
        return core::make_error("sequence_order", "sequence",
                                "Operation " + std::to_string(visible.op.sequence) +
                                    " comes after " + std::to_string(previous) +
                                    ": operations are recorded in sequence order.");
      row(visible.op.sequence, &visible);
    }
    if (through > previous) row(through, nullptr);
    t.commit();
    return core::Status::success();
  } catch (const std::exception& e) {
    return detail::to_error(e, "Cannot record applied operations in " + impl_->name());
  }
}

core::Result<std::optional<Replica>> OutboxStore::load_replica(const core::Taxonomy& taxonomy) {
  try {
    SQLite::Transaction t(*impl_->db, SQLite::TransactionBehavior::DEFERRED);
    Replica replica;
    bool found = false;
    {
      const detail::StatementUse s(impl_->statements->snapshot);
      if (s->executeStep()) {
        const int format = s->getColumn(1).getInt();
        if (format > kReplicaFormat)
          return core::make_error("newer_format", "file",
                                  impl_->name() +
                                      " keeps a replica written by a newer version of "
                                      "crossmatch (form " +
                                      std::to_string(format) + ", this version reads " +
                                      std::to_string(kReplicaFormat) + ").");
        auto state = core::state_from_json(s->getColumn(3).getString(), taxonomy);
        if (!state)
          return core::make_error("corrupt", "file",
                                  impl_->name() + " is damaged: its snapshot cannot be read (" +
                                      state.error().message + ").");
        replica.state = std::move(*state);
        replica.last_sequence = static_cast<std::uint64_t>(s->getColumn(0).getInt64());
        replica.owner = s->getColumn(2).getString();
        found = true;
      }
    }
    const detail::StatementUse s(impl_->statements->applied_after);
    s->bind(1, static_cast<std::int64_t>(replica.last_sequence));
    while (s->executeStep()) {
      const auto seq = static_cast<std::uint64_t>(s->getColumn(0).getInt64());
      const auto previous = static_cast<std::uint64_t>(s->getColumn(1).getInt64());
      const auto damaged = [&](const std::string& why) {
        return core::make_error("corrupt", "file",
                                impl_->name() + " is damaged: applied operation " +
                                    std::to_string(seq) + " " + why +
                                    "; the client can ask the hub for a fresh snapshot.");
      };
      if (previous != replica.last_sequence)
        return damaged("follows " + std::to_string(previous) + ", not " +
                       std::to_string(replica.last_sequence) + " (a gap)");
      if (!s->getColumn(2).isNull()) {
        auto op = core::operation_from_json(s->getColumn(2).getString());
        if (!op) return damaged("cannot be read (" + op.error().message + ")");
        if (op->sequence != seq) return damaged("says it is " + std::to_string(op->sequence));
        auto contacts = contacts_from_json(s->getColumn(3).getString());
        if (!contacts)
          return damaged("has contacts that cannot be read (" + contacts.error().message + ")");
        auto applied = core::apply_operation(replica.state, taxonomy, *op, core::ApplyMode::Follow);
        if (!applied) return damaged("does not apply (" + applied.error().message + ")");
        for (const core::Contact& c : *contacts) {
          const auto it = replica.state.participants.find(c.participant);
          if (it != replica.state.participants.end()) it->second.profile.email = c.email;
        }
      }
      replica.last_sequence = seq;
      found = true;
    }
    t.commit();
    if (!found) return std::optional<Replica>();
    return std::optional<Replica>(std::move(replica));
  } catch (const std::exception& e) {
    return detail::to_error(e, "Cannot read the replica in " + impl_->name());
  }
}

core::Status OutboxStore::put_setting(const std::string& key, const std::string& value) {
  try {
    const detail::StatementUse s(impl_->statements->put_setting);
    s->bind(1, key);
    s->bind(2, value);
    s->exec();
    return core::Status::success();
  } catch (const std::exception& e) {
    return detail::to_error(e, "Cannot store setting '" + key + "' in " + impl_->name());
  }
}

core::Result<std::optional<std::string>> OutboxStore::get_setting(const std::string& key) {
  try {
    const detail::StatementUse s(impl_->statements->get_setting);
    s->bind(1, key);
    if (!s->executeStep()) return std::optional<std::string>();
    return std::optional<std::string>(s->getColumn(0).getString());
  } catch (const std::exception& e) {
    return detail::to_error(e, "Cannot read setting '" + key + "' of " + impl_->name());
  }
}

}  // namespace crossmatch::storage
