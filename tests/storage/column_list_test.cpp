// The column lists the statements are made from name every column of their tables, in the
// tables' order, and the statements made from them are what SQLite accepts.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "storage/event_columns.hpp"
#include "tests/storage/storage_fixture.hpp"

namespace crossmatch::test {
namespace {

using namespace storage::detail;

std::vector<std::string> table_columns(SQLite::Database& db, std::string_view table) {
  std::vector<std::string> names;
  SQLite::Statement info(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
  info.bind(1, std::string(table));
  while (info.executeStep()) names.push_back(info.getColumn(0).getString());
  return names;
}

template <std::size_t N>
void check_list(SQLite::Database& db, const ColumnList<N>& list) {
  CAPTURE(list.table());
  const std::vector<std::string> listed(list.names().begin(), list.names().end());
  CHECK(table_columns(db, list.table()) == listed);
  // Every statement the list makes prepares.
  const std::vector<std::string_view> key = {list.names()[0]};
  for (const std::string& sql : {list.select(), list.insert(), list.insert("INSERT OR REPLACE"),
                                 list.delete_rows(key), list.update({.where = key})}) {
    CAPTURE(sql);
    CHECK_NOTHROW(SQLite::Statement(db, sql));
  }
}

TEST_CASE("each column list is its table's columns in order") {
  TempDir dir;
  {
    auto store = open_store(dir / "event.db");  // creates the tables
  }
  SQLite::Database db(dir / "event.db", SQLite::OPEN_READONLY);
  check_list(db, kOperationColumns);
  check_list(db, kCredentialColumns);
  check_list(db, kEventColumns);
  check_list(db, kSessionColumns);
  check_list(db, kTableColumns);
  check_list(db, kParticipantColumns);
  check_list(db, kMeetingColumns);
  check_list(db, kFeedbackColumns);
  check_list(db, kRoundColumns);
  check_list(db, kTeamColumns);
  check_list(db, kTeamMemberColumns);
  check_list(db, kAnnouncementColumns);
  check_list(db, kPitchSessionColumns);
  check_list(db, kPitchColumns);
  check_list(db, kClinicTableColumns);
  check_list(db, kClinicThemeColumns);
  check_list(db, kFollowUpColumns);
  check_list(db, kFollowUpAnswerColumns);
  // Every table of the file has its list.
  SQLite::Statement tables(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
  REQUIRE(tables.executeStep());
  CHECK(tables.getColumn(0).getInt() == 18 + 1);  // and settings, read and written as key and value
}

TEST_CASE("statements made from a column list") {
  static constexpr ColumnList<4> kList{"meetings", {"id", "slot", "calendar", "last_change"}};
  static_assert(kList.param("id") == 1 && kList.param("last_change") == 4);
  static constexpr auto kPart = kList.only({"last_change", "id"});
  static_assert(kPart.column("last_change") == 0 && kPart.column("id") == 1);
  static constexpr auto kRest = kList.without({"slot"});
  static_assert(kRest.column("calendar") == 1);
  CHECK(kList.select("ORDER BY id") ==
        "SELECT id, slot, calendar, last_change FROM meetings ORDER BY id");
  CHECK(kPart.select() == "SELECT last_change, id FROM meetings");
  CHECK(
      kList.insert("INSERT OR REPLACE") ==
      "INSERT OR REPLACE INTO meetings (id, slot, calendar, last_change) VALUES (?1, ?2, ?3, ?4)");
  CHECK(kList.upsert({"id"}) ==
        "INSERT INTO meetings (id, slot, calendar, last_change) VALUES (?1, ?2, ?3, ?4) ON "
        "CONFLICT (id) "
        "DO UPDATE SET slot = excluded.slot, calendar = excluded.calendar, last_change = "
        "excluded.last_change");
  // Parameters keep their numbers whatever a statement leaves out.
  CHECK(kList.update({.where = {"id"}, .kept_when_null = {"calendar"}}) ==
        "UPDATE meetings SET slot = ?2, calendar = coalesce(?3, calendar), last_change = ?4 WHERE "
        "id = ?1");
  CHECK(kList.update({.where = {"id", "slot"}, .left_out = {"calendar"}}) ==
        "UPDATE meetings SET last_change = ?4 WHERE id = ?1 AND slot = ?2");
  CHECK(kList.delete_rows({"id"}) == "DELETE FROM meetings WHERE id = ?1");
  CHECK_THROWS_AS(kList.update({.where = {"nothing"}}), std::logic_error);
}

}  // namespace
}  // namespace crossmatch::test
