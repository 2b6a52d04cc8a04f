// The VFS that writes a commit's log frames together: what a commit wrote is there for another
// connection right after it, whatever its size, and the file stays whole.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "storage/wal_batching_vfs.hpp"
#include "tests/storage/storage_fixture.hpp"

namespace crossmatch::test {
namespace {

TEST_CASE("log frames written together are there for other connections right after each commit") {
  // FULL syncs the log at each commit; NORMAL does not, so there only the database's shared
  // memory, where SQLite publishes the frames, tells this layer to write them.
  const char* mode = "FULL";
  SUBCASE("synchronous FULL") {
    mode = "FULL";
  }
  SUBCASE("synchronous NORMAL") {
    mode = "NORMAL";
  }
  CAPTURE(mode);
  TempDir dir;
  const std::string file = (dir / "batched.db").string();
  SQLite::Database writer(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 0,
                          storage::detail::wal_batching_vfs());
  writer.exec("PRAGMA journal_mode = WAL");
  writer.exec(std::string("PRAGMA synchronous = ") + mode);
  writer.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
  // Another connection, on the system's own VFS, as a reader beside the hub would be.
  SQLite::Database reader(file, SQLite::OPEN_READONLY);
  SQLite::Statement insert(writer, "INSERT INTO rows (id, body) VALUES (?, zeroblob(?))");
  core::Rng rng(7);
  std::int64_t id = 0;
  std::int64_t bytes = 0;
  // Commits from one small row to several MiB: more than the system writes in one call, and more
  // than this layer holds before writing.
  for (const int size : {100, 4000, 70'000, 300'000, 6'000'000, 50}) {
    writer.exec("BEGIN IMMEDIATE");
    const int rows = 1 + static_cast<int>(rng.below(40));
    for (int r = 0; r < rows; ++r) {
      insert.bind(1, ++id);
      insert.bind(2, size);
      insert.exec();
      insert.reset();
      bytes += size;
    }
    writer.exec("COMMIT");
    CHECK(reader.execAndGet("SELECT max(id) FROM rows").getInt64() == id);
    CHECK(reader.execAndGet("SELECT sum(length(body)) FROM rows").getInt64() == bytes);
  }
  // A checkpoint reads the frames back from the log.
  writer.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  CHECK(writer.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(reader.execAndGet("SELECT count(*) FROM rows").getInt64() == id);
}

}  // namespace
}  // namespace crossmatch::test
