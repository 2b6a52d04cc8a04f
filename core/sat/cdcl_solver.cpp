#include "core/sat/cdcl_solver.hpp"

#include <algorithm>

namespace crossmatch::core::sat {

namespace {

constexpr double kVarDecay = 0.95;
constexpr std::uint64_t kRestartUnit = 500;  // conflicts per Luby unit

// The Luby sequence 1 1 2 1 1 2 4 1 1 2 ... (x from 0).
std::uint64_t luby(std::uint64_t x) {
  std::uint64_t size = 1;
  int seq = 0;
  while (size < x + 1) {
    ++seq;
    size = 2 * size + 1;
  }
  while (size - 1 != x) {
    size = (size - 1) >> 1;
    --seq;
    x = x % size;
  }
  return std::uint64_t{1} << seq;
}

}  // namespace

int CdclSolver::new_var() {
  const int v = vars();
  assign_.push_back(0);
  phase_.push_back(-1);
  target_.push_back(0);
  model_.push_back(0);
  var_level_.push_back(0);
  reason_.push_back(kNoReason);
  activity_.push_back(0.0);
  seen_.push_back(0);
  heap_index_.push_back(-1);
  watches_.emplace_back();
  watches_.emplace_back();
  heap_insert(v);
  return v;
}

void CdclSolver::prefer(int var, bool value) {
  phase_[static_cast<std::size_t>(var)] = value ? 1 : -1;
  target_[static_cast<std::size_t>(var)] = value ? 1 : -1;
}

void CdclSolver::prefer_implied(const std::vector<Lit>& decisions) {
  cancel_until(0);
  if (!ok_) return;
  if (propagate() != kNoReason) {
    ok_ = false;
    return;
  }
  for (const Lit d : decisions) {
    if (value(d) != 0) continue;
    trail_limits_.push_back(trail_.size());
    enqueue(d, kNoReason);
    if (propagate() != kNoReason) break;
  }
  for (const Lit l : trail_) {
    const auto v = static_cast<std::size_t>(var_of(l));
    phase_[v] = (l & 1U) ? -1 : 1;
    target_[v] = phase_[v];
  }
  cancel_until(0);
}

CdclSolver::CRef CdclSolver::store(const std::vector<Lit>& lits, bool is_learnt,
                                   std::uint32_t lbd) {
  const auto c = static_cast<CRef>(arena_.size());
  arena_.push_back(static_cast<std::uint32_t>(lits.size()));
  arena_.push_back((lbd << 2) | (is_learnt ? 1U : 0U));
  arena_.insert(arena_.end(), lits.begin(), lits.end());
  return c;
}

void CdclSolver::attach(CRef c) {
  Lit* lits = lits_of(c);
  const CRef tag = size_of(c) == 2 ? kBinary : 0;
  watches_[lits[0]].push_back({c | tag, lits[1]});
  watches_[lits[1]].push_back({c | tag, lits[0]});
}

bool CdclSolver::add_clause(std::vector<Lit> clause) {
  if (!ok_) return false;
  cancel_until(0);
  std::sort(clause.begin(), clause.end());
  std::vector<Lit> kept;
  Lit previous = ~Lit{0};
  for (const Lit l : clause) {
    if (l == previous) continue;
    if (previous != ~Lit{0} && l == negate(previous)) return true;  // always true
    previous = l;
    const int v = value(l);
    if (v > 0) return true;  // true at level 0
    if (v == 0) kept.push_back(l);
  }
  if (kept.empty()) return ok_ = false;
  if (kept.size() == 1) {
    enqueue(kept[0], kNoReason);
    if (propagate() != kNoReason) ok_ = false;
    return ok_;
  }
  attach(store(kept, false, 0));
  return true;
}

void CdclSolver::enqueue(Lit l, CRef reason) {
  const auto v = static_cast<std::size_t>(var_of(l));
  assign_[v] = (l & 1U) ? -1 : 1;
  var_level_[v] = level();
  reason_[v] = reason;
  trail_.push_back(l);
}

CdclSolver::CRef CdclSolver::propagate() {
  CRef conflict = kNoReason;
  while (head_ < trail_.size()) {
    const Lit now_true = trail_[head_++];
    const Lit false_lit = negate(now_true);
    std::vector<Watch>& ws = watches_[false_lit];
    std::size_t i = 0;
    std::size_t j = 0;
    const std::size_t n = ws.size();
    while (i < n) {
      const Watch w = ws[i++];
      const int blocker = value(w.blocker);
      if (blocker > 0) {
        ws[j++] = w;
        continue;
      }
      if (w.clause & kBinary) {
        // Two literals: the other one is the blocker; the clause itself need not be read (and
        // is never deleted: its glue is at most 2).
        const CRef c = w.clause & ~kBinary;
        ws[j++] = w;
        if (blocker < 0) {
          conflict = c;
          while (i < n) ws[j++] = ws[i++];
        } else {
          enqueue(w.blocker, c);
        }
        continue;
      }
      // Deleted clauses lose their watches in reduce_learnts().
      const CRef c = w.clause;
      Lit* lits = lits_of(c);
      if (lits[0] == false_lit) std::swap(lits[0], lits[1]);
      const Lit first = lits[0];
      if (first != w.blocker && value(first) > 0) {
        ws[j++] = {c, first};
        continue;
      }
      const std::uint32_t size = size_of(c);
      bool moved = false;
      for (std::uint32_t k = 2; k < size; ++k) {
        if (value(lits[k]) >= 0) {
          std::swap(lits[1], lits[k]);
          watches_[lits[1]].push_back({c, first});
          moved = true;
          break;
        }
      }
      if (moved) continue;
      ws[j++] = {c, first};
      if (value(first) < 0) {
        conflict = c;
        while (i < n) ws[j++] = ws[i++];
      } else {
        enqueue(first, c);
      }
    }
    ws.resize(j);
    if (conflict != kNoReason) break;
  }
  return conflict;
}

void CdclSolver::bump(int var) {
  const auto v = static_cast<std::size_t>(var);
  activity_[v] += var_increment_;
  if (activity_[v] > 1e100) {
    for (double& a : activity_) a *= 1e-100;
    var_increment_ *= 1e-100;
  }
  if (heap_index_[v] >= 0) heap_up(static_cast<std::size_t>(heap_index_[v]));
}

// A literal of the learnt clause is redundant when its reason's other literals are all in the
// clause already (or implied by literals that are), checked depth first. Variables met on a
// failed check are marked (2 in seen_) so that later checks give up on them at once; that may
// keep a literal that could have gone, never the reverse.
bool CdclSolver::redundant(Lit l) {
  analyze_stack_.clear();
  analyze_stack_.push_back(l);
  const std::size_t marked_from = learnt_marks_.size();
  while (!analyze_stack_.empty()) {
    const Lit top = analyze_stack_.back();
    analyze_stack_.pop_back();
    const CRef r = reason_[static_cast<std::size_t>(var_of(top))];
    const std::uint32_t size = size_of(r);
    const Lit* lits = lits_of(r);
    for (std::uint32_t k = 0; k < size; ++k) {
      if (var_of(lits[k]) == var_of(top)) continue;
      const int v = var_of(lits[k]);
      const auto vi = static_cast<std::size_t>(v);
      if (seen_[vi] == 1 || var_level_[vi] == 0) continue;
      if (seen_[vi] == 2 || reason_[vi] == kNoReason ||
          level_stamp_[static_cast<std::size_t>(var_level_[vi])] != static_cast<int>(stamp_)) {
        for (std::size_t k2 = marked_from; k2 < learnt_marks_.size(); ++k2) {
          seen_[static_cast<std::size_t>(learnt_marks_[k2])] = 2;
        }
        if (seen_[vi] == 0) {
          seen_[vi] = 2;
          learnt_marks_.push_back(v);
        }
        return false;
      }
      seen_[vi] = 1;
      learnt_marks_.push_back(v);
      analyze_stack_.push_back(lits[k]);
    }
  }
  // The marks stay (cleared with the others after the analysis): those literals are implied by
  // the clause too.
  return true;
}

void CdclSolver::analyze(CRef conflict, std::vector<Lit>& out, int& back_level) {
  out.clear();
  out.push_back(0);  // the asserting literal goes here
  int open = 0;
  Lit p = 0;
  bool have_p = false;
  std::size_t index = trail_.size();
  CRef c = conflict;
  learnt_marks_.clear();
  for (;;) {
    const std::uint32_t size = size_of(c);
    const Lit* lits = lits_of(c);
    for (std::uint32_t k = 0; k < size; ++k) {
      const Lit q = lits[k];
      if (have_p && var_of(q) == var_of(p)) continue;
      const auto v = static_cast<std::size_t>(var_of(q));
      if (seen_[v] || var_level_[v] == 0) continue;
      seen_[v] = 1;
      learnt_marks_.push_back(var_of(q));
      bump(var_of(q));
      if (var_level_[v] >= level()) {
        ++open;
      } else {
        out.push_back(q);
      }
    }
    while (!seen_[static_cast<std::size_t>(var_of(trail_[--index]))]) {
    }
    p = trail_[index];
    have_p = true;
    c = reason_[static_cast<std::size_t>(var_of(p))];
    if (--open == 0) break;
  }
  out[0] = negate(p);

  // Minimise: drop literals implied by the others.
  ++stamp_;
  if (level_stamp_.size() < static_cast<std::size_t>(level()) + 1) {
    level_stamp_.resize(static_cast<std::size_t>(level()) + 1, 0);
  }
  for (std::size_t k = 1; k < out.size(); ++k) {
    level_stamp_[static_cast<std::size_t>(var_level_[static_cast<std::size_t>(var_of(out[k]))])] =
        static_cast<int>(stamp_);
  }
  std::size_t kept = 1;
  for (std::size_t k = 1; k < out.size(); ++k) {
    const auto v = static_cast<std::size_t>(var_of(out[k]));
    if (reason_[v] == kNoReason || !redundant(out[k])) out[kept++] = out[k];
  }
  out.resize(kept);

  // Back to the second highest level; its literal goes second, to be watched.
  back_level = 0;
  if (out.size() > 1) {
    std::size_t best = 1;
    for (std::size_t k = 2; k < out.size(); ++k) {
      if (var_level_[static_cast<std::size_t>(var_of(out[k]))] >
          var_level_[static_cast<std::size_t>(var_of(out[best]))]) {
        best = k;
      }
    }
    std::swap(out[1], out[best]);
    back_level = var_level_[static_cast<std::size_t>(var_of(out[1]))];
  }
  for (const int v : learnt_marks_) seen_[static_cast<std::size_t>(v)] = 0;
}

void CdclSolver::cancel_until(int lvl) {
  if (level() <= lvl) return;
  const std::size_t keep = trail_limits_[static_cast<std::size_t>(lvl)];
  for (std::size_t k = trail_.size(); k > keep; --k) {
    const Lit l = trail_[k - 1];
    const auto v = static_cast<std::size_t>(var_of(l));
    phase_[v] = assign_[v];
    assign_[v] = 0;
    reason_[v] = kNoReason;
    heap_insert(var_of(l));
  }
  trail_.resize(keep);
  trail_limits_.resize(static_cast<std::size_t>(lvl));
  head_ = keep;
}

void CdclSolver::heap_insert(int var) {
  const auto v = static_cast<std::size_t>(var);
  if (heap_index_[v] >= 0) return;
  heap_index_[v] = static_cast<int>(heap_.size());
  heap_.push_back(var);
  heap_up(heap_.size() - 1);
}

void CdclSolver::heap_up(std::size_t i) {
  const int var = heap_[i];
  const double a = activity_[static_cast<std::size_t>(var)];
  while (i > 0) {
    const std::size_t parent = (i - 1) / 2;
    if (activity_[static_cast<std::size_t>(heap_[parent])] >= a) break;
    heap_[i] = heap_[parent];
    heap_index_[static_cast<std::size_t>(heap_[i])] = static_cast<int>(i);
    i = parent;
  }
  heap_[i] = var;
  heap_index_[static_cast<std::size_t>(var)] = static_cast<int>(i);
}

void CdclSolver::heap_down(std::size_t i) {
  const int var = heap_[i];
  const double a = activity_[static_cast<std::size_t>(var)];
  for (;;) {
    std::size_t child = 2 * i + 1;
    if (child >= heap_.size()) break;
    if (child + 1 < heap_.size() && activity_[static_cast<std::size_t>(heap_[child + 1])] >
                                        activity_[static_cast<std::size_t>(heap_[child])]) {
      ++child;
    }
    if (activity_[static_cast<std::size_t>(heap_[child])] <= a) break;
    heap_[i] = heap_[child];
    heap_index_[static_cast<std::size_t>(heap_[i])] = static_cast<int>(i);
    i = child;
  }
  heap_[i] = var;
  heap_index_[static_cast<std::size_t>(var)] = static_cast<int>(i);
}

int CdclSolver::heap_pop() {
  const int top = heap_.front();
  heap_index_[static_cast<std::size_t>(top)] = -1;
  const int last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) {
    heap_[0] = last;
    heap_index_[static_cast<std::size_t>(last)] = 0;
    heap_down(0);
  }
  return top;
}

int CdclSolver::pick_branch() {
  while (!heap_.empty()) {
    const int v = heap_pop();
    if (assign_[static_cast<std::size_t>(v)] == 0) return v;
  }
  return -1;
}

// Keeps the learnt clauses with few decision levels (glue) and the newer half of the rest.
void CdclSolver::reduce_learnts() {
  std::vector<CRef> candidates;
  std::vector<CRef> keep;
  for (const CRef c : learnts_) {
    const Lit* lits = lits_of(c);
    const bool locked = reason_[static_cast<std::size_t>(var_of(lits[0]))] == c ||
                        reason_[static_cast<std::size_t>(var_of(lits[1]))] == c;
    if (lbd(c) <= 2 || locked) {
      keep.push_back(c);
    } else {
      candidates.push_back(c);
    }
  }
  // Older clauses first; stable by LBD, so among equal glue the older go.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [this](CRef a, CRef b) { return lbd(a) > lbd(b); });
  const std::size_t drop = candidates.size() / 2;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    if (k < drop) {
      arena_[candidates[k] + 1] |= 2U;
    } else {
      keep.push_back(candidates[k]);
    }
  }
  learnts_.swap(keep);
  for (auto& ws : watches_) {
    ws.erase(std::remove_if(ws.begin(), ws.end(),
                            [this](const Watch& w) { return deleted(w.clause & ~kBinary); }),
             ws.end());
  }
  max_learnts_ += max_learnts_ / 10;
}

Outcome CdclSolver::solve(SearchBudget& budget, std::uint64_t conflict_limit) {
  return solve(budget, conflict_limit, {});
}

Outcome CdclSolver::solve(SearchBudget& budget, std::uint64_t conflict_limit,
                          const std::vector<Lit>& assumptions) {
  const std::uint64_t conflicts_at_start = conflicts_;
  if (!ok_) return Outcome::Unsatisfiable;
  cancel_until(0);
  if (propagate() != kNoReason) {
    ok_ = false;
    return Outcome::Unsatisfiable;
  }
  // The restart schedule goes on from call to call: a search run in slices restarts as often as
  // one run at once.
  if (restart_at_ == 0) restart_at_ = kRestartUnit * luby(restarts_);
  for (;;) {
    const CRef conflict = propagate();
    if (conflict != kNoReason) {
      ++conflicts_;
      ++since_restart_;
      if (level() == 0) {
        ok_ = false;
        return Outcome::Unsatisfiable;
      }
      // The longest assignment the search has reached without a conflict becomes the target
      // phase: decisions head back towards it (phases of satisfiable problems, as in CaDiCaL).
      if (trail_.size() > target_size_) {
        target_size_ = trail_.size();
        for (const Lit l : trail_) target_[static_cast<std::size_t>(var_of(l))] = (l & 1U) ? -1 : 1;
      }
      int back_level = 0;
      analyze(conflict, learnt_clause_, back_level);
      cancel_until(back_level);
      if (learnt_clause_.size() == 1) {
        enqueue(learnt_clause_[0], kNoReason);
      } else {
        // Glue: the number of distinct decision levels in the clause.
        ++stamp_;
        std::uint32_t glue = 0;
        for (const Lit l : learnt_clause_) {
          const auto lv = static_cast<std::size_t>(var_level_[static_cast<std::size_t>(var_of(l))]);
          if (level_stamp_.size() <= lv) level_stamp_.resize(lv + 1, 0);
          if (level_stamp_[lv] != static_cast<int>(stamp_)) {
            level_stamp_[lv] = static_cast<int>(stamp_);
            ++glue;
          }
        }
        const CRef c = store(learnt_clause_, true, glue);
        attach(c);
        learnts_.push_back(c);
        enqueue(learnt_clause_[0], c);
      }
      var_increment_ /= kVarDecay;
      if (budget.step() || conflicts_ - conflicts_at_start >= conflict_limit) {
        cancel_until(0);
        return Outcome::Unknown;
      }
      continue;
    }
    if (since_restart_ >= restart_at_) {
      since_restart_ = 0;
      restart_at_ = kRestartUnit * luby(++restarts_);
      cancel_until(0);
      continue;
    }
    if (learnts_.size() >= max_learnts_ + trail_.size()) reduce_learnts();
    // Assumption i is the decision of level i + 1; one already true gets an empty level.
    if (static_cast<std::size_t>(level()) < assumptions.size()) {
      const Lit a = assumptions[static_cast<std::size_t>(level())];
      if (value(a) < 0) {
        cancel_until(0);
        return Outcome::Unsatisfiable;
      }
      trail_limits_.push_back(trail_.size());
      if (value(a) == 0) enqueue(a, kNoReason);
      continue;
    }
    const int v = pick_branch();
    if (v < 0) {
      for (std::size_t k = 0; k < assign_.size(); ++k) model_[k] = assign_[k];
      cancel_until(0);
      return Outcome::Satisfiable;
    }
    trail_limits_.push_back(trail_.size());
    const auto vi = static_cast<std::size_t>(v);
    enqueue(literal(v, (target_[vi] != 0 ? target_[vi] : phase_[vi]) > 0), kNoReason);
  }
}

}  // namespace crossmatch::core::sat
