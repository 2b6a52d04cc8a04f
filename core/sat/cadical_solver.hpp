// CaDiCaL (Debian's libcadical-dev) behind the solver interface the scheduler's exact search uses:
// clauses added between solves, solving under assumptions, preferred phases, a conflict limit per
// call and the caller's search budget (one step per conflict).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/sat/literal.hpp"
#include "core/search_budget.hpp"

namespace CaDiCaL {
class Solver;
}

namespace crossmatch::core::sat {

class CadicalSolver {
 public:
  CadicalSolver();
  ~CadicalSolver();
  CadicalSolver(CadicalSolver&&) noexcept;
  CadicalSolver& operator=(CadicalSolver&&) noexcept;

  int new_var();
  int vars() const { return vars_; }
  // Adds a clause over existing variables (between solves). False once the clauses are known
  // to be unsatisfiable (an empty clause, or a refutation by an earlier solve).
  bool add_clause(std::vector<Lit> clause);
  // The value the search tries first for `var`, in the next solve (then CaDiCaL's own phases,
  // saved from that search, take over).
  void prefer(int var, bool value);
  // Prefers each of `decisions` and every value they imply by unit propagation, taken in order
  // (one already false is skipped; the first conflict ends it): the search then starts from the
  // whole assignment they stand for, auxiliary variables included. Variables they leave open are
  // preferred false.
  void prefer_implied(const std::vector<Lit>& decisions);
  // Searches until a model is found, the clauses are refuted, or the budget (one step per
  // conflict) or `conflict_limit` conflicts of this call are spent. What was learnt stays.
  Outcome solve(SearchBudget& budget, std::uint64_t conflict_limit = ~std::uint64_t{0});
  // The same with `assumptions` held true for this call only: Unsatisfiable then means no model
  // with them, and refuted() says whether there is none at all.
  Outcome solve(SearchBudget& budget, std::uint64_t conflict_limit,
                const std::vector<Lit>& assumptions);
  bool refuted() const { return !ok_; }
  // The last model found.
  bool model_value(int var) const { return model_[static_cast<std::size_t>(var)] != 0; }
  std::uint64_t conflicts() const;

 private:
  struct Hooks;
  std::unique_ptr<CaDiCaL::Solver> solver_;
  std::unique_ptr<Hooks> hooks_;
  std::vector<char> model_;
  // The clauses as added, for prefer_implied(): CaDiCaL offers no propagation without a search.
  std::vector<Lit> clause_lits_;
  std::vector<std::size_t> clause_begin_{0};
  int vars_ = 0;
  bool ok_ = true;
  bool forced_ = false;  // phases preferred since the last solve
};

}  // namespace crossmatch::core::sat
