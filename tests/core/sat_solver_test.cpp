// The satisfiability solver and its counting constraints against exhaustive search.
#include <doctest/doctest.h>

#include <vector>

#include "core/random.hpp"
#include "core/sat/cardinality.hpp"
#include "core/sat/sat_solver.hpp"

using namespace crossmatch::core;
using sat::Lit;

namespace {

using Clauses = std::vector<std::vector<Lit>>;

bool satisfies(const Clauses& clauses, unsigned mask) {
  for (const auto& c : clauses) {
    bool any = false;
    for (const Lit l : c) {
      const bool v = ((mask >> sat::var_of(l)) & 1U) != 0;
      if (v == ((l & 1U) == 0)) any = true;
    }
    if (!any) return false;
  }
  return true;
}

Clauses random_3sat(Rng& rng, int vars, int clauses) {
  Clauses out;
  for (int c = 0; c < clauses; ++c) {
    std::vector<Lit> clause;
    for (int k = 0; k < 3; ++k) {
      clause.push_back(sat::literal(static_cast<int>(rng.below(static_cast<std::uint64_t>(vars))),
                                    rng.chance(0.5)));
    }
    out.push_back(clause);
  }
  return out;
}

// Each test case runs once with CaDiCaL and once with the project's own solver.
sat::Engine engine_under_test() {
  sat::Engine engine = sat::Engine::cadical;
  SUBCASE("CaDiCaL") {
    engine = sat::Engine::cadical;
  }
  SUBCASE("own CDCL solver") {
    engine = sat::Engine::cdcl;
  }
  return engine;
}

}  // namespace

TEST_CASE(
    "sat: random 3-SAT instances agree with exhaustive search, and models satisfy every clause") {
  const sat::Engine engine = engine_under_test();
  Rng rng(7);
  int satisfiable = 0;
  for (int round = 0; round < 60; ++round) {
    const int vars = 14;
    const Clauses clauses = random_3sat(rng, vars, 55 + round % 10);
    bool expected = false;
    for (unsigned mask = 0; mask < (1U << vars) && !expected; ++mask)
      expected = satisfies(clauses, mask);
    sat::Solver solver(engine);
    for (int v = 0; v < vars; ++v) solver.new_var();
    for (const auto& c : clauses) solver.add_clause(c);
    SearchBudget budget;
    const auto outcome = solver.solve(budget);
    REQUIRE(outcome != sat::Outcome::Unknown);
    CHECK((outcome == sat::Outcome::Satisfiable) == expected);
    if (outcome == sat::Outcome::Satisfiable) {
      ++satisfiable;
      unsigned mask = 0;
      for (int v = 0; v < vars; ++v) mask |= solver.model_value(v) ? (1U << v) : 0U;
      CHECK(satisfies(clauses, mask));
    }
  }
  // Both answers occur at this clause density.
  CHECK(satisfiable > 5);
  CHECK(satisfiable < 55);
}

TEST_CASE("sat: seven pigeons do not fit six holes") {
  const sat::Engine engine = engine_under_test();
  const int pigeons = 7;
  const int holes = 6;
  sat::Solver solver(engine);
  std::vector<std::vector<Lit>> in(pigeons);
  for (int p = 0; p < pigeons; ++p) {
    for (int h = 0; h < holes; ++h)
      in[static_cast<std::size_t>(p)].push_back(sat::literal(solver.new_var(), true));
    solver.add_clause(in[static_cast<std::size_t>(p)]);
  }
  for (int h = 0; h < holes; ++h) {
    for (int a = 0; a < pigeons; ++a) {
      for (int b = a + 1; b < pigeons; ++b) {
        solver.add_clause(
            {sat::negate(in[static_cast<std::size_t>(a)][static_cast<std::size_t>(h)]),
             sat::negate(in[static_cast<std::size_t>(b)][static_cast<std::size_t>(h)])});
      }
    }
  }
  SearchBudget budget;
  CHECK(solver.solve(budget) == sat::Outcome::Unsatisfiable);
  CHECK(solver.conflicts() > 0);
}

TEST_CASE("sat: every model of a formula, one at a time, as exhaustive search counts them") {
  const sat::Engine engine = engine_under_test();
  Rng rng(11);
  for (int round = 0; round < 10; ++round) {
    const int vars = 10;
    const Clauses clauses = random_3sat(rng, vars, 25);
    int expected = 0;
    for (unsigned mask = 0; mask < (1U << vars); ++mask)
      expected += satisfies(clauses, mask) ? 1 : 0;
    sat::Solver solver(engine);
    for (int v = 0; v < vars; ++v) solver.new_var();
    for (const auto& c : clauses) solver.add_clause(c);
    int found = 0;
    SearchBudget budget;
    while (solver.solve(budget) == sat::Outcome::Satisfiable) {
      ++found;
      std::vector<Lit> block;
      for (int v = 0; v < vars; ++v) block.push_back(sat::literal(v, !solver.model_value(v)));
      solver.add_clause(block);
      REQUIRE(found <= expected);
    }
    CHECK(found == expected);
  }
}

TEST_CASE("sat: at most k and exactly k hold for every assignment of six and of nine literals") {
  const sat::Engine engine = engine_under_test();
  // Nine literals are counted by a totalizer, six by a sequential counter.
  for (const int n : {6, 9}) {
    for (int k = 0; k <= n; ++k) {
      for (unsigned mask = 0; mask < (1U << n); ++mask) {
        int ones = 0;
        for (int i = 0; i < n; ++i) ones += (mask >> i) & 1U;
        for (const bool exact : {false, true}) {
          sat::Solver solver(engine);
          std::vector<Lit> lits;
          for (int i = 0; i < n; ++i) lits.push_back(sat::literal(solver.new_var(), true));
          if (exact) {
            sat::exactly(solver, lits, k);
          } else {
            sat::at_most(solver, lits, k);
          }
          for (int i = 0; i < n; ++i) solver.add_clause({sat::literal(i, ((mask >> i) & 1U) != 0)});
          SearchBudget budget;
          const bool expected = exact ? ones == k : ones <= k;
          CHECK_MESSAGE(
              (solver.solve(budget) == sat::Outcome::Satisfiable) == expected,
              "n=" << n << " k=" << k << " mask=" << mask << (exact ? " exactly" : " at most"));
        }
      }
    }
  }
}

TEST_CASE("sat: a bound tightened between solves, through the counter's outputs") {
  const sat::Engine engine = engine_under_test();
  sat::Solver solver(engine);
  std::vector<Lit> lits;
  for (int i = 0; i < 8; ++i) lits.push_back(sat::literal(solver.new_var(), true));
  // At least 3 true: at most 5 false.
  std::vector<Lit> negated;
  for (const Lit l : lits) negated.push_back(sat::negate(l));
  sat::at_most(solver, negated, 5);
  const auto counts = sat::count_up_to(solver, lits, 6);
  SearchBudget budget;
  for (int k = 5; k >= 3; --k) {
    solver.add_clause({sat::negate(counts[static_cast<std::size_t>(k)])});
    REQUIRE(solver.solve(budget) == sat::Outcome::Satisfiable);
    int ones = 0;
    for (int i = 0; i < 8; ++i) ones += solver.model_value(i) ? 1 : 0;
    CHECK(ones <= k);
    CHECK(ones >= 3);
  }
  solver.add_clause({sat::negate(counts[2])});
  CHECK(solver.solve(budget) == sat::Outcome::Unsatisfiable);
}

TEST_CASE("sat: totalizer counters agree with exhaustive search, also when tightened") {
  const sat::Engine engine = engine_under_test();
  Rng rng(23);
  for (int round = 0; round < 40; ++round) {
    const int vars = 12;
    const Clauses clauses = random_3sat(rng, vars, 30);
    std::vector<Lit> group;
    for (int v = 0; v < vars; ++v) {
      if (rng.chance(0.8)) group.push_back(sat::literal(v, rng.chance(0.7)));
    }
    const auto count = [&](unsigned mask) {
      int n = 0;
      for (const Lit l : group)
        n += (((mask >> sat::var_of(l)) & 1U) != 0) == ((l & 1U) == 0) ? 1 : 0;
      return n;
    };
    sat::Solver solver(engine);
    for (int v = 0; v < vars; ++v) solver.new_var();
    for (const auto& c : clauses) solver.add_clause(c);
    int k = static_cast<int>(group.size());
    const auto outputs = sat::count_up_to_tree(solver, group, k);
    SearchBudget budget;
    for (--k; k >= 0; --k) {
      solver.add_clause({sat::negate(outputs[static_cast<std::size_t>(k)])});  // at most k
      bool expected = false;
      for (unsigned mask = 0; mask < (1U << vars) && !expected; ++mask) {
        expected = satisfies(clauses, mask) && count(mask) <= k;
      }
      const auto outcome = solver.solve(budget);
      CHECK_MESSAGE((outcome == sat::Outcome::Satisfiable) == expected,
                    "round " << round << " k " << k);
      if (outcome != sat::Outcome::Satisfiable) break;
      unsigned mask = 0;
      for (int v = 0; v < vars; ++v) mask |= solver.model_value(v) ? (1U << v) : 0U;
      CHECK(satisfies(clauses, mask));
      CHECK(count(mask) <= k);
    }
  }
}

TEST_CASE(
    "sat: solving under assumptions agrees with exhaustive search, and leaves the formula as it "
    "was") {
  const sat::Engine engine = engine_under_test();
  Rng rng(31);
  int satisfiable = 0;
  int unsatisfiable_with = 0;
  for (int round = 0; round < 40; ++round) {
    const int vars = 14;
    const Clauses clauses = random_3sat(rng, vars, 45 + round % 10);
    bool formula = false;
    for (unsigned mask = 0; mask < (1U << vars) && !formula; ++mask)
      formula = satisfies(clauses, mask);
    sat::Solver solver(engine);
    for (int v = 0; v < vars; ++v) solver.new_var();
    for (const auto& c : clauses) solver.add_clause(c);
    SearchBudget budget;
    // Several sets of assumptions in a row on one solver, each checked, then none.
    for (int call = 0; call < 6; ++call) {
      std::vector<Lit> assumptions;
      const int count = 1 + static_cast<int>(rng.below(6));
      for (int k = 0; k < count; ++k) {
        assumptions.push_back(sat::literal(
            static_cast<int>(rng.below(static_cast<std::uint64_t>(vars))), rng.chance(0.5)));
      }
      bool expected = false;
      for (unsigned mask = 0; mask < (1U << vars) && !expected; ++mask) {
        Clauses with = clauses;
        for (const Lit a : assumptions) with.push_back({a});
        expected = satisfies(with, mask);
      }
      const auto outcome = solver.solve(budget, ~std::uint64_t{0}, assumptions);
      REQUIRE(outcome != sat::Outcome::Unknown);
      CHECK((outcome == sat::Outcome::Satisfiable) == expected);
      // A refutation holds for the formula itself (a failed assumption need not find one).
      if (solver.refuted()) CHECK(!formula);
      if (formula) CHECK(!solver.refuted());
      if (outcome == sat::Outcome::Satisfiable) {
        ++satisfiable;
        unsigned mask = 0;
        for (int v = 0; v < vars; ++v) mask |= solver.model_value(v) ? (1U << v) : 0U;
        CHECK(satisfies(clauses, mask));
        for (const Lit a : assumptions)
          CHECK(solver.model_value(sat::var_of(a)) == ((a & 1U) == 0));
      } else if (formula) {
        ++unsatisfiable_with;
      }
    }
    CHECK((solver.solve(budget) == sat::Outcome::Satisfiable) == formula);
  }
  CHECK(satisfiable > 10);
  CHECK(unsatisfiable_with > 10);
}

TEST_CASE("sat: a preferred assignment with what it implies is found again without a conflict") {
  const sat::Engine engine = engine_under_test();
  Rng rng(43);
  for (int round = 0; round < 30; ++round) {
    // y_i <-> x_i, and at most 6 of the x true: with the x alone preferred, the y and the
    // counter's variables would start from their default phases.
    sat::Solver solver(engine);
    const int n = 12;
    std::vector<Lit> xs;
    std::vector<Lit> ys;
    for (int i = 0; i < n; ++i) xs.push_back(sat::literal(solver.new_var(), true));
    for (int i = 0; i < n; ++i) {
      ys.push_back(sat::literal(solver.new_var(), true));
      solver.add_clause({sat::negate(xs[static_cast<std::size_t>(i)]), ys.back()});
      solver.add_clause({xs[static_cast<std::size_t>(i)], sat::negate(ys.back())});
    }
    sat::at_most(solver, xs, 6);
    std::vector<bool> wanted(static_cast<std::size_t>(n), false);
    for (int k = 0; k < 6; ++k) wanted[rng.below(static_cast<std::uint64_t>(n))] = true;
    std::vector<Lit> decisions;
    for (int i = 0; i < n; ++i) {
      decisions.push_back(sat::literal(sat::var_of(xs[static_cast<std::size_t>(i)]),
                                       wanted[static_cast<std::size_t>(i)]));
    }
    solver.prefer_implied(decisions);
    SearchBudget budget;
    REQUIRE(solver.solve(budget) == sat::Outcome::Satisfiable);
    CHECK(solver.conflicts() == 0);
    for (int i = 0; i < n; ++i) {
      CHECK(solver.model_value(sat::var_of(xs[static_cast<std::size_t>(i)])) ==
            wanted[static_cast<std::size_t>(i)]);
      CHECK(solver.model_value(sat::var_of(ys[static_cast<std::size_t>(i)])) ==
            wanted[static_cast<std::size_t>(i)]);
    }
    // A preference the clauses forbid (all x true) is followed up to its first conflict, and the
    // search still answers correctly.
    std::vector<Lit> too_many(xs.begin(), xs.end());
    solver.prefer_implied(too_many);
    REQUIRE(solver.solve(budget) == sat::Outcome::Satisfiable);
    int on = 0;
    for (const Lit x : xs) on += solver.model_value(sat::var_of(x)) ? 1 : 0;
    CHECK(on <= 6);
  }
}
