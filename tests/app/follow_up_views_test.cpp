// After the event on screen: the organiser opens a follow-up round and writes the event's report
// from the Statistics screen; a participant answers for their held meetings on the Feedback
// screen while a round is open.
#include <doctest/doctest.h>

#include "app/client/state/follow_up_screen.hpp"
#include "app/client/views/organiser_views.hpp"
#include "app/client/views/participant_views.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::find_payload;

// Participant 1 held a meeting with 2 and has one with 3 accepted but not held.
struct HeldFixture : test::ClientFixture {
  core::MeetingId held = 0, unheld = 0;
  HeldFixture() {
    held = request(1, 2);
    accept(2, held);
    apply(person(1), core::GiveFeedback{.meeting = held, .held = core::HeldState::Held});
    unheld = request(1, 3);
    accept(3, unheld);
  }
};

}  // namespace

TEST_CASE(
    "statistics screen: the organiser opens a follow-up round, closes it, and writes the "
    "report") {
  HeldFixture f;
  auto session = f.session(core::Role::Organiser);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_statistics_view(models); };
  std::string text = ui.frame(body);
  CHECK(text.find("After the event") != std::string::npos);
  models.follow_up.new_round = "Three months on";
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Open a follow-up round", 0), body));
  const auto opened = find_payload<core::DefineFollowUp>(f.submitted());
  REQUIRE(opened);
  CHECK(opened->follow_up == 0);
  CHECK(opened->name == "Three months on");
  CHECK(opened->open);

  // Once the round exists, it can be closed.
  f.apply(test::organiser(), core::DefineFollowUp{.name = "Three months on"});
  auto after = f.session(core::Role::Organiser);
  client::ClientModels later(*after);
  const auto body_later = [&] { client::draw_statistics_view(later); };
  text = ui.frame(body_later);
  CHECK(text.find("Three months on: open, 0 answers") != std::string::npos);
  REQUIRE(ui.click(test::HeadlessUi::id_of([] { ImGui::PushID(1); }, "Close", 1), body_later));
  const auto closed = find_payload<core::DefineFollowUp>(f.submitted());
  REQUIRE(closed);

  // "Open report" writes report.html into the export folder and says where.
  test::TempDir dir;
  later.exports.folder = dir.path().string();
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Open report", 0), body_later));
  const auto report = dir / "report.html";
  REQUIRE(std::filesystem::exists(report));
  const std::string html = test::read_bytes(report);
  CHECK(html.find("<title>Event report: ") != std::string::npos);
  CHECK(later.action_text().find(report.string()) != std::string::npos);
}

TEST_CASE("the event's report: into an existing folder only") {
  HeldFixture f;
  const auto missing = client::write_event_report(f.state, test::taxonomy(), "/nonexistent/x");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == "no_folder");
}

TEST_CASE("feedback screen: while a round is open, a participant answers for held meetings only") {
  HeldFixture f;
  {
    auto before = f.session(core::Role::Participant, 1);
    client::ClientModels models(*before);
    test::HeadlessUi ui;
    const std::string text = ui.frame([&] { client::draw_feedback_view(models); });
    CHECK(text.find("Follow-up") == std::string::npos);  // no round yet
  }
  f.apply(test::organiser(), core::DefineFollowUp{.name = "Three months on"});
  auto session = f.session(core::Role::Participant, 1);
  const core::FollowUpRound* round = client::open_follow_up(session->state());
  REQUIRE(round != nullptr);
  const auto rows = client::follow_up_rows(session->state(), 1, *round);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].meeting == f.held);
  CHECK(rows[0].partner == 2);

  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_feedback_view(models); };
  const std::string text = ui.frame(body);
  CHECK(text.find("Follow-up: Three months on") != std::string::npos);
  models.follow_up.drafts[f.held].outcome = static_cast<int>(core::FollowUpOutcome::Agreement);
  models.follow_up.drafts[f.held].started = true;
  REQUIRE(
      ui.click(test::HeadlessUi::id_of([&] { ImGui::PushID(static_cast<int>(f.held) + 1000000); },
                                       "Send the answer", 1),
               body));
  const auto sent = find_payload<core::RateFollowUp>(f.submitted());
  REQUIRE(sent);
  CHECK(sent->meeting == f.held);
  CHECK(sent->participant == 1);
  CHECK(sent->outcome == core::FollowUpOutcome::Agreement);
}
