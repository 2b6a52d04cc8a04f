// Seating a policy clinic: people who picked themes go to the clinic's workshop tables so that
// each table mixes participant types (a policy maker, a company, a broker or researcher), sectors
// and countries, is like-minded in working style, and discusses a theme its members picked.
#pragma once

#include <cstdint>
#include <vector>

#include "core/matching/matching_settings.hpp"
#include "core/matching/population.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core {

// The roles a clinic table needs, one of each.
enum class ClinicRole : std::uint8_t { PolicyMaker, Company, BrokerOrResearcher };
inline constexpr int kClinicRoles = 3;
ClinicRole clinic_role(ParticipantType type);

struct ClinicPerson {
  int index = -1;           // population index
  std::vector<int> themes;  // tables whose theme they picked, most wanted first
};

// A seated person's value at a table whose theme they picked first, or later: a nudge inside
// the pair values (a pair score is at most 1), not a rule.
inline constexpr double kFirstThemeBonus = 0.3;
inline constexpr double kOtherThemeBonus = 0.15;

struct ClinicSeatingPlan {
  std::vector<int> table_of;              // per person (input order): table, or -1 when unseated
  std::vector<std::vector<int>> members;  // per table: people (input positions), ascending
  std::vector<int> unseated;              // people left without a seat (more people than seats)
  int mix_violations =
      0;  // over tables with people: missing policy maker + company + broker/researcher
  int mix_lower_bound = 0;  // the fewest violations the population allows (0: mix_feasible)
  bool mix_feasible = true;
  int theme_misses = 0;            // people at a table whose theme they did not pick
  int theme_miss_lower_bound = 0;  // the fewest the table sizes allow, mix aside
  double pair_value = 0;           // sum of the pair values (team_pair_value) inside the tables
  double value = 0;                // pair_value plus the theme bonuses
  std::uint64_t steps = 0;
};

// Seats `people` at tables of `seats` each (seats[t] >= 1). A table whose theme nobody picked
// stays empty unless the other tables cannot seat everyone. Table sizes are balanced: each table
// holds c - 1 or c people (fewer when its seats are fewer), c the smallest size that seats
// everyone. When there are more people than seats, the most common role gives up seats first
// (the latest in the input order). The objective, in order: fewest type-mix violations, fewest
// people away from a theme they picked, then the largest sum of pair values (weights as for
// teams) plus theme bonuses. A greedy construction (one of each role per table, scarcest role
// first, then the most constrained people) is improved by descent over moves and swaps with a
// gain matrix and iterated local search with small random kicks, until the budget ends or many
// kicks in a row find nothing. Deterministic for a seed under a step budget.
ClinicSeatingPlan seat_clinic(const Population& population, const ScoreWeights& weights,
                              const std::vector<ClinicPerson>& people,
                              const std::vector<int>& seats, SearchBudget& budget,
                              std::uint64_t seed);

// Recomputes a plan's figures from its table_of, independently of the search's bookkeeping.
struct ClinicCheck {
  bool sizes_ok = true;  // every table within its seats
  int mix_violations = 0;
  int theme_misses = 0;
  double pair_value = 0;
};
ClinicCheck check_clinic(const Population& population, const ScoreWeights& weights,
                         const std::vector<ClinicPerson>& people, const std::vector<int>& seats,
                         const std::vector<int>& table_of);

}  // namespace crossmatch::core
