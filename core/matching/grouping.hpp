// The maximally diverse grouping problem in its general form (MDGPLIB): put n items into m
// groups, each group's size within its own bounds, maximising the sum of d(i, j) over pairs that
// share a group. Solved with a gain matrix (move and swap gains in O(1)) and iterated maxima
// search (Lai & Hao 2016): descent over moves and swaps, weak perturbations that pick the best
// of a sample of neighbours, strong perturbations between rounds.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core {

struct GroupingInstance {
  int n = 0;
  int groups = 0;
  std::vector<double> distance;  // n * n, symmetric, zero diagonal
  std::vector<int> lower;        // per group
  std::vector<int> upper;        // per group

  double d(int i, int j) const { return distance[static_cast<std::size_t>(i) * n + j]; }
};

// Limits of instances read from files: n^2 doubles and an n * m gain matrix must fit.
inline constexpr int kMaxGroupingItems = 4000;

// Checks sizes and bounds: 1 <= m <= n, 0 <= lower <= upper per group, and
// sum(lower) <= n <= sum(upper), so that some grouping fits.
Status check_grouping_instance(const GroupingInstance& instance);

// Parses the MDGPLIB text format:
//   n m ss|ds LB1 UB1 ... LBm UBm     (ss may give a single LB UB pair for all groups)
//   i j d(i,j)                        (0-based, one line per pair)
// Every problem is an error naming the line. Pairs not listed are an error too.
Result<GroupingInstance> parse_mdgp(std::string_view text);

struct GroupingSolution {
  std::vector<int> group_of;  // per item
  double objective = 0;
  std::uint64_t steps = 0;
};

// The sum of d over pairs in the same group.
double grouping_objective(const GroupingInstance& instance, const std::vector<int>& group_of);
// Every item in a group, every group within its bounds.
bool grouping_feasible(const GroupingInstance& instance, const std::vector<int>& group_of);

// Iterated maxima search until the budget ends; deterministic for a seed under a step budget.
// The instance must pass check_grouping_instance.
GroupingSolution solve_grouping(const GroupingInstance& instance, SearchBudget& budget,
                                std::uint64_t seed);

}  // namespace crossmatch::core
