// Erasure: a participant's personal data leaves the operation log, the derived tables and the
// file's bytes, and replaying the rewritten log still gives the same, anonymised state.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/event/json_codec.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

// Every text value in every table of the database, with where it is.
std::vector<std::string> all_texts(const std::filesystem::path& file) {
  SQLite::Database db(file, SQLite::OPEN_READONLY);
  std::vector<std::string> out;
  SQLite::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table'");
  while (tables.executeStep()) {
    const std::string table = tables.getColumn(0).getString();
    SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\"");
    while (rows.executeStep()) {
      for (int c = 0; c < rows.getColumnCount(); ++c) {
        if (rows.getColumn(c).isText()) out.push_back(table + ": " + rows.getColumn(c).getString());
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE(
    "erasing a participant removes their personal data from the log, the tables and the file") {
  test::TempDir dir;
  test::EventScript script(21);
  auto ops = script.set_up(10);
  const auto a = script.state().participants.begin()->first;  // the one erased
  const auto b = std::next(script.state().participants.begin())->first;
  const auto c = std::next(script.state().participants.begin(), 2)->first;
  const auto d = std::next(script.state().participants.begin(), 3)->first;
  const core::Actor as_a = test::participant(a), as_b = test::participant(b),
                    as_c = test::participant(c);

  core::Profile secret = script.state().participants.at(a).profile;
  secret.display_name = "Zuzanna Erasable";
  secret.organisation = "Erasable Studio";
  secret.job_title = "Chief Erasable Officer";
  secret.email = "zuzanna.erasable@example.org";
  secret.offers = {"erasable tag"};
  ops.push_back(script.must(as_a, core::EditProfile{.participant = a, .profile = secret}));
  ops.push_back(script.must(
      as_a,
      core::SetAvailability{.participant = a, .availability = {{{1, 5}}, core::TimeOfDay::Any}}));
  ops.push_back(
      script.must(test::organiser(),
                  core::DefineClinicTable{.session = 6, .table = 5, .theme = "Creative vouchers"}));
  ops.push_back(script.must(
      as_a, core::PickThemes{.participant = a, .themes = {script.state().next_clinic_table - 1}}));
  // Words in their meetings, by them and by the others.
  const auto m1 =
      script.must(as_a, core::RequestMeeting{.from = a, .to = b, .message = "Secret message to B"});
  ops.push_back(m1);
  const auto m1_id = std::get<core::RequestMeeting>(m1.payload).meeting;
  ops.push_back(script.must(as_b, core::AcceptMeeting{.meeting = m1_id}));
  ops.push_back(script.must(as_b, core::GiveFeedback{.meeting = m1_id,
                                                     .held = core::HeldState::Held,
                                                     .rating = 5,
                                                     .comment = "B praises A privately"}));
  ops.push_back(
      script.must(as_a, core::GiveFeedback{.meeting = m1_id, .comment = "A comments only"}));
  const auto m2 =
      script.must(as_c, core::RequestMeeting{.from = c, .to = a, .message = "Secret message to A"});
  ops.push_back(m2);
  const auto m2_id = std::get<core::RequestMeeting>(m2.payload).meeting;
  ops.push_back(
      script.must(as_a, core::DeclineMeeting{.meeting = m2_id, .reason = "Secret decline reason"}));
  const auto m3 = script.must(
      test::broker(), core::Introduce{.first = a, .second = d, .note = "Secret broker note"});
  ops.push_back(m3);
  ops.push_back(
      script.must(test::participant(d),
                  core::AcceptMeeting{.meeting = std::get<core::Introduce>(m3.payload).meeting}));
  ops.push_back(
      script.must(test::participant(d),
                  core::CancelMeeting{.meeting = std::get<core::Introduce>(m3.payload).meeting,
                                      .reason = "Secret cancel reason"}));
  // Someone else's words elsewhere stay.
  const auto other = script.must(
      as_b, core::RequestMeeting{.from = b, .to = c, .message = "Kept message between B and C"});
  ops.push_back(other);
  const std::vector<std::string> secrets = {
      "Zuzanna Erasable",       "Erasable Studio",
      "Chief Erasable Officer", "zuzanna.erasable@example.org",
      "erasable tag",           "Secret message to B",
      "B praises A privately",  "A comments only",
      "Secret message to A",    "Secret decline reason",
      "Secret broker note",     "Secret cancel reason"};
  auto more = script.random_in_order(60, false);
  ops.insert(ops.end(), more.begin(), more.end());

  auto store = test::open_store(dir / "event.db");
  REQUIRE(store->put_credential({"token-of-a", core::Role::Participant, a}).ok());
  REQUIRE(store->put_credential({"token-of-b", core::Role::Participant, b}).ok());
  test::append_all(*store, ops, 5);
  {
    // Before: the words are there.
    const auto texts = all_texts(dir / "event.db");
    const auto has = [&](const std::string& s) {
      return std::any_of(texts.begin(), texts.end(),
                         [&](const std::string& t) { return t.find(s) != std::string::npos; });
    };
    for (const auto& s : secrets) CHECK_MESSAGE(has(s), s);
  }
  // The erase travels in a group with other operations, as the hub groups them.
  std::vector<core::Operation> group = script.random_in_order(2, false);
  group.push_back(script.must(as_a, core::Erase{.participant = a}));
  auto after = script.random_in_order(2, false);
  group.insert(group.end(), after.begin(), after.end());
  REQUIRE(store->append(group).ok());

  const core::Participant& erased = script.state().participants.at(a);
  CHECK(erased.status == core::ParticipantStatus::Erased);
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  CHECK(loaded->state == script.state());
  // The rewritten log replays, as a replica catching up from the start applies it, to the same
  // anonymised state.
  CHECK(test::replay_log(*store) == script.state());
  CHECK_FALSE(store->find_credential("token-of-a")->has_value());
  // What they picked and where they could not come is gone from the log too.
  const auto log = store->read_after(0, SIZE_MAX);
  REQUIRE(log.ok());
  for (const auto& op : *log) {
    if (const auto* pick = std::get_if<core::PickThemes>(&op.payload);
        pick && pick->participant == a)
      CHECK(pick->themes.empty());
    if (const auto* avail = std::get_if<core::SetAvailability>(&op.payload);
        avail && avail->participant == a)
      CHECK(avail->availability.unavailable.empty());
  }
  CHECK(store->find_credential("token-of-b")->has_value());

  const auto texts = all_texts(dir / "event.db");
  for (const auto& s : secrets) {
    for (const auto& t : texts) CHECK_MESSAGE(t.find(s) == std::string::npos, s << " in " << t);
  }
  const auto kept = std::any_of(texts.begin(), texts.end(), [](const std::string& t) {
    return t.find("Kept message between B and C") != std::string::npos;
  });
  CHECK(kept);
  store.reset();
  // Not only hidden: the bytes of the file hold none of it either (no stale pages, no journal).
  const std::string bytes =
      test::read_bytes(dir / "event.db") + test::read_bytes(dir / "event.db-wal");
  for (const auto& s : secrets) CHECK_MESSAGE(bytes.find(s) == std::string::npos, s);
  CHECK(bytes.find("Kept message between B and C") != std::string::npos);
}

TEST_CASE("words written after an erasure are not the erased person's, and stay") {
  test::TempDir dir;
  test::EventScript script(22);
  auto ops = script.set_up(4);
  const auto a = script.state().participants.begin()->first;
  const auto b = std::next(script.state().participants.begin())->first;
  const auto m =
      script.must(test::participant(a),
                  core::RequestMeeting{.from = a, .to = b, .message = "Before the erasure"});
  ops.push_back(m);
  const auto id = std::get<core::RequestMeeting>(m.payload).meeting;
  ops.push_back(script.must(test::participant(b), core::AcceptMeeting{.meeting = id}));
  ops.push_back(script.must(
      test::participant(b),
      core::GiveFeedback{
          .meeting = id, .held = core::HeldState::Held, .rating = 4, .comment = "Useful"}));
  // In one group: the erasure, then the other person writes in their (held, so kept) meeting.
  ops.push_back(script.must(test::participant(a), core::Erase{.participant = a}));
  ops.push_back(
      script.must(test::participant(b),
                  core::CancelMeeting{.meeting = id, .reason = "Written after the erasure"}));
  auto store = test::open_store(dir / "event.db");
  test::append_all(*store, ops, ops.size());
  const auto loaded = store->load();
  REQUIRE(loaded.ok());
  CHECK(loaded->state == script.state());
  CHECK(loaded->state.meetings.at(id).close_reason == "Written after the erasure");
  CHECK(loaded->state.meetings.at(id).message.empty());
  CHECK(loaded->state.meetings.at(id).invitee_feedback.comment.empty());
  CHECK(loaded->state.meetings.at(id).invitee_feedback.rating == 4);
  CHECK(test::replay_log(*store) == script.state());
}
