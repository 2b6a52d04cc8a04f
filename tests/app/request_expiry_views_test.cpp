// Request expiry and busy blocks on the client: the organiser picks how long a request may wait
// on the Event screen and adds a plenary session (a keynote) with the session form; a request's
// sender and the person asked are told when it expires.
#include <doctest/doctest.h>

#include "app/client/views/organiser_views.hpp"
#include "core/event/calendar.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/event_fixture.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::contains;

}  // namespace

TEST_CASE("request expiry: the organiser picks how long requests wait on the Event screen") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Organiser);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const test::HeadlessUi::Body body = [&] { client::draw_event_view(models); };
  CHECK(contains(ui.frame(body), "Unanswered requests expire after"));
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "1 h##expiry", 0), body));
  auto sent = f.submitted();
  REQUIRE(sent.size() == 1);
  const auto* set = std::get_if<core::SetSettings>(&sent[0]);
  REQUIRE(set != nullptr);
  CHECK(set->settings.request_expiry_minutes == 60);
  core::EventSettings rest = set->settings;
  rest.request_expiry_minutes = 0;
  CHECK(rest == session->state().event.settings);  // nothing else changes

  // The choice in force is the one marked; picking it again sends nothing.
  test::ClientFixture g;
  core::EventSettings on = g.state.event.settings;
  on.request_expiry_minutes = 3 * 24 * 60;
  g.apply(test::organiser(), core::SetSettings{.settings = on});
  auto later = g.session(core::Role::Organiser);
  client::ClientModels again(*later);
  const test::HeadlessUi::Body body2 = [&] { client::draw_event_view(again); };
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "3 days##expiry", 0), body2));
  CHECK(g.submitted().empty());
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "off##expiry", 0), body2));
  sent = g.submitted();
  REQUIRE(sent.size() == 1);
  CHECK(std::get<core::SetSettings>(sent[0]).settings.request_expiry_minutes == 0);
}

TEST_CASE("busy blocks: the session form adds a plenary session") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Organiser);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const test::HeadlessUi::Body body = [&] { client::draw_event_view(models); };
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Plenary (keynote)", 0), body));
  client::SessionForm& form = models.event.session;
  CHECK(form.kind == core::SessionKind::Plenary);
  const core::Session* meetings = nullptr;
  for (const auto& [id, s] : session->state().sessions) {
    if (s.kind == core::SessionKind::Meetings && meetings == nullptr) meetings = &s;
  }
  REQUIRE(meetings != nullptr);
  form.name = "Opening keynote";
  form.day = core::format_date(meetings->date);
  form.day_typed = true;
  form.start = core::format_time_of_day(meetings->start);
  form.end = core::format_time_of_day(meetings->start + 45);
  form.slot_minutes = 15;
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Add session", 0), body));
  const auto sent = f.submitted();
  REQUIRE(sent.size() == 1);
  const auto& define = std::get<core::DefineSession>(sent[0]);
  CHECK(define.kind == core::SessionKind::Plenary);
  CHECK(define.name == "Opening keynote");
  CHECK(define.start == meetings->start);
}

TEST_CASE("request expiry: the sender is told their request expired, the person asked too") {
  test::ClientFixture f;
  core::EventSettings on = f.state.event.settings;
  on.request_expiry_minutes = 60;
  f.apply(test::organiser(), core::SetSettings{.settings = on});
  const core::MeetingId id = f.request(1, 2);
  auto sender = f.session(core::Role::Participant, 1);
  auto asked = f.session(core::Role::Participant, 2);
  f.clock += 61 * 60 * 1000;
  const core::Operation applied = f.apply(test::organiser(), core::ExpireRequest{id});
  sender->receive({applied, {}}, f.clock);
  asked->receive({applied, {}}, f.clock);
  REQUIRE_FALSE(sender->notifications().all().empty());
  // "{person}" is the name with the person's type.
  const std::string told = sender->notifications().all().back().text;
  CHECK(contains(told, "Your request to " + sender->name_of(2)));
  CHECK(contains(told, "expired"));
  REQUIRE_FALSE(asked->notifications().all().empty());
  CHECK(contains(asked->notifications().all().back().text, asked->name_of(1)));
  CHECK(sender->state().meeting(id)->status == core::MeetingStatus::Cancelled);
}
