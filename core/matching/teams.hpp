// Cross-sector teams: everyone who consents, in teams of team_min..team_max members, maximising
// the pair scores inside the teams, with at least one creative (CCI) and one growth-sector member
// per team whenever the population allows it and, preferably, two or more countries. Formed
// from scratch, or re-optimised from the current teams with a cost for moving people.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/matching/matching_settings.hpp"
#include "core/matching/population.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core {

// One team of a formation (named apart from the event's published teams).
struct SuggestedTeam {
  int id = 0;                // stable: kept by re-optimisation while the team exists
  std::vector<int> members;  // population indices, ascending
  double value = 0;          // sum of the pair values inside the team
  bool has_creative = false;
  bool has_growth = false;
  int countries = 0;                 // distinct countries of the members
  std::vector<std::string> reasons;  // shared working style, sector mix, countries
};

struct TeamFormation {
  std::vector<SuggestedTeam> teams;  // ascending id
  std::vector<int> team_of;          // per population slot: team id, or -1 (not in a team)
  double objective = 0;              // pair_value - single-country penalties - stability costs
  double pair_value = 0;             // sum of the pair values inside all teams
  int mix_violations = 0;    // teams without a creative member, plus teams without a growth one
  bool mix_feasible = true;  // whether the population allows every team both
  int single_country_teams = 0;
  int moved = 0;          // participants (placed before and now) whose team changed
  int teams_changed = 0;  // teams created, dissolved, or whose members changed
  int size_lower = 0;     // the size bounds used (team_min relaxed only when n forces it)
  int size_upper = 0;
  std::uint64_t steps = 0;  // budget steps used
};

// The value of a pair inside a team: its score when the pair is allowed (common language,
// different organisations, no declined request), 0 otherwise.
double team_pair_value(const Population& population, const ScoreWeights& weights, int a, int b);

// Teams for everyone matchable (present, active, consenting), from scratch. The number of teams
// is ceil(n / team_max), so teams are as large as the settings allow; fewer than two people
// form no team. Deterministic for a seed under a step budget.
TeamFormation form_teams(const Population& population, const MatchingSettings& settings,
                         SearchBudget& budget, std::uint64_t seed);

// Teams re-optimised from `previous_team_of` (team ids per population slot, -1 for none; shorter
// than the population for participants who joined since): leavers are dropped, newcomers placed
// where they add most (a new team, completed from one other team, when all are full), teams
// below the minimum completed, then a local search in which every participant moved away from
// their previous team costs settings.stability_cost. `changed` lists participants whose profile
// changed: the search starts around them and the newcomers. Team ids are kept.
TeamFormation reoptimise_teams(const Population& population, const MatchingSettings& settings,
                               const std::vector<int>& previous_team_of, SearchBudget& budget,
                               std::uint64_t seed, const std::vector<int>& changed = {});

// Why these people make a team: shared working-style traits, the sector mix (with the study's
// pairings it contains) and the countries.
std::vector<std::string> explain_team(const Population& population,
                                      const std::vector<int>& members);

// Recomputes a formation's figures (values, violations, countries) from its team_of; used by
// tests and benchmarks to check a result independently of the search's own bookkeeping.
struct TeamCheck {
  bool sizes_ok = true;       // every team within the bounds
  bool everyone_once = true;  // every matchable participant in exactly one team, no one else
  double pair_value = 0;
  int mix_violations = 0;
  int single_country_teams = 0;
};
TeamCheck check_teams(const Population& population, const MatchingSettings& settings,
                      const std::vector<int>& team_of, int size_lower, int size_upper);

}  // namespace crossmatch::core
