// Refills on the client: a participant joins the standby list from the Requests screen and sees
// an offer of a freed slot with Accept and Decline (no other slot to propose); the organiser
// offers the next slots to people on standby from the Monitor.
#include <doctest/doctest.h>

#include <set>

#include "app/client/views/broker_views.hpp"
#include "app/client/views/participant_views.hpp"
#include "core/event/booking.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/event_fixture.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::contains;

}  // namespace

TEST_CASE("standby: the Requests screen's toggle and an offer's Accept") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 1);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const test::HeadlessUi::Body body = [&] { client::draw_requests_view(models); };
  CHECK(contains(ui.frame(body), "Standby: offer me freed slots"));
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Standby: offer me freed slots", 0), body));
  auto sent = f.submitted();
  REQUIRE(sent.size() == 1);
  const auto& standby = std::get<core::SetStandby>(sent[0]);
  CHECK(standby.participant == 1);
  CHECK(standby.on);

  // Both on standby; the organiser offers them the first slot.
  f.apply(test::ClientFixture::person(1), core::SetStandby{.participant = 1, .on = true});
  f.apply(test::ClientFixture::person(2), core::SetStandby{.participant = 2, .on = true});
  const core::SlotRef slot = core::meeting_slots(f.state).front();
  const auto offered =
      f.apply(test::organiser(), core::OfferSlot{.first = 1, .second = 2, .slot = slot});
  const core::MeetingId id = std::get<core::OfferSlot>(offered.payload).meeting;
  auto later = f.session(core::Role::Participant, 1);
  client::ClientModels again(*later);
  const test::HeadlessUi::Body body2 = [&] { client::draw_requests_view(again); };
  const std::string text = ui.frame(body2);
  CHECK(contains(text, "a freed slot, offered to you both"));
  CHECK_FALSE(contains(text, "Propose"));
  REQUIRE(ui.click(
      test::HeadlessUi::id_of([&] { ImGui::PushID(static_cast<int>(id)); }, "Accept", 1), body2));
  sent = f.submitted();
  REQUIRE(sent.size() == 2);
  CHECK(std::get<core::AcceptMeeting>(sent[1]).meeting == id);
}

TEST_CASE("standby: the organiser offers the next slots to people on standby from the Monitor") {
  test::ClientFixture f;
  for (core::ParticipantId p = 1; p <= 6; ++p)
    f.apply(test::ClientFixture::person(p), core::SetStandby{.participant = p, .on = true});
  auto session = f.session(core::Role::Organiser);
  client::ClientModels models(*session);
  const core::SlotRef first = core::meeting_slots(f.state).front();
  models.now_ms = session->slot_start_ms(first) - 60'000;  // a minute before the first slot
  test::HeadlessUi ui;
  const test::HeadlessUi::Body body = [&] { client::draw_monitor_view(models); };
  CHECK(contains(ui.frame(body), "6 on standby"));
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Offer the next slots to people on standby", 0),
                   body));
  const auto sent = f.submitted();
  REQUIRE(sent.size() == 3);  // one pair for each of the next three slots
  std::set<core::ParticipantId> offered;
  for (const auto& payload : sent) {
    const auto& offer = std::get<core::OfferSlot>(payload);
    CHECK(offered.insert(offer.first).second);  // no one offered twice
    CHECK(offered.insert(offer.second).second);
    CHECK(f.state.sessions.at(offer.slot.session).slot_time(offer.slot.index) >=
          f.state.sessions.at(first.session).slot_time(first.index));
  }
}
