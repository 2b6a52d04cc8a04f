// The minimum-cost perfect assignment of n rows to n columns (Hungarian method), for packing a
// participant's meetings into a run of slots. Internal to the scheduler.
#pragma once

#include <vector>

namespace crossmatch::core::scheduling {

class MinCostAssignment {
 public:
  // `cost` is row-major n x n. Returns column_of[row]. O(n^3); the buffers are reused.
  const std::vector<int>& solve(const std::vector<long long>& cost, int n);

 private:
  std::vector<long long> row_potential_, column_potential_, slack_;
  std::vector<int> row_of_column_, previous_column_, column_of_row_;
  std::vector<char> visited_;
};

}  // namespace crossmatch::core::scheduling
