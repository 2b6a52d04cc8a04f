// What the person is told about their action: pending until the hub answers, then done, or
// refused in words with the hub's reason, never an operation's wire name. The hub's answers are
// played through ClientSession::handle, as the connection reports them.
#include <doctest/doctest.h>

#include "app/client/views/action_views.hpp"
#include "app/client/views/organiser_views.hpp"
#include "app/client/views/participant_views.hpp"
#include "core/event/operation_catalogue.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

// The operations waiting in the outbox, with the ids the hub will answer about.
std::vector<core::Operation> waiting(test::ClientFixture& f) {
  auto pending = f.outbox.pending();
  REQUIRE(pending.ok());
  return *pending;
}

void refuse(client::ClientSession& session, const core::Operation& op, std::string message,
            std::int64_t now) {
  net::ClientEvent event =
      net::OperationRefused{.op = op, .error = core::make_error("refused", "", std::move(message))};
  session.handle(event, now);
}

void acknowledge(client::ClientSession& session, const core::Operation& op, std::int64_t now) {
  net::ClientEvent event = net::OperationDone{.id = op.id, .seq = 99};
  session.handle(event, now);
}

using crossmatch::test::contains;

}  // namespace

TEST_CASE("every kind of operation names its action in words, unlike its wire name") {
  for (std::size_t i = 0; i < std::variant_size_v<core::OperationPayload>; ++i) {
    const core::OperationPayload payload = core::payload_of_kind(i);
    const std::string action(core::operation_action(payload));
    CAPTURE(core::operation_type(payload));
    CHECK_FALSE(action.empty());
    CHECK(action.find('_') == std::string::npos);
    CHECK(std::isupper(static_cast<unsigned char>(action[0])));
  }
}

TEST_CASE("event screen: Add session is pending, then refused with the hub's reason in words") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Organiser);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  std::int64_t now = f.clock;
  const auto body = [&] {
    models.follow(now);
    client::draw_event_view(models);
    client::draw_action_status(models);
  };
  ui.frame(body);
  // A session the form accepts: an evening after the event's one-to-one sessions.
  const core::Session* like = nullptr;
  for (const auto& [id, s] : f.state.sessions) {
    if (s.kind == core::SessionKind::Meetings) like = &s;
  }
  REQUIRE(like != nullptr);
  client::SessionForm& form = models.event.session;
  form.name = "Evening meetings";
  form.kind = like->kind;
  form.day = core::format_date(like->date);
  form.day_typed = true;
  form.start = "20:00";
  form.end = "21:00";
  form.slot_minutes = like->slot_minutes;
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Add session", 0), body));
  auto sent = waiting(f);
  REQUIRE(sent.size() == 1);
  std::string text = ui.frame(body);
  CHECK(contains(text, "pending: Save the session: waiting to be sent (offline)"));
  CHECK_FALSE(contains(text, "added"));

  refuse(*session, sent[0], "Sessions may not overlap: Meetings runs 09:00-12:00.", now += 500);
  text = ui.frame(body);
  CHECK(contains(text, "refused: Save the session: refused. Sessions may not overlap"));
  CHECK_FALSE(contains(text, "Session added"));
  CHECK_FALSE(contains(text, "define_session"));
  CHECK(models.action.failed());
  REQUIRE_FALSE(session->notifications().all().empty());
  const std::string notice = session->notifications().all().back().text;
  CHECK(contains(notice, "Save the session: refused. Sessions may not overlap"));
  CHECK_FALSE(contains(notice, "define_session"));
}

TEST_CASE("requests screen: Accept is pending, then done once the hub acknowledges it") {
  test::ClientFixture f;
  const auto meeting = f.request(3, 1, "Let us talk about export");
  auto session = f.session(core::Role::Participant, 1);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  std::int64_t now = f.clock;
  const auto body = [&] {
    models.follow(now);
    client::draw_requests_view(models);
    client::draw_action_status(models);
  };
  ui.frame(body);
  const ImGuiID accept =
      test::HeadlessUi::id_of([&] { ImGui::PushID(static_cast<int>(meeting)); }, "Accept", 1);
  REQUIRE(ui.click(accept, body));
  auto sent = waiting(f);
  REQUIRE(sent.size() == 1);
  CHECK(contains(ui.frame(body), "pending: Accept the meeting"));
  acknowledge(*session, sent[0], now += 300);
  const std::string text = ui.frame(body);
  CHECK(contains(text, "done: "));
  CHECK_FALSE(contains(text, "pending"));
  CHECK(models.action.state == client::ActionState::Done);
}

TEST_CASE("requests screen: a refused Accept says so and why") {
  test::ClientFixture f;
  const auto meeting = f.request(3, 1);
  auto session = f.session(core::Role::Participant, 1);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  std::int64_t now = f.clock;
  const auto body = [&] {
    models.follow(now);
    client::draw_requests_view(models);
    client::draw_action_status(models);
  };
  ui.frame(body);
  REQUIRE(ui.click(
      test::HeadlessUi::id_of([&] { ImGui::PushID(static_cast<int>(meeting)); }, "Accept", 1),
      body));
  refuse(*session, waiting(f).at(0), "The request was withdrawn.", now += 100);
  const std::string text = ui.frame(body);
  CHECK(contains(text, "refused: Accept the meeting: refused. The request was withdrawn."));
  CHECK_FALSE(contains(text, "accept_meeting"));
}

TEST_CASE("a confirmed action offers Undo once the hub has done it, for ten seconds") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Organiser);
  client::ClientModels models(*session);
  models.ask(client::Confirmation{
      .question = "Close registration?",
      .consequences = {"Newcomers can no longer register."},
      .confirm_label = "Close registration",
      .operations = {core::SetRegistration{.open = false}},
      .done_message = "Registration closed",
      .undo = client::UndoOffer{.label = "Reopen registration",
                                .operations = {core::SetRegistration{.open = true}},
                                .done_message = "Registration reopened"}});
  CHECK(waiting(f).empty());  // nothing is sent before the person confirms
  REQUIRE(models.confirm());
  CHECK_FALSE(models.asking);
  models.follow(f.clock);
  CHECK_FALSE(models.undo);  // not before the hub has done it
  acknowledge(*session, waiting(f).at(0), f.clock + 100);
  models.follow(f.clock + 100);
  REQUIRE(models.undo);
  models.follow(f.clock + 100 + client::kUndoWindowMs + 1);
  CHECK_FALSE(models.undo);

  // Cancelled: nothing sent.
  models.ask(client::Confirmation{.question = "Again?",
                                  .operations = {core::SetRegistration{.open = true}}});
  models.cancel();
  CHECK(waiting(f).size() == 1);
}

TEST_CASE("a refused confirmed action offers no Undo") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Organiser);
  client::ClientModels models(*session);
  models.ask(client::Confirmation{
      .question = "Close registration?",
      .operations = {core::SetRegistration{.open = false}},
      .undo = client::UndoOffer{.label = "Reopen",
                                .operations = {core::SetRegistration{.open = true}}}});
  REQUIRE(models.confirm());
  refuse(*session, waiting(f).at(0), "No.", f.clock + 1);
  models.follow(f.clock + 1);
  CHECK(models.action.state == client::ActionState::Refused);
  CHECK_FALSE(models.undo);
  CHECK_FALSE(models.take_undo());
}
