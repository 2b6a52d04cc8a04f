// Migrations: a version-1 database (the log, credentials and settings only), made here as that
// version made it, is migrated to the current schema inside one transaction.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/event/booking.hpp"
#include "core/event/json_codec.hpp"
#include "core/event/statistics.hpp"
#include "storage/event_schema.hpp"
#include "storage/event_verification.hpp"
#include "storage/sqlite_support.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

// A migrated store goes on like any: 40 more operations and the erasure of an active
// participant, after which the store and its replayed log agree with the script. Returns who
// was erased.
core::ParticipantId go_on_with_an_erasure(test::EventScript& script, storage::EventStore& store) {
  auto next = script.random_in_order(40);
  const auto someone =
      std::find_if(script.state().participants.begin(), script.state().participants.end(),
                   [](const auto& p) { return p.second.active(); })
          ->first;
  next.push_back(script.must(test::organiser(), core::Erase{.participant = someone}));
  test::append_all(store, next, 6);
  CHECK(store.load()->state == script.state());
  CHECK(test::replay_log(store) == script.state());
  return someone;
}

// Version 1 as it was written: the operation log, credentials and settings, in a rollback
// journal.
void make_version_1(const std::filesystem::path& file, const std::vector<core::Operation>& ops) {
  SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(R"sql(
    CREATE TABLE operations (seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
      actor_role TEXT NOT NULL, actor_participant INTEGER NOT NULL, at INTEGER NOT NULL,
      operation TEXT NOT NULL);
    CREATE TABLE credentials (token_hash TEXT PRIMARY KEY, role TEXT NOT NULL,
      participant INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    PRAGMA application_id = 1129860421;
    PRAGMA user_version = 1;
  )sql");
  db.exec("BEGIN");
  SQLite::Statement insert(db, "INSERT INTO operations VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& op : ops) {
    insert.bind(1, static_cast<std::int64_t>(op.sequence));
    insert.bind(2, op.id);
    insert.bind(3, core::operation_type(op.payload));
    insert.bind(4, core::to_string(op.actor.role));
    insert.bind(5, static_cast<std::int64_t>(op.actor.participant));
    insert.bind(6, static_cast<std::int64_t>(op.at));
    insert.bind(7, core::operation_to_json(op));
    insert.exec();
    insert.reset();
  }
  db.exec("INSERT INTO credentials VALUES ('hash-1', 'organiser', 0)");
  db.exec("INSERT INTO settings VALUES ('fingerprint', 'aa:bb')");
  db.exec("COMMIT");
}

// Drops what version 7 added, for a database made as an older version.
constexpr const char* kVersion7Columns =
    " ALTER TABLE meetings DROP COLUMN pinned_session; ALTER TABLE meetings DROP COLUMN "
    "pinned_index; ALTER TABLE meetings DROP COLUMN earlier_meetings; ";
constexpr const char* kVersion8Columns =
    " ALTER TABLE participants DROP COLUMN standby; ALTER TABLE meetings DROP COLUMN offered; ";

int version_of(const std::filesystem::path& file) {
  SQLite::Database db(file, SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA user_version").getInt();
}

}  // namespace

TEST_CASE("a version-1 database is migrated: the derived tables are filled from its log") {
  static_assert(storage::detail::kEventApplicationId == 1129860421);
  test::TempDir dir;
  test::EventScript script(31);
  auto ops = script.set_up(12);
  auto more = script.random_in_order(150);
  ops.insert(ops.end(), more.begin(), more.end());
  make_version_1(dir / "old.db", ops);
  REQUIRE(version_of(dir / "old.db") == 1);

  SUBCASE("a reader can back it up but does not migrate it") {
    auto reader = storage::EventStore::open_reader(dir / "old.db", test::taxonomy());
    REQUIRE(reader.ok());
    auto loaded = (*reader)->load();
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().code == "old_schema");
    REQUIRE((*reader)->backup(dir / "old-copy.db").ok());
    CHECK(version_of(dir / "old-copy.db") == 1);
    CHECK(version_of(dir / "old.db") == 1);
  }
  SUBCASE("the writer migrates it") {
    auto store = test::open_store(dir / "old.db", false);
    CHECK(version_of(dir / "old.db") == storage::detail::kEventSchemaVersion);
    auto loaded = store->load();
    REQUIRE(loaded.ok());
    CHECK(loaded->state == script.state());
    CHECK(loaded->last_sequence == ops.size());
    CHECK(**store->find_credential("hash-1") ==
          storage::Credential{"hash-1", core::Role::Organiser, 0});
    CHECK(**store->get_setting("fingerprint") == "aa:bb");
    // It goes on like any store: appends, erasure through the new lookup columns.
    go_on_with_an_erasure(script, *store);
    // Reopening finds it current.
    store.reset();
    auto again = test::open_store(dir / "old.db", false);
    CHECK(again->load()->state == script.state());
    again.reset();
    // Every row it had got its checksum.
    auto report = storage::verify_event_database(dir / "old.db", test::taxonomy());
    REQUIRE(report.ok());
    CHECK(report->sound());
    CHECK(report->operations == ops.size() + 41);
  }
}

TEST_CASE("a migration that fails leaves the version-1 file exactly as it was") {
  test::TempDir dir;
  test::EventScript script(32);
  auto ops = script.set_up(4);
  // A log whose last operation refers to a meeting that never existed.
  core::Operation broken = ops.back();
  broken.sequence = ops.size() + 1;
  broken.id = "broken";
  broken.payload = core::AcceptMeeting{.meeting = 77};
  ops.push_back(broken);
  make_version_1(dir / "old.db", ops);
  const auto before = test::read_bytes(dir / "old.db");

  auto store = storage::EventStore::open(dir / "old.db", test::taxonomy(), false);
  REQUIRE_FALSE(store.ok());
  CHECK(store.error().code == "migration_failed");
  CHECK(store.error().message.find("operation " + std::to_string(ops.size())) != std::string::npos);
  CHECK(test::read_bytes(dir / "old.db") == before);
  CHECK(version_of(dir / "old.db") == 1);
}

namespace {

// The index names of the log, as sqlite_schema lists them.
std::vector<std::string> log_indexes(const std::filesystem::path& file) {
  SQLite::Database db(file, SQLite::OPEN_READONLY);
  SQLite::Statement s(db,
                      "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = "
                      "'operations' ORDER BY name");
  std::vector<std::string> out;
  while (s.executeStep()) out.push_back(s.getColumn(0).getString());
  return out;
}

}  // namespace

TEST_CASE(
    "a version-2 database is migrated: the log loses its indexes, and a resend is still refused") {
  test::TempDir dir;
  test::EventScript script(33);
  auto ops = script.set_up(12);
  auto more = script.random_in_order(150);
  ops.insert(ops.end(), more.begin(), more.end());
  {
    auto store = test::open_store(dir / "old.db", true);
    test::append_all(*store, ops, 7);
  }
  {
    // Version 2 was version 3 with a unique op_id and two indexes on the lookup columns, all
    // written on every append; its log's columns in the order version 2 had them; no follow-up
    // rounds.
    SQLite::Database db(dir / "old.db", SQLite::OPEN_READWRITE);
    db.exec(R"sql(
      BEGIN;
      CREATE TABLE v2 (seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
        actor_role TEXT NOT NULL, actor_participant INTEGER NOT NULL, at INTEGER NOT NULL,
        operation TEXT NOT NULL, participant INTEGER, meeting INTEGER);
      INSERT INTO v2 SELECT seq, op_id, type, actor_role, actor_participant, at, operation, participant, meeting
        FROM operations;
      DROP TABLE operations;
      ALTER TABLE v2 RENAME TO operations;
      CREATE INDEX operations_participant ON operations (participant) WHERE participant IS NOT NULL;
      CREATE INDEX operations_meeting ON operations (meeting) WHERE meeting IS NOT NULL;
      DROP TABLE follow_up_answers;  -- version 5's tables
      DROP TABLE follow_ups;
      ALTER TABLE participants DROP COLUMN check_in_code;  -- version 6's columns
      ALTER TABLE participants DROP COLUMN arrived_at;
      ALTER TABLE feedback DROP COLUMN held;
      ALTER TABLE meetings DROP COLUMN pinned_session;  -- version 7's columns
      ALTER TABLE meetings DROP COLUMN pinned_index;
      ALTER TABLE meetings DROP COLUMN earlier_meetings;
      ALTER TABLE participants DROP COLUMN standby;  -- version 8's columns
      ALTER TABLE meetings DROP COLUMN offered;
      PRAGMA user_version = 2;
      COMMIT;
    )sql");
  }
  REQUIRE(version_of(dir / "old.db") == 2);
  REQUIRE(log_indexes(dir / "old.db") == std::vector<std::string>{"operations_meeting",
                                                                  "operations_participant",
                                                                  "sqlite_autoindex_operations_1"});

  auto store = test::open_store(dir / "old.db", false);
  CHECK(version_of(dir / "old.db") == storage::detail::kEventSchemaVersion);
  CHECK(log_indexes(dir / "old.db").empty());
  {
    SQLite::Database db(dir / "old.db", SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(db.execAndGet("SELECT count(*) FROM operations").getInt64() ==
          static_cast<std::int64_t>(ops.size()));
  }
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  CHECK(loaded->state == script.state());
  CHECK(loaded->last_sequence == ops.size());
  {
    // Every row kept, in order (erasures in the script may have rewritten some texts).
    const auto log = store->read_after(0, SIZE_MAX);
    REQUIRE(log.ok());
    REQUIRE(log->size() == ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) {
      CHECK((*log)[i].id == ops[i].id);
      CHECK((*log)[i].sequence == ops[i].sequence);
      CHECK((*log)[i].payload.index() == ops[i].payload.index());
    }
  }
  // The store itself refuses an id already in the log.
  auto resend = script.random_in_order(1);
  resend[0].id = ops[17].id;
  auto refused = store->append(resend);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "duplicate_operation");
  resend[0].id = "fresh-id";
  // It goes on: appends, and an erasure that finds the person's operations without the indexes.
  REQUIRE(store->append(resend).ok());
  const core::ParticipantId someone = go_on_with_an_erasure(script, *store);
  const core::Profile& anonymised = script.state().participants.at(someone).profile;
  int rewritten = 0;
  const auto log = store->read_after(0, SIZE_MAX);
  REQUIRE(log.ok());
  for (const core::Operation& op : *log) {
    if (const auto* r = std::get_if<core::Register>(&op.payload);
        r != nullptr && r->participant == someone) {
      CHECK(r->profile == anonymised);
      ++rewritten;
    }
    if (const auto* e = std::get_if<core::EditProfile>(&op.payload);
        e != nullptr && e->participant == someone)
      CHECK(e->profile == anonymised);
  }
  CHECK(rewritten == 1);
}

TEST_CASE("a version-4 database gets the follow-up tables and goes on") {
  test::TempDir dir;
  test::EventScript script(34);
  auto ops = script.set_up(6);
  {
    auto store = test::open_store(dir / "old.db", true);
    test::append_all(*store, ops, 5);
  }
  {
    SQLite::Database db(dir / "old.db", SQLite::OPEN_READWRITE);
    db.exec(
        "BEGIN; DROP TABLE follow_up_answers; DROP TABLE follow_ups; ALTER TABLE participants DROP "
        "COLUMN check_in_code; ALTER TABLE participants DROP COLUMN arrived_at; ALTER TABLE "
        "feedback DROP COLUMN held;" +
        std::string(kVersion7Columns) + kVersion8Columns + "PRAGMA user_version = 4; COMMIT;");
  }
  REQUIRE(version_of(dir / "old.db") == 4);
  auto store = test::open_store(dir / "old.db", false);
  CHECK(version_of(dir / "old.db") == storage::detail::kEventSchemaVersion);
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  CHECK(loaded->state == script.state());
  CHECK(loaded->state.follow_ups.empty());
  const core::Operation opened =
      script.must(test::organiser(), core::DefineFollowUp{.name = "3 months"});
  REQUIRE(store->append({opened}).ok());
  store.reset();
  auto again = test::open_store(dir / "old.db", false);
  CHECK(again->load()->state == script.state());
}

TEST_CASE("a version-5 database gets the check-in columns, and check-ins are stored from then on") {
  test::TempDir dir;
  test::EventScript script(35);
  auto ops = script.set_up(6);
  {
    auto store = test::open_store(dir / "old.db", true);
    test::append_all(*store, ops, 5);
  }
  {
    SQLite::Database db(dir / "old.db", SQLite::OPEN_READWRITE);
    db.exec(
        "BEGIN; ALTER TABLE participants DROP COLUMN check_in_code; ALTER TABLE participants DROP "
        "COLUMN arrived_at; ALTER TABLE feedback DROP COLUMN held;" +
        std::string(kVersion7Columns) + kVersion8Columns + "PRAGMA user_version = 5; COMMIT;");
  }
  REQUIRE(version_of(dir / "old.db") == 5);
  auto store = test::open_store(dir / "old.db", false);
  CHECK(version_of(dir / "old.db") == storage::detail::kEventSchemaVersion);
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  CHECK(loaded->state == script.state());
  // Someone registered now gets a code; their check-in is stored and loaded back.
  core::Profile walk_in = script.state().participants.begin()->second.profile;
  walk_in.email = "walk.in@example.org";
  const core::Operation registered = script.must(
      test::organiser(), core::Register{.profile = walk_in, .check_in_code = "7K3M9QXD"});
  const core::ParticipantId id = std::get<core::Register>(registered.payload).participant;
  const core::Operation arrived = script.must(test::helper(), core::CheckIn{.code = "7k3m-9qxd"});
  REQUIRE(store->append({registered, arrived}).ok());
  store.reset();
  auto again = test::open_store(dir / "old.db", false);
  const auto reloaded = again->load();
  REQUIRE(reloaded.ok());
  CHECK(reloaded->state == script.state());
  CHECK(reloaded->state.participants.at(id).check_in_code == "7K3M9QXD");
  CHECK(reloaded->state.participants.at(id).arrived_at == arrived.at);
  CHECK(core::statistics(reloaded->state).arrived == 1);
}

TEST_CASE("a version-6 database gets the pin and order columns; pins and orders are stored") {
  test::TempDir dir;
  test::EventScript script(36);
  auto ops = script.set_up(6);
  {
    auto store = test::open_store(dir / "old.db", true);
    test::append_all(*store, ops, 5);
  }
  {
    SQLite::Database db(dir / "old.db", SQLite::OPEN_READWRITE);
    db.exec("BEGIN;" + std::string(kVersion7Columns) + kVersion8Columns +
            "PRAGMA user_version = 6; COMMIT;");
  }
  REQUIRE(version_of(dir / "old.db") == 6);
  auto store = test::open_store(dir / "old.db", false);
  CHECK(version_of(dir / "old.db") == storage::detail::kEventSchemaVersion);
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  CHECK(loaded->state == script.state());
  // Two accepted meetings: one pinned, the other after it; stored and loaded back.
  std::vector<core::Operation> next;
  std::vector<core::MeetingId> accepted;
  for (const core::ParticipantId to : {2u, 3u}) {
    next.push_back(script.must(test::participant(1), core::RequestMeeting{.from = 1, .to = to}));
    accepted.push_back(std::get<core::RequestMeeting>(next.back().payload).meeting);
    next.push_back(
        script.must(test::participant(to), core::AcceptMeeting{.meeting = accepted.back()}));
  }
  core::SessionId session = 0;
  for (const auto& [id, s] : script.state().sessions) {
    if (s.kind == core::SessionKind::Meetings && session == 0) session = id;
  }
  next.push_back(script.must(test::organiser(),
                             core::PinMeeting{.meeting = accepted[0], .slot = {session, 5}}));
  next.push_back(script.must(test::organiser(),
                             core::AddPrecedence{.before = accepted[0], .after = accepted[1]}));
  REQUIRE(store->append(next).ok());
  store.reset();
  auto again = test::open_store(dir / "old.db", false);
  const auto reloaded = again->load();
  REQUIRE(reloaded.ok());
  CHECK(reloaded->state == script.state());
  CHECK(reloaded->state.meetings.at(accepted[0]).pinned.has_value());
  CHECK(reloaded->state.meetings.at(accepted[1]).after ==
        std::vector<core::MeetingId>{accepted[0]});
  CHECK(test::replay_log(*again) == script.state());
  // Unpinned and unordered: stored as such.
  REQUIRE(
      again
          ->append({script.must(test::organiser(), core::UnpinMeeting{.meeting = accepted[0]}),
                    script.must(test::organiser(), core::RemovePrecedence{.before = accepted[0],
                                                                          .after = accepted[1]})})
          .ok());
  again.reset();
  auto third = test::open_store(dir / "old.db", false);
  CHECK(third->load()->state == script.state());
  CHECK_FALSE(third->load()->state.meetings.at(accepted[0]).pinned);
}

TEST_CASE(
    "a version-7 database gets the standby and offer columns, and both are stored from then "
    "on") {
  test::TempDir dir;
  test::EventScript script(36);
  auto ops = script.set_up(6);
  {
    auto store = test::open_store(dir / "old.db", true);
    test::append_all(*store, ops, 5);
  }
  {
    SQLite::Database db(dir / "old.db", SQLite::OPEN_READWRITE);
    db.exec("BEGIN;" + std::string(kVersion8Columns) + "PRAGMA user_version = 7; COMMIT;");
  }
  REQUIRE(version_of(dir / "old.db") == 7);
  auto store = test::open_store(dir / "old.db", false);
  CHECK(version_of(dir / "old.db") == storage::detail::kEventSchemaVersion);
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  CHECK(loaded->state == script.state());
  // Two people join the standby list and are offered a slot; stored and loaded back.
  std::vector<core::ParticipantId> people;
  for (const auto& [id, p] : script.state().participants) {
    if (p.active() && people.size() < 2) people.push_back(id);
  }
  REQUIRE(people.size() == 2);
  std::vector<core::Operation> day;
  for (const core::ParticipantId id : people)
    day.push_back(
        script.must(test::participant(id), core::SetStandby{.participant = id, .on = true}));
  core::SlotRef free_slot{0, 0};
  for (const auto& [sid, s] : script.state().sessions) {
    if (s.kind != core::SessionKind::Meetings) continue;
    for (int i = 0; i < s.slot_count() && free_slot.session == 0; ++i) {
      const core::SlotRef slot{sid, i};
      if (core::person_conflict(script.state(), people[0], slot).empty() &&
          core::person_conflict(script.state(), people[1], slot).empty() &&
          core::free_table(script.state(), slot, 2) != 0)
        free_slot = slot;
    }
  }
  REQUIRE(free_slot.session != 0);
  day.push_back(
      script.must(test::organiser(),
                  core::OfferSlot{.first = people[0], .second = people[1], .slot = free_slot}));
  const core::MeetingId offer = std::get<core::OfferSlot>(day.back().payload).meeting;
  REQUIRE(store->append(day).ok());
  store.reset();
  auto again = test::open_store(dir / "old.db", false);
  const auto reloaded = again->load();
  REQUIRE(reloaded.ok());
  CHECK(reloaded->state == script.state());
  CHECK(reloaded->state.participants.at(people[0]).standby);
  CHECK(reloaded->state.meeting(offer)->offered);
}
