// Compressed snapshots and catch-ups against a real hub: a client that asks for zstd frames and
// one that does not catch up the same event and end with identical replicas, the first having
// read fewer bytes.
#include <doctest/doctest.h>

#include "tests/e2e/hub_process.hpp"
#include "tests/e2e/sync_client.hpp"

using namespace crossmatch;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<test::SyncClient> newcomer(
    const test::HubProcess& hub, net::Outbox& outbox, bool compress,
    std::optional<std::uint64_t> after = std::nullopt,
    std::optional<core::EventState> restored = std::nullopt) {
  auto c = std::make_unique<test::SyncClient>(hub, hub.code(), "", outbox, after,
                                              std::move(restored), "", compress);
  REQUIRE(c->wait_for([&] { return c->online; }));
  return c;
}

}  // namespace

TEST_CASE(
    "a client reading zstd frames and a plain one end with the same replica, the first "
    "reading fewer bytes") {
  const auto dir = test::fresh_folder("compression");
  test::HubProcess hub(dir / "event.db", {"--demo", "400", "--team-delay-ms", "60000"});
  const core::Viewer newcomer_view{core::Role::Participant, 0};

  // A snapshot: the demo's 400 participants are far more than one frame's threshold.
  net::MemoryOutbox plain_outbox, zstd_outbox;
  auto plain = newcomer(hub, plain_outbox, false);
  auto zstd = newcomer(hub, zstd_outbox, true);
  CHECK(plain->snapshots == 1);
  CHECK(zstd->snapshots == 1);
  CHECK(plain->problems.empty());
  CHECK(zstd->problems.empty());
  CHECK(zstd->replica.seq() == plain->replica.seq());
  CHECK(zstd->replica.state() == plain->replica.state());
  CHECK(test::difference_from_hub(zstd->replica.state(), test::hub_state(dir / "event.db"),
                                  newcomer_view) == "");
  const std::uint64_t plain_snapshot = plain->connection->bytes_received();
  const std::uint64_t zstd_snapshot = zstd->connection->bytes_received();
  MESSAGE("snapshot of 400 participants: " << plain_snapshot << " bytes plain, " << zstd_snapshot
                                           << " compressed");
  CHECK(zstd_snapshot * 3 < plain_snapshot);

  // A catch-up by operations: both come back after the organiser's announcements (about 60 KB
  // of them).
  const std::uint64_t after = plain->replica.seq();
  core::EventState kept = plain->replica.state();
  plain->stop();
  zstd->stop();
  net::MemoryOutbox organiser_outbox;
  test::SyncClient organiser(hub, "", hub.organiser(), organiser_outbox);
  REQUIRE(organiser.wait_for([&] { return organiser.online; }));
  std::vector<std::string> ids;
  for (int i = 0; i < 60; ++i) {
    auto id = organiser.submit(core::Announce{.text = "Announcement " + std::to_string(i) + ": " +
                                                      std::string(900, 'a' + i % 26)});
    REQUIRE(id.ok());
    ids.push_back(*id);
  }
  REQUIRE(organiser.wait_for([&] { return organiser.answered(ids.back()); }));
  for (const std::string& id : ids) CHECK(organiser.done.count(id) == 1);

  net::MemoryOutbox plain_again_outbox, zstd_again_outbox;
  auto plain_again = newcomer(hub, plain_again_outbox, false, after, kept);
  auto zstd_again = newcomer(hub, zstd_again_outbox, true, after, kept);
  CHECK(plain_again->snapshots == 0);
  CHECK(zstd_again->snapshots == 0);
  CHECK(plain_again->seen.size() == 60);
  CHECK(zstd_again->seen == plain_again->seen);
  CHECK(zstd_again->problems.empty());
  CHECK(zstd_again->replica.state() == plain_again->replica.state());
  CHECK(test::difference_from_hub(zstd_again->replica.state(), test::hub_state(dir / "event.db"),
                                  newcomer_view) == "");
  const std::uint64_t plain_ops = plain_again->connection->bytes_received();
  const std::uint64_t zstd_ops = zstd_again->connection->bytes_received();
  MESSAGE("catch-up of 60 announcements: " << plain_ops << " bytes plain, " << zstd_ops
                                           << " compressed");
  CHECK(zstd_ops * 2 < plain_ops);
}
