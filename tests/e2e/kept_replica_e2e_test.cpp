// The event kept on the participant's computer across a restart of the hub: the app signs in with
// a token, syncs and closes; the hub restarts on the same database and the event moves on; the
// app starts again from its folder and catches up by operations, reading a small part of what
// its first sync read, and ends with the hub's view.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "app/client/state/client_session.hpp"
#include "core/demo_event.hpp"
#include "core/event/json_codec.hpp"
#include "tests/app/session_frames.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/e2e/sync_client.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::frames_until;

bool online(const client::ClientSession& session) {
  return session.link().status == client::LinkStatus::Online;
}

}  // namespace

TEST_CASE("a persisted replica catches up after a hub restart") {
  const auto dir = test::fresh_folder("kept-replica-restart");
  const auto folder = dir / "ana";
  auto hub = std::make_unique<test::HubProcess>(
      dir / "event.db", std::vector<std::string>{"--demo", "2000", "--team-delay-ms", "60000"});
  const int port = hub->port();
  const std::string organiser_token = hub->organiser();

  // Ana registers (in a browser-less test: a client in memory) and gets her token.
  std::string token;
  core::ParticipantId ana_id = 0;
  {
    net::MemoryOutbox outbox;
    test::SyncClient c(*hub, hub->code(), "", outbox);
    REQUIRE(c.wait_for([&] { return c.online; }));
    auto id = c.submit(core::Register{.profile = test::test_profile(1)});
    REQUIRE(id.ok());
    REQUIRE(c.wait_for([&] { return c.done.count(*id) > 0 && !c.token.empty(); }));
    token = c.token;
    ana_id = c.participant;
  }

  // Her app signs in with the token, syncs (a snapshot: nothing is kept yet) and closes.
  std::uint64_t first_sync = 0;
  {
    net::MemoryOutbox outbox;
    client::ClientSession app(test::taxonomy(), outbox);
    app.keep_outbox_in(folder);
    net::ClientOptions options = hub->client_options();
    options.token = token;
    REQUIRE(app.connect(options).ok());
    CHECK_FALSE(app.opening_kept_event());
    REQUIRE(frames_until(app, [&] { return app.joined() && online(app); }));
    CHECK(app.welcome()->catch_up == "snapshot");
    CHECK(app.me() == ana_id);
    first_sync = app.bytes_received();
  }

  // The hub restarts on the same database and port; the event moves on: announcements for
  // everyone, and requests between other people that Ana's feed skips.
  hub->stop();
  hub.reset();
  hub = std::make_unique<test::HubProcess>(
      dir / "event.db", std::vector<std::string>{"--team-delay-ms", "60000"}, port);
  std::uint64_t last = 0;
  {
    net::MemoryOutbox outbox;
    test::SyncClient organiser(*hub, "", organiser_token, outbox);
    REQUIRE(organiser.wait_for([&] { return organiser.online; }));
    std::vector<std::string> ids;
    for (int i = 0; i < 20; ++i) {
      auto announced = organiser.submit(core::Announce{.text = "News " + std::to_string(i)});
      REQUIRE(announced.ok());
      ids.push_back(*announced);
      auto requested =
          organiser.submit(core::RequestMeeting{.from = static_cast<core::ParticipantId>(10 + i),
                                                .to = static_cast<core::ParticipantId>(100 + i),
                                                .message = "About the pilot"});
      REQUIRE(requested.ok());
      ids.push_back(*requested);
    }
    REQUIRE(organiser.wait_for([&] {
      return std::all_of(ids.begin(), ids.end(),
                         [&](const auto& id) { return organiser.answered(id); });
    }));
    for (const auto& id : ids) last = std::max(last, organiser.done[id]);
    CHECK(organiser.problems.empty());
    organiser.stop();
  }

  // The app starts again from its folder: the kept event, then the operations after it.
  net::MemoryOutbox outbox;
  client::ClientSession app(test::taxonomy(), outbox);
  app.keep_outbox_in(folder);
  net::ClientOptions options = hub->client_options();
  options.token = token;
  REQUIRE(app.connect(options).ok());
  CHECK(app.opening_kept_event());
  REQUIRE(frames_until(app, [&] { return app.joined(); }));
  CHECK(app.showing_kept_event());
  REQUIRE(frames_until(app, [&] { return online(app) && app.seq() >= last; }));
  CHECK(app.welcome()->catch_up == "operations");
  const std::uint64_t returning = app.bytes_received();
  MESSAGE("first sync " << first_sync << " bytes; back after 40 operations: " << returning
                        << " bytes");
  CHECK(returning * 10 < first_sync);
  std::size_t news = 0;
  for (const auto& a : app.state().announcements) news += a.text.rfind("News ", 0) == 0;
  CHECK(news == 20);

  // Equal to the hub's view: a fresh snapshot for the same token.
  net::MemoryOutbox fresh_outbox;
  client::ClientSession fresh(test::taxonomy(), fresh_outbox);
  REQUIRE(fresh.connect(options).ok());
  REQUIRE(frames_until(fresh, [&] { return online(fresh) && fresh.seq() >= app.seq(); }));
  CHECK(fresh.welcome()->catch_up == "snapshot");
  CHECK(core::state_to_json(app.state()) == core::state_to_json(fresh.state()));
  fresh.disconnect();
  app.disconnect();
  CHECK(hub->stop() == 0);
  std::filesystem::remove_all(dir);
}
