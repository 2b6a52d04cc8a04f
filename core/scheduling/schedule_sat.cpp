#include "core/scheduling/schedule_sat.hpp"

#include <algorithm>

#include "core/sat/cardinality.hpp"

namespace crossmatch::core::scheduling {

using sat::Lit;
using sat::literal;
using sat::negate;

ScheduleSat::ScheduleSat(const Model& model, int most_per_person, int most_breaks,
                         sat::Engine engine)
    : model_(model), solver_(engine), most_per_person_(most_per_person) {
  const auto slots = static_cast<std::size_t>(model.slots);
  const auto people = static_cast<std::size_t>(model.participants);

  // A meeting in exactly one of its slots.
  x_begin_.assign(static_cast<std::size_t>(model.meetings), -1);
  person_slot_.assign(people * slots, {});
  for (const int m : model.movable) {
    const auto domain = model.domain_of(m);
    x_begin_[static_cast<std::size_t>(m)] = solver_.vars();
    std::vector<Lit> one;
    for (const int s : domain) {
      const Lit x = literal(solver_.new_var(), true);
      one.push_back(x);
      for (const int p : model.people_of(m)) {
        person_slot_[static_cast<std::size_t>(p) * slots + static_cast<std::size_t>(s)].push_back(
            x);
      }
    }
    solver_.add_clause(one);
    sat::at_most(solver_, one, 1);
  }

  add_precedences();

  // Nobody twice in a slot; whether each person is busy in each slot.
  std::vector<char> kept_busy(people * slots, 0);
  for (int m = 0; m < model.meetings; ++m) {
    if (!model.fixed[static_cast<std::size_t>(m)]) continue;
    const int s = model.fixed_slot[static_cast<std::size_t>(m)];
    for (const int p : model.people_of(m))
      kept_busy[static_cast<std::size_t>(p) * slots + static_cast<std::size_t>(s)] = 1;
  }
  busy_.assign(people * slots, {});
  for (std::size_t cell = 0; cell < people * slots; ++cell) {
    auto& xs = person_slot_[cell];
    Term& busy = busy_[cell];
    if (kept_busy[cell]) {
      for (const Lit x : xs) solver_.add_clause({negate(x)});
      busy.kind = Term::True;
      continue;
    }
    if (xs.empty()) continue;
    sat::at_most(solver_, xs, 1);
    busy.kind = Term::Var;
    busy.lit = literal(solver_.new_var(), true);
    std::vector<Lit> some{negate(busy.lit)};
    for (const Lit x : xs) {
      solver_.add_clause({negate(x), busy.lit});
      some.push_back(x);
    }
    solver_.add_clause(some);
  }

  // Each person is busy in as many slots as they have meetings (implied, but it lets the search
  // see early when a person runs out of room).
  for (int p = 0; p < model.participants; ++p) {
    int meetings = 0;
    for (const int m : model.meetings_of(p)) {
      if (model.fixed[static_cast<std::size_t>(m)] || x_begin_[static_cast<std::size_t>(m)] >= 0)
        ++meetings;
    }
    int known = 0;
    std::vector<Lit> open;
    for (int s = 0; s < model.slots; ++s) {
      const Term& t = busy_term(p, s);
      if (t.kind == Term::True) ++known;
      if (t.kind == Term::Var) open.push_back(t.lit);
    }
    sat::exactly(solver_, open, meetings - known);
  }

  // The tables are added when a model overfills a slot (see solve()): most slots never come near
  // their capacity, and counters over every slot's meetings made each conflict several times
  // slower.
  table_added_.assign(slots * static_cast<std::size_t>(model.classes), 0);

  // At most as many people busy in a slot as its free tables seat in meetings that exist.
  // Implied by the tables, but it is stated on the same literals as the breaks: without it a
  // full middle of the day shows only through the meetings' literals, and the search for fewer
  // breaks is several times slower (bench/README.md, *Scheduling: the exact search's encoding*).
  for (int s = 0; s < model.slots; ++s) add_seats(s);

  // The break total on a totalizer: a sequential counter over every person's breaks carries each
  // new break down the whole chain (measured: bench/README.md, *Scheduling: the exact search's
  // encoding*).
  std::vector<Lit> all_breaks;
  for (int p = 0; p < model.participants; ++p) encode_breaks(p, all_breaks);
  break_counts_ =
      sat::count_up_to_tree(solver_, all_breaks, std::max(0, most_breaks - forced_breaks_ + 1));
}

// Meeting a in an earlier slot than m: m in slot s needs a in one of a's slots before s. A kept
// meeting's slot rules out the other meeting's slots on the wrong side of it.
void ScheduleSat::add_precedences() {
  const auto placed_in = [&](int m, std::size_t i) {
    return literal(x_begin_[static_cast<std::size_t>(m)] + static_cast<int>(i), true);
  };
  for (int m = 0; m < model_.meetings; ++m) {
    const bool m_free = x_begin_[static_cast<std::size_t>(m)] >= 0;
    const bool m_kept = model_.fixed[static_cast<std::size_t>(m)] != 0;
    if (!m_free && !m_kept) continue;
    for (const int a : model_.earlier_than(m)) {
      const bool a_free = x_begin_[static_cast<std::size_t>(a)] >= 0;
      const bool a_kept = model_.fixed[static_cast<std::size_t>(a)] != 0;
      if (m_free && a_free) {
        const auto mine = model_.domain_of(m);
        const auto theirs = model_.domain_of(a);
        for (std::size_t i = 0; i < mine.size(); ++i) {
          std::vector<Lit> clause{negate(placed_in(m, i))};
          for (std::size_t j = 0; j < theirs.size() && theirs[j] < mine[i]; ++j)
            clause.push_back(placed_in(a, j));
          solver_.add_clause(clause);
        }
      } else if (m_free && a_kept) {
        const auto mine = model_.domain_of(m);
        for (std::size_t i = 0; i < mine.size(); ++i) {
          if (mine[i] <= model_.fixed_slot[static_cast<std::size_t>(a)])
            solver_.add_clause({negate(placed_in(m, i))});
        }
      } else if (m_kept && a_free) {
        const auto theirs = model_.domain_of(a);
        for (std::size_t j = 0; j < theirs.size(); ++j) {
          if (theirs[j] >= model_.fixed_slot[static_cast<std::size_t>(m)])
            solver_.add_clause({negate(placed_in(a, j))});
        }
      }
    }
  }
}

ScheduleSat::Term ScheduleSat::busy_term(int p, int s) {
  return busy_[static_cast<std::size_t>(p) * static_cast<std::size_t>(model_.slots) +
               static_cast<std::size_t>(s)];
}

// A break starts at slot i of a day when the person is busy at i - 1, free at i, and busy again
// later that day. Breaks that no schedule avoids count as forced.
void ScheduleSat::encode_breaks(int p, std::vector<Lit>& all_breaks) {
  std::vector<Lit> mine;
  int forced = 0;
  int first = 0;
  while (first < model_.slots) {
    const int day = model_.slot_day[static_cast<std::size_t>(first)];
    int end = first;
    while (end < model_.slots && model_.slot_day[static_cast<std::size_t>(end)] == day) ++end;
    // later[i]: busy somewhere in [i, end).
    std::vector<Term> later(static_cast<std::size_t>(end - first + 1));
    for (int i = end - 1; i >= first; --i) {
      const Term u = busy_term(p, i);
      const Term next = later[static_cast<std::size_t>(i - first + 1)];
      Term& here = later[static_cast<std::size_t>(i - first)];
      if (u.kind == Term::True || next.kind == Term::True) {
        here.kind = Term::True;
      } else if (u.kind == Term::False) {
        here = next;
      } else if (next.kind == Term::False) {
        here = u;
      } else {
        here.kind = Term::Var;
        here.lit = literal(solver_.new_var(), true);
        solver_.add_clause({negate(u.lit), here.lit});
        solver_.add_clause({negate(next.lit), here.lit});
      }
    }
    for (int i = first + 1; i + 1 < end; ++i) {
      const Term before = busy_term(p, i - 1);
      const Term now = busy_term(p, i);
      const Term after = later[static_cast<std::size_t>(i - first + 1)];
      if (before.kind == Term::False || now.kind == Term::True || after.kind == Term::False)
        continue;
      std::vector<Lit> clause;
      if (before.kind == Term::Var) clause.push_back(negate(before.lit));
      if (now.kind == Term::Var) clause.push_back(now.lit);
      if (after.kind == Term::Var) clause.push_back(negate(after.lit));
      if (clause.empty()) {
        ++forced;
        continue;
      }
      const Lit b = literal(solver_.new_var(), true);
      clause.push_back(b);
      solver_.add_clause(clause);
      mine.push_back(b);
    }
    first = end;
  }
  forced_breaks_ += forced;
  sat::at_most(solver_, mine, most_per_person_ - forced);
  all_breaks.insert(all_breaks.end(), mine.begin(), mine.end());
}

// The schedule's slots, and what they imply for the busy, break and counter variables: with the
// meetings' literals alone, the counters' and breaks' variables kept phases that contradict the
// schedule, and the solver needed thousands of conflicts to find the schedule it was pointed at.
void ScheduleSat::prefer(const std::vector<int>& slot_of) {
  std::vector<Lit> placed;
  for (const int m : model_.movable) {
    const auto domain = model_.domain_of(m);
    for (std::size_t i = 0; i < domain.size(); ++i) {
      const int x = x_begin_[static_cast<std::size_t>(m)] + static_cast<int>(i);
      const bool here = slot_of[static_cast<std::size_t>(m)] == domain[i];
      solver_.prefer(x, here);
      if (here) placed.push_back(literal(x, true));
    }
  }
  std::vector<char> busy(busy_.size(), 0);
  for (const int m : model_.movable) {
    const int s = slot_of[static_cast<std::size_t>(m)];
    if (s < 0) continue;
    for (const int p : model_.people_of(m)) {
      busy[static_cast<std::size_t>(p) * static_cast<std::size_t>(model_.slots) +
           static_cast<std::size_t>(s)] = 1;
    }
  }
  for (std::size_t cell = 0; cell < busy_.size(); ++cell) {
    if (busy_[cell].kind == Term::Var)
      solver_.prefer(sat::var_of(busy_[cell].lit), busy[cell] != 0);
  }
  solver_.prefer_implied(placed);
}

// Adds "at most `breaks` breaks"; false when that is known impossible.
bool ScheduleSat::bound(int breaks) {
  if (refuted_) return false;
  const int beyond = breaks - forced_breaks_;
  if (beyond < 0) {
    refuted_ = true;
    return false;
  }
  if (static_cast<std::size_t>(beyond) < break_counts_.size()) {
    solver_.add_clause({negate(break_counts_[static_cast<std::size_t>(beyond)])});
  }
  refuted_ = solver_.refuted();
  return !refuted_;
}

// For each size class, the meetings needing at least that size fit in slot s.
void ScheduleSat::add_tables(int s, int k) {
  table_added_[static_cast<std::size_t>(s) * static_cast<std::size_t>(model_.classes) +
               static_cast<std::size_t>(k)] = 1;
  std::vector<Lit> using_tables;
  for (const int m : model_.movable) {
    if (model_.meeting_class[static_cast<std::size_t>(m)] < k) continue;
    const auto domain = model_.domain_of(m);
    const auto at = std::find(domain.begin(), domain.end(), s);
    if (at == domain.end()) continue;
    using_tables.push_back(literal(
        x_begin_[static_cast<std::size_t>(m)] + static_cast<int>(at - domain.begin()), true));
  }
  sat::at_most(solver_, using_tables, model_.cap(s, k));
}

void ScheduleSat::add_seats(int s) {
  int seats = 0;
  for (int k = 0; k < model_.classes; ++k) {
    const int above = k + 1 < model_.classes ? model_.cap(s, k + 1) : 0;
    seats += (model_.cap(s, k) - above) * model_.class_size[static_cast<std::size_t>(k)];
  }
  std::vector<Lit> busy;
  for (int p = 0; p < model_.participants; ++p) {
    const Term t = busy_term(p, s);
    if (t.kind == Term::Var) busy.push_back(t.lit);
  }
  if (static_cast<int>(busy.size()) > seats) sat::at_most(solver_, busy, seats);
}

// Adds the tables of every slot and class that `slot_of` overfills; false when there is none.
bool ScheduleSat::add_overfilled_tables(const std::vector<int>& slot_of) {
  const auto classes = static_cast<std::size_t>(model_.classes);
  std::vector<int> load(static_cast<std::size_t>(model_.slots) * classes, 0);
  for (const int m : model_.movable) {
    const int s = slot_of[static_cast<std::size_t>(m)];
    if (s < 0) continue;
    for (int k = 0; k <= model_.meeting_class[static_cast<std::size_t>(m)]; ++k) {
      ++load[static_cast<std::size_t>(s) * classes + static_cast<std::size_t>(k)];
    }
  }
  bool added = false;
  for (int s = 0; s < model_.slots; ++s) {
    for (int k = 0; k < model_.classes; ++k) {
      const auto at = static_cast<std::size_t>(s) * classes + static_cast<std::size_t>(k);
      if (load[at] <= model_.cap(s, k) || table_added_[at]) continue;
      add_tables(s, k);
      added = true;
    }
  }
  return added;
}

std::optional<std::vector<int>> ScheduleSat::solve(int breaks, SearchBudget& budget,
                                                   std::uint64_t conflict_limit) {
  if (!bound(breaks)) return std::nullopt;
  return search(budget, conflict_limit, {});
}

std::optional<std::vector<int>> ScheduleSat::solve_within(int breaks,
                                                          const std::vector<int>& slot_of,
                                                          const std::vector<char>& free,
                                                          SearchBudget& budget,
                                                          std::uint64_t conflict_limit) {
  if (!bound(breaks)) return std::nullopt;
  // One literal a kept meeting: the rest of its slots follow by propagation.
  std::vector<Lit> assumptions;
  for (const int m : model_.movable) {
    if (free[static_cast<std::size_t>(m)]) continue;
    const auto domain = model_.domain_of(m);
    const auto at = std::find(domain.begin(), domain.end(), slot_of[static_cast<std::size_t>(m)]);
    if (at == domain.end()) continue;  // not placed: free to go anywhere
    assumptions.push_back(literal(
        x_begin_[static_cast<std::size_t>(m)] + static_cast<int>(at - domain.begin()), true));
  }
  return search(budget, conflict_limit, assumptions);
}

std::optional<std::vector<int>> ScheduleSat::search(SearchBudget& budget,
                                                    std::uint64_t conflict_limit,
                                                    const std::vector<Lit>& assumptions) {
  const std::uint64_t start = solver_.conflicts();
  for (;;) {
    const std::uint64_t spent = solver_.conflicts() - start;
    const auto outcome = spent >= conflict_limit
                             ? sat::Outcome::Unknown
                             : solver_.solve(budget, conflict_limit - spent, assumptions);
    if (solver_.refuted()) refuted_ = true;
    if (outcome != sat::Outcome::Satisfiable) return std::nullopt;
    auto slot_of = decode();
    if (!add_overfilled_tables(slot_of)) return slot_of;
    if (solver_.refuted()) {
      refuted_ = true;
      return std::nullopt;
    }
  }
}

std::vector<int> ScheduleSat::decode() const {
  std::vector<int> slot_of(static_cast<std::size_t>(model_.meetings), -1);
  for (int m = 0; m < model_.meetings; ++m) {
    if (model_.fixed[static_cast<std::size_t>(m)])
      slot_of[static_cast<std::size_t>(m)] = model_.fixed_slot[static_cast<std::size_t>(m)];
  }
  for (const int m : model_.movable) {
    const auto domain = model_.domain_of(m);
    for (std::size_t i = 0; i < domain.size(); ++i) {
      if (solver_.model_value(x_begin_[static_cast<std::size_t>(m)] + static_cast<int>(i))) {
        slot_of[static_cast<std::size_t>(m)] = domain[i];
        break;
      }
    }
  }
  return slot_of;
}

}  // namespace crossmatch::core::scheduling
