// Actions that cannot simply be taken back, driven through the screens: each asks first and says
// what will change (cancel sends nothing, confirm sends), a skipped pitch can be undone, the
// auto-schedule shows its grid before it is applied, a team round is checked and previewed before
// it is published; and on every one of these screens a refusal by the hub shows as "refused" with
// the hub's reason.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/client/state/person_summary.hpp"
#include "app/client/views/action_views.hpp"
#include "app/client/views/organiser_views.hpp"
#include "app/client/views/participant_views.hpp"
#include "app/client/views/pitch_and_clinic_views.hpp"
#include "core/matching/event_population.hpp"
#include "core/matching/teams.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/app/stand_in_hub.hpp"
#include "tests/event_fixture.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

using Sessions = std::vector<client::ClientSession*>;

using crossmatch::test::contains;

bool lists(const client::Confirmation& c, const std::string& what) {
  return std::any_of(c.consequences.begin(), c.consequences.end(),
                     [&](const std::string& line) { return contains(line, what); });
}

ImGuiID in_child(std::vector<const char*> children, const char* label) {
  return test::HeadlessUi::id_of(
      [&] {
        for (const char* c : children) ImGui::BeginChild(c);
      },
      label,
      [&] {
        for (std::size_t i = 0; i < children.size(); ++i) ImGui::EndChild();
      });
}

ImGuiID top(const char* label) {
  return test::HeadlessUi::id_of([] {}, label, 0);
}

core::SessionId add_session(test::ClientFixture& f, const std::string& name, core::SessionKind kind,
                            int start) {
  core::DefineSession d;
  d.name = name;
  d.kind = kind;
  d.date = core::days_from_civil(2026, 5, 15);
  d.start = start;
  d.end = start + 120;
  d.slot_minutes = 20;
  f.apply(test::organiser(), d);
  return f.state.sessions.rbegin()->first;
}

std::vector<core::ParticipantId> companies(const test::ClientFixture& f) {
  std::vector<core::ParticipantId> out;
  for (const auto& [id, p] : f.state.participants) {
    if (p.active() && p.profile.type == core::ParticipantType::Company) out.push_back(id);
  }
  return out;
}

// The status line as the window shows it, after following the hub's answers.
std::string status_line(test::HeadlessUi& ui, client::ClientModels& m, std::int64_t now) {
  m.follow(now);
  return ui.frame([&] { client::draw_action_status(m); });
}

// The hub's team suggestion for the fixture's event, formed as the hub's matcher forms it.
net::Teams hub_teams(const test::ClientFixture& f) {
  const auto ep = core::event_population(f.state, test::taxonomy());
  core::SearchBudget budget(200'000);
  const auto formation =
      core::form_teams(ep.population, f.state.event.settings.matching, budget, 1);
  net::Teams teams;
  teams.version = f.seq;
  for (const auto& t : formation.teams) {
    net::TeamSuggestion s;
    for (const int member : t.members)
      s.members.push_back(ep.ids[static_cast<std::size_t>(member)]);
    teams.teams.push_back(std::move(s));
  }
  return teams;
}

}  // namespace

TEST_CASE("pitch: a skip can be undone; ending the session asks and names who never pitches") {
  test::ClientFixture f;
  const core::SessionId pitching =
      add_session(f, "Demo Day pitches", core::SessionKind::Pitching, 16 * 60);
  const auto c = companies(f);
  REQUIRE(c.size() >= 3);
  f.apply(test::organiser(),
          core::SetPitchOrder{.session = pitching, .pitches = {{c[0], 5}, {c[1], 5}, {c[2], 5}}});
  f.apply(test::organiser(),
          core::ControlPitch{.session = pitching, .action = core::PitchAction::Start});
  auto stale = f.session(core::Role::Organiser);  // an organiser's screen the hub moves past
  auto organiser = f.session(core::Role::Organiser);
  const Sessions everyone{organiser.get()};
  client::ClientModels om(*organiser);
  om.now_ms = f.clock;
  test::HeadlessUi ui;
  const auto view = [&] {
    client::draw_pitch_view(om);
    client::draw_confirmation(om);
  };
  ui.frame(view);

  // Skip the pitch running now: sent at once, with Undo once the hub has done it.
  REQUIRE(ui.click(in_child({"stage"}, "Skip this pitch"), view));
  CHECK(contains(status_line(ui, om, f.clock), "pending"));
  auto answers = test::answer(f, *organiser, everyone);
  REQUIRE(answers.applied.size() == 1);
  CHECK(std::get<core::ControlPitch>(answers.applied[0]).action == core::PitchAction::Skip);
  CHECK(f.state.pitching.at(pitching).pitches[0].outcome == core::PitchOutcome::Skipped);
  const std::string skipped = status_line(ui, om, f.clock);
  CHECK(contains(skipped, "done: Skipped: " + organiser->name_of(c[0])));
  REQUIRE(om.undo);
  CHECK(contains(skipped, "Undo: Re-open the pitch of"));
  CHECK(contains(skipped, client::person_summary(*organiser, c[0]).organisation));
  // Undo re-opens it: it is to come again, and next.
  REQUIRE(om.take_undo());
  answers = test::answer(f, *organiser, everyone);
  REQUIRE(answers.applied.size() == 1);
  CHECK(std::get<core::ReopenPitch>(answers.applied[0]).pitcher == c[0]);
  const auto& ps = f.state.pitching.at(pitching);
  CHECK(ps.pitches[0].outcome == core::PitchOutcome::Pending);
  CHECK(ps.next_pending() == 0);
  CHECK(contains(status_line(ui, om, f.clock), "Pitch re-opened"));
  CHECK_FALSE(om.undo);  // taken: offered no more

  // Ending the session asks first, naming every company that would never pitch.
  ui.frame(view);
  REQUIRE(ui.click(in_child({"stage"}, "End the session..."), view));
  CHECK(f.submitted().empty());
  REQUIRE(om.asking);
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(lists(*om.asking, client::person_summary(*organiser, c[i]).organisation + " (" +
                                organiser->name_of(c[i]) + ") will never pitch"));
  CHECK(om.asking->question == "End the pitching session 'Demo Day pitches'?");
  CHECK(lists(*om.asking, "skipped for good"));
  CHECK_FALSE(om.asking->undo);  // the dialog says it cannot be undone
  REQUIRE(ui.click(test::dialog_button("Cancel"), view));
  CHECK_FALSE(om.asking);
  CHECK(f.submitted().empty());
  CHECK(f.state.pitching.at(pitching).status != core::PitchStatus::Finished);

  REQUIRE(ui.click(in_child({"stage"}, "End the session..."), view));
  REQUIRE(ui.click(test::dialog_button("End the session"), view));
  answers = test::answer(f, *organiser, everyone);
  REQUIRE(answers.applied.size() == 1);
  CHECK(std::get<core::ControlPitch>(answers.applied[0]).action == core::PitchAction::Finish);
  CHECK(f.state.pitching.at(pitching).status == core::PitchStatus::Finished);
  CHECK(contains(status_line(ui, om, f.clock), "Pitching session over"));

  // A screen that missed the end: its skip is refused, and says why in the hub's words.
  client::ClientModels sm(*stale);
  sm.now_ms = f.clock;
  const auto stale_view = [&] { client::draw_pitch_view(sm); };
  REQUIRE(ui.click(in_child({"stage"}, "Skip this pitch"), stale_view));
  answers = test::answer(f, *stale, {stale.get()});
  REQUIRE(answers.refused.size() == 1);
  const std::string refused = status_line(ui, sm, f.clock);
  CHECK(contains(refused, "refused: Control the pitch: refused. " + answers.refused[0].message));
  CHECK(contains(refused, "is over"));
  CHECK_FALSE(contains(refused, "control_pitch"));
}

TEST_CASE("schedule: the plan shows as a grid with moves marked; applying lists what moves") {
  test::ClientFixture f;
  const core::MeetingId booked = f.request(1, 2);
  f.accept(2, booked);
  const core::MeetingId kept = f.request(3, 4);
  f.accept(4, kept);
  core::EventSettings settings = f.state.event.settings;
  settings.booking = core::BookingMode::Deferred;
  f.apply(test::organiser(), core::SetSettings{.settings = settings});
  const core::MeetingId waiting = f.request(5, 6);
  f.accept(6, waiting);
  REQUIRE(f.state.meetings.at(booked).placement);
  REQUIRE_FALSE(f.state.meetings.at(waiting).placement);
  const core::Placement from = *f.state.meetings.at(booked).placement;

  // The real planner places the waiting meeting and keeps the booked ones ...
  core::SearchBudget budget(100'000);
  auto planned = core::plan_auto_schedule(f.state, {from.slot.session}, true, budget);
  REQUIRE(planned.ok());
  core::AutoSchedule plan = std::move(*planned);
  // ... and one booked meeting moves to another table in its slot, as a plan with moves may.
  core::TableId to_table = 0;
  for (const auto& [id, table] : f.state.tables) {
    const bool taken = std::any_of(
        plan.operation.placements.begin(), plan.operation.placements.end(),
        [&](const auto& p) { return p.second.table == id && p.second.slot == from.slot; });
    const bool booked_there =
        std::any_of(f.state.meetings.begin(), f.state.meetings.end(), [&](const auto& m) {
          return m.second.placement && m.second.placement->table == id &&
                 m.second.placement->slot == from.slot;
        });
    if (id != from.table && !taken && !booked_there) {
      to_table = id;
      break;
    }
  }
  REQUIRE(to_table != 0);
  const core::Placement to{from.slot, to_table};
  plan.operation.moves_allowed = true;
  std::erase_if(plan.operation.placements, [&](const auto& p) { return p.first == booked; });
  plan.operation.placements.push_back({booked, to});
  for (auto& item : plan.report.meetings) {
    if (item.meeting != booked) continue;
    item.status = core::scheduling::MeetingStatus::moved;
    item.placement = to;
  }

  auto organiser = f.session(core::Role::Organiser);
  client::ClientModels om(*organiser);
  om.now_ms = f.clock;
  om.schedule.plan = plan;
  om.schedule.grid = client::schedule_grid(*organiser, plan);
  om.schedule.planned_at = organiser->meetings_version();
  const client::ScheduleGrid& grid = *om.schedule.grid;
  CHECK(grid.moved == 1);
  CHECK(grid.placed == 1);
  CHECK(grid.kept == 1);
  CHECK(grid.summary() == "1 placed, 1 moved, 1 kept, 0 not placed");
  // Rows are slots in time order; the moved meeting sits at its new table with where it was.
  for (std::size_t r = 1; r < grid.slots.size(); ++r) {
    const auto& s = f.state.sessions;
    CHECK(s.at(grid.slots[r - 1].session).slot_time(grid.slots[r - 1].index) <=
          s.at(grid.slots[r].session).slot_time(grid.slots[r].index));
  }
  const auto row = std::find(grid.slots.begin(), grid.slots.end(), to.slot) - grid.slots.begin();
  const auto column =
      std::find(grid.tables.begin(), grid.tables.end(), to.table) - grid.tables.begin();
  const client::ScheduleCell* cell =
      grid.at(static_cast<std::size_t>(row), static_cast<std::size_t>(column));
  REQUIRE(cell != nullptr);
  CHECK(cell->meeting == booked);
  CHECK(cell->change == client::CellChange::Moved);
  CHECK(cell->names == organiser->name_of(1) + " & " + organiser->name_of(2));
  CHECK(cell->moved_from ==
        organiser->slot_label(from.slot) + ", " + organiser->table_name(from.table));

  test::HeadlessUi ui;
  const auto view = [&] {
    client::draw_schedule_view(om);
    client::draw_confirmation(om);
  };
  std::string text = ui.frame(view);
  CHECK(contains(text, "1 placed, 1 moved, 1 kept, 0 not placed"));
  CHECK(contains(text, "> " + cell->names));                                            // moved
  CHECK(contains(text, "+ " + organiser->name_of(5) + " & " + organiser->name_of(6)));  // placed
  CHECK(contains(text, organiser->name_of(3) + " & " + organiser->name_of(4)));         // kept
  CHECK(contains(text, organiser->table_name(to.table)));                               // a column
  CHECK(contains(text, organiser->slot_label(to.slot)));                                // a row

  // Applying asks, listing the booked meeting that moves with both names, from and to.
  REQUIRE(ui.click(top("Apply the schedule..."), view));
  CHECK(f.submitted().empty());
  REQUIRE(om.asking);
  const std::string move = organiser->name_of(1) + " and " + organiser->name_of(2) + ": " +
                           organiser->slot_label(from.slot) + ", " +
                           organiser->table_name(from.table) + " -> " +
                           organiser->slot_label(to.slot) + ", " + organiser->table_name(to.table);
  CHECK(lists(*om.asking, move));
  CHECK(lists(*om.asking, "Move 1 booked meeting"));
  CHECK(lists(*om.asking, "Book 1 meeting"));
  REQUIRE(ui.click(test::dialog_button("Cancel"), view));
  CHECK(f.submitted().empty());

  // Refused: the meeting was cancelled meanwhile, which this screen has not heard of yet.
  const core::Operation cancelled =
      f.apply(test::ClientFixture::person(5), core::CancelMeeting{.meeting = waiting});
  REQUIRE(ui.click(top("Apply the schedule..."), view));
  REQUIRE(ui.click(test::dialog_button("Apply the schedule"), view));
  auto answers = test::answer(f, *organiser, {organiser.get()});
  REQUIRE(answers.refused.size() == 1);
  const std::string refused = status_line(ui, om, f.clock);
  CHECK(contains(refused, "refused: "));
  CHECK(contains(refused, answers.refused[0].message));
  CHECK(contains(answers.refused[0].message, "not accepted"));
  CHECK(f.state.meetings.at(booked).placement == from);

  // Once it has heard, the plan is stale until planned again; a fresh plan applies.
  organiser->receive({cancelled, {}}, f.clock);
  CHECK(contains(ui.frame(view), "plan again before applying"));
  std::erase_if(plan.operation.placements, [&](const auto& p) { return p.first == waiting; });
  std::erase_if(plan.report.meetings, [&](const auto& m) { return m.meeting == waiting; });
  om.schedule.plan = plan;
  om.schedule.grid = client::schedule_grid(*organiser, plan);
  om.schedule.planned_at = organiser->meetings_version();
  REQUIRE(ui.click(top("Apply the schedule..."), view));
  REQUIRE(ui.click(test::dialog_button("Apply the schedule"), view));
  answers = test::answer(f, *organiser, {organiser.get()});
  REQUIRE(answers.applied.size() == 1);
  CHECK(f.state.meetings.at(booked).placement == to);
  CHECK(contains(status_line(ui, om, f.clock), "Schedule applied"));

  // A plan that changes nothing says so beside Apply, which stays disabled.
  plan.operation.placements.clear();
  plan.report.not_placed = 0;
  om.schedule.plan = plan;
  om.schedule.grid = client::schedule_grid(*organiser, plan);
  om.schedule.planned_at = organiser->meetings_version();
  CHECK(
      contains(ui.frame(view), "Nothing to apply: every meeting keeps the slot and table it has."));
  om.asking.reset();
  ui.click(top("Apply the schedule..."), view);
  CHECK_FALSE(om.asking);
}

TEST_CASE("clinic: forming asks and says how many have not picked a theme") {
  test::ClientFixture f;
  const core::SessionId clinic =
      add_session(f, "Policy clinic", core::SessionKind::PolicyClinic, 10 * 60);
  for (int t = 1; t <= 2; ++t) {
    f.apply(test::organiser(),
            core::DefineTable{.name = "Workshop " + std::to_string(t), .seats = 8});
    f.apply(test::organiser(), core::DefineClinicTable{.session = clinic,
                                                       .table = f.state.tables.rbegin()->first,
                                                       .theme = "Theme " + std::to_string(t)});
  }
  const core::ClinicTableId theme = f.state.clinic_tables.begin()->first;
  for (const core::ParticipantId who : {1, 2, 3})
    f.apply(test::ClientFixture::person(who),
            core::PickThemes{.participant = who, .themes = {theme}});
  std::size_t active = 0;
  for (const auto& [id, p] : f.state.participants) active += p.active() ? 1 : 0;

  auto stale = f.session(core::Role::Organiser);
  auto organiser = f.session(core::Role::Organiser);
  client::ClientModels om(*organiser);
  om.now_ms = f.clock;
  test::HeadlessUi ui;
  const auto view = [&] {
    client::draw_clinic_view(om);
    client::draw_confirmation(om);
  };
  ui.frame(view);
  REQUIRE(ui.click(in_child({"themes-pane"}, "Form the tables..."), view));
  CHECK(f.submitted().empty());
  REQUIRE(om.asking);
  CHECK(lists(*om.asking, std::to_string(active - 3) + " of " + std::to_string(active) +
                              " participants have not picked a theme: they get no seat"));
  CHECK(lists(*om.asking, "Seat 3 people at 'Theme 1'"));
  CHECK(lists(*om.asking, "Lock the clinic"));
  REQUIRE(ui.click(test::dialog_button("Cancel"), view));
  CHECK(f.submitted().empty());
  CHECK(f.state.clinic_tables.at(theme).members.empty());

  REQUIRE(ui.click(in_child({"themes-pane"}, "Form the tables..."), view));
  REQUIRE(ui.click(test::dialog_button("Form the tables"), view));
  auto answers = test::answer(f, *organiser, {organiser.get()});
  REQUIRE(answers.applied.size() == 1);
  CHECK(f.state.clinic_tables.at(theme).members.size() == 3);
  CHECK(contains(status_line(ui, om, f.clock), "Tables formed: 3 people seated"));

  // A second organiser's screen that missed it is refused: the clinic is locked.
  client::ClientModels sm(*stale);
  sm.now_ms = f.clock;
  const auto stale_view = [&] {
    client::draw_clinic_view(sm);
    client::draw_confirmation(sm);
  };
  ui.frame(stale_view);
  REQUIRE(ui.click(in_child({"themes-pane"}, "Form the tables..."), stale_view));
  REQUIRE(sm.confirm());
  answers = test::answer(f, *stale, {stale.get()});
  REQUIRE(answers.refused.size() == 1);
  const std::string refused = status_line(ui, sm, f.clock);
  CHECK(contains(refused, "refused: Form the clinic tables: refused. "));
  CHECK(contains(refused, "locked"));
}

TEST_CASE("announcements: announcing asks, says who receives it, and keeps the text if cancelled") {
  test::ClientFixture f;
  auto organiser = f.session(core::Role::Organiser);
  client::ClientModels om(*organiser);
  om.now_ms = f.clock;
  test::HeadlessUi ui;
  const auto view = [&] {
    client::draw_announcements_view(om);
    client::draw_confirmation(om);
  };
  ui.frame(view);
  om.announcements.text = "Coffee is served in the hall";
  REQUIRE(ui.click(top("Announce to everyone..."), view));
  CHECK(f.submitted().empty());
  REQUIRE(om.asking);
  std::size_t active = 0, companies_count = 0;
  for (const auto& [id, p] : f.state.participants) {
    active += p.active() ? 1 : 0;
    companies_count += p.active() && p.profile.type == core::ParticipantType::Company ? 1 : 0;
  }
  CHECK(lists(*om.asking, std::to_string(active) + " participants ("));
  CHECK(lists(*om.asking, std::to_string(companies_count) + " companies"));
  CHECK(lists(*om.asking, "brokers and organisers"));
  CHECK(lists(*om.asking, "Coffee is served in the hall"));
  REQUIRE(ui.click(test::dialog_button("Cancel"), view));
  CHECK(f.submitted().empty());
  CHECK(om.announcements.text == "Coffee is served in the hall");  // not lost

  REQUIRE(ui.click(top("Announce to everyone..."), view));
  REQUIRE(ui.click(test::dialog_button("Announce"), view));
  auto answers = test::answer(f, *organiser, {organiser.get()});
  REQUIRE(answers.applied.size() == 1);
  CHECK(std::get<core::Announce>(answers.applied[0]).text == "Coffee is served in the hall");
  ui.frame(view);
  CHECK(om.announcements.text.empty());
  CHECK(contains(status_line(ui, om, f.clock), "done: Announcement sent"));

  // Blank text: the hub refuses, and the status line says why.
  om.announcements.text = "   ";
  REQUIRE(ui.click(top("Announce to everyone..."), view));
  REQUIRE(ui.click(test::dialog_button("Announce"), view));
  answers = test::answer(f, *organiser, {organiser.get()});
  REQUIRE(answers.refused.size() == 1);
  const std::string refused = status_line(ui, om, f.clock);
  CHECK(
      contains(refused, "refused: Send the announcement: refused. " + answers.refused[0].message));
  CHECK(contains(refused, "required"));
}

TEST_CASE("team round: the demo event's round is checked, previewed and published through core") {
  test::ClientFixture f;
  const net::Teams teams = hub_teams(f);
  REQUIRE(teams.teams.size() >= 2);
  auto stale = f.session(core::Role::Organiser);
  auto organiser = f.session(core::Role::Organiser);
  organiser->handle(teams, f.clock);
  stale->handle(teams, f.clock);
  client::ClientModels om(*organiser);
  om.now_ms = f.clock;
  test::HeadlessUi ui;
  const auto view = [&] {
    client::draw_round_view(om);
    client::draw_confirmation(om);
  };
  std::string text = ui.frame(view);
  INFO(om.round.problem());
  REQUIRE(om.round.ready());
  CHECK(contains(text, "every team has a table that seats it"));
  // The preview: every member with type, sector and city, at a table that seats the team.
  REQUIRE(om.round.preview().size() == teams.teams.size());
  for (std::size_t i = 0; i < teams.teams.size(); ++i) {
    CHECK(contains(text, om.round.preview()[i].table));
    for (const core::ParticipantId id : teams.teams[i].members) {
      const auto p = client::person_summary(*organiser, id);
      CHECK(contains(text, p.name + " (" + p.type + "): " + p.sector + ", " + p.city));
    }
  }
  // Publishing asks first, saying where the teams sit, who is told and that it stays.
  REQUIRE(ui.click(top("Publish team round..."), view));
  CHECK(f.submitted().empty());
  REQUIRE(om.asking);
  std::size_t people = 0;
  for (const auto& team : teams.teams) people += team.members.size();
  CHECK(lists(*om.asking, "Seats " + std::to_string(teams.teams.size()) + " teams (" +
                              std::to_string(people) + " people) at their tables in "));
  CHECK(lists(*om.asking, "told their team and table now"));
  CHECK(lists(*om.asking, "cannot be withdrawn"));
  REQUIRE(ui.click(test::dialog_button("Cancel"), view));
  CHECK(f.submitted().empty());
  REQUIRE(ui.click(top("Publish team round..."), view));
  REQUIRE(ui.click(test::dialog_button("Publish team round"), view));
  auto answers = test::answer(f, *organiser, {organiser.get()});
  INFO((answers.refused.empty() ? std::string() : answers.refused[0].message));
  REQUIRE(answers.applied.size() == 1);
  REQUIRE(f.state.rounds.size() == 1);
  CHECK(f.state.rounds.begin()->second.teams.size() == teams.teams.size());
  CHECK(contains(status_line(ui, om, f.clock), "done: Team round published: Team round"));

  // Another organiser's screen that missed it: the hub refuses, as the round is locked.
  client::ClientModels sm(*stale);
  sm.now_ms = f.clock;
  const auto stale_view = [&] {
    client::draw_round_view(sm);
    client::draw_confirmation(sm);
  };
  REQUIRE(ui.click(top("Publish team round..."), stale_view));
  REQUIRE(ui.click(test::dialog_button("Publish team round"), stale_view));
  answers = test::answer(f, *stale, {stale.get()});
  REQUIRE(answers.refused.size() == 1);
  const std::string refused = status_line(ui, sm, f.clock);
  CHECK(contains(refused, "refused: Publish the team round: refused. "));
  CHECK(contains(refused, "locked"));
}

TEST_CASE("team round: tables too small are caught before publishing, with what to add") {
  test::ClientFixture f;
  // Without the demo's team tables only pairs' tables are left, as in the report.
  std::vector<core::TableId> team_tables;
  for (const auto& [id, t] : f.state.tables) {
    if (t.name.rfind("Team table", 0) == 0) team_tables.push_back(id);
  }
  REQUIRE_FALSE(team_tables.empty());
  for (const core::TableId id : team_tables)
    f.apply(test::organiser(), core::RemoveTable{.table = id});
  const net::Teams teams = hub_teams(f);
  auto organiser = f.session(core::Role::Organiser);
  organiser->handle(teams, f.clock);
  client::ClientModels om(*organiser);
  om.now_ms = f.clock;
  test::HeadlessUi ui;
  const auto view = [&] {
    client::draw_round_view(om);
    client::draw_confirmation(om);
  };
  std::string text = ui.frame(view);
  REQUIRE_FALSE(om.round.ready());
  const core::RoundSeating& seating = om.round.seating();
  CHECK(seating.tables_to_add > 0);
  CHECK(contains(text, "Cannot publish: "));
  CHECK(contains(om.round.problem(), "Add " + std::to_string(seating.tables_to_add) +
                                         " tables of " + std::to_string(seating.seats) + " seats"));
  // What core would have said to the first team at the first table.
  core::PublishTeamRound naive = om.round.operation();
  naive.teams[0].table = f.state.tables.begin()->first;
  const core::Status check = core::check_team_round(f.state, naive);
  REQUIRE_FALSE(check.ok());
  CHECK(contains(check.error().message, "seats 2, not"));
  ui.click(top("Publish team round..."), view);  // disabled
  CHECK_FALSE(om.asking);
  CHECK(f.submitted().empty());

  const std::string add = "Add " + std::to_string(seating.tables_to_add) + " tables of " +
                          std::to_string(seating.seats) + " seats";
  REQUIRE(ui.click(top(add.c_str()), view));
  auto answers = test::answer(f, *organiser, {organiser.get()});
  CHECK(answers.refused.empty());
  ui.frame(view);
  INFO(om.round.problem());
  CHECK(om.round.ready());
  REQUIRE(ui.click(top("Publish team round..."), view));
  REQUIRE(ui.click(test::dialog_button("Publish team round"), view));
  answers = test::answer(f, *organiser, {organiser.get()});
  CHECK(answers.applied.size() == 1);
  CHECK(f.state.rounds.size() == 1);
}

TEST_CASE("erase: a participant erasing their data is asked first and told what is forgotten") {
  test::ClientFixture f;
  f.accept(2, f.request(1, 2, "About vouchers"));
  f.request(1, 3);
  auto stale = f.session(core::Role::Participant, 1);
  auto me = f.session(core::Role::Participant, 1);
  client::ClientModels m(*me);
  m.now_ms = f.clock;
  test::HeadlessUi ui;
  const auto view = [&] {
    client::draw_profile_view(m);
    client::draw_confirmation(m);
  };
  ui.frame(view);
  REQUIRE(ui.click(top("Erase my data..."), view));
  CHECK(f.submitted().empty());
  REQUIRE(m.asking);
  CHECK(contains(m.asking->question, "Erase your data from this event, " + me->name_of(1)));
  CHECK(lists(*m.asking, "Forget the name, organisation"));
  CHECK(lists(*m.asking, "Cancel 1 accepted meeting; the other people are told."));
  CHECK(lists(*m.asking, "Cancel 1 open request (sent or received)."));
  CHECK(lists(*m.asking, "Remove the messages and feedback comments of 2 meetings."));
  CHECK(lists(*m.asking, "Keep only the type of organisation, sector and country"));
  CHECK_FALSE(m.asking->undo);  // the dialog says it cannot be undone
  REQUIRE(ui.click(test::dialog_button("Cancel"), view));
  CHECK(f.submitted().empty());
  CHECK(f.state.participant(1)->active());

  REQUIRE(ui.click(top("Erase my data..."), view));
  REQUIRE(ui.click(test::dialog_button("Erase my data"), view));
  auto answers = test::answer(f, *me, {me.get()});
  REQUIRE(answers.applied.size() == 1);
  CHECK(f.state.participant(1)->status == core::ParticipantStatus::Erased);
  CHECK(contains(status_line(ui, m, f.clock), "done: Your data is erased"));

  // The same from a second window that missed it: refused, with the hub's reason.
  client::ClientModels sm(*stale);
  sm.now_ms = f.clock;
  const auto stale_view = [&] { client::draw_profile_view(sm); };
  ui.frame(stale_view);
  REQUIRE(ui.click(top("Erase my data..."), stale_view));
  REQUIRE(sm.confirm());
  answers = test::answer(f, *stale, {stale.get()});
  REQUIRE(answers.refused.size() == 1);
  const std::string refused = status_line(ui, sm, f.clock);
  CHECK(contains(refused, "refused: Erase the profile: refused. "));
  CHECK(contains(refused, "already erased"));
}
