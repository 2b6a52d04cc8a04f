// The client's local file: pending operations in order, the replica from a snapshot and the
// operations applied since, small settings; and bad files refused.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "storage/outbox_store.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

std::unique_ptr<storage::OutboxStore> open_outbox(const std::filesystem::path& file) {
  auto outbox = storage::OutboxStore::open(file);
  REQUIRE_MESSAGE(outbox.ok(), (outbox.ok() ? "" : outbox.error().message));
  return std::move(*outbox);
}

core::Operation user_operation(const std::string& id, core::ParticipantId from,
                               core::ParticipantId to) {
  core::Operation op;
  op.id = id;
  op.actor = test::participant(from);
  op.payload = core::RequestMeeting{.from = from, .to = to, .message = "Coffee at the stand?"};
  return op;
}

}  // namespace

TEST_CASE("pending operations stay in the order they were made, across restarts") {
  test::TempDir dir;
  {
    auto outbox = open_outbox(dir / "client.db");
    REQUIRE(outbox->add(user_operation("c-1", 1, 2)).ok());
    REQUIRE(outbox->add(user_operation("c-2", 1, 3)).ok());
    REQUIRE(outbox->add(user_operation("c-3", 1, 4)).ok());
    auto duplicate = outbox->add(user_operation("c-2", 1, 5));
    REQUIRE_FALSE(duplicate.ok());
    CHECK(duplicate.error().code == "duplicate");
    CHECK(*outbox->remove("c-2") == true);
    CHECK(*outbox->remove("c-2") == false);
    REQUIRE(outbox->add(user_operation("c-2", 1, 5)).ok());  // made again: now last
    REQUIRE(outbox->put_setting("hub", "192.168.1.20:7400").ok());
  }
  auto outbox = open_outbox(dir / "client.db");
  auto pending = outbox->pending();
  REQUIRE(pending.ok());
  REQUIRE(pending->size() == 3);
  CHECK((*pending)[0] == user_operation("c-1", 1, 2));
  CHECK((*pending)[1] == user_operation("c-3", 1, 4));
  CHECK((*pending)[2] == user_operation("c-2", 1, 5));
  CHECK(**outbox->get_setting("hub") == "192.168.1.20:7400");
  CHECK_FALSE(outbox->get_setting("token")->has_value());
}

TEST_CASE("the replica: a snapshot and the operations applied since load back as the hub's state") {
  test::TempDir dir;
  test::EventScript hub(81);
  const auto setup = hub.set_up(10);
  const auto later = hub.random_in_order(120);
  core::EventState at_setup;
  for (const auto& op : setup)
    REQUIRE(core::apply_operation(at_setup, test::taxonomy(), op, core::ApplyMode::Follow).ok());
  {
    auto outbox = open_outbox(dir / "client.db");
    CHECK(*outbox->last_sequence() == 0);
    CHECK_FALSE(outbox->load_replica(test::taxonomy())->has_value());
    REQUIRE(outbox->save_snapshot(at_setup, setup.size()).ok());
    // Operations arrive in batches; a batch may repeat what was recorded before.
    REQUIRE(outbox->record_applied({later.begin(), later.begin() + 50}).ok());
    REQUIRE(outbox->record_applied({later.begin() + 40, later.end()}).ok());
    CHECK(*outbox->last_sequence() == setup.size() + later.size());
    auto gap = outbox->record_applied({later.back()});  // already there: skipped
    CHECK(gap.ok());
  }
  auto outbox = open_outbox(dir / "client.db");
  auto replica = outbox->load_replica(test::taxonomy());
  REQUIRE(replica.ok());
  REQUIRE(replica->has_value());
  CHECK((*replica)->last_sequence == setup.size() + later.size());
  test::check_same_state((*replica)->state, hub.state());
  CHECK(core::statistics((*replica)->state) == core::statistics(hub.state()));

  // A gap is refused: the client must fetch what is missing first.
  const core::EventState before_next = hub.state();
  const auto next = hub.random_in_order(3);
  auto gap = outbox->record_applied({next[1], next[2]});
  REQUIRE_FALSE(gap.ok());
  CHECK(gap.error().code == "sequence_gap");

  // A new snapshot replaces the replica and what was recorded before it.
  REQUIRE(outbox->save_snapshot(before_next, setup.size() + later.size()).ok());
  REQUIRE(outbox->record_applied(next).ok());
  replica = outbox->load_replica(test::taxonomy());
  REQUIRE(replica.ok());
  test::check_same_state((*replica)->state, hub.state());
}

TEST_CASE("client files that are refused") {
  test::TempDir dir;
  auto first = open_outbox(dir / "client.db");
  auto second = storage::OutboxStore::open(dir / "client.db");
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().code == "locked");
  first.reset();

  test::write_bytes(dir / "notes.db", "not a database at all, just notes" + std::string(2000, '.'));
  auto notes = storage::OutboxStore::open(dir / "notes.db");
  REQUIRE_FALSE(notes.ok());
  CHECK(notes.error().code == "not_a_database");

  // An event database is not a client file.
  test::open_store(dir / "event.db").reset();
  auto event = storage::OutboxStore::open(dir / "event.db");
  REQUIRE_FALSE(event.ok());
  CHECK(event.error().code == "not_a_database");

  {
    SQLite::Database db(dir / "client.db", SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 3");
  }
  const auto before = test::read_bytes(dir / "client.db");
  auto newer = storage::OutboxStore::open(dir / "client.db");
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.error().code == "newer_schema");
  CHECK(test::read_bytes(dir / "client.db") == before);

  auto memory = storage::OutboxStore::open(":memory:");
  REQUIRE(memory.ok());
  CHECK((*memory)->add(user_operation("m-1", 1, 2)).ok());
}

namespace {

// The hub's operations as one participant's feed shows them: numbered with gaps (what they may
// not see is skipped), each with the contact it reveals to them.
std::vector<core::VisibleOperation> feed_with_gaps(const std::vector<core::Operation>& ops,
                                                   std::uint64_t after) {
  std::vector<core::VisibleOperation> out;
  std::uint64_t seq = after;
  for (const core::Operation& op : ops) {
    core::VisibleOperation visible{op, {}};
    visible.op.sequence = (seq += 3);
    out.push_back(std::move(visible));
  }
  return out;
}

core::EventState applied_to(core::EventState state,
                            const std::vector<core::VisibleOperation>& feed) {
  for (const auto& visible : feed) {
    REQUIRE(
        core::apply_operation(state, test::taxonomy(), visible.op, core::ApplyMode::Follow).ok());
    for (const core::Contact& c : visible.contacts)
      state.participants.at(c.participant).profile.email = c.email;
  }
  return state;
}

}  // namespace

TEST_CASE("the replica kept from a participant's feed: gaps, contacts, whose it is") {
  test::TempDir dir;
  test::EventScript hub(82);
  const auto setup = hub.set_up(10);
  const core::EventState at_setup = hub.state();
  auto feed = feed_with_gaps(hub.random_in_order(60), setup.size());
  const core::ParticipantId someone = hub.state().participants.begin()->first;
  feed.back().contacts = {{someone, "partner@example.org"}};
  const core::EventState expected = applied_to(at_setup, feed);
  const std::uint64_t end = feed.back().op.sequence + 5;  // the hub sent everything up to here
  const std::string owner = "crossmatch-replica hub=127.0.0.1:7420 token_sha256=ab";
  {
    auto outbox = open_outbox(dir / "client.db");
    CHECK_FALSE(outbox->header()->has_value());
    REQUIRE(outbox->add(user_operation("c-1", 1, 2)).ok());
    REQUIRE(outbox->save_snapshot(at_setup, setup.size(), owner).ok());
    REQUIRE(
        outbox->record_feed(setup.size(), {feed.begin(), feed.begin() + 30}, feed[29].op.sequence)
            .ok());
    // A batch must follow what is kept: one that starts elsewhere is refused.
    auto behind = outbox->record_feed(setup.size(), {feed.begin() + 30, feed.end()}, end);
    REQUIRE_FALSE(behind.ok());
    CHECK(behind.error().code == "sequence_gap");
    REQUIRE(outbox->record_feed(feed[29].op.sequence, {feed.begin() + 30, feed.end()}, end).ok());
    CHECK(*outbox->last_sequence() == end);
  }
  auto outbox = open_outbox(dir / "client.db");
  auto header = outbox->header();
  REQUIRE(header.ok());
  REQUIRE(header->has_value());
  CHECK((*header)->owner == owner);
  CHECK((*header)->last_sequence == end);
  CHECK((*header)->format == storage::kReplicaFormat);
  auto replica = outbox->load_replica(test::taxonomy());
  REQUIRE_MESSAGE(replica.ok(), (replica.ok() ? "" : replica.error().message));
  REQUIRE(replica->has_value());
  CHECK((*replica)->last_sequence == end);
  CHECK((*replica)->owner == owner);
  CHECK((*replica)->state.participants.at(someone).profile.email == "partner@example.org");
  CHECK(core::state_to_json((*replica)->state) == core::state_to_json(expected));

  // Forgetting the replica keeps what the user made.
  REQUIRE(outbox->discard_replica().ok());
  CHECK_FALSE(outbox->header()->has_value());
  CHECK_FALSE(outbox->load_replica(test::taxonomy())->has_value());
  CHECK(*outbox->last_sequence() == 0);
  CHECK(outbox->pending()->size() == 1);
}

TEST_CASE("a kept replica that cannot be used is refused with what is wrong") {
  test::TempDir dir;
  test::EventScript hub(83);
  const auto setup = hub.set_up(8);
  const core::EventState at_setup = hub.state();
  const auto feed = feed_with_gaps(hub.random_in_order(20), setup.size());
  const auto keep = [&] {
    auto outbox = open_outbox(dir / "client.db");
    REQUIRE(outbox->save_snapshot(at_setup, setup.size(), "me").ok());
    REQUIRE(outbox->record_feed(setup.size(), feed, feed.back().op.sequence).ok());
    REQUIRE(outbox->load_replica(test::taxonomy())->has_value());
  };
  const auto refused = [&](const std::string& code, const std::string& words) {
    auto outbox = open_outbox(dir / "client.db");
    auto replica = outbox->load_replica(test::taxonomy());
    REQUIRE_FALSE(replica.ok());
    CHECK(replica.error().code == code);
    CHECK_MESSAGE(replica.error().message.find(words) != std::string::npos,
                  replica.error().message);
  };
  const auto change = [&](const std::string& sql) {
    SQLite::Database db(dir / "client.db", SQLite::OPEN_READWRITE);
    db.exec(sql);
  };

  SUBCASE("a row lost in the middle is a gap") {
    keep();
    change("DELETE FROM applied WHERE seq = " + std::to_string(feed[7].op.sequence));
    refused("corrupt", "a gap");
  }
  SUBCASE("an operation that is not JSON") {
    keep();
    change("UPDATE applied SET operation = '{\"type\":' WHERE seq = " +
           std::to_string(feed[3].op.sequence));
    refused("corrupt", "cannot be read");
  }
  SUBCASE("contacts that are not JSON") {
    keep();
    change("UPDATE applied SET contacts = 'nobody' WHERE seq = " +
           std::to_string(feed[3].op.sequence));
    refused("corrupt", "contacts");
  }
  SUBCASE("a snapshot that is not the state's JSON") {
    keep();
    change("UPDATE snapshot SET state = '{\"event\": 12}'");
    refused("corrupt", "snapshot cannot be read");
  }
  SUBCASE("a replica of a later form") {
    keep();
    change("UPDATE snapshot SET format = " + std::to_string(storage::kReplicaFormat + 1));
    refused("newer_format", "newer version");
  }
}

TEST_CASE("a client file of the first schema keeps its pending operations and replica") {
  test::TempDir dir;
  test::EventScript hub(84);
  const auto setup = hub.set_up(6);
  const core::EventState at_setup = hub.state();
  const auto later = hub.random_in_order(10);
  {
    // The first schema, as an earlier version wrote it.
    auto outbox = open_outbox(dir / "client.db");
    outbox.reset();
    SQLite::Database db(dir / "client.db", SQLite::OPEN_READWRITE);
    db.exec(
        "DROP TABLE snapshot; DROP TABLE applied;"
        "CREATE TABLE snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), last_sequence INTEGER "
        "NOT NULL, state TEXT NOT NULL);"
        "CREATE TABLE applied (seq INTEGER PRIMARY KEY, operation TEXT NOT NULL);"
        "PRAGMA user_version = 1");
    SQLite::Statement snapshot(db, "INSERT INTO snapshot VALUES (1, ?, ?)");
    snapshot.bind(1, static_cast<std::int64_t>(setup.size()));
    snapshot.bind(2, core::state_to_json(at_setup));
    snapshot.exec();
    for (const auto& op : later) {
      SQLite::Statement row(db, "INSERT INTO applied VALUES (?, ?)");
      row.bind(1, static_cast<std::int64_t>(op.sequence));
      row.bind(2, core::operation_to_json(op));
      row.exec();
    }
    db.exec("INSERT INTO pending (op_id, operation) VALUES ('c-9', '" +
            core::operation_to_json(user_operation("c-9", 1, 2)) + "')");
  }
  auto outbox = open_outbox(dir / "client.db");
  CHECK(outbox->pending()->size() == 1);
  auto replica = outbox->load_replica(test::taxonomy());
  REQUIRE_MESSAGE(replica.ok(), (replica.ok() ? "" : replica.error().message));
  REQUIRE(replica->has_value());
  CHECK((*replica)->last_sequence == later.back().sequence);
  CHECK((*replica)->owner.empty());
  test::check_same_state((*replica)->state, hub.state());
}
