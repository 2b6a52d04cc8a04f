// The event kept on this computer against a real hub: a returning participant sees it before the
// hub answers, then receives only the operations missed and ends with the hub's view; a replica
// kept for another token is not used; a damaged one falls back to a snapshot, and what was made
// offline is still sent.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "app/client/state/client_session.hpp"
#include "core/demo_event.hpp"
#include "core/event/json_codec.hpp"
#include "tests/app/session_frames.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/test_assets.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::frames_until;
using crossmatch::test::kNow;

bool online(const client::ClientSession& session) {
  return session.link().status == client::LinkStatus::Online;
}

bool has_note(const client::ClientSession& session, client::NoticeKind kind,
              const std::string& text) {
  for (const auto& n : session.notifications().all()) {
    if (n.kind == kind && n.text.find(text) != std::string::npos) return true;
  }
  return false;
}

core::Profile profile(int index) {
  auto people =
      core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {40, 3});
  REQUIRE(people.ok());
  core::Profile p = (*people)[static_cast<std::size_t>(index)].profile;
  p.languages = {"en"};
  p.organisation = "Organisation " + std::to_string(index);
  return p;
}

// A hub with a few demo participants, its organiser online, and newcomers who register.
struct KeptEventHub {
  std::filesystem::path dir = test::fresh_folder("kept-replica");
  test::HubProcess hub{dir / "event.db", {"--demo", "20"}};
  net::MemoryOutbox organiser_outbox;
  client::ClientSession organiser{test::taxonomy(), organiser_outbox};

  KeptEventHub() {
    net::ClientOptions options = hub.client_options();
    options.token = hub.organiser();
    REQUIRE(organiser.connect(options).ok());
    REQUIRE(frames_until(organiser, [&] { return organiser.joined() && online(organiser); }));
  }
  ~KeptEventHub() {
    organiser.disconnect();
    hub.stop();
    std::filesystem::remove_all(dir);
  }

  // Options that sign in with `token`.
  net::ClientOptions with_token(const std::string& token) const {
    net::ClientOptions options = hub.client_options();
    options.token = token;
    return options;
  }
  // A newcomer registers with the code in an app that keeps its files in `folder` (none: in
  // memory); their token.
  std::string register_newcomer(int index, const std::optional<std::filesystem::path>& folder,
                                core::ParticipantId* id = nullptr) {
    net::MemoryOutbox outbox;
    client::ClientSession app(test::taxonomy(), outbox);
    if (folder) app.keep_outbox_in(*folder);
    net::ClientOptions options = hub.client_options();
    options.join_code = hub.code();
    REQUIRE(app.connect(options).ok());
    REQUIRE(frames_until(app, [&] { return app.joined() && online(app); }));
    REQUIRE(app.submit(core::Register{.profile = profile(index)}).ok());
    std::optional<std::string> token;
    REQUIRE(frames_until(app, [&] { return (token = app.take_issued_token()).has_value(); }));
    REQUIRE(frames_until(app, [&] { return app.link().pending == 0 && app.my_record(); }));
    if (id != nullptr) *id = app.me();
    return *token;
  }  // the app closes: what it keeps is written
  void announce(const std::string& text) {
    REQUIRE(organiser.submit(core::Announce{.text = text}).ok());
    REQUIRE(frames_until(organiser, [&] { return organiser.link().pending == 0; }));
  }
  // The state the hub lets `token` see now, from a fresh snapshot, and the bytes it took.
  std::pair<std::string, std::uint64_t> fresh_view(const std::string& token,
                                                   std::uint64_t at_least) {
    net::MemoryOutbox outbox;
    client::ClientSession fresh(test::taxonomy(), outbox);
    REQUIRE(fresh.connect(with_token(token)).ok());
    REQUIRE(frames_until(fresh, [&] { return online(fresh) && fresh.seq() >= at_least; }));
    CHECK(fresh.welcome()->catch_up == "snapshot");
    return {core::state_to_json(fresh.state()), fresh.bytes_received()};
  }
  // The client file of an app that keeps its files in `folder`.
  std::filesystem::path client_file(const std::filesystem::path& folder) const {
    return folder / ("outbox-127.0.0.1-" + std::to_string(hub.port()) + ".db");
  }
};

}  // namespace

TEST_CASE(
    "a returning participant sees the event kept on this computer at once, then receives only "
    "the operations missed and ends with the hub's view" *
    doctest::test_suite("slow")) {
  KeptEventHub event;
  const auto folder = event.dir / "ana";
  core::ParticipantId ana_id = 0;
  const std::string token = event.register_newcomer(0, folder, &ana_id);
  std::uint64_t kept_seq = 0;
  std::string kept_json;
  {
    // She signs in again and closes the app: the event is kept as she saw it.
    net::MemoryOutbox outbox;
    client::ClientSession ana(test::taxonomy(), outbox);
    ana.keep_outbox_in(folder);
    REQUIRE(ana.connect(event.with_token(token)).ok());
    REQUIRE(frames_until(ana, [&] { return ana.joined() && online(ana); }));
    event.announce("Welcome, everyone");
    REQUIRE(frames_until(
        ana, [&] { return has_note(ana, client::NoticeKind::Announcement, "Welcome"); }));
    kept_seq = ana.seq();
    kept_json = core::state_to_json(ana.state());
  }

  // While the app is closed the event moves on.
  event.announce("The pitches move to hall B");
  REQUIRE(event.organiser.submit(core::RequestMeeting{.from = 1, .to = ana_id}).ok());
  for (int i = 0; i < 5; ++i) event.announce("News " + std::to_string(i));
  const std::uint64_t hub_seq = event.organiser.seq();
  REQUIRE(hub_seq > kept_seq);

  net::MemoryOutbox outbox;
  auto app = std::make_unique<client::ClientSession>(test::taxonomy(), outbox);
  client::ClientSession& ana = *app;
  ana.keep_outbox_in(folder);
  REQUIRE(ana.connect(event.with_token(token)).ok());
  CHECK(ana.opening_kept_event());
  CHECK_FALSE(ana.joined());
  // The kept event shows before the hub has answered.
  REQUIRE(frames_until(ana, [&] { return ana.joined(); }));
  CHECK(ana.showing_kept_event());
  CHECK_FALSE(ana.welcome().has_value());
  CHECK(ana.me() == ana_id);
  CHECK(ana.role() == core::Role::Participant);
  CHECK(ana.seq() == kept_seq);
  CHECK(core::state_to_json(ana.state()) == kept_json);

  // Then the hub sends what she missed, as operations.
  REQUIRE(frames_until(ana, [&] { return online(ana) && ana.seq() >= hub_seq; }));
  REQUIRE(ana.welcome().has_value());
  CHECK(ana.welcome()->catch_up == "operations");
  CHECK_FALSE(ana.showing_kept_event());
  CHECK(has_note(ana, client::NoticeKind::Announcement, "hall B"));
  CHECK(has_note(ana, client::NoticeKind::Request, ana.name_of(1)));
  CHECK_FALSE(has_note(ana, client::NoticeKind::Announcement, "Welcome"));  // seen before
  const auto [hub_view, snapshot_bytes] = event.fresh_view(token, ana.seq());
  CHECK(core::state_to_json(ana.state()) == hub_view);
  CHECK(ana.bytes_received() < snapshot_bytes / 2);
  MESSAGE("catching up took " << ana.bytes_received() << " bytes, a snapshot " << snapshot_bytes);

  // Disconnected and back in the same app: operations again, from the replica in memory.
  event.announce("Lunch is served");
  ana.disconnect();
  REQUIRE(ana.connect(event.with_token(token)).ok());
  CHECK_FALSE(ana.opening_kept_event());
  REQUIRE(frames_until(ana, [&] { return online(ana) && ana.seq() >= event.organiser.seq(); }));
  CHECK(ana.welcome()->catch_up == "operations");
  const std::string now_json = core::state_to_json(ana.state());
  const std::uint64_t now_seq = ana.seq();
  app.reset();  // the app closes

  // Offline: the next start shows what was kept, up to the last operation received.
  event.hub.stop();
  net::MemoryOutbox again_outbox;
  client::ClientSession again(test::taxonomy(), again_outbox);
  again.keep_outbox_in(folder);
  REQUIRE(again.connect(event.with_token(token)).ok());
  REQUIRE(frames_until(again, [&] { return again.joined(); }));
  CHECK(again.seq() == now_seq);
  CHECK(core::state_to_json(again.state()) == now_json);
  CHECK(again.me() == ana_id);
  for (int i = 0; i < 10; ++i) {
    again.update(kNow);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(again.joined());
  CHECK(again.link().status != client::LinkStatus::Online);
  again.disconnect();
}

TEST_CASE("an event kept on this computer for another token is not used, and is replaced" *
          doctest::test_suite("slow")) {
  KeptEventHub event;
  const auto folder = event.dir / "shared";
  core::ParticipantId ana_id = 0, ben_id = 0;
  const std::string ana = event.register_newcomer(0, folder, &ana_id);
  const std::string ben = event.register_newcomer(1, std::nullopt, &ben_id);
  {
    auto file = client::SqliteOutbox::open(event.client_file(folder));
    REQUIRE(file.ok());
    auto header = (*file)->replica_header();
    REQUIRE(header.ok());
    REQUIRE(header->has_value());
    CHECK(client::ReplicaOwner::parse((*header)->owner)->participant == ana_id);
  }

  // Ben signs in on the same computer: Ana's replica is not shown to him; the hub sends him a
  // snapshot, and his replaces hers.
  {
    net::MemoryOutbox outbox;
    client::ClientSession session(test::taxonomy(), outbox);
    session.keep_outbox_in(folder);
    REQUIRE(session.connect(event.with_token(ben)).ok());
    CHECK_FALSE(session.opening_kept_event());
    CHECK_FALSE(session.joined());
    REQUIRE(frames_until(session, [&] { return session.joined() && online(session); }));
    CHECK(session.welcome()->catch_up == "snapshot");
    CHECK(session.me() == ben_id);

    // Ana signs in right after in the same app, while Ben's replica is still being written:
    // whose it is is looked at once written, and hers comes as a snapshot.
    session.disconnect();
    REQUIRE(session.connect(event.with_token(ana)).ok());
    REQUIRE(frames_until(session, [&] {
      return session.welcome().has_value() && session.me() == ana_id && online(session);
    }));
    CHECK(session.welcome()->catch_up == "snapshot");
    session.disconnect();
    REQUIRE(session.connect(event.with_token(ben)).ok());
    REQUIRE(frames_until(session, [&] {
      return session.welcome().has_value() && session.me() == ben_id && online(session);
    }));
    CHECK(session.welcome()->catch_up == "snapshot");
  }
  auto file = client::SqliteOutbox::open(event.client_file(folder));
  REQUIRE(file.ok());
  auto header = (*file)->replica_header();
  REQUIRE(header.ok());
  REQUIRE(header->has_value());
  const auto owner = client::ReplicaOwner::parse((*header)->owner);
  REQUIRE(owner.has_value());
  CHECK(owner->participant == ben_id);
  CHECK(owner->same_sign_in(
      client::ReplicaOwner::of("127.0.0.1:" + std::to_string(event.hub.port()), ben)));
}

TEST_CASE(
    "a damaged event kept on this computer is discarded: a snapshot comes, and what was made "
    "offline is still sent" *
    doctest::test_suite("slow")) {
  KeptEventHub event;
  const auto folder = event.dir / "ana";
  core::ParticipantId ana_id = 0;
  const std::string token = event.register_newcomer(0, folder, &ana_id);
  std::string offline_id;
  {
    // The file is damaged (its snapshot is not the state's JSON), and holds a request Ana made
    // offline.
    auto file = client::SqliteOutbox::open(event.client_file(folder));
    REQUIRE(file.ok());
    core::Operation made;
    made.id = offline_id = net::make_operation_id();
    made.actor = {core::Role::Participant, ana_id};
    made.payload = core::RequestMeeting{.from = ana_id, .to = 2, .message = "Made offline"};
    REQUIRE((*file)->add(made).ok());
    file->reset();
    SQLite::Database db(event.client_file(folder), SQLite::OPEN_READWRITE);
    db.exec("UPDATE snapshot SET state = '{\"event\":'");
  }

  net::MemoryOutbox outbox;
  client::ClientSession ana(test::taxonomy(), outbox);
  ana.keep_outbox_in(folder);
  REQUIRE(ana.connect(event.with_token(token)).ok());
  CHECK(ana.opening_kept_event());
  REQUIRE(frames_until(ana, [&] { return ana.joined() && online(ana); }));
  CHECK(ana.welcome()->catch_up == "snapshot");
  CHECK(ana.me() == ana_id);
  // The request made offline reached the hub once and came back applied.
  REQUIRE(frames_until(ana, [&] {
    if (ana.link().pending != 0) return false;
    for (const auto& [id, m] : ana.state().meetings)
      if (m.requester == ana_id && m.message == "Made offline") return true;
    return false;
  }));
  const auto [hub_view, snapshot_bytes] = event.fresh_view(token, ana.seq());
  CHECK(core::state_to_json(ana.state()) == hub_view);
  (void)snapshot_bytes;

  // A replica that works again is kept in its place.
  ana.disconnect();
  ana.kept_replica()->writer().wait();
  REQUIRE(ana.connect(event.with_token(token)).ok());
  REQUIRE(frames_until(ana, [&] { return online(ana); }));
  CHECK(ana.welcome()->catch_up == "operations");
}
