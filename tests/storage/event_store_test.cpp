// The event store's log and derived tables: what is appended loads back equal, catch-up reads,
// refused groups leave nothing behind, credentials, settings, one writer and many readers.
#include <doctest/doctest.h>

#include <set>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/event/json_codec.hpp"
#include "storage/sqlite_event_store.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

void require_equal_events(const core::EventState& a, const core::EventState& b) {
  test::check_same_state(a, b);
  REQUIRE(a == b);
}

}  // namespace

TEST_CASE("appended operations load back as the sequencer's state, and the log replays to it") {
  test::TempDir dir;
  test::EventScript script(3);
  auto ops = script.set_up(30);
  auto more = script.random_in_order(400);
  ops.insert(ops.end(), more.begin(), more.end());
  // The script reaches every kind of row the store derives.
  std::set<std::string> kinds;
  for (const auto& op : ops) kinds.insert(core::operation_type(op.payload));
  CHECK(kinds.size() >= 27);
  const auto stats = core::statistics(script.state());
  CHECK(stats.accepted > 5);
  CHECK(stats.erased > 0);
  CHECK(stats.withdrawn > 0);
  CHECK(stats.held > 0);
  CHECK(script.state().rounds.size() > 0);
  CHECK(script.state().pitching.count(4) == 1);
  CHECK(script.state().clinic_tables.size() > 0);
  CHECK(script.state().clinic_themes.size() > 0);
  {
    auto store = test::open_store(dir / "event.db");
    CHECK(store->last_sequence() == 0);
    test::append_all(*store, ops, 9);
    CHECK(store->last_sequence() == ops.size());
    auto loaded = store->load();
    REQUIRE(loaded.ok());
    require_equal_events(loaded->state, script.state());
    CHECK(core::statistics(loaded->state) == core::statistics(script.state()));
  }
  auto store = test::open_store(dir / "event.db", false);
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  require_equal_events(loaded->state, script.state());
  CHECK(loaded->last_sequence == ops.size());
  REQUIRE(loaded->operation_ids.size() == ops.size());
  for (const auto& op : ops) {
    CHECK(loaded->operation_ids.at(op.id).sequence == op.sequence);
    CHECK(loaded->operation_ids.at(op.id).actor == op.actor);
  }
  require_equal_events(test::replay_log(*store), script.state());

  // Catch-up reads: in order, after the given sequence, at most `limit`.
  auto page = store->read_after(5, 10);
  REQUIRE(page.ok());
  REQUIRE(page->size() == 10);
  for (std::size_t i = 0; i < 10; ++i) CHECK((*page)[i] == ops[5 + i]);
  CHECK(store->read_after(ops.size(), 10)->empty());
  CHECK(store->read_after(0, 0)->empty());

  // The sequencer restored from the store goes on where it stopped.
  core::Sequencer restored(test::taxonomy());
  restored.restore(loaded->state, loaded->last_sequence, loaded->operation_ids);
  auto again = restored.submit(ops[40], ops[40].actor, 0);
  REQUIRE(again.ok());
  CHECK(again->duplicate);
  CHECK(again->applied.sequence == ops[40].sequence);
  // The same id from anyone else is refused, with no sequence number.
  const core::Actor other = ops[40].actor == test::organiser() ? test::broker() : test::organiser();
  auto stolen = restored.submit(ops[40], other, 0);
  REQUIRE_FALSE(stolen.ok());
  CHECK(stolen.error().code == "id_in_use");
  CHECK(stolen.error().message.find(std::to_string(ops[40].sequence)) == std::string::npos);
  CHECK(restored.last_sequence() == loaded->last_sequence);
}

TEST_CASE("a refused group stores nothing, and the store goes on after it") {
  test::TempDir dir;
  test::EventScript script(5);
  const auto setup = script.set_up(8);
  auto store = test::open_store(dir / "event.db");
  test::append_all(*store, setup);
  const auto before = test::read_bytes(dir / "event.db");
  const auto ops = script.random_in_order(20, false);

  SUBCASE("a gap in the sequence") {
    std::vector<core::Operation> group(ops.begin() + 1, ops.begin() + 3);
    auto s = store->append(group);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "sequence_gap");
  }
  SUBCASE("an operation that does not apply to the stored event") {
    std::vector<core::Operation> group(ops.begin(), ops.begin() + 3);
    core::Operation bad = group[2];
    bad.payload = core::AcceptMeeting{.meeting = 9999};
    // The organiser may answer any meeting, so the refusal is about the meeting (anyone else who
    // may not send an answer at all is refused for that first).
    bad.actor = {core::Role::Organiser, 0};
    group[2] = bad;
    auto s = store->append(group);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "inconsistent");
    CHECK(s.error().message.find("9999") != std::string::npos);
  }
  SUBCASE("an operation id already in the log") {
    std::vector<core::Operation> group(ops.begin(), ops.begin() + 3);
    group[1].id = setup[4].id;
    auto s = store->append(group);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "duplicate_operation");
    CHECK(s.error().message.find(setup[4].id) != std::string::npos);
  }
  SUBCASE("an operation id already in the log, after reopening") {
    store.reset();
    store = test::open_store(dir / "event.db", false);
    std::vector<core::Operation> group(ops.begin(), ops.begin() + 3);
    group[2].id = setup[0].id;
    auto s = store->append(group);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "duplicate_operation");
  }
  SUBCASE("the same id twice in one group") {
    std::vector<core::Operation> group(ops.begin(), ops.begin() + 3);
    group[2].id = group[0].id;
    auto s = store->append(group);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "duplicate_operation");
  }
  SUBCASE("an id another connection wrote into the log meanwhile") {
    // The store has appended before, so it holds the ids; a sqlite3 shell then changes one.
    {
      SQLite::Database other(dir / "event.db", SQLite::OPEN_READWRITE);
      other.exec("INSERT INTO settings (key, value) VALUES ('touched-by', 'a shell')");
      SQLite::Statement fake(other, "UPDATE operations SET op_id = ? WHERE seq = 1");
      fake.bind(1, ops[1].id);
      fake.exec();
    }
    std::vector<core::Operation> group(ops.begin(), ops.begin() + 3);
    auto s = store->append(group);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "duplicate_operation");
    CHECK(s.error().message.find(ops[1].id) != std::string::npos);
    // Put back as it was, for the checks below.
    SQLite::Database other(dir / "event.db", SQLite::OPEN_READWRITE);
    SQLite::Statement back(other, "UPDATE operations SET op_id = ? WHERE seq = 1");
    back.bind(1, setup[0].id);
    back.exec();
    other.exec("DELETE FROM settings WHERE key = 'touched-by'");
  }
  CHECK(store->last_sequence() == setup.size());
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  CHECK(loaded->last_sequence == setup.size());
  CHECK(loaded->operation_ids.size() == setup.size());
  // The same group, now whole and in order, is stored.
  test::append_all(*store, ops, 5);
  auto after = store->load();
  REQUIRE(after.ok());
  CHECK(after->state == script.state());
  CHECK(before.size() > 0);
}

TEST_CASE("credentials and settings") {
  test::TempDir dir;
  auto store = test::open_store(dir / "event.db");
  CHECK(store->find_credential("abc")->has_value() == false);
  REQUIRE(store->put_credential({"abc", core::Role::Broker, 0}).ok());
  REQUIRE(store->put_credential({"def", core::Role::Participant, 7}).ok());
  CHECK(**store->find_credential("abc") == storage::Credential{"abc", core::Role::Broker, 0});
  CHECK(**store->find_credential("def") == storage::Credential{"def", core::Role::Participant, 7});
  CHECK_FALSE(store->get_setting("fingerprint")->has_value());
  REQUIRE(store->put_setting("fingerprint", "ab:cd").ok());
  REQUIRE(store->put_setting("fingerprint", "ef:01").ok());
  CHECK(**store->get_setting("fingerprint") == "ef:01");
}

TEST_CASE("one writer at a time; readers read beside it") {
  test::TempDir dir;
  test::EventScript script(8);
  auto writer = test::open_store(dir / "event.db");
  test::append_all(*writer, script.set_up(5));

  auto second = storage::EventStore::open(dir / "event.db", test::taxonomy(), false);
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().code == "locked");
  CHECK(second.error().message.find("hub") != std::string::npos);

  auto reader = storage::EventStore::open_reader(dir / "event.db", test::taxonomy());
  REQUIRE(reader.ok());
  auto seen = (*reader)->load();
  REQUIRE(seen.ok());
  CHECK(seen->state == script.state());
  test::append_all(*writer, script.random_in_order(30, false));
  seen = (*reader)->load();
  REQUIRE(seen.ok());
  CHECK(seen->state == script.state());
  CHECK((*reader)->last_sequence() == writer->last_sequence());
  auto refused = (*reader)->append(script.random_in_order(1, false));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "read_only");
  CHECK((*reader)->put_setting("a", "b").error().code == "read_only");

  // The lock goes with the writer.
  writer.reset();
  auto next = storage::EventStore::open(dir / "event.db", test::taxonomy(), false);
  CHECK(next.ok());
}

TEST_CASE("an in-memory store") {
  test::EventScript script(9);
  auto store = test::open_store(":memory:");
  auto ops = script.set_up(6);
  auto more = script.random_in_order(50);
  ops.insert(ops.end(), more.begin(), more.end());
  test::append_all(*store, ops, 4);
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  CHECK(loaded->state == script.state());
}

TEST_CASE("credentials appended with operations are stored in their transaction, or not at all") {
  test::TempDir dir;
  test::EventScript script(6);
  const auto setup = script.set_up(6);
  auto store = test::open_store(dir / "event.db");
  test::append_all(*store, setup);
  const auto ops = script.random_in_order(6, false);
  const storage::Credential token{"hash-of-a-new-token", core::Role::Participant, 3};

  // A group that does not apply takes its credential down with it.
  std::vector<core::Operation> bad_group(ops.begin(), ops.begin() + 2);
  bad_group[1].payload = core::AcceptMeeting{.meeting = 9999};
  REQUIRE_FALSE(store->append(bad_group, {token}).ok());
  CHECK_FALSE(store->find_credential(token.token_hash)->has_value());

  std::vector<core::Operation> group(ops.begin(), ops.begin() + 2);
  REQUIRE(store->append(group, {token}).ok());
  CHECK(**store->find_credential(token.token_hash) == token);
  CHECK(store->last_sequence() == setup.size() + 2);
}

TEST_CASE(
    "the state keeps the latest announcements; the store keeps every one and loads the same") {
  test::TempDir dir;
  test::EventScript script(3);
  auto ops = script.set_up(5);
  const std::size_t sent = core::kKeptAnnouncements + 37;
  for (std::size_t i = 0; i < sent; ++i)
    ops.push_back(
        script.must(test::organiser(), core::Announce{.text = "Notice " + std::to_string(i)}));
  const auto& kept = script.state().announcements;
  REQUIRE(kept.size() == core::kKeptAnnouncements);
  CHECK(kept.front().text == "Notice 37");
  CHECK(kept.back().text == "Notice " + std::to_string(sent - 1));
  auto store = test::open_store(dir / "event.db");
  test::append_all(*store, ops, 9);
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  require_equal_events(loaded->state, script.state());
  require_equal_events(test::replay_log(*store), script.state());
  SQLite::Database db((dir / "event.db").string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT count(*) FROM announcements").getInt64() ==
        static_cast<std::int64_t>(sent));
}
