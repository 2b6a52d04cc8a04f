// The client's local file: pending operations in order, the replica from a snapshot and the
// operations applied since, small settings; and bad files refused.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

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
    db.exec("PRAGMA user_version = 2");
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
