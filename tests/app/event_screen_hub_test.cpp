// The organiser's event screen against a real hub: an "Add session" the hub refuses shows as
// refused with the hub's reason, and a removed session comes back with Undo.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "app/client/views/action_views.hpp"
#include "app/client/views/organiser_views.hpp"
#include "core/event/calendar.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/app/session_frames.hpp"
#include "tests/e2e/hub_process.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::kNow;

struct Organiser {
  net::MemoryOutbox outbox;
  client::ClientSession session{test::taxonomy(), outbox};
  client::ClientModels models{session};
  test::HeadlessUi ui;
  test::HeadlessUi::Body body = [this] {
    session.update(kNow);
    models.follow(kNow);
    ImGui::TextUnformatted("status");
    client::draw_action_status(models);
    client::draw_event_view(models);
    client::draw_confirmation(models);
  };

  template <class Done>
  bool frames_until(Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      ui.frame(body);
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
  bool click(const char* label) {
    return ui.click(test::HeadlessUi::id_of([] {}, label, 0), body);
  }
};

core::SessionId session_named(const core::EventState& state, const std::string& name) {
  for (const auto& [id, s] : state.sessions) {
    if (s.name == name) return id;
  }
  return 0;
}

}  // namespace

TEST_CASE(
    "event screen with a hub: a refused Add session says refused and why; Undo restores a "
    "removed session" *
    doctest::test_suite("slow")) {
  const auto dir = test::fresh_folder("event-screen-hub");
  test::HubProcess hub(dir / "event.db", {"--demo", "10"});
  net::ClientOptions options = hub.client_options();
  options.token = hub.organiser();
  Organiser a;
  REQUIRE(a.session.connect(options).ok());
  REQUIRE(a.frames_until(
      [&] { return a.session.joined() && a.session.link().status == client::LinkStatus::Online; }));
  std::int64_t day = 0;
  for (const auto& [id, s] : a.session.state().sessions) day = std::max(day, s.date);

  // Offline, the organiser adds an evening session; nothing in their copy of the event is in the
  // way, so the form lets it go.
  a.session.use_offline_connection(options);
  client::SessionForm& form = a.models.event.session;
  form.name = "Evening meetings";
  form.day = core::format_date(day);
  form.day_typed = true;
  form.start = "19:00";
  form.end = "20:00";
  REQUIRE(a.click("Add session"));
  CHECK(a.models.action.state == client::ActionState::Pending);

  // Meanwhile another organiser's app adds one that overlaps it.
  Organiser b;
  REQUIRE(b.session.connect(options).ok());
  REQUIRE(b.frames_until([&] { return b.session.joined(); }));
  REQUIRE(b.session
              .submit(core::DefineSession{
                  .name = "Late meetings", .date = day, .start = 19 * 60 + 30, .end = 20 * 60 + 30})
              .ok());
  REQUIRE(b.frames_until([&] { return session_named(b.session.state(), "Late meetings") != 0; }));

  // Back online, the hub refuses the first: the status line says so, with the hub's reason.
  REQUIRE(a.session.connect(options).ok());
  REQUIRE(a.frames_until([&] { return a.models.action.state != client::ActionState::Pending; }));
  CHECK(a.models.action.state == client::ActionState::Refused);
  const std::string status = a.ui.frame(a.body);
  CHECK(status.find("refused: Save the session: refused. One-to-one sessions may not overlap; "
                    "this one overlaps 'Late meetings' (19:30-20:30).") != std::string::npos);
  CHECK(status.find("define_session") == std::string::npos);
  CHECK(status.find("Session added") == std::string::npos);
  CHECK(session_named(a.session.state(), "Evening meetings") == 0);

  // Removing "Late meetings" asks; once the hub has removed it, Undo restores it.
  const core::SessionId late = session_named(a.session.state(), "Late meetings");
  REQUIRE(late != 0);
  REQUIRE(a.ui.click(test::HeadlessUi::id_of(
                         [&] {
                           ImGui::PushOverrideID(ImGui::GetID("sessions"));
                           ImGui::PushID(static_cast<int>(late));
                         },
                         "Remove", 2),
                     a.body));
  REQUIRE(a.models.asking);
  REQUIRE(a.ui.click(ImHashStr("Remove session", 0, ImHashStr("Please confirm###confirm-action")),
                     a.body));
  REQUIRE(a.frames_until([&] { return a.models.undo.has_value(); }));
  CHECK(a.session.state().session(late) == nullptr);
  CHECK(a.ui.frame(a.body).find("Session removed: Late meetings") != std::string::npos);
  REQUIRE(a.click("Undo: Restore the session (10 s)"));
  REQUIRE(a.frames_until([&] { return a.models.action.state == client::ActionState::Done; }));
  CHECK(a.ui.frame(a.body).find("Session restored: Late meetings") != std::string::npos);
  const core::SessionId restored = session_named(a.session.state(), "Late meetings");
  REQUIRE(restored != 0);
  const core::Session& s = a.session.state().sessions.at(restored);
  CHECK(s.date == day);
  CHECK(s.start == 19 * 60 + 30);
  CHECK(s.end == 20 * 60 + 30);
  a.session.disconnect();
  b.session.disconnect();
  std::filesystem::remove_all(dir);
}
