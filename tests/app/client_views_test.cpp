// Every view run for frames in a headless ImGui context over a test replica, with a simulated
// mouse and keyboard: what a click submits lands in the session's outbox.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "app/client/views/broker_views.hpp"
#include "app/client/views/client_app.hpp"
#include "app/client/views/organiser_views.hpp"
#include "app/client/views/participant_views.hpp"
#include "core/profile_validation.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::find_payload;

}  // namespace

TEST_CASE("requests view: pressing Accept sends the accept operation; Decline the decline") {
  test::ClientFixture f;
  const auto first = f.request(3, 1, "Let us talk about export");
  const auto second = f.request(6, 1);
  auto session = f.session(core::Role::Participant, 1);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_requests_view(models); };
  const std::string text = ui.frame(body);
  CHECK(text.find("Let us talk about export") != std::string::npos);
  CHECK(text.find(session->name_of(3)) != std::string::npos);
  CHECK(f.submitted().empty());

  const ImGuiID accept =
      test::HeadlessUi::id_of([&] { ImGui::PushID(static_cast<int>(first)); }, "Accept", 1);
  REQUIRE(ui.click(accept, body));
  auto sent = f.submitted();
  REQUIRE(sent.size() == 1);
  const auto* op = std::get_if<core::AcceptMeeting>(&sent[0]);
  REQUIRE(op != nullptr);
  CHECK(op->meeting == first);
  CHECK(session->link().pending == 1);

  const ImGuiID decline =
      test::HeadlessUi::id_of([&] { ImGui::PushID(static_cast<int>(second)); }, "Decline", 1);
  REQUIRE(ui.click(decline, body));
  sent = f.submitted();
  REQUIRE(sent.size() == 2);
  const auto* d = std::get_if<core::DeclineMeeting>(&sent[1]);
  REQUIRE(d != nullptr);
  CHECK(d->meeting == second);
}

TEST_CASE("profile view: a bad e-mail's message shows once the field is left; Save sends nothing") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 1);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_profile_view(models); };
  ui.frame(body);
  core::Profile bad = session->state().participant(1)->profile;
  bad.email = "ana@";
  const auto problems = core::validate_profile(bad, test::taxonomy());
  REQUIRE(problems.size() == 1);
  const std::string message = problems[0].message;
  CHECK(ui.frame(body).find(message) == std::string::npos);

  const auto in_form = [](const char* label) { return test::profile_field(label); };
  const ImGuiID email = in_form("E-mail");
  REQUIRE(ui.click(email, body));
  CHECK(ImGui::GetCurrentContext()->ActiveId == email);
  ui.select_all(body);
  ui.type("ana@", body);
  CHECK(models.profile.draft().email == "ana@");
  // Still typing: no message yet.
  CHECK(ui.frame(body).find(message) == std::string::npos);
  REQUIRE(ui.click(in_form("Organisation"), body));
  std::string text = ui.frame(body);
  CHECK(text.find(message) != std::string::npos);
  CHECK(text.find("Not sent") == std::string::npos);
  const ImGuiID save = test::HeadlessUi::id_of([] {}, "Save profile", 0);
  REQUIRE(ui.click(save, body));
  CHECK(f.submitted().empty());
  text = ui.frame(body);
  CHECK(text.find("Not sent: 1 thing to fix in E-mail") != std::string::npos);
}

TEST_CASE("partners view: the Request button of the best partner sends a request to them") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 1);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_partners_view(models); };
  const std::string text = ui.frame(body);
  REQUIRE(models.partners.size() > 0);
  const core::ParticipantId best = models.partners.row(0).id;
  CHECK(text.find(session->name_of(best)) != std::string::npos);
  const ImGuiID request = test::HeadlessUi::id_of(
      [&] {
        ImGui::PushOverrideID(ImGui::GetID("partners"));
        ImGui::PushID(static_cast<int>(best));
      },
      "Request", 2);
  REQUIRE(ui.click(request, body));
  const auto op = find_payload<core::RequestMeeting>(f.submitted());
  REQUIRE(op);
  CHECK(op->from == 1);
  CHECK(op->to == best);
}

TEST_CASE("organiser views: announcing sends the text; registration toggles") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Organiser);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_announcements_view(models); };
  ui.frame(body);
  models.announcements.text = "Coffee is served in the hall";
  const ImGuiID announce = test::HeadlessUi::id_of([] {}, "Announce to everyone...", 0);
  REQUIRE(ui.click(announce, body));
  CHECK(f.submitted().empty());  // it asks first
  REQUIRE(models.confirm());
  const auto op = find_payload<core::Announce>(f.submitted());
  REQUIRE(op);
  CHECK(op->text == "Coffee is served in the hall");

  const auto event = [&] { client::draw_event_view(models); };
  const ImGuiID registration = test::HeadlessUi::id_of([] {}, "Registration open", 0);
  REQUIRE(ui.click(registration, event));
  const auto reg = find_payload<core::SetRegistration>(f.submitted());
  REQUIRE(reg);
  CHECK(reg->open == !session->state().event.registration_open);
}

TEST_CASE("every screen of every role runs for frames in the root view") {
  test::ClientFixture f;
  f.accept(2, f.request(1, 2));
  f.request(3, 1);
  struct Case {
    core::Role role;
    core::ParticipantId me;
    std::vector<const char*> screens;
  };
  const Case cases[] = {
      {core::Role::Participant,
       1,
       {"partners", "requests", "agenda", "team", "pitch", "clinic", "feedback", "profile",
        "notifications"}},
      {core::Role::Organiser,
       0,
       {"event", "matching", "schedule", "round", "pitch", "clinic", "announcements", "exports",
        "statistics", "monitor", "network", "unmatched", "introductions"}},
      {core::Role::Broker,
       0,
       {"monitor", "network", "unmatched", "introductions", "pitch", "clinic", "notifications"}},
  };
  for (const Case& c : cases) {
    auto session = f.session(c.role, c.me);
    client::ClientApp app(*session, nullptr);
    test::HeadlessUi ui;
    for (const char* screen : c.screens) {
      CAPTURE(screen);
      REQUIRE(app.open_screen(screen));
      for (int frame = 0; frame < 3; ++frame)
        ui.bare_frame([&] { app.frame(f.clock + frame * 16); });
      CHECK(app.current_screen() == screen);
    }
  }
  CHECK_FALSE(client::is_screen_name("nonsense"));
}

TEST_CASE("a newcomer starts on the profile and, once registered, sees the suggested partners") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 0);
  client::ClientApp app(*session, nullptr);
  test::HeadlessUi ui;
  const auto frames = [&](int n) {
    for (int i = 0; i < n; ++i) ui.bare_frame([&] { app.frame(f.clock); });
  };
  frames(3);
  CHECK(app.current_screen() == "profile");
  // The hub takes the registration and issues the newcomer's token.
  session->handle(net::TokenIssued{.participant = 7, .token = "p-new"}, f.clock);
  frames(3);
  CHECK(app.current_screen() == "partners");
  // Later visits to the profile stay there.
  REQUIRE(app.open_screen("profile"));
  frames(3);
  CHECK(app.current_screen() == "profile");
}

TEST_CASE("join screen: shown until joined; a bad address gets its message") {
  test::ClientFixture f;
  client::ClientSession session(test::taxonomy(), f.outbox);
  client::ClientApp app(session, nullptr);
  test::HeadlessUi ui;
  ui.bare_frame([&] { app.frame(f.clock); });
  CHECK(app.current_screen() == "join");
  app.join_form().hub = "127.0.0.1";
  app.join_form().code = "LISBON-2026";
  CHECK_FALSE(app.join_form().join(client::Credential::Code, session, nullptr));
  CHECK(app.join_form().message(session).find("HOST:PORT") != std::string::npos);
}

TEST_CASE("auto-schedule view: the hub plans, the view reports the plan, and Apply sends it") {
  test::ClientFixture f;
  // Accepted meetings wait for the organiser's schedule instead of being booked at once.
  core::EventSettings settings = f.state.event.settings;
  settings.booking = core::BookingMode::Deferred;
  f.apply({core::Role::Organiser, 0}, core::SetSettings{.settings = settings});
  f.accept(2, f.request(1, 2));
  f.accept(3, f.request(1, 3));
  f.accept(4, f.request(5, 4));
  auto session = f.session(core::Role::Organiser);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_schedule_view(models); };
  CHECK(ui.frame(body).find("3 accepted meetings have no slot yet.") != std::string::npos);
  std::vector<core::SessionId> chosen;
  for (const auto& [id, s] : session->state().sessions) {
    if (s.kind != core::SessionKind::Meetings) continue;
    models.schedule.sessions.insert(id);
    chosen.push_back(id);
  }
  models.schedule.seconds = 30;

  // Without a connection to the hub, Plan says why nothing happens.
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Plan", 0), body));
  CHECK_FALSE(models.schedule.planner->running());
  CHECK(ui.frame(body).find("The hub plans the schedule, and it is not connected now") !=
        std::string::npos);

  f.go_online(*session);
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Plan", 0), body));
  REQUIRE(models.schedule.planner->running());
  // The request names the sessions and the limit chosen; the frames go on while the hub plans.
  const auto asked = session->pending_plans();
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].sessions == chosen);
  CHECK(asked[0].seconds == 30);
  CHECK_FALSE(asked[0].allow_moves);
  CHECK(ui.frame(body).find("The hub is planning:") != std::string::npos);
  f.answer_plans(*session);
  std::string text = ui.frame(body);
  REQUIRE_FALSE(models.schedule.planner->running());
  text = ui.frame(body);
  CHECK(text.find("3 accepted meetings: 3 placed, 0 moved, 0 kept, 0 not placed.") !=
        std::string::npos);
  CHECK(text.find("0 before, 0 after, the fewest possible") != std::string::npos);
  CHECK(text.find("Proven the best: no schedule of these meetings has fewer than 0 breaks (the "
                  "hub searched 1.5 s).") != std::string::npos);
  CHECK(f.submitted().empty());
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Apply the schedule...", 0), body));
  CHECK(f.submitted().empty());  // it asks first
  REQUIRE(models.confirm());
  const auto op = find_payload<core::ApplySchedule>(f.submitted());
  REQUIRE(op);
  CHECK(op->placements.size() == 3);
  CHECK(op->sessions == chosen);
}

TEST_CASE("auto-schedule view: Stop asks the hub to end early; the plan then says it stopped") {
  test::ClientFixture f(120);
  core::EventSettings settings = f.state.event.settings;
  settings.booking = core::BookingMode::Deferred;
  f.apply({core::Role::Organiser, 0}, core::SetSettings{.settings = settings});
  // More meetings than the sessions have table-slots (4 sessions of 9 slots, 33 tables): not all
  // can be placed, so the plan is not proven the best.
  int accepted = 0;
  for (core::ParticipantId a = 1; a <= 120; ++a) {
    for (core::ParticipantId b = a + 1; b <= a + 12 && b <= 120; ++b) {
      f.accept(b, f.request(a, b));
      ++accepted;
    }
  }
  auto session = f.session(core::Role::Organiser);
  f.go_online(*session);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_schedule_view(models); };
  for (const auto& [id, s] : session->state().sessions) {
    if (s.kind == core::SessionKind::Meetings) models.schedule.sessions.insert(id);
  }
  models.schedule.seconds = 60;
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Plan", 0), body));
  REQUIRE(models.schedule.planner->running());
  CHECK(ui.frame(body).find("The hub is planning:") != std::string::npos);
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Stop and keep the best so far", 0), body));
  // Stopping is the hub's to do: the view waits for its answer.
  CHECK(models.schedule.planner->running());
  f.answer_plans(*session, true, 200'000);
  const std::string text = ui.frame(body);
  REQUIRE_FALSE(models.schedule.planner->running());
  CHECK(text.find(std::to_string(accepted) + " accepted meetings:") != std::string::npos);
  CHECK(text.find("Not proven the best:") != std::string::npos);
  CHECK(text.find("(stopped after 1.5 s)") != std::string::npos);
  REQUIRE(models.schedule.plan);
  CHECK(models.schedule.plan->report.placed + models.schedule.plan->report.not_placed == accepted);
}
