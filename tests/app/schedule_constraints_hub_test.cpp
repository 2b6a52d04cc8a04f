// The organiser's Schedule screen against a real hub: a meeting pinned to a slot, "A before B"
// added, a cycle refused with the hub's reason, the plan's grid marking the pinned meeting, then
// the order removed and the meeting unpinned; each through the status line.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "app/client/views/action_views.hpp"
#include "app/client/views/organiser_views.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/app/session_frames.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::frames_until;
using crossmatch::test::kNow;

// A newcomer who joins with the event's code and registers.
struct Person {
  net::MemoryOutbox outbox;
  client::ClientSession session{test::taxonomy(), outbox};
  Person(const test::HubProcess& hub, core::Profile profile) {
    net::ClientOptions options = hub.client_options();
    options.join_code = hub.code();
    REQUIRE(session.connect(options).ok());
    REQUIRE(frames_until(session, [&] { return session.joined(); }));
    REQUIRE(session.submit(core::Register{.profile = std::move(profile)}).ok());
    REQUIRE(frames_until(session, [&] { return session.take_issued_token().has_value(); }));
    REQUIRE(
        frames_until(session, [&] { return session.me() != 0 && session.link().pending == 0; }));
  }
};

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
    client::draw_schedule_view(models);
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
  // Waits for the hub's answer to the last action.
  client::ActionState settled() {
    frames_until([&] { return models.action.state != client::ActionState::Pending; });
    return models.action.state;
  }
  // A button of one meeting's row in the list of pins.
  bool click_in_row(core::MeetingId meeting, const char* label) {
    return ui.click(test::HeadlessUi::id_of(
                        [&] {
                          ImGui::BeginChild("pins", ImVec2(0, 100), true);
                          ImGui::PushID(static_cast<int>(meeting));
                        },
                        label,
                        [] {
                          ImGui::PopID();
                          ImGui::EndChild();
                        }),
                    body);
  }
  bool click(const char* label) {
    return ui.click(test::HeadlessUi::id_of([] {}, label, 0), body);
  }
};

using crossmatch::test::contains;

}  // namespace

TEST_CASE("schedule screen with a hub: pin a meeting, order two, plan, remove both" *
          doctest::test_suite("slow")) {
  const auto dir = test::fresh_folder("schedule-constraints-hub");
  test::HubProcess hub(dir / "event.db", {"--demo", "10"});
  auto profiles =
      core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {3, 5});
  REQUIRE(profiles.ok());
  std::vector<std::unique_ptr<Person>> people;
  for (std::size_t i = 0; i < 3; ++i) {
    core::Profile profile = (*profiles)[i].profile;
    profile.email = "pin" + std::to_string(i) + "@example.org";
    profile.organisation = "Organisation " + std::to_string(i);
    people.push_back(std::make_unique<Person>(hub, profile));
  }
  // Ben and Cy ask Ana; she accepts both.
  client::ClientSession& ana = people[0]->session;
  std::vector<core::MeetingId> meetings;
  for (std::size_t i = 1; i < 3; ++i) {
    client::ClientSession& asker = people[i]->session;
    REQUIRE(asker.submit(core::RequestMeeting{.from = asker.me(), .to = ana.me()}).ok());
    core::MeetingId id = 0;
    REQUIRE(frames_until(ana, [&] {
      for (const auto& [mid, m] : ana.state().meetings) {
        if (m.requester == asker.me()) id = mid;
      }
      return id != 0;
    }));
    REQUIRE(ana.submit(core::AcceptMeeting{.meeting = id}).ok());
    meetings.push_back(id);
  }
  REQUIRE(frames_until(ana, [&] { return ana.link().pending == 0; }));

  Organiser o;
  net::ClientOptions options = hub.client_options();
  options.token = hub.organiser();
  REQUIRE(o.session.connect(options).ok());
  REQUIRE(o.frames_until([&] {
    const core::Meeting* m = o.session.state().meeting(meetings[1]);
    return o.session.joined() && m != nullptr && m->status == core::MeetingStatus::Accepted;
  }));
  const std::string ana_name = o.session.name_of(ana.me());
  const std::string first = o.session.name_of(people[1]->session.me()) + " & " + ana_name;
  std::string text = o.ui.frame(o.body);
  CHECK(contains(text, "Pinned meetings and order (0 pinned, 0 ordered)"));
  CHECK_FALSE(contains(text, first));  // closed until opened
  REQUIRE(o.click("###constraints"));
  text = o.ui.frame(o.body);
  CHECK(contains(text, first));

  // Pin the first meeting to the last slot of the first one-to-one session.
  const auto slots = client::ScheduleConstraintsForm::slots(o.session);
  REQUIRE(slots.size() > 2);
  const core::SlotRef pin = slots[2].slot;
  o.models.schedule.constraints.pin_choice[meetings[0]] = pin;
  REQUIRE(o.click_in_row(meetings[0], "Pin"));
  CHECK(o.models.action.state == client::ActionState::Pending);
  REQUIRE(o.settled() == client::ActionState::Done);
  REQUIRE(o.session.state().meeting(meetings[0])->pinned);
  CHECK(*o.session.state().meeting(meetings[0])->pinned == pin);
  text = o.ui.frame(o.body);
  CHECK(contains(text, "Pinned " + first + " to " + o.session.slot_label(pin)));
  CHECK(contains(text, "(1 pinned, 0 ordered)"));
  CHECK(contains(text, "pinned to " + o.session.slot_label(pin)));

  // The first meeting before the second.
  o.models.schedule.constraints.before = meetings[0];
  o.models.schedule.constraints.after = meetings[1];
  REQUIRE(o.click("Add order"));
  REQUIRE(o.settled() == client::ActionState::Done);
  CHECK(o.session.state().meeting(meetings[1])->after == std::vector<core::MeetingId>{meetings[0]});
  text = o.ui.frame(o.body);
  CHECK(contains(text, "(1 pinned, 1 ordered)"));
  CHECK(contains(text, first + "  before  "));

  // The reverse order would be a cycle: the hub refuses it, and the status line says why.
  o.models.schedule.constraints.before = meetings[1];
  o.models.schedule.constraints.after = meetings[0];
  REQUIRE(o.click("Add order"));
  REQUIRE(o.settled() == client::ActionState::Refused);
  text = o.ui.frame(o.body);
  CHECK(contains(text, "Order the two meetings: refused."));
  CHECK(contains(text, "both orders cannot hold"));
  CHECK(contains(text, "(1 pinned, 1 ordered)"));

  // A plan with moves allowed puts the pinned meeting on its pin and marks it in the grid.
  for (const auto& [id, s] : o.session.state().sessions) {
    if (s.kind == core::SessionKind::Meetings) o.models.schedule.sessions.insert(id);
  }
  o.models.schedule.allow_moves = true;
  o.models.schedule.seconds = 20;
  REQUIRE(o.click("Plan"));
  REQUIRE(o.frames_until([&] { return !o.models.schedule.planner->running(); }));
  text = o.ui.frame(o.body);
  REQUIRE(o.models.schedule.plan);
  CHECK(contains(text, "* pinned (1)"));
  CHECK(contains(text, "Proven the best: no schedule of these meetings has fewer than"));
  CHECK(contains(text, "(the hub searched "));
  CHECK(contains(text, "1 order between these meetings kept."));
  bool on_pin = false;
  for (const auto& item : o.models.schedule.plan->report.meetings) {
    if (item.meeting == meetings[0]) on_pin = item.placement && item.placement->slot == pin;
  }
  CHECK(on_pin);

  // Remove the order, then the pin.
  REQUIRE(o.ui.click(test::HeadlessUi::id_of([] { ImGui::PushID(0); }, "Remove", 1), o.body));
  REQUIRE(o.settled() == client::ActionState::Done);
  CHECK(o.session.state().meeting(meetings[1])->after.empty());
  REQUIRE(o.click_in_row(meetings[0], "Unpin"));
  REQUIRE(o.settled() == client::ActionState::Done);
  CHECK_FALSE(o.session.state().meeting(meetings[0])->pinned);
  text = o.ui.frame(o.body);
  CHECK(contains(text, "Unpinned " + first));
  CHECK(contains(text, "(0 pinned, 0 ordered)"));

  // A participant's copy of the event never carried either.
  CHECK_FALSE(ana.state().meeting(meetings[0])->pinned);
  o.session.disconnect();
  for (auto& p : people) p->session.disconnect();
  std::filesystem::remove_all(dir);
}
