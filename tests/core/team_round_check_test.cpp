// Checking a team round before it is published: the same rules the apply function enforces, and
// seating teams at tables with what to change when they do not fit.
#include <doctest/doctest.h>

#include "core/event/team_round_check.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;

namespace {

struct SeatingFixture : test::EventFixture {
  core::SessionId round_session = 0;
  std::vector<core::ParticipantId> people;
  SeatingFixture() {
    set_up(0);
    ok(organiser(),
       define_session("Team round", "2026-05-14", 11 * 60, 12 * 60, core::SessionKind::TeamRound));
    round_session = state.sessions.rbegin()->first;
    people = register_people(12);
  }
  core::TableId table(int seats) {
    ok(organiser(),
       core::DefineTable{.name = "Table " + std::to_string(state.next_table), .seats = seats});
    return state.tables.rbegin()->first;
  }
};

}  // namespace

TEST_CASE("seating teams: the largest team gets the most seats; too few says what to add") {
  SeatingFixture f;
  const core::TableId pair1 = f.table(2), pair2 = f.table(2), six = f.table(6);
  // Two teams of 5 and one of 2: one table seats 5, so one more is needed (or one enlarged).
  auto seating = core::seat_teams(f.state, {5, 2, 5});
  CHECK_FALSE(seating.fits());
  CHECK(seating.tables.empty());
  CHECK(seating.tables_to_add == 1);
  CHECK(seating.tables_to_enlarge == 1);
  CHECK(seating.seats == 5);
  CHECK(seating.problem ==
        "3 teams of 2 to 5 people need 3 tables; the event has 3 tables, 1 of them with 5 seats "
        "or more. Add 1 table of 5 seats, or give 1 of the smaller tables 5 seats, or make the "
        "teams smaller (team sizes in the matching settings).");
  // Four teams and three tables: enlarging is no way out, adding is.
  seating = core::seat_teams(f.state, {3, 3, 3, 3});
  CHECK(seating.tables_to_add == 3);  // the six-seat table takes one team, three more needed
  CHECK(seating.tables_to_enlarge == 0);
  CHECK(seating.problem.find("Add 3 tables of 3 seats, or make") != std::string::npos);

  const core::TableId five = f.table(5);
  seating = core::seat_teams(f.state, {5, 2, 5});
  REQUIRE(seating.fits());
  CHECK(seating.tables == std::vector<core::TableId>{six, pair1, five});
  CHECK(core::seat_teams(f.state, {}).fits());
  (void)pair2;
}

TEST_CASE("the round check is the apply function's: same refusals, and passing means applying") {
  SeatingFixture f;
  const auto& p = f.people;
  const core::TableId small = f.table(2), big = f.table(5);
  core::PublishTeamRound round{0, "First round", f.round_session, {}};
  round.teams.push_back({{p[0], p[1], p[2], p[3], p[4]}, small, ""});
  const core::Status check = core::check_team_round(f.state, round);
  REQUIRE_FALSE(check.ok());
  const auto refused = f.refused(organiser(), round, "too_small");
  CHECK(check.error().message == refused.message);
  CHECK(check.error().field == refused.field);
  CHECK(refused.message == "Table " + std::to_string(small) + " seats 2, not 5.");

  round.teams[0].table = big;
  round.teams.push_back({{p[5], p[0]}, small, ""});  // p[0] twice
  CHECK(core::check_team_round(f.state, round).error().code == "duplicate");
  round.teams[1].members = {p[5], p[6]};
  CHECK(core::check_team_round(f.state, round).ok());
  f.ok(organiser(), round);
  CHECK(core::check_team_round(f.state, round).error().code == "round_locked");
}
