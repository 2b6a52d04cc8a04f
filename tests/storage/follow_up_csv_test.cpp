// A follow-up round as CSV: written with one row per held meeting and person, answers imported
// back through the log; any refused row (with its line and reason) and nothing is imported.
#include <doctest/doctest.h>

#include "storage/csv.hpp"
#include "storage/follow_up_csv.hpp"
#include "tests/report/programme_fixture.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

// The Lisbon event of the test programme in a database: ana-ben and ana-cid held, dan-eva not.
struct LisbonDatabase {
  test::TempDir dir;
  test::Programme programme;
  std::filesystem::path file = dir / "lisbon.db";
  LisbonDatabase() { programme.lisbon.write(file); }
  std::unique_ptr<storage::EventStore> open() {
    auto store = storage::EventStore::open(file, test::taxonomy(), false);
    REQUIRE(store.ok());
    return std::move(*store);
  }
};

std::string header() {
  return "follow_up,meeting,participant,name,email,partner,partner_organisation,outcome,note\r\n";
}

}  // namespace

TEST_CASE("a follow-up round's CSV: each held meeting once per person, answers so far") {
  LisbonDatabase db;
  const core::EventState& s = db.programme.lisbon.state();
  const auto csv = storage::follow_up_csv(s, 1);
  REQUIRE(csv.ok());
  const auto records = storage::parse_csv(*csv);
  REQUIRE(records.ok());
  REQUIRE(records->size() == 5);  // the header, and two people for each of two held meetings
  CHECK(records->front().fields == storage::follow_up_columns());
  const auto& first = (*records)[1].fields;  // ana's row of ana-ben
  CHECK(first[2] == std::to_string(db.programme.lisbon.id("ana")));
  CHECK(first[5] == "ben");
  CHECK(first[7] == "agreement");
  CHECK(first[8] == "Note of ana");
  CHECK((*records)[3].fields[7].empty());         // ana's row of ana-cid: no answer yet
  CHECK((*records)[4].fields[7] == "knowledge");  // cid's
  CHECK_FALSE(storage::follow_up_csv(s, 9).ok());
}

TEST_CASE("follow-up answers imported back: all rows or none") {
  LisbonDatabase db;
  auto& lisbon = db.programme.lisbon;
  const std::string ana = std::to_string(lisbon.id("ana")), cid = std::to_string(lisbon.id("cid")),
                    ben = std::to_string(lisbon.id("ben")), dan = std::to_string(lisbon.id("dan"));
  const core::MeetingId ana_cid = 2, dan_eva = 3;
  REQUIRE(lisbon.state().meetings.at(ana_cid).involves(lisbon.id("cid")));
  const std::uint64_t before = db.open()->last_sequence();

  SUBCASE("bad rows are each refused with line and reason, and nothing is imported") {
    const std::string csv = header() + "1,2," + ana + ",ana,,cid,,negotiation,We talk\r\n" +
                            "1,2," + cid + ",cid,,ana,,great,\r\n" +     // line 3
                            "1,3," + dan + ",dan,,eva,,valuable,\r\n" +  // not held
                            "1,2," + ben + ",ben,,,,valuable,\r\n" +     // not his
                            "1,x," + ben + ",ben,,,,valuable,\r\n";      // not a number
    auto store = db.open();
    const auto result = storage::import_follow_up_answers(*store, test::taxonomy(), csv, 1);
    REQUIRE(result.ok());
    CHECK(result->applied.empty());
    REQUIRE(result->refused.size() == 4);
    CHECK(result->refused[0].line == 3);
    CHECK(result->refused[0].field == "outcome");
    CHECK(result->refused[1].line == 4);
    CHECK(result->refused[1].code == "not_held");
    CHECK(result->refused[2].line == 5);
    CHECK(result->refused[2].code == "not_in_meeting");
    CHECK(result->refused[3].line == 6);
    CHECK(result->refused[3].field == "meeting");
    CHECK(store->last_sequence() == before);
    (void)dan_eva;
  }

  SUBCASE("good rows become the organiser's answers for each person, once") {
    const std::string csv = header() + "1,2," + ana + ",ana,,cid,,Negotiation,We talk\r\n" +
                            "1,2," + cid + ",cid,,ana,,,\r\n";  // left unanswered
    {
      auto store = db.open();
      const auto result = storage::import_follow_up_answers(*store, test::taxonomy(), csv, 1);
      REQUIRE(result.ok());
      CHECK(result->refused.empty());
      CHECK(result->rows == 2);
      CHECK(result->unanswered == 1);
      REQUIRE(result->applied.size() == 1);
      CHECK(result->applied[0].actor.role == core::Role::Organiser);
    }
    auto store = db.open();
    auto loaded = store->load();
    REQUIRE(loaded.ok());
    const auto& answers = loaded->state.follow_ups.at(1).answers;
    const auto it = answers.find({ana_cid, lisbon.id("ana")});
    REQUIRE(it != answers.end());
    CHECK(it->second.outcome == core::FollowUpOutcome::Negotiation);
    CHECK(it->second.note == "We talk");
    // The same file again adds nothing.
    const auto again = storage::import_follow_up_answers(*store, test::taxonomy(), csv, 2);
    REQUIRE(again.ok());
    CHECK(again->applied.empty());
    CHECK(store->last_sequence() == before + 1);
  }

  SUBCASE("a file with an unknown or a missing column is refused as a whole") {
    auto store = db.open();
    const auto unknown = storage::import_follow_up_answers(
        *store, test::taxonomy(), "follow_up,meeting,participant,outcome,colour\r\n", 1);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == "unknown_column");
    const auto missing = storage::import_follow_up_answers(*store, test::taxonomy(),
                                                           "follow_up,meeting,participant\r\n", 1);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().field == "outcome");
  }
}
