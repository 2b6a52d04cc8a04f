// The organiser's event screen in a headless ImGui context over a demo event: the session form
// checks what the hub checks and says why; a session is changed through the same form; Remove
// asks first and lists what goes with it; the join code is shown to copy.
#include <doctest/doctest.h>

#include "app/client/views/action_views.hpp"
#include "app/client/views/organiser_views.hpp"
#include "core/event/apply.hpp"
#include "core/event/calendar.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/event_fixture.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

// The event screen and its dialog, as ClientApp draws them.
struct EventScreen {
  test::ClientFixture& f;
  std::unique_ptr<client::ClientSession> session;
  std::unique_ptr<client::ClientModels> models;
  test::HeadlessUi ui;
  test::HeadlessUi::Body body;

  explicit EventScreen(test::ClientFixture& fixture)
      : f(fixture), session(fixture.session(core::Role::Organiser)) {
    models = std::make_unique<client::ClientModels>(*session);
    body = [this] {
      client::draw_event_view(*models);
      client::draw_confirmation(*models);
    };
  }
  std::string frame() { return ui.frame(body); }
  client::SessionForm& form() { return models->event.session; }
  // A button in the sessions table's row of `session`.
  bool click_row(core::SessionId session, const char* label) {
    const ImGuiID id = test::HeadlessUi::id_of(
        [&] {
          ImGui::PushOverrideID(ImGui::GetID("sessions"));
          ImGui::PushID(static_cast<int>(session));
        },
        label, 2);
    return ui.click(id, body);
  }
  bool click(const char* label) {
    return ui.click(test::HeadlessUi::id_of([] {}, label, 0), body);
  }
  // A button of the confirmation dialog (a window of its own, whose items ImGui logs apart).
  bool click_in_dialog(const char* label) {
    return ui.click(ImHashStr(label, 0, ImHashStr("Please confirm###confirm-action")), body);
  }
  // What the dialog asks and lists.
  std::string asked() const {
    if (!models->asking) return {};
    std::string text = models->asking->question;
    for (const auto& line : models->asking->consequences) text += "\n" + line;
    return text;
  }
};

// The first one-to-one session of the demo event.
core::SessionId meeting_session(const core::EventState& state, int nth = 0) {
  for (const auto& [id, s] : state.sessions) {
    if (s.kind == core::SessionKind::Meetings && nth-- == 0) return id;
  }
  FAIL("no one-to-one session");
  return 0;
}

void fill(client::SessionForm& form, const std::string& name, const core::Session& like, int start,
          int end) {
  form.name = name;
  form.kind = like.kind;
  form.day = core::format_date(like.date);
  form.day_typed = true;
  form.start = core::format_time_of_day(start);
  form.end = core::format_time_of_day(end);
  form.slot_minutes = like.slot_minutes;
}

using crossmatch::test::contains;

}  // namespace

TEST_CASE(
    "event screen: a fresh session form offers a day its session fits, so it opens with no error") {
  test::ClientFixture f;
  EventScreen screen(f);
  // The demo's last day holds one-to-one meetings from 09:00: the default 09:00-12:00 would
  // overlap them there.
  std::int64_t last = 0;
  for (const auto& [id, s] : screen.session->state().sessions) last = std::max(last, s.date);
  const std::string text = screen.frame();
  CHECK(screen.form().day == core::format_date(last + 1));
  CHECK(screen.form().check(*screen.session).problem.empty());
  CHECK(text.find("may not overlap") == std::string::npos);
  // A day typed by the organiser is kept, and its problem said.
  screen.form().day = core::format_date(last);
  screen.form().day_typed = true;
  CHECK(screen.frame().find("may not overlap") != std::string::npos);
  CHECK(screen.form().day == core::format_date(last));
}

TEST_CASE("event screen: the session form says why it cannot add a session, as the hub would") {
  test::ClientFixture f;
  EventScreen s(f);
  const core::Session existing = f.state.sessions.at(meeting_session(f.state));

  // The end typed before the start: the reason beside the form, and Add does nothing.
  fill(s.form(), "Extra meetings", existing, 21 * 60, 22 * 60);
  s.frame();
  REQUIRE(s.ui.click(test::HeadlessUi::id_of([] {}, "##to", 0), s.body));
  s.ui.select_all(s.body);
  s.ui.type("20:30", s.body);
  CHECK(s.form().end == "20:30");
  CHECK(contains(s.frame(), "A session ends after it starts, within one day."));
  REQUIRE(s.click("Add session"));
  CHECK(f.submitted().empty());

  // An exact duplicate of an existing session.
  fill(s.form(), existing.name, existing, existing.start, existing.end);
  CHECK(contains(s.frame(), "There is already a session '" + existing.name + "' on " +
                                core::format_date(existing.date)));
  REQUIRE(s.click("Add session"));
  CHECK(f.submitted().empty());

  // An overlap with a one-to-one session.
  fill(s.form(), "Extra meetings", existing, existing.start + 30, existing.end + 30);
  CHECK(contains(s.frame(),
                 "One-to-one sessions may not overlap; this one overlaps '" + existing.name + "'"));
  REQUIRE(s.click("Add session"));
  CHECK(f.submitted().empty());

  // Times that are not times.
  s.form().start = "9am";
  CHECK(contains(s.frame(), "Times are HH:MM"));

  // A session that fits: its slots are said before, and Add sends it, pending until the hub
  // answers.
  fill(s.form(), "Evening meetings", existing, 20 * 60, 21 * 60);
  CHECK(contains(s.frame(), "It will have 3 slots of 20 min."));
  REQUIRE(s.click("Add session"));
  const auto sent = f.submitted();
  REQUIRE(sent.size() == 1);
  const auto* op = std::get_if<core::DefineSession>(&sent[0]);
  REQUIRE(op != nullptr);
  CHECK(op->session == 0);
  CHECK(op->name == "Evening meetings");
  CHECK(op->date == existing.date);
  CHECK(op->start == 20 * 60);
  CHECK(op->end == 21 * 60);
  CHECK(s.models->action.state == client::ActionState::Pending);
  CHECK(contains(s.models->action_text(), "Save the session"));
}

TEST_CASE("event screen: Edit loads a session into the form; Save changes sends it with its id") {
  test::ClientFixture f;
  const core::SessionId id = meeting_session(f.state);
  f.accept(2, f.request(1, 2));  // booked at once, in the first session
  const core::Meeting booked = f.state.meetings.rbegin()->second;
  REQUIRE(booked.placement);
  REQUIRE(booked.placement->slot.session == id);
  EventScreen s(f);
  const core::Session before = f.state.sessions.at(id);

  REQUIRE(s.click_row(id, "Edit"));
  CHECK(s.form().editing == id);
  CHECK(s.form().name == before.name);
  CHECK(s.form().start == core::format_time_of_day(before.start));
  std::string text = s.frame();
  CHECK(contains(text, "Change the session '" + before.name + "'"));
  // What the change does to the meeting booked in it, named with both people, time and table.
  const std::string line = s.session->name_of(1) + " and " + s.session->name_of(2) + ", " +
                           s.session->slot_label(booked.placement->slot) + ", " +
                           s.session->table_name(booked.placement->table);
  CHECK(contains(text, "The meeting booked in it keeps its time and table:"));
  CHECK(contains(text, line));

  // Its times cannot change while the meeting is booked: the hub's reason, before sending.
  s.form().end = core::format_time_of_day(before.end + 20);
  text = s.frame();
  CHECK(contains(text, "1 meeting is booked in this session; move or cancel them"));
  CHECK(contains(text, line));
  REQUIRE(s.click("Save changes"));
  CHECK(f.submitted().empty());

  // A new name is fine: sent as a change of this session.
  s.form().end = core::format_time_of_day(before.end);
  s.form().name = "Morning one-to-ones";
  REQUIRE(s.click("Save changes"));
  const auto sent = f.submitted();
  REQUIRE(sent.size() == 1);
  const auto* op = std::get_if<core::DefineSession>(&sent[0]);
  REQUIRE(op != nullptr);
  CHECK(op->session == id);
  CHECK(op->name == "Morning one-to-ones");
  CHECK(op->start == before.start);
  CHECK(op->breaks == before.breaks);
  CHECK_FALSE(s.form().editing_session());
  CHECK(contains(s.frame(), "New session"));

  // Cancel edit goes back to a new session without sending.
  REQUIRE(s.click_row(id, "Edit"));
  REQUIRE(s.click("Cancel edit"));
  CHECK_FALSE(s.form().editing_session());
  CHECK(f.submitted().size() == 1);
}

TEST_CASE("event screen: Remove asks first, names what goes with it, and offers to restore it") {
  test::ClientFixture f;
  const core::SessionId busy = meeting_session(f.state);
  const core::SessionId quiet = meeting_session(f.state, 1);
  f.accept(2, f.request(1, 2));  // booked in the first session
  // In the other: a request's preferred time and a slot someone marked unavailable.
  f.apply(test::ClientFixture::person(3),
          core::RequestMeeting{.from = 3, .to = 4, .preferred = {core::SlotRef{quiet, 1}}});
  f.apply(test::ClientFixture::person(5),
          core::SetAvailability{.participant = 5,
                                .availability = {.unavailable = {core::SlotRef{quiet, 2}}}});
  EventScreen s(f);
  const core::Session removed = f.state.sessions.at(quiet);

  // The session with a booked meeting: the hub would refuse; the screen says why and names it.
  REQUIRE(s.click_row(busy, "Remove"));
  CHECK_FALSE(s.models->asking);
  std::string text = s.frame();
  CHECK(contains(text, "cannot be removed: 1 meeting is booked in this session"));
  CHECK(contains(text, s.session->name_of(1) + " and " + s.session->name_of(2)));
  CHECK(f.submitted().empty());

  // The other asks, listing what goes with it.
  REQUIRE(s.click_row(quiet, "Remove"));
  REQUIRE(s.models->asking);
  s.frame();
  CHECK(ImGui::IsPopupOpen("Please confirm###confirm-action", ImGuiPopupFlags_AnyPopupId));
  text = s.asked();
  CHECK(contains(text, "Remove the session '" + removed.name + "'"));
  CHECK(contains(text, "No meeting is booked in it"));
  CHECK(contains(text, "The request of " + s.session->name_of(3) + " and " + s.session->name_of(4) +
                           ", " + s.session->slot_label({quiet, 1}) +
                           " loses that preferred time."));
  CHECK(contains(text, s.session->name_of(5) + "'s 1 slot marked unavailable in it is forgotten."));
  CHECK(contains(text, "are not restored"));
  CHECK(f.submitted().empty());
  const client::Confirmation asked = *s.models->asking;
  REQUIRE(s.click_in_dialog("Remove session"));
  CHECK_FALSE(s.models->asking);
  const auto sent = f.submitted();
  REQUIRE(sent.size() == 1);
  CHECK(std::get<core::RemoveSession>(sent[0]).session == quiet);

  // The Undo offered defines the same session again (as a new session, with the same slots).
  REQUIRE(asked.undo);
  CHECK(asked.undo->label == "Restore the session");
  f.apply(test::organiser(), sent[0]);
  CHECK(f.state.session(quiet) == nullptr);
  for (const auto& op : asked.undo->operations) f.apply(test::organiser(), op);
  const core::Session& restored = f.state.sessions.rbegin()->second;
  CHECK(restored.name == removed.name);
  CHECK(restored.kind == removed.kind);
  CHECK(restored.date == removed.date);
  CHECK(restored.slot_starts == removed.slot_starts);
  CHECK(restored.breaks == removed.breaks);
}

TEST_CASE("event screen: the join code is shown large, copied with Copy, and as a QR code") {
  test::ClientFixture f;
  EventScreen s(f);
  const std::string text = s.frame();
  // Offline (no certificate seen), the code has no pin.
  CHECK(contains(text, "LISBON-2026"));
  REQUIRE(s.models->event.join_code.qr);
  CHECK(s.models->event.join_code.code == "LISBON-2026");
  ImGui::SetClipboardText("");
  REQUIRE(s.click("Copy##join-code"));
  CHECK(std::string(ImGui::GetClipboardText()) == "LISBON-2026");
  CHECK(contains(s.models->action_text(), "Join code copied"));
}
