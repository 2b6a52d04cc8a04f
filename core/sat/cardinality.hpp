// Counting constraints as clauses: a sequential counter (Sinz) or a totalizer whose outputs say
// "at least j of these literals are true", so that "at most k" is one unit clause and can be
// tightened later.
#pragma once

#include <vector>

#include "core/sat/sat_solver.hpp"

namespace crossmatch::core::sat {

// Outputs o[0..limit-1]: when at least j + 1 of `lits` are true, o[j] is forced true. Only that
// direction is encoded, which is what bounding from above needs.
std::vector<Lit> count_up_to(Solver& solver, const std::vector<Lit>& lits, int limit);

// The same outputs from a totalizer (a tree of unary adders): fewer variables and shorter chains
// of propagation than the sequential counter on many literals.
std::vector<Lit> count_up_to_tree(Solver& solver, const std::vector<Lit>& lits, int limit);

// Literals from which at_most() counts with the totalizer.
constexpr std::size_t kTreeFrom = 8;

// At most k of `lits` are true.
void at_most(Solver& solver, const std::vector<Lit>& lits, int k);

// Exactly k of `lits` are true.
void exactly(Solver& solver, const std::vector<Lit>& lits, int k);

}  // namespace crossmatch::core::sat
