// Files that hold personal data (the database, its write-ahead log and shared memory, backups and
// exports) are created readable by their owner only, whatever the umask lets through.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "storage/csv_export.hpp"
#include "storage/file_output.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

unsigned mode_of(const std::filesystem::path& file) {
  struct stat st {};
  REQUIRE_MESSAGE(::stat(file.c_str(), &st) == 0, file.string());
  return st.st_mode & 0777;
}

// Sets the usual umask (group and others may read) for the test's life.
struct UsualUmask {
  UsualUmask() : old(::umask(022)) {}
  ~UsualUmask() { ::umask(old); }
  mode_t old;
};

}  // namespace

TEST_CASE("the database, its log, backups and exports are created 0600") {
  UsualUmask umask;
  test::TempDir dir;
  test::EventScript script(81);
  auto store = test::open_store(dir / "event.db");
  test::append_all(*store, script.set_up(6), 10);
  REQUIRE(std::filesystem::exists(dir / "event.db-wal"));
  CHECK(mode_of(dir / "event.db") == 0600);
  CHECK(mode_of(dir / "event.db-wal") == 0600);
  if (std::filesystem::exists(dir / "event.db-shm")) CHECK(mode_of(dir / "event.db-shm") == 0600);

  REQUIRE(store->backup(dir / "copy.db").ok());
  CHECK(mode_of(dir / "copy.db") == 0600);

  REQUIRE(storage::write_file_atomically(dir / "participants.csv",
                                         storage::participants_csv(script.state()))
              .ok());
  CHECK(mode_of(dir / "participants.csv") == 0600);

  // A database that exists keeps the mode its owner gave it.
  ::chmod((dir / "copy.db").c_str(), 0640);
  auto reopened = test::open_store(dir / "copy.db");
  CHECK(mode_of(dir / "copy.db") == 0640);
}
