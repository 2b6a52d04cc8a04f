// The big screen (`--screen wall`): the pitch on stage with its time left, turning to over time;
// the live figures with the organiser's target; which table each person goes to in the slot under
// way or next; and, opened by name, the screen alone until Esc.
#include <doctest/doctest.h>

#include "app/client/state/wall_board.hpp"
#include "app/client/views/client_app.hpp"
#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/event_fixture.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::contains;

}  // namespace

TEST_CASE("wall: live figures against the target, then the tables of the slot under way") {
  test::ClientFixture f;
  core::EventSettings settings = f.state.event.settings;
  settings.relationship_target = 25;
  f.apply(test::organiser(), core::SetSettings{.settings = settings});
  const core::MeetingId meeting = f.request(1, 2);
  f.accept(2, meeting);
  REQUIRE(f.state.meetings.at(meeting).placement);
  const core::SlotRef slot = f.state.meetings.at(meeting).placement->slot;

  auto session = f.session(core::Role::Organiser);
  client::ClientModels m(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_wall_view(m); };

  // Before the slot: the figures and the next slot's tables.
  const std::int64_t start = session->slot_start_ms(slot);
  m.now_ms = start - 3'600'000;
  std::string text = ui.frame(body);
  CHECK(contains(text, "Cross Innovation Lisbon"));
  CHECK(contains(text, "Participants"));
  CHECK(contains(text, "New relationships"));
  CHECK(contains(text, "0 of a target of 25"));
  CHECK(contains(text, "Meetings held today"));
  CHECK(contains(text, "Next, " + session->slot_label(slot) + ": your table"));
  const std::string table = session->table_name(f.state.meetings.at(meeting).placement->table);
  CHECK(contains(text, session->name_of(1)));
  CHECK(contains(text, session->name_of(2)));
  CHECK(contains(text, table));

  // During it: "Now".
  m.now_ms = start + 60'000;
  text = ui.frame(body);
  CHECK(contains(text, "Now, " + session->slot_label(slot) + ": your table"));

  // The model: both people, sorted by name, at the meeting's table.
  const client::WallBoard board = client::wall_board(*session, m.now_ms);
  REQUIRE(board.slot);
  CHECK(board.slot->under_way);
  REQUIRE(board.slot->seats.size() == 2);
  CHECK(board.slot->seats[0].person <= board.slot->seats[1].person);
  CHECK(board.slot->seats[0].table == table);
  CHECK(board.figures.relationship_target == 25);
  CHECK_FALSE(board.pitch);

  // After the slot has ended, it is no longer shown.
  m.now_ms = start + std::int64_t{30} * 24 * 3'600'000;
  CHECK_FALSE(client::wall_board(*session, m.now_ms).slot);
}

TEST_CASE("wall: the pitch on stage, its time left, over time in red, and who is next") {
  test::ClientFixture f;
  core::DefineSession d;
  d.name = "Demo Day pitches";
  d.kind = core::SessionKind::Pitching;
  d.date = core::days_from_civil(2026, 5, 15);
  d.start = 16 * 60;
  d.end = 18 * 60;
  f.apply(test::organiser(), d);
  const core::SessionId pitching = f.state.sessions.rbegin()->first;
  std::vector<core::ParticipantId> companies;
  for (const auto& [id, p] : f.state.participants) {
    if (p.active() && p.profile.type == core::ParticipantType::Company && companies.size() < 2)
      companies.push_back(id);
  }
  REQUIRE(companies.size() == 2);
  f.apply(
      test::organiser(),
      core::SetPitchOrder{.session = pitching, .pitches = {{companies[0], 3}, {companies[1], 3}}});
  f.apply(test::organiser(),
          core::ControlPitch{.session = pitching, .action = core::PitchAction::Start});
  const std::int64_t started = f.clock;

  auto session = f.session(core::Role::Broker);
  client::ClientModels m(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_wall_view(m); };
  const auto& first = f.state.participants.at(companies[0]).profile;
  const auto& second = f.state.participants.at(companies[1]).profile;

  m.now_ms = started + 60'000;
  std::string text = ui.frame(body);
  CHECK(contains(text, "Demo Day pitches"));
  CHECK(contains(text, first.organisation.empty() ? first.display_name : first.organisation));
  CHECK(contains(text, "02:00"));
  CHECK(contains(
      text, "Next: " + (second.organisation.empty() ? second.display_name : second.organisation)));
  CHECK_FALSE(contains(text, "over time"));
  // Over its three minutes: counted on, marked.
  m.now_ms = started + 3 * 60'000 + 35'000;
  text = ui.frame(body);
  CHECK(contains(text, "+00:35"));
  CHECK(contains(text, "over time"));
  CHECK(client::time_left_text(-35'000) == "+00:35");
  CHECK(client::time_left_text(61'000) == "01:01");
}

TEST_CASE("wall: opened by name it fills the window alone; Esc goes back to the tabs") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Organiser);
  client::ClientApp app(*session, nullptr);
  REQUIRE(app.open_screen("wall"));
  test::HeadlessUi ui;
  test::HeadlessUi::enable_keyboard_navigation();
  const auto body = [&] { app.frame(f.clock); };
  ui.bare_frame(body);
  CHECK(app.current_screen() == "wall");
  CHECK(app.big_screen_alone());
  ui.press(ImGuiKey_Escape, body);
  CHECK_FALSE(app.big_screen_alone());
  ui.bare_frame(body);
  ui.bare_frame(body);
  CHECK(app.current_screen() == "wall");  // the same screen, now among the tabs

  // Participants have no big screen: opened by name, they see their own screens.
  auto participant = f.session(core::Role::Participant, 3);
  client::ClientApp papp(*participant, nullptr);
  REQUIRE(papp.open_screen("wall"));
  ui.bare_frame([&] { papp.frame(f.clock); });
  ui.bare_frame([&] { papp.frame(f.clock); });
  CHECK(papp.current_screen() != "wall");
}
