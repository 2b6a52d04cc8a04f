// The exact side of the scheduling search: the schedule as clauses (each meeting in one allowed
// slot, the precedences between meetings, nobody twice in a slot, how many slots each person is
// busy, how many people each slot seats, a counter of breaks, and the tables of the slots a model
// overfilled), solved for a schedule with at most a given number of breaks, starting next to the
// best schedule the annealing found. Internal to the scheduler.
#pragma once

#include <optional>
#include <vector>

#include "core/sat/sat_solver.hpp"
#include "core/scheduling/schedule_model.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core::scheduling {

class ScheduleSat {
 public:
  // Every movable meeting placed, at most `most_per_person` breaks for anyone, and a counter
  // able to bound the total anywhere up to `most_breaks`.
  ScheduleSat(const Model& model, int most_per_person, int most_breaks,
              sat::Engine engine = sat::Engine::cdcl);

  // The search tries this schedule's choices first.
  void prefer(const std::vector<int>& slot_of);
  // A schedule (slot per meeting, -1 for meetings the model cannot place) with at most `breaks`
  // breaks; nothing when there is none (then refuted() holds), or when the budget or
  // `conflict_limit` conflicts of this call ran out. Bounds only tighten from call to call;
  // what the solver learnt stays for the next call.
  std::optional<std::vector<int>> solve(int breaks, SearchBudget& budget,
                                        std::uint64_t conflict_limit = ~std::uint64_t{0});
  // The same, keeping every movable meeting with `free[m] == 0` in its slot of `slot_of` (a
  // neighbourhood of that schedule); nothing also when the neighbourhood holds no such schedule.
  // refuted() holds only when no schedule at all has at most `breaks` breaks.
  std::optional<std::vector<int>> solve_within(int breaks, const std::vector<int>& slot_of,
                                               const std::vector<char>& free, SearchBudget& budget,
                                               std::uint64_t conflict_limit);
  bool refuted() const { return refuted_; }
  std::uint64_t conflicts() const { return solver_.conflicts(); }

 private:
  // A truth value known when encoding, or a literal.
  struct Term {
    enum Kind { False, True, Var } kind = False;
    sat::Lit lit = 0;
  };
  Term busy_term(int p, int s);
  void add_precedences();
  bool bound(int breaks);
  std::optional<std::vector<int>> search(SearchBudget& budget, std::uint64_t conflict_limit,
                                         const std::vector<sat::Lit>& assumptions);
  std::vector<int> decode() const;
  void add_seats(int s);
  void add_tables(int s, int k);
  bool add_overfilled_tables(const std::vector<int>& slot_of);
  void encode_breaks(int p, std::vector<sat::Lit>& all_breaks);

  const Model& model_;
  sat::Solver solver_;
  std::vector<int> x_begin_;  // per meeting: first variable of its domain, or -1
  std::vector<Term> busy_;    // [p * slots + s]
  std::vector<std::vector<sat::Lit>> person_slot_;  // scratch: the x literals of (p, s)
  std::vector<char> table_added_;       // [s * classes + k]: that slot's tables are in the clauses
  std::vector<sat::Lit> break_counts_;  // at least j + 1 breaks beyond the forced ones
  int forced_breaks_ = 0;
  int most_per_person_;
  bool refuted_ = false;
};

}  // namespace crossmatch::core::scheduling
