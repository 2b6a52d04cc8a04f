// The checksum of every logged operation: a byte changed in the file after it was stored is found
// on load, on a catch-up read and by verify, naming the operation, instead of being served.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include "storage/event_verification.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

// A stored event of 12 people and 120 random operations, closed (its log checkpointed into the
// file). Returns how many operations it holds.
std::uint64_t make_event(const std::filesystem::path& file, test::EventScript& script) {
  auto store = test::open_store(file);
  auto ops = script.set_up(12);
  auto more = script.random_in_order(120);
  ops.insert(ops.end(), more.begin(), more.end());
  test::append_all(*store, ops, 7);
  return ops.size();
}

// Replaces every `from` in the file's bytes with `to` (same length), as a bad disk or a careless
// edit would; returns how many were changed.
int change_bytes(const std::filesystem::path& file, const std::string& from,
                 const std::string& to) {
  REQUIRE(from.size() == to.size());
  std::string bytes = test::read_bytes(file);
  int changed = 0;
  for (std::size_t at = bytes.find(from); at != std::string::npos; at = bytes.find(from, at)) {
    bytes.replace(at, from.size(), to);
    ++changed;
  }
  test::write_bytes(file, bytes);
  return changed;
}

bool mentions(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a sound event verifies, and its log carries a checksum for every operation") {
  test::TempDir dir;
  test::EventScript script(41);
  const std::uint64_t n = make_event(dir / "e.db", script);
  auto report = storage::verify_event_database(dir / "e.db", test::taxonomy());
  REQUIRE(report.ok());
  CHECK(report->sound());
  CHECK(report->operations == n);
  CHECK(report->last_sequence == n);
  SQLite::Database db(dir / "e.db", SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT count(*) FROM operations WHERE checksum IS NULL").getInt() == 0);
}

TEST_CASE("three changed bytes in a stored operation: load, catch-up and verify name it") {
  test::TempDir dir;
  test::EventScript script(42);
  make_event(dir / "e.db", script);
  // The session's name is in operation 4 and in the sessions table; SQLite's own check sees
  // nothing wrong with either.
  REQUIRE(change_bytes(dir / "e.db", "Morning meetings", "Morning meetZZZs") >= 2);
  {
    SQLite::Database db(dir / "e.db", SQLite::OPEN_READONLY);
    REQUIRE(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
  }

  SUBCASE("the writer refuses to load it") {
    auto store = test::open_store(dir / "e.db", false);
    auto loaded = store->load();
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().code == "corrupt");
    CHECK(mentions(loaded.error().message, "operation 4 of the log"));
  }
  SUBCASE("a reader serving a catch-up refuses to send it") {
    auto reader = storage::EventStore::open_reader(dir / "e.db", test::taxonomy());
    REQUIRE(reader.ok());
    auto from_start = (*reader)->read_after(0, 100);
    REQUIRE_FALSE(from_start.ok());
    CHECK(from_start.error().code == "corrupt");
    CHECK(mentions(from_start.error().message, "operation 4"));
    // What follows it is served.
    auto after = (*reader)->read_after(4, 10);
    REQUIRE(after.ok());
    CHECK(after->size() == 10);
  }
  SUBCASE("verify reports it") {
    auto report = storage::verify_event_database(dir / "e.db", test::taxonomy());
    REQUIRE(report.ok());
    REQUIRE_FALSE(report->sound());
    CHECK(mentions(report->problems.front(), "operation 4 does not match its checksum"));
  }
}

TEST_CASE("verify finds derived tables that no longer agree with the log, and gaps in the log") {
  test::TempDir dir;
  test::EventScript script(43);
  const std::uint64_t n = make_event(dir / "e.db", script);
  SUBCASE("a participant's city changed in the participants table") {
    {
      SQLite::Database db(dir / "e.db", SQLite::OPEN_READWRITE);
      db.exec("UPDATE participants SET city = 'Zisbon' WHERE id = 3");
    }
    auto report = storage::verify_event_database(dir / "e.db", test::taxonomy());
    REQUIRE(report.ok());
    REQUIRE(report->problems.size() == 1);
    CHECK(mentions(report->problems[0], "differ from a replay of the log in: participants"));
  }
  SUBCASE("an operation removed from the middle of the log") {
    {
      SQLite::Database db(dir / "e.db", SQLite::OPEN_READWRITE);
      db.exec("DELETE FROM operations WHERE seq = 20");
    }
    auto report = storage::verify_event_database(dir / "e.db", test::taxonomy());
    REQUIRE(report.ok());
    REQUIRE_FALSE(report->sound());
    CHECK(report->problems[0] == "the log jumps from operation 19 to 21");
    CHECK(report->operations == n - 1);
  }
  SUBCASE("a checksum removed") {
    {
      SQLite::Database db(dir / "e.db", SQLite::OPEN_READWRITE);
      db.exec("UPDATE operations SET checksum = NULL WHERE seq = 9");
    }
    auto report = storage::verify_event_database(dir / "e.db", test::taxonomy());
    REQUIRE(report.ok());
    CHECK(report->problems[0] == "operation 9 has no checksum");
  }
}

TEST_CASE("verify refuses what is not an event database, naming the file") {
  test::TempDir dir;
  auto missing = storage::verify_event_database(dir / "none.db", test::taxonomy());
  REQUIRE_FALSE(missing.ok());
  CHECK(mentions(missing.error().message, "none.db"));
  test::write_bytes(dir / "text.db", "just some text, not a database at all\n");
  auto text = storage::verify_event_database(dir / "text.db", test::taxonomy());
  REQUIRE_FALSE(text.ok());
  CHECK(text.error().code == "not_a_database");
}

TEST_CASE("an erasure rewrites the log with new checksums: the event still verifies") {
  test::TempDir dir;
  test::EventScript script(44);
  make_event(dir / "e.db", script);
  {
    auto store = test::open_store(dir / "e.db", false);
    REQUIRE(store->load().ok());
    const auto someone =
        std::find_if(script.state().participants.begin(), script.state().participants.end(),
                     [](const auto& p) { return p.second.active(); })
            ->first;
    test::append_all(*store, {script.must(test::organiser(), core::Erase{.participant = someone})},
                     1);
    test::check_same_state(test::replay_log(*store), script.state());
  }
  auto report = storage::verify_event_database(dir / "e.db", test::taxonomy());
  REQUIRE(report.ok());
  CHECK(report->sound());
}
