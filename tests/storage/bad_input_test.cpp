// Bad input at the storage boundary: a file that is not a database, another program's database,
// an empty file, a corrupt one, a newer schema, a read-only location, a full disk. Each gives a
// clear error and leaves the stored data as it was.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "storage/event_schema.hpp"
#include "storage/sqlite_event_store.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

// Opening as writer and as reader both fail with `code`, and the file's bytes do not change.
void check_refused(const std::filesystem::path& file, const std::string& code,
                   const std::string& words = "") {
  const auto before = test::read_bytes(file);
  auto writer = storage::EventStore::open(file, test::taxonomy(), false);
  std::optional<core::Error> error;
  if (!writer)
    error = writer.error();
  else if (auto loaded = (*writer)->load(); !loaded)
    error = loaded.error();
  REQUIRE_MESSAGE(error.has_value(), "the writer opened and loaded " << file);
  CHECK(error->code == code);
  CHECK(error->message.find(file.string()) != std::string::npos);
  if (!words.empty())
    CHECK_MESSAGE(error->message.find(words) != std::string::npos, error->message);
  writer = core::make_error("", "", "");  // closed
  auto reader = storage::EventStore::open_reader(file, test::taxonomy());
  std::optional<core::Error> reader_error;
  if (!reader)
    reader_error = reader.error();
  else if (auto loaded = (*reader)->load(); !loaded)
    reader_error = loaded.error();
  REQUIRE(reader_error.has_value());
  CHECK(reader_error->code == code);
  reader = core::make_error("", "", "");
  CHECK(test::read_bytes(file) == before);
}

// A stored event, closed cleanly.
core::EventState make_event(const std::filesystem::path& file, int seed = 41) {
  test::EventScript script(static_cast<std::uint64_t>(seed));
  auto store = test::open_store(file);
  test::append_all(*store, script.set_up(10), 20);
  test::append_all(*store, script.random_in_order(100), 10);
  return script.state();
}

}  // namespace

TEST_CASE("a file that is not a database") {
  test::TempDir dir;
  test::write_bytes(dir / "notes.db",
                    "These are my notes, not a database.\n" + std::string(5000, 'x'));
  check_refused(dir / "notes.db", "not_a_database", "not a SQLite database");
}

TEST_CASE("another program's SQLite database, an empty file, a directory, a missing file") {
  test::TempDir dir;
  {
    SQLite::Database other(dir / "other.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Fado')");
  }
  check_refused(dir / "other.db", "not_a_database", "another program");
  test::write_bytes(dir / "empty.db", "");
  check_refused(dir / "empty.db", "not_a_database", "empty");
  std::filesystem::create_directory(dir / "folder.db");
  auto folder = storage::EventStore::open(dir / "folder.db", test::taxonomy(), true);
  REQUIRE_FALSE(folder.ok());
  CHECK(folder.error().code == "not_a_database");
  auto missing = storage::EventStore::open(dir / "missing.db", test::taxonomy(), false);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == "not_found");
  CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
  auto no_folder =
      storage::EventStore::open(dir / "no" / "such" / "event.db", test::taxonomy(), true);
  REQUIRE_FALSE(no_folder.ok());
  CHECK(no_folder.error().code == "cannot_open");
}

TEST_CASE("a corrupt database") {
  test::TempDir dir;
  make_event(dir / "event.db");
  auto bytes = test::read_bytes(dir / "event.db");
  REQUIRE(bytes.size() > 8 * 4096);
  // Everything after the first page (the header and the schema) turns to noise.
  core::Rng rng(7);
  for (std::size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(rng.below(256));
  test::write_bytes(dir / "event.db", bytes);
  check_refused(dir / "event.db", "corrupt", "restore it from a backup");
}

TEST_CASE("a database from a newer version") {
  test::TempDir dir;
  make_event(dir / "event.db");
  {
    SQLite::Database db(dir / "event.db", SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(storage::detail::kEventSchemaVersion + 1));
  }
  check_refused(dir / "event.db", "newer_schema", "newer version");
}

TEST_CASE("a read-only location: writing is refused, reading works") {
  test::TempDir dir;
  std::filesystem::create_directory(dir / "ro");
  const auto file = dir / "ro" / "event.db";
  const auto state = make_event(file);
  const auto before = test::read_bytes(file);
  (void)test::taxonomy();  // loaded here, while the source tree is readable
  using std::filesystem::perms;
  std::filesystem::permissions(file, perms::owner_read | perms::group_read | perms::others_read);
  std::filesystem::permissions(dir / "ro", perms::owner_read | perms::owner_exec |
                                               perms::group_read | perms::group_exec |
                                               perms::others_read | perms::others_exec);
  // The superuser writes anywhere, so the checks run in a child that gives that up.
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    if (::geteuid() == 0) {
      const passwd* nobody = ::getpwnam("nobody");
      const uid_t uid = nobody ? nobody->pw_uid : 65534;
      const gid_t gid = nobody ? nobody->pw_gid : 65534;
      if (::setgid(gid) != 0 || ::setuid(uid) != 0) _exit(20);
    }
    auto writer = storage::EventStore::open(file, test::taxonomy(), false);
    if (writer.ok()) _exit(21);
    if (writer.error().code != "read_only" ||
        writer.error().message.find(file.string()) == std::string::npos)
      _exit(22);
    auto created = storage::EventStore::open(dir / "ro" / "new.db", test::taxonomy(), true);
    if (created.ok() ||
        (created.error().code != "read_only" && created.error().code != "cannot_open"))
      _exit(23);
    auto reader = storage::EventStore::open_reader(file, test::taxonomy());
    if (!reader.ok()) {
      std::fprintf(stderr, "reader: %s %s\n", reader.error().code.c_str(),
                   reader.error().message.c_str());
      _exit(24);
    }
    auto loaded = (*reader)->load();
    if (!loaded.ok()) _exit(25);
    if (!(loaded->state == state)) _exit(26);
    _exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  std::filesystem::permissions(dir / "ro", perms::owner_all);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(test::read_bytes(file) == before);
  CHECK_FALSE(std::filesystem::exists(dir / "ro" / "new.db"));
}

TEST_CASE(
    "a full disk: the group that does not fit is not stored, and goes in once there is room") {
  test::TempDir dir;
  test::EventScript script(42);
  auto store_ptr = test::open_store(dir / "event.db");
  auto& store = dynamic_cast<storage::SqliteEventStore&>(*store_ptr);
  test::append_all(store, script.set_up(10), 20);
  const auto stored = store.load()->state;
  const auto last = store.last_sequence();
  REQUIRE(store.limit_size(std::filesystem::file_size(dir / "event.db") + 4096).ok());
  const auto big_group = script.random_in_order(600);
  auto refused = store.append(big_group);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "disk_full");
  CHECK(refused.error().message.find("Nothing of this group was stored") != std::string::npos);
  CHECK(store.last_sequence() == last);
  auto loaded = store.load();
  REQUIRE(loaded.ok());
  CHECK(loaded->state == stored);
  CHECK(loaded->last_sequence == last);
  // Room again: the very same group is stored whole.
  REQUIRE(store.limit_size(std::uint64_t(1) << 40).ok());
  REQUIRE(store.append(big_group).ok());
  CHECK(store.load()->state == script.state());
  CHECK(test::replay_log(store) == script.state());
}
