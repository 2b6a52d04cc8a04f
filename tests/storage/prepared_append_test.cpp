// Appending operations prepared by the thread that applied them (the hub's way) stores exactly
// what appending them for the store to apply stores, and is refused in the same cases.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "tests/storage/storage_fixture.hpp"

namespace crossmatch::test {
namespace {

// Every row of every table, as text, sorted within each table.
std::vector<std::string> dump_tables(const std::filesystem::path& file) {
  SQLite::Database db(file, SQLite::OPEN_READONLY);
  std::vector<std::string> tables;
  SQLite::Statement names(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (names.executeStep()) tables.push_back(names.getColumn(0).getString());
  std::vector<std::string> out;
  for (const std::string& table : tables) {
    SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\"");
    std::vector<std::string> lines;
    while (rows.executeStep()) {
      std::string line = table + ":";
      for (int c = 0; c < rows.getColumnCount(); ++c) {
        const SQLite::Column column = rows.getColumn(c);
        line += column.isNull() ? std::string("NULL") : column.getString();
        line += '|';
      }
      lines.push_back(std::move(line));
    }
    std::sort(lines.begin(), lines.end());
    out.insert(out.end(), lines.begin(), lines.end());
  }
  return out;
}

TEST_CASE("prepared operations store the same log and rows as operations the store applies") {
  for (std::uint64_t seed : {3u, 17u, 29u}) {
    CAPTURE(seed);
    TempDir dir;
    EventScript script(seed);
    std::vector<core::Operation> ops = script.set_up(14);
    const auto more = script.random_in_order(450, true);
    ops.insert(ops.end(), more.begin(), more.end());
    // Every kind the rows cover shows up, erasure and removals included.
    const auto has = [&](auto kind) {
      return std::any_of(ops.begin(), ops.end(), [&](const core::Operation& op) {
        return std::holds_alternative<decltype(kind)>(op.payload);
      });
    };
    CHECK(has(core::Erase{}));
    CHECK(has(core::GiveFeedback{}));
    CHECK(has(core::EditProfile{}));

    // The store applies each operation itself, one a group: each row's last change is then
    // the sequence of the operation that changed it, as for prepared rows.
    {
      auto plain = open_store(dir / "plain.db");
      for (const core::Operation& op : ops) REQUIRE(plain->append({op}));
    }
    // Prepared on the side, appended in groups of random sizes.
    core::EventState state;
    const auto prepared = prepare_in_order(state, ops);
    core::Rng rng(seed);
    {
      auto store = open_store(dir / "prepared.db");
      for (std::size_t i = 0; i < prepared.size();) {
        const std::size_t n = std::min<std::size_t>(prepared.size() - i, 1 + rng.below(20));
        const std::vector<storage::PreparedOperation> group(
            prepared.begin() + static_cast<long>(i), prepared.begin() + static_cast<long>(i + n));
        REQUIRE(store->append_prepared(group, {}));
        i += n;
      }
      auto loaded = store->load();
      REQUIRE(loaded);
      check_same_state(loaded->state, script.state());
      check_same_state(replay_log(*store), script.state());
    }
    const auto a = dump_tables(dir / "plain.db");
    const auto b = dump_tables(dir / "prepared.db");
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i] == b[i]);
  }
}

TEST_CASE("a refused prepared group stores nothing, and both ways of appending go on after it") {
  TempDir dir;
  EventScript script(5);
  const auto setup = script.set_up(8);
  const auto later = script.random_in_order(60, false);
  core::EventState state;
  const auto prepared_setup = prepare_in_order(state, setup);
  const auto prepared_later = prepare_in_order(state, later);
  const auto file = dir / "event.db";
  auto store = open_store(file);
  REQUIRE(store->append_prepared(prepared_setup, {}));
  const std::uint64_t durable = store->last_sequence();
  const auto before = dump_tables(file);

  SUBCASE("a gap in the sequence") {
    std::vector<storage::PreparedOperation> group(prepared_later.begin() + 1,
                                                  prepared_later.begin() + 4);
    const auto s = store->append_prepared(group, {});
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "sequence_gap");
    CHECK(store->last_sequence() == durable);
    CHECK(dump_tables(file) == before);
  }
  SUBCASE("an id already in the log") {
    std::vector<storage::PreparedOperation> group(prepared_later.begin(),
                                                  prepared_later.begin() + 3);
    group[2].operation.id = setup[4].id;
    const auto s = store->append_prepared(group, {});
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "duplicate_operation");
    CHECK(s.error().message.find("Nothing of this group was stored") != std::string::npos);
    CHECK(store->last_sequence() == durable);
    CHECK(dump_tables(file) == before);
  }
  SUBCASE("a row SQLite refuses") {
    // A new meeting's row twice in one operation: SQLite refuses the second on its primary key
    // midway through the group. The statements that failed are ready for the next group.
    const auto creates = [](const storage::PreparedOperation& p) {
      return std::any_of(p.rows.meetings.begin(), p.rows.meetings.end(),
                         [](const storage::RowImages::MeetingRow& m) { return m.created; });
    };
    const auto first = std::find_if(prepared_later.begin(), prepared_later.end(), creates);
    REQUIRE(first != prepared_later.end());
    std::vector<storage::PreparedOperation> group(prepared_later.begin(), first + 1);
    auto& rows = group.back().rows.meetings;
    rows.push_back(
        *std::find_if(rows.begin(), rows.end(),
                      [](const storage::RowImages::MeetingRow& m) { return m.created; }));
    const auto s = store->append_prepared(group, {});
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "constraint");
    CHECK(store->last_sequence() == durable);
    CHECK(dump_tables(file) == before);
  }
  SUBCASE("another program wrote the file") {
    {
      SQLite::Database other(file, SQLite::OPEN_READWRITE);
      other.exec("INSERT INTO settings (key, value) VALUES ('written-by', 'another program')");
    }
    const auto s = store->append_prepared({prepared_later.front()}, {});
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "changed");
    CHECK(s.error().message.find("Another program wrote") != std::string::npos);
    CHECK(store->last_sequence() == durable);
    auto after = dump_tables(file);
    after.erase(std::remove(after.begin(), after.end(), "settings:written-by|another program|"),
                after.end());
    CHECK(after == before);
    // Opened again, the store goes on from what is stored.
    store.reset();
    store = open_store(file, false);
    REQUIRE(store->load());
  }
  // Half the rest prepared, the other half for the store to apply: both after the refusal.
  const std::size_t half = later.size() / 2;
  REQUIRE(store->append_prepared(
      {prepared_later.begin(), prepared_later.begin() + static_cast<long>(half)}, {}));
  REQUIRE(store->append({later.begin() + static_cast<long>(half), later.end()}));
  auto loaded = store->load();
  REQUIRE(loaded);
  check_same_state(loaded->state, script.state());
}

}  // namespace
}  // namespace crossmatch::test
