#include "core/sat/cadical_solver.hpp"

#include <cadical.hpp>

#include <algorithm>
#include <climits>

namespace crossmatch::core::sat {

namespace {

// CaDiCaL numbers variables from 1 and writes a false literal as the negative number.
int external(Lit l) {
  const int v = var_of(l) + 1;
  return (l & 1U) ? -v : v;
}

}  // namespace

// Counts conflicts (CaDiCaL learns one clause a conflict and offers each to the learner), spends
// the budget's steps on them, and stops the search once the budget is spent.
struct CadicalSolver::Hooks final : CaDiCaL::Learner, CaDiCaL::Terminator {
  SearchBudget* budget = nullptr;
  std::uint64_t conflicts = 0;
  bool stop = false;

  bool learning(int /*size*/) override {
    ++conflicts;
    if (budget != nullptr && budget->step()) stop = true;
    return false;
  }
  void learn(int /*lit*/) override {}
  bool terminate() override { return stop; }
};

CadicalSolver::CadicalSolver()
    : solver_(std::make_unique<CaDiCaL::Solver>()), hooks_(std::make_unique<Hooks>()) {
  // No "lucky" all-false or all-true assignments tried before the search: they would answer
  // with a model far from the preferred phases.
  solver_->set("lucky", 0);
  // Nothing printed: core does no I/O (CaDiCaL reports some refutations on standard output).
  solver_->set("quiet", 1);
  solver_->connect_learner(hooks_.get());
  solver_->connect_terminator(hooks_.get());
}

CadicalSolver::~CadicalSolver() {
  if (solver_) {
    solver_->disconnect_learner();
    solver_->disconnect_terminator();
  }
}

CadicalSolver::CadicalSolver(CadicalSolver&&) noexcept = default;
CadicalSolver& CadicalSolver::operator=(CadicalSolver&&) noexcept = default;

int CadicalSolver::new_var() {
  model_.push_back(0);
  return vars_++;
}

bool CadicalSolver::add_clause(std::vector<Lit> clause) {
  if (!ok_) return false;
  if (clause.empty()) ok_ = false;
  for (const Lit l : clause) solver_->add(external(l));
  solver_->add(0);
  clause_lits_.insert(clause_lits_.end(), clause.begin(), clause.end());
  clause_begin_.push_back(clause_lits_.size());
  return ok_;
}

void CadicalSolver::prefer(int var, bool value) {
  solver_->phase(value ? var + 1 : -(var + 1));
  forced_ = true;
}

void CadicalSolver::prefer_implied(const std::vector<Lit>& decisions) {
  const std::size_t clauses = clause_begin_.size() - 1;
  // Clauses by the literals they hold.
  std::vector<std::size_t> occurs_begin(2 * static_cast<std::size_t>(vars_) + 1, 0);
  for (const Lit l : clause_lits_) ++occurs_begin[l + 1];
  for (std::size_t i = 1; i < occurs_begin.size(); ++i) occurs_begin[i] += occurs_begin[i - 1];
  std::vector<std::uint32_t> occurs(clause_lits_.size());
  {
    auto fill = occurs_begin;
    for (std::size_t c = 0; c < clauses; ++c) {
      for (std::size_t i = clause_begin_[c]; i < clause_begin_[c + 1]; ++i)
        occurs[fill[clause_lits_[i]]++] = static_cast<std::uint32_t>(c);
    }
  }
  std::vector<signed char> value(static_cast<std::size_t>(vars_), 0);  // 1 true, -1 false
  const auto value_of = [&](Lit l) {
    const signed char v = value[static_cast<std::size_t>(var_of(l))];
    return (l & 1U) ? static_cast<signed char>(-v) : v;
  };
  std::vector<Lit> trail;
  const auto assign = [&](Lit l) {
    value[static_cast<std::size_t>(var_of(l))] = (l & 1U) ? -1 : 1;
    trail.push_back(l);
  };
  std::size_t head = 0;
  bool conflict = false;
  for (const Lit decision : decisions) {
    if (conflict) break;
    if (value_of(decision) != 0) continue;
    assign(decision);
    while (!conflict && head < trail.size()) {
      const Lit falsified = negate(trail[head++]);
      for (std::size_t o = occurs_begin[falsified]; o < occurs_begin[falsified + 1]; ++o) {
        const std::size_t c = occurs[o];
        Lit open = 0;
        int open_count = 0;
        bool satisfied = false;
        for (std::size_t i = clause_begin_[c]; i < clause_begin_[c + 1] && !satisfied; ++i) {
          const signed char v = value_of(clause_lits_[i]);
          if (v > 0) satisfied = true;
          if (v == 0 && clause_lits_[i] != open) {
            open = clause_lits_[i];
            ++open_count;
          }
        }
        if (satisfied || open_count > 1) continue;
        if (open_count == 0) {
          conflict = true;
          break;
        }
        assign(open);
      }
    }
  }
  // The rest false: the counting and break encodings only say when an auxiliary variable must be
  // true, so false is the value that agrees with the decisions.
  for (int v = 0; v < vars_; ++v) {
    if (value[static_cast<std::size_t>(v)] == 0) solver_->phase(-(v + 1));
  }
  for (const Lit l : trail) solver_->phase(external(l));
  forced_ = true;
}

Outcome CadicalSolver::solve(SearchBudget& budget, std::uint64_t conflict_limit) {
  return solve(budget, conflict_limit, {});
}

Outcome CadicalSolver::solve(SearchBudget& budget, std::uint64_t conflict_limit,
                             const std::vector<Lit>& assumptions) {
  if (!ok_) return Outcome::Unsatisfiable;
  if (conflict_limit == 0 || budget.exhausted()) return Outcome::Unknown;
  // A literal assumed together with its negation: CaDiCaL 1.5.3 then reports no failed
  // assumption, which would read as a refutation of the clauses themselves.
  std::vector<char> sign(static_cast<std::size_t>(vars_), 0);
  for (const Lit l : assumptions) {
    const char mine = (l & 1U) ? -1 : 1;
    char& seen = sign[static_cast<std::size_t>(var_of(l))];
    if (seen == -mine) return Outcome::Unsatisfiable;
    seen = mine;
  }
  for (const Lit l : assumptions) solver_->assume(external(l));
  if (conflict_limit < static_cast<std::uint64_t>(INT_MAX))
    solver_->limit("conflicts", static_cast<int>(conflict_limit));
  hooks_->budget = &budget;
  hooks_->stop = false;
  const int result = solver_->solve();
  hooks_->budget = nullptr;
  // The preferred phases were a starting point: from now on CaDiCaL's own phases (saved from
  // this search's assignments) lead.
  if (forced_) {
    for (int v = 1; v <= vars_; ++v) solver_->unphase(v);
    forced_ = false;
  }
  if (result == 10) {
    const int known = solver_->vars();
    for (int v = 0; v < vars_; ++v)
      model_[static_cast<std::size_t>(v)] = v < known && solver_->val(v + 1) > 0;
    return Outcome::Satisfiable;
  }
  if (result == 20) {
    // Refuted outright unless an assumption took part in the refutation.
    ok_ = std::any_of(assumptions.begin(), assumptions.end(),
                      [&](Lit l) { return solver_->failed(external(l)); });
    return Outcome::Unsatisfiable;
  }
  return Outcome::Unknown;
}

std::uint64_t CadicalSolver::conflicts() const {
  return hooks_->conflicts;
}

}  // namespace crossmatch::core::sat
