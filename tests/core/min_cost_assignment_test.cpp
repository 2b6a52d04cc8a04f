#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "core/random.hpp"
#include "core/scheduling/min_cost_assignment.hpp"

using namespace crossmatch;

TEST_CASE("the assignment is the cheapest of all permutations") {
  core::Rng rng(3);
  core::scheduling::MinCostAssignment solver;
  for (int trial = 0; trial < 50; ++trial) {
    const int n = 1 + trial % 6;
    std::vector<long long> cost(static_cast<std::size_t>(n * n));
    for (auto& c : cost) c = rng.between(-20, 50);
    const auto column_of = solver.solve(cost, n);
    long long found = 0;
    std::vector<int> used(static_cast<std::size_t>(n), 0);
    for (int i = 0; i < n; ++i) {
      const int j = column_of[static_cast<std::size_t>(i)];
      REQUIRE(j >= 0);
      REQUIRE(j < n);
      CHECK(used[static_cast<std::size_t>(j)]++ == 0);
      found += cost[static_cast<std::size_t>(i * n + j)];
    }
    std::vector<int> perm(static_cast<std::size_t>(n));
    std::iota(perm.begin(), perm.end(), 0);
    long long best = 1LL << 60;
    do {
      long long total = 0;
      for (int i = 0; i < n; ++i)
        total += cost[static_cast<std::size_t>(i * n + perm[static_cast<std::size_t>(i)])];
      best = std::min(best, total);
    } while (std::next_permutation(perm.begin(), perm.end()));
    CHECK(found == best);
  }
}
