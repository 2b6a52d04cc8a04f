// Online backup: consistent copies taken while a writer keeps appending, each a whole database
// that opens, passes its integrity check, and holds a prefix of the log.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <atomic>
#include <thread>

#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

TEST_CASE("backups taken while the writer appends on another thread are consistent copies") {
  test::TempDir dir;
  test::EventScript script(51);
  auto store = test::open_store(dir / "event.db");
  test::append_all(*store, script.set_up(15), 20);
  std::vector<std::vector<core::Operation>> groups;
  // Without erasures, which rewrite earlier entries: each copy's log is then a prefix of the last.
  for (int g = 0; g < 120; ++g) groups.push_back(script.random_in_order(5, false));

  std::atomic<bool> failed{false};
  std::atomic<int> appended{0};
  std::thread writer([&] {
    for (const auto& group : groups) {
      if (!store->append(group)) failed = true;
      ++appended;
    }
  });
  std::vector<std::filesystem::path> copies;
  for (int b = 0; b < 6; ++b) {
    copies.push_back(dir / ("copy-" + std::to_string(b) + ".db"));
    const auto s = store->backup(copies.back());
    CHECK_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
  }
  writer.join();
  REQUIRE_FALSE(failed.load());
  const auto full = store->read_after(0, SIZE_MAX);
  REQUIRE(full.ok());
  for (const auto& copy : copies) {
    CAPTURE(copy);
    CHECK_FALSE(std::filesystem::exists(copy.string() + ".partial"));
    CHECK_FALSE(std::filesystem::exists(copy.string() + "-wal"));
    {
      SQLite::Database db(copy, SQLite::OPEN_READONLY);
      CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
    auto reader = storage::EventStore::open_reader(copy, test::taxonomy());
    REQUIRE(reader.ok());
    auto loaded = (*reader)->load();
    REQUIRE(loaded.ok());
    const auto log = (*reader)->read_after(0, SIZE_MAX);
    REQUIRE(log.ok());
    REQUIRE(log->size() <= full->size());
    for (std::size_t i = 0; i < log->size(); ++i) REQUIRE((*log)[i] == (*full)[i]);
    CHECK(loaded->state == test::replay_log(**reader));
  }
  // The last copy after the writer finished holds everything.
  REQUIRE(store->backup(dir / "final.db").ok());
  auto final_store = test::open_store(dir / "final.db", false);
  CHECK(final_store->load()->state == script.state());
}

TEST_CASE("a backup replaces an older copy, never the database itself, and fails cleanly") {
  test::TempDir dir;
  test::EventScript script(52);
  auto store = test::open_store(dir / "event.db");
  test::append_all(*store, script.set_up(5), 20);
  test::write_bytes(dir / "old-copy.db", "an older copy");
  REQUIRE(store->backup(dir / "old-copy.db").ok());
  CHECK(test::open_store(dir / "old-copy.db", false)->load()->state == script.state());

  auto itself = store->backup(dir / "event.db");
  REQUIRE_FALSE(itself.ok());
  CHECK(itself.error().code == "invalid");
  auto nowhere = store->backup(dir / "no-such-folder" / "copy.db");
  REQUIRE_FALSE(nowhere.ok());
  CHECK(nowhere.error().message.find("copy.db") != std::string::npos);
  CHECK(store->load()->state == script.state());
}
