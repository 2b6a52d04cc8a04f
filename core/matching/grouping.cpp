#include "core/matching/grouping.hpp"

#include <algorithm>

#include "core/random.hpp"

namespace crossmatch::core {
namespace {

constexpr double kEps = 1e-9;

// Iterated maxima search over a dense gain matrix G[i][g] = sum of d(i, j) over the members j
// of group g: moving i to g gains G[i][g] - G[i][p(i)], swapping i and j gains
// G[i][p(j)] - G[i][p(i)] + G[j][p(i)] - G[j][p(j)] - 2 d(i, j); applying either is O(n).
class MaximaSearch {
 public:
  MaximaSearch(const GroupingInstance& g, std::uint64_t seed, SearchBudget& budget)
      : g_(g),
        n_(g.n),
        m_(g.groups),
        rng_(seed),
        budget_(budget),
        p_(static_cast<std::size_t>(n_)),
        size_(static_cast<std::size_t>(m_)),
        gain_(static_cast<std::size_t>(n_) * m_) {
    for (int k = 0; k < m_; ++k) fixed_sizes_ = fixed_sizes_ && g.lower[k] == g.upper[k];
  }

  GroupingSolution run() {
    // The best of a few random starts after descent, as the starting point.
    State best_start;
    for (int start = 0; start < kStarts && !(start > 0 && budget_.exhausted()); ++start) {
      random_assignment();
      build();
      descend();
      if (start == 0 || f_ > best_start.f) best_start = save();
    }
    restore(best_start);
    State best = best_start;
    // Strong perturbation strength (Lai & Hao): about n/m random moves or swaps, 1.5 n/m for
    // large instances.
    const int strength = std::max(2, n_ <= 400 ? n_ / m_ : 3 * n_ / (2 * m_));
    while (!budget_.exhausted()) {
      maxima_search();
      if (f_ > best.f + kEps) best = save();
      if (budget_.exhausted()) break;
      perturb(strength);
    }
    GroupingSolution out;
    out.group_of = best.p;
    out.objective = grouping_objective(g_, best.p);
    out.steps = budget_.steps();
    return out;
  }

 private:
  static constexpr int kStarts = 5;
  static constexpr int kNonImproving = 3;  // maxima search ends after this many in a row
  static constexpr int kWeakMoves = 3;     // best-of-sample moves between descents

  struct State {
    std::vector<int> p;
    std::vector<int> size;
    std::vector<double> gain;
    double f = 0;
  };

  double& gain(int i, int k) { return gain_[static_cast<std::size_t>(i) * m_ + k]; }
  const double* row(int i) const { return &g_.distance[static_cast<std::size_t>(i) * n_]; }

  State save() const { return State{p_, size_, gain_, f_}; }
  void restore(const State& s) {
    p_ = s.p;
    size_ = s.size;
    gain_ = s.gain;
    f_ = s.f;
  }

  // Random sizes within the bounds: every group gets its lower bound, the rest go to random
  // groups with room; items are then dealt in a random order.
  void random_assignment() {
    std::vector<int> sizes(g_.lower.begin(), g_.lower.end());
    int placed = 0;
    for (const int s : sizes) placed += s;
    std::vector<int> open;
    for (int k = 0; k < m_; ++k) {
      if (sizes[k] < g_.upper[k]) open.push_back(k);
    }
    while (placed < n_) {
      const std::size_t pick = rng_.below(open.size());
      const int k = open[pick];
      ++sizes[k];
      ++placed;
      if (sizes[k] == g_.upper[k]) {
        open[pick] = open.back();
        open.pop_back();
      }
    }
    std::vector<int> items(static_cast<std::size_t>(n_));
    for (int i = 0; i < n_; ++i) items[i] = i;
    rng_.shuffle(items);
    int at = 0;
    for (int k = 0; k < m_; ++k) {
      size_[k] = sizes[k];
      for (int s = 0; s < sizes[k]; ++s) p_[items[at++]] = k;
    }
  }

  void build() {
    std::fill(gain_.begin(), gain_.end(), 0.0);
    f_ = 0;
    for (int i = 0; i < n_; ++i) {
      const double* d = row(i);
      double* gi = &gain_[static_cast<std::size_t>(i) * m_];
      for (int j = 0; j < n_; ++j) gi[p_[j]] += d[j];
    }
    for (int i = 0; i < n_; ++i) f_ += gain(i, p_[i]);
    f_ /= 2;
  }

  void move(int i, int to) {
    const int from = p_[i];
    const double* d = row(i);
    double* gcol = gain_.data();
    for (int x = 0; x < n_; ++x, gcol += m_) {
      gcol[from] -= d[x];
      gcol[to] += d[x];
    }
    p_[i] = to;
    --size_[from];
    ++size_[to];
  }

  double move_gain(int i, int to) { return gain(i, to) - gain(i, p_[i]); }
  double swap_gain(int i, int j) {
    const int a = p_[i], b = p_[j];
    return gain(i, b) - gain(i, a) + gain(j, a) - gain(j, b) - 2 * g_.d(i, j);
  }
  bool can_move(int i, int to) const {
    const int from = p_[i];
    return from != to && size_[from] > g_.lower[from] && size_[to] < g_.upper[to];
  }

  // First-improvement descent over moves, then swaps, until neither improves.
  void descend() {
    bool improved = true;
    while (improved) {
      improved = false;
      if (!fixed_sizes_) {
        for (int i = 0; i < n_; ++i) {
          if (budget_.step()) return;
          for (int k = 0; k < m_; ++k) {
            if (!can_move(i, k)) continue;
            const double delta = move_gain(i, k);
            if (delta > kEps) {
              move(i, k);
              f_ += delta;
              improved = true;
            }
          }
        }
      }
      for (int i = 0; i < n_; ++i) {
        if (budget_.step()) return;
        const double* d = row(i);
        for (int j = i + 1; j < n_; ++j) {
          const int a = p_[i], b = p_[j];
          if (a == b) continue;
          const double delta = gain(i, b) - gain(i, a) + gain(j, a) - gain(j, b) - 2 * d[j];
          if (delta > kEps) {
            move(i, b);
            move(j, a);
            f_ += delta;
            improved = true;
          }
        }
      }
    }
  }

  // One random neighbour (a move when sizes allow and the coin says so, else a swap); false
  // when the draw was not a valid neighbour.
  bool random_neighbour(int& i, int& j, int& to) {
    const double moves = fixed_sizes_ ? 0.0 : static_cast<double>(n_) * (m_ - 1);
    const double swaps = static_cast<double>(n_) * (n_ - 1) / 2;
    i = static_cast<int>(rng_.below(static_cast<std::uint64_t>(n_)));
    if (rng_.unit() * (moves + swaps) < moves) {
      to = static_cast<int>(rng_.below(static_cast<std::uint64_t>(m_)));
      j = -1;
      return can_move(i, to);
    }
    j = static_cast<int>(rng_.below(static_cast<std::uint64_t>(n_)));
    to = -1;
    return p_[i] != p_[j];
  }

  void apply(int i, int j, int to) {
    if (j < 0) {
      f_ += move_gain(i, to);
      move(i, to);
    } else {
      f_ += swap_gain(i, j);
      const int a = p_[i], b = p_[j];
      move(i, b);
      move(j, a);
    }
  }

  // Local optima around the current one: descent, keep the best, go back to it, apply a few
  // best-of-sample moves, and repeat until kNonImproving descents in a row find nothing better.
  void maxima_search() {
    descend();
    State local = save();
    int failures = 0;
    while (failures < kNonImproving && !budget_.exhausted()) {
      for (int w = 0; w < kWeakMoves; ++w) {
        int best_i = -1, best_j = -1, best_to = -1;
        double best_delta = 0;
        for (int tries = 0, valid = 0; valid < n_ && tries < 20 * n_; ++tries) {
          int i, j, to;
          if (!random_neighbour(i, j, to)) continue;
          ++valid;
          const double delta = j < 0 ? move_gain(i, to) : swap_gain(i, j);
          if (best_i < 0 || delta > best_delta) {
            best_i = i, best_j = j, best_to = to, best_delta = delta;
          }
        }
        if (best_i >= 0) apply(best_i, best_j, best_to);
      }
      budget_.step();
      descend();
      if (f_ > local.f + kEps) {
        local = save();
        failures = 0;
      } else {
        ++failures;
        restore(local);
      }
    }
    restore(local);
  }

  void perturb(int strength) {
    for (int done = 0, tries = 0; done < strength && tries < 100 * strength; ++tries) {
      int i, j, to;
      if (!random_neighbour(i, j, to)) continue;
      apply(i, j, to);
      ++done;
    }
  }

  const GroupingInstance& g_;
  int n_, m_;
  Rng rng_;
  SearchBudget& budget_;
  bool fixed_sizes_ = true;
  std::vector<int> p_;
  std::vector<int> size_;
  std::vector<double> gain_;
  double f_ = 0;
};

}  // namespace

double grouping_objective(const GroupingInstance& instance, const std::vector<int>& group_of) {
  double f = 0;
  for (int i = 0; i < instance.n; ++i) {
    for (int j = i + 1; j < instance.n; ++j) {
      if (group_of[i] == group_of[j]) f += instance.d(i, j);
    }
  }
  return f;
}

bool grouping_feasible(const GroupingInstance& instance, const std::vector<int>& group_of) {
  if (static_cast<int>(group_of.size()) != instance.n) return false;
  std::vector<int> size(static_cast<std::size_t>(instance.groups), 0);
  for (const int k : group_of) {
    if (k < 0 || k >= instance.groups) return false;
    ++size[k];
  }
  for (int k = 0; k < instance.groups; ++k) {
    if (size[k] < instance.lower[k] || size[k] > instance.upper[k]) return false;
  }
  return true;
}

GroupingSolution solve_grouping(const GroupingInstance& instance, SearchBudget& budget,
                                std::uint64_t seed) {
  return MaximaSearch(instance, seed, budget).run();
}

}  // namespace crossmatch::core
