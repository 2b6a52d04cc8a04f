// The client's session against a real hub: joining, what goes wrong (a wrong token, no hub at the
// address), and the notifications that operations of others raise (a new request, an answer, an
// announcement).
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>

#include "app/client/state/join_form.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/session_frames.hpp"
#include "tests/e2e/hub_process.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::frames_until;
using crossmatch::test::kNow;

// Runs the session's frames until `done` or 20 seconds pass.
bool has_note(const client::ClientSession& session, client::NoticeKind kind,
              const std::string& text) {
  for (const auto& n : session.notifications().all()) {
    if (n.kind == kind && n.text.find(text) != std::string::npos) return true;
  }
  return false;
}

// A hub of a later release on a loopback port (without TLS, as with --insecure): it reads the
// client's hello and answers as such a hub answers a client of another protocol version
// (docs/protocol.md), then closes.
class LaterHub {
 public:
  LaterHub() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(listener_ >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::listen(listener_, 4) == 0);
    socklen_t size = sizeof address;
    REQUIRE(::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size) == 0);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~LaterHub() {
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    thread_.join();
  }
  int port() const { return port_; }
  std::string hello() {
    std::lock_guard lock(mutex_);
    return hello_;
  }

 private:
  void serve() {
    const int c = ::accept(listener_, nullptr, nullptr);
    if (c < 0) return;
    char buffer[4096];
    std::string got;
    while (got.find('\n') == std::string::npos) {
      const ssize_t n = ::read(c, buffer, sizeof buffer);
      if (n <= 0) break;
      got.append(buffer, static_cast<std::size_t>(n));
    }
    {
      std::lock_guard lock(mutex_);
      hello_ = got.substr(0, got.find('\n'));
    }
    const std::string reply =
        R"({"type":"error","code":"protocol_mismatch","field":"protocol","message":"This hub speaks protocol 2, the client 1; use a client of the same version as the hub.","close":true})"
        "\n";
    [[maybe_unused]] const ssize_t written = ::write(c, reply.data(), reply.size());
    ::close(c);
  }

  int listener_ = -1;
  int port_ = 0;
  std::mutex mutex_;
  std::string hello_;
  std::thread thread_;
};

}  // namespace

TEST_CASE("session against a hub of another protocol version: stops and says so") {
  LaterHub hub;
  net::MemoryOutbox outbox;
  client::ClientSession session(test::taxonomy(), outbox);
  client::JoinForm join;
  join.hub = "127.0.0.1:" + std::to_string(hub.port());
  join.code = "K7QF-M2XD";
  join.insecure = true;  // the stand-in speaks plain TCP, as a hub started with --insecure
  REQUIRE(join.join(client::Credential::Code, session, nullptr));
  REQUIRE(frames_until(session, [&] { return session.fatal_error().has_value(); }));
  CHECK(hub.hello().find("\"protocol\":1") != std::string::npos);
  CHECK_FALSE(session.joined());
  CHECK(session.fatal_error()->code == "protocol_mismatch");
  // The person sees the hub's explanation, and the client does not keep retrying.
  CHECK(join.message(session).find("protocol 2") != std::string::npos);
  CHECK(join.message(session).find("same version") != std::string::npos);
  for (int i = 0; i < 20; ++i) {
    session.update(kNow);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(session.link().status != client::LinkStatus::Reconnecting);
  session.disconnect();
}

TEST_CASE("session with a hub: join, register, get a request and an answer, see an announcement" *
          doctest::test_suite("slow")) {
  const auto dir = test::fresh_folder("client-session");
  test::HubProcess hub(dir / "event.db", {"--demo", "20"});
  const std::string address = "127.0.0.1:" + std::to_string(hub.port());

  // Ana joins with the code through the join form and registers.
  net::MemoryOutbox ana_outbox;
  client::ClientSession ana(test::taxonomy(), ana_outbox);
  client::JoinForm join;
  join.hub = address;
  join.code = hub.code();
  join.insecure = !hub.tls();
  client::ClientConfig config = client::ClientConfig::load(dir / "config");
  REQUIRE(join.join(client::Credential::Code, ana, &config));
  REQUIRE(frames_until(ana, [&] { return ana.joined(); }));
  // The app remembers the certificate it checked by the join code's pin (each frame, as the app).
  join.remember_token(ana, &config);
  CHECK(config.get(client::JoinForm::pin_key(address)) == hub.fingerprint());
  CHECK(ana.me() == 0);
  auto people =
      core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {40, 3});
  REQUIRE(people.ok());
  core::Profile profile = people->back().profile;
  profile.languages = {"en"};
  REQUIRE(ana.submit(core::Register{.profile = profile}).ok());
  std::optional<std::string> token;
  REQUIRE(frames_until(ana, [&] { return (token = ana.take_issued_token()).has_value(); }));
  CHECK(ana.me() != 0);
  REQUIRE(frames_until(ana, [&] { return ana.my_record() != nullptr && ana.link().pending == 0; }));
  CHECK(ana.link().status == client::LinkStatus::Online);

  // Ben registers too and asks Ana to meet; Ana is told.
  net::MemoryOutbox ben_outbox;
  client::ClientSession ben(test::taxonomy(), ben_outbox);
  net::ClientOptions options = hub.client_options();
  options.join_code = hub.code();
  REQUIRE(ben.connect(options).ok());
  REQUIRE(frames_until(ben, [&] { return ben.joined(); }));
  profile = people->front().profile;
  profile.languages = {"en"};
  profile.organisation = "Another Organisation";
  REQUIRE(ben.submit(core::Register{.profile = profile}).ok());
  REQUIRE(frames_until(ben, [&] { return ben.take_issued_token().has_value(); }));
  REQUIRE(ben.submit(core::RequestMeeting{.from = ben.me(), .to = ana.me(), .message = "Coffee?"})
              .ok());
  REQUIRE(frames_until(
      ana, [&] { return has_note(ana, client::NoticeKind::Request, ben.name_of(ben.me())); }));

  // Ana accepts; Ben is told.
  core::MeetingId meeting = 0;
  for (const auto& [id, m] : ana.state().meetings) {
    if (m.requester == ben.me()) meeting = id;
  }
  REQUIRE(meeting != 0);
  REQUIRE(ana.submit(core::AcceptMeeting{.meeting = meeting}).ok());
  REQUIRE(frames_until(ben, [&] { return has_note(ben, client::NoticeKind::Answer, "accepted"); }));

  // The organiser announces; both are told.
  net::MemoryOutbox organiser_outbox;
  client::ClientSession organiser(test::taxonomy(), organiser_outbox);
  options.join_code.clear();
  options.token = hub.organiser();
  REQUIRE(organiser.connect(options).ok());
  REQUIRE(frames_until(organiser, [&] { return organiser.joined(); }));
  CHECK(organiser.role() == core::Role::Organiser);
  REQUIRE(organiser.submit(core::Announce{.text = "Lunch is served"}).ok());
  CHECK(frames_until(
      ana, [&] { return has_note(ana, client::NoticeKind::Announcement, "Lunch is served"); }));
  CHECK(frames_until(
      ben, [&] { return has_note(ben, client::NoticeKind::Announcement, "Lunch is served"); }));

  // The token Ana was given lets her back in as herself.
  const core::ParticipantId ana_id = ana.me();
  ana.disconnect();
  CHECK(ana.link().status == client::LinkStatus::Offline);
  // With the token alone: the remembered pin checks the hub.
  join.token = *token;
  REQUIRE(join.join(client::Credential::Token, ana, &config));
  REQUIRE(frames_until(ana, [&] { return ana.link().status == client::LinkStatus::Online; }));
  CHECK(ana.me() == ana_id);

  if (hub.tls()) {
    // A hub whose certificate is not the remembered one is refused, and the message says what
    // changed and which line to remove if the organiser did replace it.
    ana.disconnect();
    config.set(client::JoinForm::pin_key(address), std::string(64, 'b'));
    REQUIRE(join.join(client::Credential::Token, ana, &config));
    REQUIRE(frames_until(ana, [&] { return ana.fatal_error().has_value(); }));
    CHECK(ana.fatal_error()->code == "certificate_changed");
    const std::string message = join.message(ana);
    CHECK(message.find("Ask the organiser") != std::string::npos);
    CHECK(message.find(client::JoinForm::pin_key(address)) != std::string::npos);
    CHECK(message.find((dir / "config" / "client.conf").string()) != std::string::npos);
    CHECK(ana.link().status == client::LinkStatus::Offline);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("session with a hub: a wrong token and an unreachable hub get clear messages" *
          doctest::test_suite("slow")) {
  const auto dir = test::fresh_folder("client-errors");
  test::HubProcess hub(dir / "event.db", {"--demo", "5"});
  net::MemoryOutbox outbox;
  client::ClientSession session(test::taxonomy(), outbox);
  client::JoinForm join;
  join.hub = "127.0.0.1:" + std::to_string(hub.port());
  join.token = "not-a-real-token";
  join.pin = hub.fingerprint();
  join.insecure = !hub.tls();
  REQUIRE(join.join(client::Credential::Token, session, nullptr));
  REQUIRE(frames_until(session, [&] { return session.fatal_error().has_value(); }));
  CHECK_FALSE(session.joined());
  CHECK_FALSE(join.message(session).empty());
  CHECK(join.message(session) == session.fatal_error()->message);

  // Nobody listens on the hub's port once it stops.
  const int port = hub.port();
  hub.stop();
  join.hub = "127.0.0.1:" + std::to_string(port);
  join.token = hub.organiser();
  REQUIRE(join.join(client::Credential::Token, session, nullptr));
  REQUIRE(frames_until(session,
                       [&] { return session.link().status == client::LinkStatus::Reconnecting; }));
  const std::string message = join.message(session);
  CHECK(message.find("Cannot reach the hub at 127.0.0.1:" + std::to_string(port)) == 0);
  CHECK(message.find("reach the hub", message.find("reach the hub") + 1) ==
        std::string::npos);  // said once
  session.disconnect();
  std::filesystem::remove_all(dir);
}

TEST_CASE(
    "session with a hub: what was announced or asked while the app was closed reaches the "
    "person when they come back, also in a fresh app" *
    doctest::test_suite("slow")) {
  const auto dir = test::fresh_folder("client-missed");
  test::HubProcess hub(dir / "event.db", {"--demo", "20"});
  auto people =
      core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {40, 3});
  REQUIRE(people.ok());

  net::MemoryOutbox organiser_outbox;
  client::ClientSession organiser(test::taxonomy(), organiser_outbox);
  net::ClientOptions options = hub.client_options();
  options.token = hub.organiser();
  REQUIRE(organiser.connect(options).ok());
  REQUIRE(frames_until(organiser, [&] { return organiser.joined(); }));
  const auto announce = [&](const std::string& text) {
    REQUIRE(organiser.submit(core::Announce{.text = text}).ok());
    REQUIRE(frames_until(organiser, [&] { return organiser.link().pending == 0; }));
  };

  // Ana registers with the join code; her app keeps its files in her config folder.
  std::string token;
  core::ParticipantId ana_id = 0;
  net::ClientOptions ana_options = hub.client_options();
  {
    net::MemoryOutbox outbox;
    client::ClientSession ana(test::taxonomy(), outbox);
    ana.keep_outbox_in(dir / "ana");
    ana_options.join_code = hub.code();
    REQUIRE(ana.connect(ana_options).ok());
    REQUIRE(frames_until(ana, [&] { return ana.joined(); }));
    core::Profile profile = people->back().profile;
    profile.languages = {"en"};
    REQUIRE(ana.submit(core::Register{.profile = profile}).ok());
    std::optional<std::string> issued;
    REQUIRE(frames_until(ana, [&] { return (issued = ana.take_issued_token()).has_value(); }));
    token = *issued;
    ana_id = ana.me();
    REQUIRE(frames_until(ana, [&] { return ana.link().pending == 0 && ana.my_record(); }));
    announce("Welcome, everyone");
    REQUIRE(frames_until(
        ana, [&] { return has_note(ana, client::NoticeKind::Announcement, "Welcome"); }));
  }  // Ana closes the app.
  ana_options.join_code.clear();
  ana_options.token = token;

  // While it is closed: an announcement, and a request to her.
  announce("The pitches move to hall B");
  const core::ParticipantId someone = 1;
  REQUIRE(organiser.submit(core::RequestMeeting{.from = someone, .to = ana_id}).ok());
  REQUIRE(frames_until(organiser, [&] { return organiser.link().pending == 0; }));

  // The hub shares a snapshot between clients for 5 s; after that, hers is taken now and holds
  // what she missed, which then comes only as notices.
  const auto fresh_snapshot = [] { std::this_thread::sleep_for(std::chrono::milliseconds(5300)); };
  fresh_snapshot();

  // A fresh app (a snapshot) with her config folder: both reach her, and nothing she had seen
  // comes again.
  {
    net::MemoryOutbox outbox;
    client::ClientSession ana(test::taxonomy(), outbox);
    ana.keep_outbox_in(dir / "ana");
    REQUIRE(ana.connect(ana_options).ok());
    REQUIRE(frames_until(ana, [&] { return ana.link().status == client::LinkStatus::Online; }));
    CHECK(has_note(ana, client::NoticeKind::Announcement, "hall B"));
    CHECK(has_note(ana, client::NoticeKind::Request, organiser.name_of(someone)));
    CHECK_FALSE(has_note(ana, client::NoticeKind::Announcement, "Welcome"));
    CHECK(ana.notifications().unread() == 2);
    ana.notifications().mark_all_read();

    // The same app disconnected and back (a snapshot again): the one announcement she missed.
    ana.disconnect();
    announce("Coffee is served");
    fresh_snapshot();
    REQUIRE(ana.connect(ana_options).ok());
    REQUIRE(frames_until(ana, [&] { return ana.notifications().unread() > 0; }));
    REQUIRE(frames_until(ana, [&] { return ana.link().status == client::LinkStatus::Online; }));
    CHECK(has_note(ana, client::NoticeKind::Announcement, "Coffee is served"));
    CHECK(ana.notifications().unread() == 1);
  }

  std::filesystem::remove_all(dir);
}
