// Before a team round is published: the rules it must meet (the same check the apply function
// makes, so that the organiser's form can say what is wrong before the hub refuses), and seating
// teams at the event's tables, with what to change when they do not fit.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"

namespace crossmatch::core {

// Every rule of a team round but its round number (which the hub sets): a team-round session
// without a round yet, 1 to kMaxTeamsPerRound teams of 2 to kMaxTeamSize active members, each
// person in one team and without a meeting during the round, one team per table, and every
// table seating its team. The refusal names the field and says what is wrong.
Status check_team_round(const EventState& state, const PublishTeamRound& round);

// Tables for teams of `team_sizes` people: one team per table, every table seating its team.
struct RoundSeating {
  std::vector<TableId> tables;  // per team, in the order of team_sizes; empty when they do not fit
  // When they do not fit: adding `tables_to_add` tables of `seats` seats would seat them all, as
  // would giving `tables_to_enlarge` of the existing tables `seats` seats (0 when there are too
  // few tables for that).
  int tables_to_add = 0;
  int tables_to_enlarge = 0;
  int seats = 0;
  std::string problem;  // what is wrong and what to change, for the organiser
  bool fits() const { return problem.empty(); }
};

// The largest teams get the tables with the most seats (ties: the lower table id first); this
// seats the teams whenever any assignment does.
RoundSeating seat_teams(const EventState& state, const std::vector<std::size_t>& team_sizes);

}  // namespace crossmatch::core
