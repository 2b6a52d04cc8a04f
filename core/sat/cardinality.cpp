#include "core/sat/cardinality.hpp"

#include <algorithm>

namespace crossmatch::core::sat {

std::vector<Lit> count_up_to(Solver& solver, const std::vector<Lit>& lits, int limit) {
  const auto n = lits.size();
  const auto width = static_cast<std::size_t>(std::max(limit, 0));
  std::vector<Lit> previous;
  std::vector<Lit> current;
  for (std::size_t i = 0; i < n; ++i) {
    current.clear();
    // Counts above i + 1 cannot happen among the first i + 1 literals.
    const std::size_t reach = std::min(width, i + 1);
    for (std::size_t j = 0; j < reach; ++j) current.push_back(literal(solver.new_var(), true));
    for (std::size_t j = 0; j < reach; ++j) {
      if (j < previous.size()) solver.add_clause({negate(previous[j]), current[j]});
      if (j == 0) {
        solver.add_clause({negate(lits[i]), current[0]});
      } else if (j - 1 < previous.size()) {
        solver.add_clause({negate(lits[i]), negate(previous[j - 1]), current[j]});
      }
    }
    previous.swap(current);
  }
  // Fewer literals than the limit: the higher counts are never reached.
  while (previous.size() < width) {
    const Lit never = literal(solver.new_var(), true);
    solver.add_clause({negate(never)});
    previous.push_back(never);
  }
  return previous;
}

namespace {

// Outputs of a totalizer node over lits[from, to): o[j] is forced true when at least j + 1 of them
// are true (up to `limit` outputs).
std::vector<Lit> tree_count(Solver& solver, const std::vector<Lit>& lits, std::size_t from,
                            std::size_t to, std::size_t limit) {
  if (to - from == 1) return {lits[from]};
  const std::size_t middle = from + (to - from) / 2;
  const auto left = tree_count(solver, lits, from, middle, limit);
  const auto right = tree_count(solver, lits, middle, to, limit);
  const std::size_t width = std::min(limit, to - from);
  std::vector<Lit> out;
  for (std::size_t j = 0; j < width; ++j) out.push_back(literal(solver.new_var(), true));
  // i true on the left and j on the right: at least i + j (counts from 1; 0 means none needed).
  for (std::size_t i = 0; i <= left.size(); ++i) {
    for (std::size_t j = 0; j <= right.size(); ++j) {
      if (i + j == 0) continue;
      std::vector<Lit> clause;
      if (i > 0) clause.push_back(negate(left[i - 1]));
      if (j > 0) clause.push_back(negate(right[j - 1]));
      clause.push_back(out[std::min(i + j, width) - 1]);
      solver.add_clause(clause);
    }
  }
  return out;
}

}  // namespace

std::vector<Lit> count_up_to_tree(Solver& solver, const std::vector<Lit>& lits, int limit) {
  const auto width = static_cast<std::size_t>(std::max(limit, 0));
  std::vector<Lit> out;
  if (!lits.empty() && width > 0) out = tree_count(solver, lits, 0, lits.size(), width);
  while (out.size() < width) {
    const Lit never = literal(solver.new_var(), true);
    solver.add_clause({negate(never)});
    out.push_back(never);
  }
  return out;
}

void at_most(Solver& solver, const std::vector<Lit>& lits, int k) {
  if (k < 0) {
    solver.add_clause({});
    return;
  }
  if (static_cast<std::size_t>(k) >= lits.size()) return;
  if (k == 0) {
    for (const Lit l : lits) solver.add_clause({negate(l)});
    return;
  }
  if (k == 1 && lits.size() <= 6) {
    for (std::size_t a = 0; a < lits.size(); ++a) {
      for (std::size_t b = a + 1; b < lits.size(); ++b)
        solver.add_clause({negate(lits[a]), negate(lits[b])});
    }
    return;
  }
  const auto counts = lits.size() >= kTreeFrom ? count_up_to_tree(solver, lits, k + 1)
                                               : count_up_to(solver, lits, k + 1);
  solver.add_clause({negate(counts[static_cast<std::size_t>(k)])});
}

void exactly(Solver& solver, const std::vector<Lit>& lits, int k) {
  at_most(solver, lits, k);
  std::vector<Lit> negated;
  negated.reserve(lits.size());
  for (const Lit l : lits) negated.push_back(negate(l));
  at_most(solver, negated, static_cast<int>(lits.size()) - k);
}

}  // namespace crossmatch::core::sat
