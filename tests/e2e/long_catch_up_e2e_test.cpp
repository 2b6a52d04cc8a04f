// A device far behind: while the hub still holds every operation it missed in memory, it catches
// up by operations even past the 5,000 that a catch-up read back from the store may take (a night
// away from a busy event); after a restart of the hub (nothing in memory) the same device takes a
// snapshot instead, which every returning device shares.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/event/json_codec.hpp"
#include "net/protocol.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/e2e/sync_client.hpp"

using namespace crossmatch;

TEST_CASE("a device 6,000 operations behind catches up by operations while the hub keeps them") {
  const auto dir = test::fresh_folder("long-catch-up");
  const std::vector<std::string> flags{"--rate", "100000",          "--burst",
                                       "100000", "--team-delay-ms", "600000"};
  std::vector<std::string> first_flags = flags;
  first_flags.insert(first_flags.end(), {"--demo", "20"});
  auto hub = std::make_unique<test::HubProcess>(dir / "event.db", first_flags);
  const int port = hub->port();
  const std::string organiser_token = hub->organiser();

  // The device syncs, keeps its replica and goes away.
  std::uint64_t left_at = 0;
  std::optional<core::EventState> kept;
  {
    net::MemoryOutbox outbox;
    test::SyncClient device(*hub, "", organiser_token, outbox);
    REQUIRE(device.wait_for([&] { return device.online; }));
    left_at = device.replica.seq();
    kept = device.replica.state();
    device.stop();
  }

  // The event moves on by more than a catch-up from the store may take.
  const int count = static_cast<int>(net::kMaxCatchUpOperations) + 1000;
  static_assert(net::kMaxCatchUpOperations + 1000 <= net::kMaxKeptCatchUpOperations);
  std::uint64_t last = 0;
  {
    net::MemoryOutbox outbox;
    test::SyncClient organiser(*hub, "", organiser_token, outbox);
    REQUIRE(organiser.wait_for([&] { return organiser.online; }));
    std::vector<std::string> ids;
    for (int i = 0; i < count; ++i) {
      auto id = organiser.submit(core::Announce{.text = "News " + std::to_string(i)});
      REQUIRE(id.ok());
      ids.push_back(*id);
    }
    REQUIRE(organiser.wait_for(
        [&] {
          return std::all_of(ids.begin(), ids.end(),
                             [&](const auto& id) { return organiser.answered(id); });
        },
        120s));
    CHECK(organiser.refused.empty());
    for (const auto& id : ids) last = std::max(last, organiser.done[id]);
    organiser.stop();
  }
  REQUIRE(last - left_at > net::kMaxCatchUpOperations);

  const auto has_latest = [&](const core::EventState& state) {
    return std::any_of(state.announcements.begin(), state.announcements.end(), [&](const auto& a) {
      return a.text == "News " + std::to_string(count - 1);
    });
  };
  std::string caught_up;

  // Back while the hub holds them all: the operations, no snapshot.
  {
    net::MemoryOutbox outbox;
    test::SyncClient device(*hub, "", organiser_token, outbox, left_at, kept);
    REQUIRE(device.wait_for([&] { return device.online && device.replica.seq() >= last; }, 60s));
    CHECK(device.snapshots == 0);
    CHECK(device.seen.size() >= static_cast<std::size_t>(count));
    CHECK(device.problems.empty());
    CHECK(has_latest(device.replica.state()));
    caught_up = core::state_to_json(device.replica.state());
    device.stop();
  }

  // The hub restarts: nothing is in memory, so the same return takes a snapshot.
  hub->stop();
  hub.reset();
  hub = std::make_unique<test::HubProcess>(dir / "event.db", flags, port);
  {
    net::MemoryOutbox outbox;
    test::SyncClient device(*hub, "", organiser_token, outbox, left_at, kept);
    REQUIRE(device.wait_for([&] { return device.online && device.replica.seq() >= last; }, 60s));
    CHECK(device.snapshots == 1);
    CHECK(device.problems.empty());
    // The same event as the catch-up by operations made.
    CHECK(core::state_to_json(device.replica.state()) == caught_up);
    device.stop();
  }
  CHECK(hub->stop() == 0);
  std::filesystem::remove_all(dir);
}
