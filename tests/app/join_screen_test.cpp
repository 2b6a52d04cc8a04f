// The join screen: the join code and the token in fields of their own, the token masked; a wrong
// pin that does not stick; an unreachable hub said once.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "app/client/state/join_form.hpp"
#include "app/client/views/join_view.hpp"
#include "net/tls_identity.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/app/session_frames.hpp"
#include "tests/e2e/hub_process.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::kNow;

// A loopback port nobody listens on.
int closed_port() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(s >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t size = sizeof address;
  REQUIRE(::getsockname(s, reinterpret_cast<sockaddr*>(&address), &size) == 0);
  ::close(s);
  return ntohs(address.sin_port);
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

template <class Done>
bool frames_until(client::ClientSession& session, client::JoinForm& join,
                  client::ClientConfig* config, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    session.update(kNow);
    join.remember_token(session, config);
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace

// The join screen as the app draws it each frame.
struct JoinScreen {
  net::MemoryOutbox outbox;
  client::ClientSession session{test::taxonomy(), outbox};
  client::JoinForm join;
  test::HeadlessUi ui;
  const test::HeadlessUi::Body body = [this] {
    session.update(kNow);
    client::draw_join_view(join, session, nullptr);
  };
  static ImGuiID id(const char* label) {
    return test::HeadlessUi::id_of([] {}, label, 0);
  }
  // Ctrl+C in the focused input: what it copies.
  std::string copy_all() {
    ImGui::SetClipboardText("");
    ui.select_all(body);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_C] = 'C';
    io.KeyCtrl = true;
    io.KeysDown['C'] = true;
    ui.frame(body);
    io.KeysDown['C'] = false;
    io.KeyCtrl = false;
    ui.frame(body);
    return ImGui::GetClipboardText();
  }
};

TEST_CASE("join screen: the code and the token are fields of their own; the token is masked") {
  JoinScreen s;
  const std::string text = s.ui.frame(s.body);
  CHECK(text.find("join code") != std::string::npos);
  CHECK(text.find("Your token") != std::string::npos);

  REQUIRE(s.ui.click(JoinScreen::id("Join code"), s.body));
  s.ui.type("K7QF-M2XD", s.body);
  CHECK(s.copy_all() == "K7QF-M2XD");  // an ordinary field copies
  REQUIRE(s.ui.click(JoinScreen::id("Token"), s.body));
  s.ui.type("p-secret", s.body);
  CHECK(s.join.code == "K7QF-M2XD");
  CHECK(s.join.token == "p-secret");
  // Masked: ImGui draws it as asterisks and will not copy it.
  CHECK(s.copy_all().empty());

  // "Show" unmasks it.
  REQUIRE(s.ui.click(JoinScreen::id("Show##token"), s.body));
  CHECK(s.join.show_token);
  REQUIRE(s.ui.click(JoinScreen::id("Token"), s.body));
  CHECK(s.copy_all() == "p-secret");

  // Each button signs in with its own field: a code without its pin is explained, and a token
  // on a first visit asks for the pin.
  s.join.hub = "127.0.0.1:7420";
  REQUIRE(s.ui.click(JoinScreen::id("Join with code"), s.body));
  CHECK(s.ui.frame(s.body).find("has no pin") != std::string::npos);
  REQUIRE(s.ui.click(JoinScreen::id("Sign in with token"), s.body));
  CHECK(s.ui.frame(s.body).find("enter the hub's pin") != std::string::npos);
  CHECK(s.session.link().status == client::LinkStatus::Offline);
}

TEST_CASE("join screen: a returning person signs in first; the pin is not asked for again") {
  const auto dir = test::fresh_folder("join-returning");
  client::ClientConfig config = client::ClientConfig::load(dir);
  config.set("hub", "127.0.0.1:7420");
  config.set("code", "K7QF-M2XD-ABCD-EFGH-JKLM");
  config.set("token", "p-secret");
  config.set(client::JoinForm::pin_key("127.0.0.1:7420"), std::string(64, 'a'));
  JoinScreen s;
  s.join.load(config);
  CHECK(s.join.remembered_token);
  const test::HeadlessUi::Body body = [&] {
    s.session.update(kNow);
    client::draw_join_view(s.join, s.session, &config);
  };
  const std::string text = s.ui.frame(body);
  const auto back = text.find("Welcome back");
  const auto someone_new = text.find("Someone new on this computer");
  REQUIRE(back != std::string::npos);
  REQUIRE(someone_new != std::string::npos);
  CHECK(back < someone_new);  // signing in again comes before joining as someone new
  CHECK(text.find("New here?") == std::string::npos);
  CHECK(text.find("the hub's pin") == std::string::npos);  // remembered: not asked for
  CHECK(s.ui.find(JoinScreen::id("Sign in"), body).has_value());
  CHECK_FALSE(s.ui.find(JoinScreen::id("Sign in with token"), body).has_value());

  // Without a remembered token the screen is the newcomer's, the pin asked for.
  JoinScreen fresh;
  const std::string first = fresh.ui.frame(fresh.body);
  CHECK(first.find("New here?") < first.find("Been here before"));
  CHECK(first.find("the hub's pin") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("join screen: an unreachable hub is said once") {
  JoinScreen s;
  s.ui.frame(s.body);
  const std::string hub = "127.0.0.1:" + std::to_string(closed_port());
  s.join.hub = hub;
  s.join.code = "K7QF-M2XD-" + net::short_pin(std::string(64, 'a'));
  REQUIRE(s.ui.click(JoinScreen::id("Join with code"), s.body));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (s.session.link().status != client::LinkStatus::Reconnecting &&
         std::chrono::steady_clock::now() < deadline) {
    s.ui.frame(s.body);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(s.session.link().status == client::LinkStatus::Reconnecting);
  const std::string text = s.ui.frame(s.body);
  CHECK(text.find("Cannot reach the hub at " + hub + ": ") != std::string::npos);
  CHECK(count_of(text, "reach the hub") == 1);
  CHECK(count_of(s.join.message(s.session), hub) == 1);
  s.session.disconnect();
}

TEST_CASE("join form: a wrong pin does not stick; the right code joins" *
          doctest::test_suite("slow")) {
  const auto dir = test::fresh_folder("join-pin");
  test::HubProcess hub(dir / "event.db", {"--demo", "5"}, 0, test::Transport::Tls);
  const std::string address = "127.0.0.1:" + std::to_string(hub.port());
  const std::string wrong_pin = net::short_pin(std::string(64, 'b'));
  net::MemoryOutbox outbox;
  client::ClientSession session(test::taxonomy(), outbox);
  client::ClientConfig config = client::ClientConfig::load(dir / "config");
  client::JoinForm join;
  join.hub = address;

  // A code whose pin is wrong, then the right code.
  join.code = net::split_join_code(hub.code()).code + "-" + wrong_pin;
  REQUIRE(join.join(client::Credential::Code, session, &config));
  REQUIRE(frames_until(session, join, &config, [&] { return session.fatal_error().has_value(); }));
  CHECK(session.fatal_error()->code == "wrong_pin");
  CHECK(config.get(client::JoinForm::pin_key(address)).empty());  // nothing remembered
  CHECK(config.get("code").empty());  // the refused code is not offered next time
  join.code = hub.code();
  REQUIRE(join.join(client::Credential::Code, session, &config));
  REQUIRE(frames_until(session, join, &config, [&] { return session.joined(); }));
  join.remember_token(session, &config);
  CHECK(config.get("code") == hub.code());  // the code that let the app in is
  CHECK(config.get("hub") == address);
  session.disconnect();

  // A token with a wrong pin typed beside it, then the right code: the pin typed for the token
  // does not override the code's own (it did, until the app was restarted).
  client::ClientSession second(test::taxonomy(), outbox);
  client::ClientConfig fresh = client::ClientConfig::load(dir / "fresh");
  client::JoinForm again;
  again.hub = address;
  again.token = hub.organiser();
  again.pin = wrong_pin;
  REQUIRE(again.join(client::Credential::Token, second, &fresh));
  REQUIRE(frames_until(second, again, &fresh, [&] { return second.fatal_error().has_value(); }));
  CHECK(second.fatal_error()->code == "wrong_pin");
  again.code = hub.code();
  REQUIRE(again.join(client::Credential::Code, second, &fresh));
  REQUIRE(frames_until(second, again, &fresh, [&] { return second.joined(); }));
  CHECK(again.message(second).empty());
  // The certificate is remembered once joined, and the token then needs no pin.
  CHECK(fresh.get(client::JoinForm::pin_key(address)) == hub.fingerprint());
  second.disconnect();
  again.pin.clear();
  REQUIRE(again.join(client::Credential::Token, second, &fresh));
  REQUIRE(frames_until(second, again, &fresh, [&] {
    return second.link().status == client::LinkStatus::Online &&
           second.role() == core::Role::Organiser;
  }));
  second.disconnect();
  std::filesystem::remove_all(dir);
}
