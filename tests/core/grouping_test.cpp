#include <doctest/doctest.h>

#include <functional>
#include <sstream>

#include "core/matching/grouping.hpp"
#include "core/random.hpp"

using namespace crossmatch;

namespace {

std::string instance_text(int n, int m, const std::string& kind, const std::vector<int>& bounds,
                          std::uint64_t seed, bool integers = false) {
  core::Rng rng(seed);
  std::ostringstream out;
  out << n << ' ' << m << ' ' << kind;
  for (const int b : bounds) out << ' ' << b;
  out << '\n';
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      if (integers) {
        out << i << ' ' << j << ' ' << rng.between(0, 100) << '\n';
      } else {
        out << i << ' ' << j << ' ' << rng.unit() * 100 << '\n';
      }
    }
  }
  return out.str();
}

// The best objective over every grouping within the bounds (groups labelled, as bounds differ).
double enumerate_best(const core::GroupingInstance& g) {
  std::vector<int> group_of(g.n, -1), size(g.groups, 0);
  double best = -1e300;
  std::function<void(int, double)> place = [&](int i, double value) {
    if (i == g.n) {
      for (int k = 0; k < g.groups; ++k) {
        if (size[k] < g.lower[k]) return;
      }
      best = std::max(best, value);
      return;
    }
    int missing = 0;
    for (int k = 0; k < g.groups; ++k) missing += std::max(0, g.lower[k] - size[k]);
    if (missing > g.n - i) return;
    for (int k = 0; k < g.groups; ++k) {
      if (size[k] >= g.upper[k]) continue;
      double add = 0;
      for (int j = 0; j < i; ++j) add += group_of[j] == k ? g.d(i, j) : 0.0;
      group_of[i] = k;
      ++size[k];
      place(i + 1, value + add);
      --size[k];
      group_of[i] = -1;
    }
  };
  place(0, 0.0);
  return best;
}

}  // namespace

TEST_CASE("MDGPLIB files parse, and bad ones are refused with the line at fault") {
  auto ok = core::parse_mdgp("3 1 ss 3 3\n0 1 1.5\n0 2 2\n1 2 -0.5\n");
  REQUIRE(ok.ok());
  CHECK(ok->n == 3);
  CHECK(ok->d(2, 1) == -0.5);
  CHECK(core::parse_mdgp("4 2 ss 2 2\n0 1 1\n0 2 1\n0 3 1\n1 2 1\n1 3 1\n2 3 1\n").ok());
  CHECK(core::parse_mdgp("4 2 ds 1 3 1 3\r\n0 1 1\r\n0 2 1\r\n0 3 1\r\n1 2 1\r\n1 3 1\r\n2 3 1\r\n")
            .ok());

  const std::vector<std::pair<const char*, const char*>> bad = {
      {"", "empty"},
      {"hello\n", "line 1: expected a header"},
      {"3 1 xx 3 3\n", "ss or ds"},
      {"3 2 ds 1 2\n", "expected 4 group bounds"},
      {"3 1 ss 3 2\n", "are not 0 <= LB <= UB <= n"},
      {"3 4 ss 1 1\n", "m must be 1 to n"},
      {"99999 2 ss 1 1\n", "n must be 1 to"},
      {"3 1 ss 3 3\n0 1 x\n", "line 2: expected 'i j d'"},
      {"3 1 ss 3 3\n0 5 1\n", "line 2: item numbers must be 0 to 2"},
      {"3 1 ss 3 3\n0 1 1\n1 0 2\n", "line 3: the pair 1 0 is given twice"},
      {"3 1 ss 3 3\n0 1 1\n", "expected 3 pair lines for n = 3, found 1"},
      {"3 1 ss 3 3\n0 1 inf\n", "expected 'i j d'"},
      {"4 2 ss 1 1\n0 1 1\n0 2 1\n0 3 1\n1 2 1\n1 3 1\n2 3 1\n", "No grouping fits"},
  };
  for (const auto& [text, message] : bad) {
    const auto r = core::parse_mdgp(text);
    REQUIRE_FALSE(r.ok());
    CHECK_MESSAGE(r.error().message.find(message) != std::string::npos, r.error().message);
  }
}

TEST_CASE("the grouping search finds the optimum of small instances") {
  struct Shape {
    int n, m;
    const char* kind;
    std::vector<int> bounds;
  };
  const std::vector<Shape> shapes = {
      {9, 3, "ss", {3, 3, 3, 3, 3, 3}},
      {10, 3, "ds", {2, 4, 3, 4, 3, 5}},
      {10, 4, "ds", {1, 3, 2, 3, 2, 2, 2, 4}},
      {8, 2, "ss", {3, 5, 3, 5}},
  };
  for (const Shape& shape : shapes) {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      const auto g = core::parse_mdgp(
          instance_text(shape.n, shape.m, shape.kind, shape.bounds, seed, seed % 2 == 0));
      REQUIRE(g.ok());
      core::SearchBudget budget(20000);
      const auto solution = core::solve_grouping(*g, budget, seed);
      CHECK(core::grouping_feasible(*g, solution.group_of));
      CHECK(solution.objective == doctest::Approx(core::grouping_objective(*g, solution.group_of)));
      CHECK(solution.objective == doctest::Approx(enumerate_best(*g)));
    }
  }
}

TEST_CASE("the grouping search is deterministic for a seed under a step budget") {
  const auto g = core::parse_mdgp(instance_text(40, 5, "ds", {6, 10, 6, 10, 7, 9, 8, 8, 5, 10}, 9));
  REQUIRE(g.ok());
  core::SearchBudget a(30000), b(30000), c(30000);
  const auto x = core::solve_grouping(*g, a, 5);
  const auto y = core::solve_grouping(*g, b, 5);
  const auto z = core::solve_grouping(*g, c, 6);
  CHECK(x.group_of == y.group_of);
  CHECK(x.objective == y.objective);
  CHECK(core::grouping_feasible(*g, z.group_of));
}
