// Literals as the satisfiability solvers take them, and the outcome of a search.
#pragma once

#include <cstdint>

namespace crossmatch::core::sat {

// A literal: variable v (numbered from 0) as 2v when it is true, 2v + 1 when it is false.
using Lit = std::uint32_t;
inline Lit literal(int var, bool value) {
  return 2U * static_cast<Lit>(var) + (value ? 0U : 1U);
}
inline Lit negate(Lit l) {
  return l ^ 1U;
}
inline int var_of(Lit l) {
  return static_cast<int>(l >> 1);
}

enum class Outcome { Satisfiable, Unsatisfiable, Unknown };

}  // namespace crossmatch::core::sat
