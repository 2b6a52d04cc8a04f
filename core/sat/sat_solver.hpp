// The satisfiability solver behind the scheduler's exact search: CaDiCaL, or the project's own
// CDCL solver (kept while the two are compared side by side).
#pragma once

#include <cstdint>
#include <variant>
#include <vector>

#include "core/sat/cadical_solver.hpp"
#include "core/sat/cdcl_solver.hpp"
#include "core/sat/literal.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core::sat {

enum class Engine : unsigned char { cadical, cdcl };

class Solver {
 public:
  explicit Solver(Engine engine = Engine::cdcl) {
    if (engine == Engine::cdcl) engine_.emplace<CdclSolver>();
  }
  int new_var() {
    return std::visit([](auto& s) { return s.new_var(); }, engine_);
  }
  int vars() const {
    return std::visit([](const auto& s) { return s.vars(); }, engine_);
  }
  bool add_clause(std::vector<Lit> clause) {
    return std::visit([&](auto& s) { return s.add_clause(std::move(clause)); }, engine_);
  }
  void prefer(int var, bool value) {
    std::visit([&](auto& s) { s.prefer(var, value); }, engine_);
  }
  void prefer_implied(const std::vector<Lit>& decisions) {
    std::visit([&](auto& s) { s.prefer_implied(decisions); }, engine_);
  }
  Outcome solve(SearchBudget& budget, std::uint64_t conflict_limit = ~std::uint64_t{0}) {
    return std::visit([&](auto& s) { return s.solve(budget, conflict_limit); }, engine_);
  }
  Outcome solve(SearchBudget& budget, std::uint64_t conflict_limit,
                const std::vector<Lit>& assumptions) {
    return std::visit([&](auto& s) { return s.solve(budget, conflict_limit, assumptions); },
                      engine_);
  }
  bool refuted() const {
    return std::visit([](const auto& s) { return s.refuted(); }, engine_);
  }
  bool model_value(int var) const {
    return std::visit([&](const auto& s) { return s.model_value(var); }, engine_);
  }
  std::uint64_t conflicts() const {
    return std::visit([](const auto& s) { return s.conflicts(); }, engine_);
  }

 private:
  std::variant<CadicalSolver, CdclSolver> engine_;
};

}  // namespace crossmatch::core::sat
