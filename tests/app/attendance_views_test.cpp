// The event day on a participant's and a broker's screens: after a meeting's slot the person is
// asked whether it took place (once, until they say); a partner not checked in when their meeting
// has started shows "not arrived yet" on the agenda, and brokers see everyone late on the Monitor.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/client/state/arrivals.hpp"
#include "app/client/views/broker_views.hpp"
#include "app/client/views/participant_views.hpp"
#include "core/event/event_index.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::contains;

int asked(const client::ClientSession& session) {
  int n = 0;
  for (const auto& note : session.notifications().all())
    n += contains(note.text, "take place?") ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("attendance: after the slot each person is asked once whether the meeting took place") {
  test::ClientFixture f;
  const auto id = f.request(1, 2);
  f.accept(2, id);
  auto session = f.session(core::Role::Participant, 1);
  const core::Meeting& m = *session->state().meeting(id);
  REQUIRE(m.placement);
  const std::int64_t start = session->slot_start_ms(m.placement->slot);
  const std::int64_t end =
      start + std::int64_t{session->state().sessions.at(m.placement->slot.session).slot_minutes} *
                  60 * 1000;
  session->update(end - 60 * 1000);
  CHECK(asked(*session) == 0);
  session->update(end + 60 * 1000);
  REQUIRE(asked(*session) == 1);
  CHECK(contains(session->notifications().all().back().text, session->name_of(2)));
  session->update(end + 2 * 60 * 1000);
  CHECK(asked(*session) == 1);

  // Someone who has already said is not asked.
  f.apply(test::ClientFixture::person(2),
          core::GiveFeedback{.meeting = id, .held = core::HeldState::NotHeld});
  auto other = f.session(core::Role::Participant, 2);
  other->update(end + 60 * 1000);
  CHECK(asked(*other) == 0);
  // ... and the first is still asked, though the other said no: both are asked.
  auto again = f.session(core::Role::Participant, 1);
  again->update(end + 60 * 1000);
  CHECK(asked(*again) == 1);
  // The feedback screen lists the meeting for them.
  client::ClientModels models(*again);
  models.now_ms = end + 60 * 1000;
  test::HeadlessUi ui;
  CHECK(contains(ui.frame([&] { client::draw_feedback_view(models); }), "The meeting took place"));
}

TEST_CASE("arrivals: a partner not checked in once the meeting started is \"not arrived yet\"") {
  test::ClientFixture f;
  const auto id = f.request(1, 2);
  f.accept(2, id);
  const auto other = f.request(3, 4);
  f.accept(4, other);
  auto probe = f.session(core::Role::Participant, 1);
  const core::Meeting& m = *probe->state().meeting(id);
  REQUIRE(m.placement);
  const std::int64_t start = probe->slot_start_ms(m.placement->slot);

  // Nobody checked in: the desk is not in use, nobody is flagged.
  CHECK_FALSE(client::not_arrived_yet(*probe, 2, start + 1000));

  // Person 1 checks in (by the organiser at the desk); 2 does not.
  const std::string code = "7K3M9QXD";
  core::Profile walk_in = f.state.participants.at(5).profile;
  walk_in.email = "desk.test@example.org";
  f.apply(core::Actor{core::Role::Organiser, 0},
          core::Register{.profile = walk_in, .check_in_code = code, .arrived = true});
  auto session = f.session(core::Role::Participant, 1);
  CHECK_FALSE(client::not_arrived_yet(*session, 2, start - 1000));  // not started yet
  CHECK(client::not_arrived_yet(*session, 2, start + 1000));
  client::ClientModels models(*session);
  models.now_ms = start + 1000;
  test::HeadlessUi ui;
  CHECK(contains(ui.frame([&] { client::draw_agenda_view(models); }), "not arrived yet"));

  // The broker's Monitor lists everyone late: 2 and, if their meeting started, 3 and 4.
  auto broker = f.session(core::Role::Broker);
  client::ClientModels watching(*broker);
  watching.now_ms = start + 1000;
  const auto late = client::people_not_arrived(*broker, start + 1000);
  CHECK(std::find(late.begin(), late.end(), 2) != late.end());
  const std::string monitor = ui.frame([&] { client::draw_monitor_view(watching); });
  CHECK(contains(monitor, "Not arrived yet"));
  CHECK(contains(monitor, broker->name_of(2)));

  // Once 2 has arrived, no flag.
  // (Person 2 registered before check-in codes, so their arrival is set as a check-in sets it.)
  f.state.participants.at(2).arrived_at = start;
  core::rebuild_index(f.state, test::taxonomy());
  auto later = f.session(core::Role::Participant, 1);
  CHECK_FALSE(client::not_arrived_yet(*later, 2, start + 1000));
}
