#include "core/scheduling/min_cost_assignment.hpp"

#include <algorithm>
#include <limits>

namespace crossmatch::core::scheduling {

const std::vector<int>& MinCostAssignment::solve(const std::vector<long long>& cost, int n) {
  constexpr long long kInfinity = std::numeric_limits<long long>::max() / 4;
  const auto size = static_cast<std::size_t>(n) + 1;
  // Index 0 is a virtual column; rows and columns count from 1 inside.
  row_potential_.assign(size, 0);
  column_potential_.assign(size, 0);
  row_of_column_.assign(size, 0);
  previous_column_.assign(size, 0);
  slack_.resize(size);
  visited_.resize(size);
  const auto at = [](auto& v, int i) -> auto& {
    return v[static_cast<std::size_t>(i)];
  };
  for (int row = 1; row <= n; ++row) {
    at(row_of_column_, 0) = row;
    int column = 0;
    std::fill(slack_.begin(), slack_.end(), kInfinity);
    std::fill(visited_.begin(), visited_.end(), 0);
    do {
      at(visited_, column) = 1;
      const int current_row = at(row_of_column_, column);
      long long delta = kInfinity;
      int next_column = 0;
      for (int j = 1; j <= n; ++j) {
        if (at(visited_, j)) continue;
        const long long reduced = cost[static_cast<std::size_t>((current_row - 1) * n + (j - 1))] -
                                  at(row_potential_, current_row) - at(column_potential_, j);
        if (reduced < at(slack_, j)) {
          at(slack_, j) = reduced;
          at(previous_column_, j) = column;
        }
        if (at(slack_, j) < delta) {
          delta = at(slack_, j);
          next_column = j;
        }
      }
      for (int j = 0; j <= n; ++j) {
        if (at(visited_, j)) {
          at(row_potential_, at(row_of_column_, j)) += delta;
          at(column_potential_, j) -= delta;
        } else {
          at(slack_, j) -= delta;
        }
      }
      column = next_column;
    } while (at(row_of_column_, column) != 0);
    do {
      const int previous = at(previous_column_, column);
      at(row_of_column_, column) = at(row_of_column_, previous);
      column = previous;
    } while (column != 0);
  }
  column_of_row_.assign(static_cast<std::size_t>(n), -1);
  for (int j = 1; j <= n; ++j) {
    if (at(row_of_column_, j) > 0) at(column_of_row_, at(row_of_column_, j) - 1) = j - 1;
  }
  return column_of_row_;
}

}  // namespace crossmatch::core::scheduling
