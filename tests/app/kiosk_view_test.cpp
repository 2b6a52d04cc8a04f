// The kiosk on screen: the welcome refuses what is not a check-in code without asking the hub; a
// signed-in person sees their name, next meeting with table, requests to answer and agenda, and
// nobody else's requests; Accept is sent as theirs; after a minute without use the kiosk counts
// down, then signs out and keeps nothing of the visit; a touch starts the minute again.
#include <doctest/doctest.h>

#include "app/client/views/kiosk_view.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::contains;

client::KioskDesk offline_desk() {
  client::KioskDesk desk;
  desk.port = 1;
  desk.token = "desk";
  desk.insecure = true;
  return desk;
}

}  // namespace

TEST_CASE("kiosk: a badge's code of the wrong form is refused on the spot") {
  client::Kiosk kiosk(test::taxonomy(), offline_desk());
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_kiosk_screen(kiosk, 1'000); };
  std::string text = ui.frame(body);
  CHECK(contains(text, "Scan the QR code on your badge"));
  kiosk.typed = "12";
  kiosk.sign_in(1'000);
  CHECK(kiosk.phase() == client::KioskPhase::Waiting);
  CHECK(kiosk.session() == nullptr);
  CHECK(kiosk.message().error);
  text = ui.frame(body);
  CHECK(contains(text, "That is not a check-in code"));
  CHECK(kiosk.typed.empty());
}

TEST_CASE("kiosk: the person's own screen, an answer sent as theirs, and the idle sign-out") {
  test::ClientFixture f;
  // Participant 1 has a booked meeting with 2 and a request from 3 awaiting an answer; 4 and 5
  // have a request between them that 1 must not see.
  const core::MeetingId booked = f.request(2, 1);
  f.accept(1, booked);
  REQUIRE(f.state.meetings.at(booked).placement);
  const core::MeetingId incoming = f.request(3, 1);
  const core::MeetingId others = f.request(4, 5);
  (void)others;

  auto session = f.session(core::Role::Participant, 1);
  const client::ClientSession& seen = *session;  // until the kiosk drops it at sign-out
  const std::string name1 = seen.name_of(1), name2 = seen.name_of(2);
  const std::int64_t start = seen.slot_start_ms(f.state.meetings.at(booked).placement->slot);
  std::int64_t now = start - 30 * 60'000;
  client::Kiosk kiosk(test::taxonomy(), offline_desk());
  kiosk.sign_in_with(std::move(session), now);
  REQUIRE(kiosk.phase() == client::KioskPhase::SignedIn);
  kiosk.update(now);

  test::HeadlessUi ui;
  const auto body = [&] { client::draw_kiosk_screen(kiosk, now); };
  std::string text = ui.frame(body);
  CHECK(contains(text, "Welcome, " + seen.name_of(1)));
  CHECK(contains(text, "Your next meeting"));
  CHECK(contains(text, seen.slot_label(f.state.meetings.at(booked).placement->slot)));
  CHECK(contains(text, seen.table_name(f.state.meetings.at(booked).placement->table)));
  CHECK(contains(text, "with " + seen.name_of(2)));
  CHECK(contains(text, "Waiting for your answer (1)"));
  CHECK(contains(text, seen.name_of(3)));
  CHECK_FALSE(contains(text, seen.name_of(4)));
  CHECK_FALSE(contains(text, seen.name_of(5)));

  // Accept the request from 3: an accept_meeting for it waits to be sent.
  const ImGuiID accept = test::HeadlessUi::id_of(
      [&] {
        ImGui::BeginChild("visit");
        ImGui::PushID(static_cast<int>(incoming));
      },
      "Accept",
      [] {
        ImGui::PopID();
        ImGui::EndChild();
      });
  REQUIRE(ui.click(accept, body));
  const auto sent = f.submitted();
  REQUIRE(sent.size() == 1);
  CHECK(std::get<core::AcceptMeeting>(sent[0]).meeting == incoming);
  text = ui.frame(body);
  CHECK(contains(text, "Sending: Accepted " + seen.name_of(3)));

  // No use for 50 s: the countdown shows; a touch starts the minute again.
  ImGui::GetIO().MousePos = ImVec2(5, 5);
  ui.frame(body);
  now += 50'000;
  kiosk.update(now);
  text = ui.frame(body);
  CHECK(kiosk.idle_warning(now));
  CHECK(contains(text, "Signing out in 10 s"));
  kiosk.touched(now);
  CHECK_FALSE(kiosk.idle_warning(now));

  // A minute without use: the answer still waits for the hub (this session is offline), so the
  // kiosk waits for it at most a few seconds, then says it was not sent and keeps nothing.
  now += client::Kiosk::kIdleMs;
  kiosk.update(now);
  CHECK(kiosk.phase() == client::KioskPhase::SigningOut);
  now += client::Kiosk::kSendingMs;
  kiosk.update(now);
  CHECK(kiosk.phase() == client::KioskPhase::Waiting);
  CHECK(kiosk.session() == nullptr);
  CHECK(kiosk.meetings().agenda().empty());
  CHECK(kiosk.meetings().incoming().empty());
  CHECK(contains(kiosk.message().text, "Signed out after a minute without use."));
  CHECK(contains(kiosk.message().text, "1 answer could not reach the hub"));
  text = ui.frame(body);
  CHECK(contains(text, "Scan the QR code on your badge"));
  CHECK_FALSE(contains(text, name1));
  CHECK_FALSE(contains(text, name2));
}

TEST_CASE("kiosk: signing out with nothing left to send returns to the welcome at once") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 1);
  client::Kiosk kiosk(test::taxonomy(), offline_desk());
  kiosk.sign_in_with(std::move(session), 0);
  kiosk.update(0);
  kiosk.sign_out(10, "Signed out. See you later!");
  CHECK(kiosk.phase() == client::KioskPhase::Waiting);
  CHECK(kiosk.session() == nullptr);
  CHECK_FALSE(kiosk.message().error);
  CHECK(kiosk.message().text == "Signed out. See you later!");
}
