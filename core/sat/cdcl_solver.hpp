// A conflict-driven clause-learning satisfiability solver: two watched literals, first-UIP
// learning with minimisation, VSIDS branching, assumptions, phase saving (with preferred phases, so
// that a search can start next to a known solution) and target phases, Luby restarts, and learnt
// clauses kept by their literal block distance. The exact engine behind the scheduler's search for
// fewer breaks until CaDiCaL replaced it; kept for a side-by-side comparison.
#pragma once

#include <cstdint>
#include <vector>

#include "core/sat/literal.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core::sat {

class CdclSolver {
 public:
  int new_var();
  int vars() const { return static_cast<int>(assign_.size()); }
  // Adds a clause over existing variables (between solves). False once the clauses are known
  // to be unsatisfiable.
  bool add_clause(std::vector<Lit> clause);
  // The value tried first for `var` until the search learns better.
  void prefer(int var, bool value);
  // Prefers each of `decisions` and every value they imply by propagation, taken in order (one
  // already false is skipped; the first conflict ends it): the search then starts from the whole
  // assignment they stand for, auxiliary variables included, not only from the values given.
  void prefer_implied(const std::vector<Lit>& decisions);
  // Searches until a model is found, the clauses are refuted, or the budget (one step per
  // conflict) or `conflict_limit` conflicts of this call are spent. Clauses may be added
  // afterwards and solve() called again; what was learnt stays, and so do the phases and the
  // restart schedule, so a search run in slices goes on where it stopped.
  Outcome solve(SearchBudget& budget, std::uint64_t conflict_limit = ~std::uint64_t{0});
  // The same with `assumptions` held true for this call only (they are the first decisions):
  // Unsatisfiable then means no model with them, and refuted() says whether there is none at
  // all. What is learnt holds without them, so it stays for later calls.
  Outcome solve(SearchBudget& budget, std::uint64_t conflict_limit,
                const std::vector<Lit>& assumptions);
  bool refuted() const { return !ok_; }
  // The last model found.
  bool model_value(int var) const { return model_[static_cast<std::size_t>(var)] > 0; }
  std::uint64_t conflicts() const { return conflicts_; }

 private:
  using CRef = std::uint32_t;
  static constexpr CRef kNoReason = 0xffffffffU;
  static constexpr CRef kBinary = 0x80000000U;  // in a watch: the clause has two literals
  struct Watch {
    CRef clause;
    Lit blocker;
  };

  int value(Lit l) const {
    const int v = assign_[static_cast<std::size_t>(l >> 1)];
    return (l & 1U) ? -v : v;
  }
  int level() const { return static_cast<int>(trail_limits_.size()); }
  std::uint32_t size_of(CRef c) const { return arena_[c]; }
  Lit* lits_of(CRef c) { return reinterpret_cast<Lit*>(&arena_[c + kHeader]); }
  bool learnt(CRef c) const { return (arena_[c + 1] & 1U) != 0; }
  bool deleted(CRef c) const { return (arena_[c + 1] & 2U) != 0; }
  std::uint32_t lbd(CRef c) const { return arena_[c + 1] >> 2; }

  CRef store(const std::vector<Lit>& lits, bool is_learnt, std::uint32_t lbd);
  void attach(CRef c);
  void enqueue(Lit l, CRef reason);
  CRef propagate();
  void analyze(CRef conflict, std::vector<Lit>& out, int& back_level);
  bool redundant(Lit l);
  void cancel_until(int lvl);
  int pick_branch();
  void bump(int var);
  void reduce_learnts();
  void heap_insert(int var);
  void heap_up(std::size_t i);
  void heap_down(std::size_t i);
  int heap_pop();

  static constexpr std::uint32_t kHeader = 2;  // size, flags (learnt, deleted) and LBD
  std::vector<std::uint32_t> arena_;
  std::vector<CRef> learnts_;
  std::vector<std::vector<Watch>> watches_;  // per literal: clauses watching it
  std::vector<signed char> assign_;          // per variable: 1 true, -1 false, 0 unassigned
  std::vector<signed char> phase_;
  std::vector<signed char> target_;  // values of the longest assignment without a conflict
  std::size_t target_size_ = 0;
  std::vector<signed char> model_;
  std::vector<int> var_level_;
  std::vector<CRef> reason_;
  std::vector<double> activity_;
  std::vector<char> seen_;
  std::vector<Lit> trail_;
  std::vector<std::size_t> trail_limits_;
  std::size_t head_ = 0;
  std::vector<int> heap_;
  std::vector<int> heap_index_;  // -1: not in the heap
  std::vector<Lit> learnt_clause_;
  std::vector<Lit> analyze_stack_;
  std::vector<int> learnt_marks_;  // variables marked seen during one analysis
  std::vector<int> level_stamp_;
  std::uint32_t stamp_ = 0;
  double var_increment_ = 1.0;
  std::uint64_t restarts_ = 0;
  std::uint64_t restart_at_ = 0;
  std::uint64_t since_restart_ = 0;
  std::uint64_t conflicts_ = 0;
  std::size_t max_learnts_ = 20000;
  bool ok_ = true;
};

}  // namespace crossmatch::core::sat
