#include "storage/event_schema.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/event/apply.hpp"
#include "core/event/json_codec.hpp"
#include "core/event/operation_catalogue.hpp"
#include "storage/derived_tables.hpp"
#include "storage/erasure.hpp"
#include "storage/log_verification.hpp"
#include "storage/sqlite_support.hpp"
#include "storage/touched.hpp"

namespace crossmatch::storage::detail {
namespace {

constexpr const char* kVersion1 = R"sql(
CREATE TABLE operations (
  seq INTEGER PRIMARY KEY,          -- the hub's sequence number, from 1 without gaps
  op_id TEXT NOT NULL UNIQUE,       -- the client's id: a resend is applied once
  type TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  actor_participant INTEGER NOT NULL,
  at INTEGER NOT NULL,              -- unix milliseconds, set by the hub
  operation TEXT NOT NULL           -- the applied operation as JSON (docs/operations.md)
);
CREATE TABLE credentials (
  token_hash TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  participant INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// References between derived tables are checked at commit, so a group may write its rows in any
// order.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE operations ADD COLUMN participant INTEGER;  -- the participant it is about
ALTER TABLE operations ADD COLUMN meeting INTEGER;      -- the meeting it is about
CREATE INDEX operations_participant ON operations (participant) WHERE participant IS NOT NULL;
CREATE INDEX operations_meeting ON operations (meeting) WHERE meeting IS NOT NULL;
CREATE TABLE event (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  created INTEGER NOT NULL,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  join_code TEXT NOT NULL,
  registration_open INTEGER NOT NULL,
  settings TEXT NOT NULL,
  next_participant INTEGER NOT NULL,
  next_meeting INTEGER NOT NULL,
  next_session INTEGER NOT NULL,
  next_table INTEGER NOT NULL,
  next_round INTEGER NOT NULL,
  next_announcement INTEGER NOT NULL,
  next_clinic_table INTEGER NOT NULL
);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  slot_minutes INTEGER NOT NULL,
  breaks TEXT NOT NULL,
  last_change INTEGER NOT NULL  -- sequence of the last operation that changed the row
);
CREATE TABLE tables (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  seats INTEGER NOT NULL,
  last_change INTEGER NOT NULL
);
CREATE TABLE participants (
  id INTEGER PRIMARY KEY,
  status TEXT NOT NULL,
  display_name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  job_title TEXT NOT NULL,
  type TEXT NOT NULL,
  city TEXT NOT NULL,
  country TEXT NOT NULL,
  sector TEXT NOT NULL,
  size TEXT NOT NULL,
  email TEXT NOT NULL,
  offers TEXT NOT NULL,
  seeks TEXT NOT NULL,
  languages TEXT NOT NULL,
  target_markets TEXT NOT NULL,
  known_markets TEXT NOT NULL,
  answers TEXT NOT NULL,
  consent_suggestions INTEGER NOT NULL,
  consent_share_contact INTEGER NOT NULL,
  unavailable TEXT NOT NULL,
  time_of_day TEXT NOT NULL
);
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  requester INTEGER NOT NULL REFERENCES participants (id) DEFERRABLE INITIALLY DEFERRED,
  invitee INTEGER NOT NULL REFERENCES participants (id) DEFERRABLE INITIALLY DEFERRED,
  introduced INTEGER NOT NULL,
  message TEXT NOT NULL,
  preferred TEXT NOT NULL,
  requester_accepted INTEGER NOT NULL,
  invitee_accepted INTEGER NOT NULL,
  status TEXT NOT NULL,
  slot_session INTEGER REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
  slot_index INTEGER,
  table_id INTEGER REFERENCES tables (id) DEFERRABLE INITIALLY DEFERRED,
  closed_by INTEGER NOT NULL,
  close_reason TEXT NOT NULL,
  held TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  accepted_at INTEGER NOT NULL,
  calendar_session INTEGER,  -- the last placement, kept after a cancellation
  calendar_index INTEGER,
  calendar_table INTEGER,
  last_change INTEGER NOT NULL
);
CREATE TABLE feedback (
  meeting INTEGER NOT NULL REFERENCES meetings (id) DEFERRABLE INITIALLY DEFERRED,
  participant INTEGER NOT NULL REFERENCES participants (id) DEFERRABLE INITIALLY DEFERRED,
  rating INTEGER NOT NULL,
  comment TEXT NOT NULL,
  PRIMARY KEY (meeting, participant)
) WITHOUT ROWID;
CREATE TABLE team_rounds (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  session INTEGER NOT NULL REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
  published_at INTEGER NOT NULL
);
CREATE TABLE teams (
  round INTEGER NOT NULL REFERENCES team_rounds (id) DEFERRABLE INITIALLY DEFERRED,
  team INTEGER NOT NULL,  -- position in the round, from 0
  table_id INTEGER NOT NULL REFERENCES tables (id) DEFERRABLE INITIALLY DEFERRED,
  reasons TEXT NOT NULL,
  PRIMARY KEY (round, team)
) WITHOUT ROWID;
CREATE TABLE team_members (
  round INTEGER NOT NULL,
  team INTEGER NOT NULL,
  position INTEGER NOT NULL,
  participant INTEGER NOT NULL REFERENCES participants (id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (round, team, position),
  FOREIGN KEY (round, team) REFERENCES teams (round, team) DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;
CREATE TABLE announcements (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TABLE pitch_sessions (
  session INTEGER PRIMARY KEY REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
  status TEXT NOT NULL,
  current INTEGER NOT NULL,         -- the pitch running or paused (position), or -1
  running_since INTEGER NOT NULL,   -- unix ms
  elapsed_before INTEGER NOT NULL   -- ms
);
CREATE TABLE pitches (
  session INTEGER NOT NULL REFERENCES pitch_sessions (session) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,        -- in pitching order, from 0
  pitcher INTEGER NOT NULL REFERENCES participants (id) DEFERRABLE INITIALLY DEFERRED,
  minutes INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  interested TEXT NOT NULL,         -- participant ids in the order they tapped, a JSON array
  PRIMARY KEY (session, position)
) WITHOUT ROWID;
CREATE TABLE clinic_tables (
  id INTEGER PRIMARY KEY,
  session INTEGER NOT NULL REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
  table_id INTEGER NOT NULL REFERENCES tables (id) DEFERRABLE INITIALLY DEFERRED,
  theme TEXT NOT NULL,
  members TEXT NOT NULL,            -- participant ids, a JSON array
  reasons TEXT NOT NULL,
  outcome TEXT NOT NULL,
  last_change INTEGER NOT NULL
);
CREATE TABLE clinic_themes (
  participant INTEGER PRIMARY KEY REFERENCES participants (id) DEFERRABLE INITIALLY DEFERRED,
  themes TEXT NOT NULL              -- the clinic tables they picked, in order, a JSON array
);
)sql";

// The log without indexes besides its sequence numbers, so an append writes one b-tree:
//  - the lookup columns lose theirs: erasure, which is rare, reads them in one pass over the log;
//  - op_id loses its UNIQUE index, which clients' random ids made the costliest part of an
//    append (a random page of it rewritten for nearly every operation). The store refuses an id
//    already in the log before writing (a set of the log's ids, read again whenever another
//    connection has written the file), so a resend is still applied once.
// SQLite cannot drop a column's UNIQUE constraint: the table is rebuilt, keeping every row.
constexpr const char* kVersion3 = R"sql(
CREATE TABLE operations_v3 (
  seq INTEGER PRIMARY KEY,          -- the hub's sequence number, from 1 without gaps
  op_id TEXT NOT NULL,              -- the client's id, never twice: a resend is applied once
  type TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  actor_participant INTEGER NOT NULL,
  at INTEGER NOT NULL,              -- unix milliseconds, set by the hub
  operation TEXT NOT NULL,          -- the applied operation as JSON (docs/operations.md)
  participant INTEGER,              -- the participant it is about
  meeting INTEGER                   -- the meeting it is about
);
INSERT INTO operations_v3 (seq, op_id, type, actor_role, actor_participant, at, operation, participant, meeting)
  SELECT seq, op_id, type, actor_role, actor_participant, at, operation, participant, meeting FROM operations;
DROP TABLE operations;
ALTER TABLE operations_v3 RENAME TO operations;
)sql";

// Each row of the log gets a checksum of what it says was applied (storage/log_checksum.hpp),
// computed here for the rows already there.
constexpr const char* kVersion4 = R"sql(
ALTER TABLE operations ADD COLUMN checksum INTEGER;  -- of the row's other columns but the lookups
)sql";

// Follow-up rounds after the event, and each person's answer for each held meeting.
constexpr const char* kVersion5 = R"sql(
CREATE TABLE follow_ups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  open INTEGER NOT NULL,
  opened_at INTEGER NOT NULL        -- unix milliseconds
);
CREATE TABLE follow_up_answers (
  follow_up INTEGER NOT NULL REFERENCES follow_ups (id) DEFERRABLE INITIALLY DEFERRED,
  meeting INTEGER NOT NULL REFERENCES meetings (id) DEFERRABLE INITIALLY DEFERRED,
  participant INTEGER NOT NULL REFERENCES participants (id) DEFERRABLE INITIALLY DEFERRED,
  outcome TEXT NOT NULL,            -- no-contact, knowledge, valuable, negotiation, agreement
  note TEXT NOT NULL,
  at INTEGER NOT NULL,              -- unix milliseconds
  PRIMARY KEY (follow_up, meeting, participant)
) WITHOUT ROWID;
)sql";

// The event day: each participant's check-in code and when they arrived (0: not yet; people
// registered before codes existed have none), and each person's own answer on whether a meeting
// took place. Those answers, and the verdicts they make (one "no" wins), are found by replaying
// the log into the derived tables.
constexpr const char* kVersion6 = R"sql(
ALTER TABLE participants ADD COLUMN check_in_code TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN arrived_at INTEGER NOT NULL DEFAULT 0;  -- unix milliseconds
ALTER TABLE feedback ADD COLUMN held TEXT NOT NULL DEFAULT 'unknown';  -- the person's own answer
)sql";

// The organiser's constraints for the auto-schedule: the slot a meeting is pinned to (NULL: none)
// and the meetings that must come before it, as a list of ids.
constexpr const char* kVersion7 = R"sql(
ALTER TABLE meetings ADD COLUMN pinned_session INTEGER;
ALTER TABLE meetings ADD COLUMN pinned_index INTEGER;
ALTER TABLE meetings ADD COLUMN earlier_meetings TEXT NOT NULL DEFAULT '[]';
)sql";

// The event day's refills: who is on the standby list, and which meetings are offers of a freed
// slot. Both start false: nothing before version 8 could set them.
constexpr const char* kVersion8 = R"sql(
ALTER TABLE participants ADD COLUMN standby INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN offered INTEGER NOT NULL DEFAULT 0;
)sql";

// Fills the lookup columns and the derived tables by replaying the log as a replica would.
core::Status replay_into_derived_tables(SQLite::Database& db, const core::Taxonomy& taxonomy,
                                        const std::string& name) {
  SQLite::Statement read(db, "SELECT seq, operation FROM operations ORDER BY seq");
  std::uint64_t last = 0;
  SQLite::Statement subject(db, "UPDATE operations SET participant = ?, meeting = ? WHERE seq = ?");
  core::EventState state;
  Touched touched;
  while (read.executeStep()) {
    const std::int64_t seq = read.getColumn(0).getInt64();
    last = static_cast<std::uint64_t>(seq);
    const auto fail = [&](const core::Error& e) {
      return core::make_error("migration_failed", "file",
                              "Cannot migrate " + name + " to schema version " +
                                  std::to_string(kEventSchemaVersion) + ": operation " +
                                  std::to_string(seq) + " of its log cannot be read or applied (" +
                                  e.message + "). The file is unchanged.");
    };
    auto op = core::operation_from_json(read.getColumn(1).getString());
    if (!op) return fail(op.error());
    note_before(state, *op, touched);
    auto applied = core::apply_operation(state, taxonomy, *op, core::ApplyMode::Follow);
    if (!applied) return fail(applied.error());
    note_after(state, *applied, touched);
    const auto [p, m] = core::subject(applied->payload);
    if (p != 0)
      subject.bind(1, static_cast<std::int64_t>(p));
    else
      subject.bind(1);
    if (m != 0)
      subject.bind(2, static_cast<std::int64_t>(m));
    else
      subject.bind(2);
    subject.bind(3, seq);
    subject.exec();
    subject.reset();
  }
  // The log keeps no personal data of anyone erased, whatever version wrote it.
  const RowImages rows = read_rows(state, touched, last);
  for (const ErasedPerson& erased : rows.erased) erase_from_log(db, erased);
  DerivedTables tables(db);
  tables.write(rows);
  tables.write_event(rows);
  return core::Status::success();
}

}  // namespace

core::Status check_event_header(SQLite::Database& db, const std::string& name, bool allow_empty) {
  const int version = user_version(db);
  const int app = application_id(db);
  if (version == 0 && app == 0 && !has_tables(db)) {
    if (allow_empty) return core::Status::success();
    return core::make_error("not_a_database", "file",
                            name + " is empty, not an event database; create the event first.");
  }
  if (app != kEventApplicationId)
    return core::make_error("not_a_database", "file",
                            name +
                                " is a SQLite database of another program, not a crossmatch "
                                "event database.");
  if (version > kEventSchemaVersion)
    return core::make_error("newer_schema", "file",
                            name + " was written by a newer version of crossmatch (schema " +
                                std::to_string(version) + "; this version reads up to " +
                                std::to_string(kEventSchemaVersion) +
                                "). Use the newer version; the file is left as it was.");
  if (version < 1)
    return core::make_error("not_a_database", "file",
                            name + " has no schema version; it is not an event database.");
  return core::Status::success();
}

core::Status migrate_event_database(SQLite::Database& db, const core::Taxonomy& taxonomy,
                                    const std::string& name) {
  const int from = user_version(db);
  if (from == kEventSchemaVersion) return core::Status::success();
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  // Another writer may have migrated it between our check and the lock.
  const int version = user_version(db);
  if (version == kEventSchemaVersion) return core::Status::success();
  if (version < 1) db.exec(kVersion1);
  if (version < 2) db.exec(kVersion2);
  if (version < 3) db.exec(kVersion3);
  if (version < 4) {
    db.exec(kVersion4);
    add_log_checksums(db);
  }
  if (version < 5) db.exec(kVersion5);
  if (version < 6) db.exec(kVersion6);
  if (version < 7) db.exec(kVersion7);
  if (version < 8) db.exec(kVersion8);
  // A version-1 log fills the derived tables last, once its rows have every column (an erasure
  // in it rewrites rows with their checksums); a log before version 6 fills them again, for each
  // person's answer on whether their meetings took place.
  if (version < 6) {
    // Tables that a version 2 to 5 filled are emptied first: the replay writes every row anew.
    if (version > 1) {
      for (const char* table :
           {"follow_up_answers", "follow_ups", "clinic_themes", "clinic_tables", "pitches",
            "pitch_sessions", "announcements", "team_members", "teams", "team_rounds", "feedback",
            "meetings", "participants", "tables", "sessions", "event"})
        db.exec(std::string("DELETE FROM ") + table);
    }
    if (auto s = replay_into_derived_tables(db, taxonomy, name); !s) return s;
  }
  db.exec("PRAGMA application_id = " + std::to_string(kEventApplicationId));
  db.exec("PRAGMA user_version = " + std::to_string(kEventSchemaVersion));
  transaction.commit();
  return core::Status::success();
}

}  // namespace crossmatch::storage::detail
