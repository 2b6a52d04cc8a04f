#include "core/matching/rounds.hpp"

#include <algorithm>
#include <tuple>

#include "core/matching/candidates.hpp"
#include "core/matching/pair_score.hpp"
#include "core/random.hpp"

namespace crossmatch::core {
namespace {

constexpr double kWeightTolerance = 1e-9;
// Up to this many people the weights are computed once into a matrix.
constexpr int kRoundDenseLimit = 2048;
constexpr int kRoundCandidateWidth = 24;
constexpr int kRoundExactCandidateLimit = 3000;
constexpr int kRoundCandidateSample = 160;
constexpr int kRoundCandidateRounds = 2;

// Edge weights: 1 + score for a pair that may meet, -1 for one that may not. The 1 makes the
// number of pairs count before their scores.
struct LiveWeights {
  const PairScorer* scorer;
  const MeetingHistory* history;
  const std::vector<int>* ids;
  double operator()(int a, int b) const {
    const int x = (*ids)[a], y = (*ids)[b];
    if (!scorer->allowed(x, y) || history->met(x, y)) return -1.0;
    return 1.0 + scorer->score(x, y);
  }
};

struct DenseWeights {
  int n = 0;
  std::vector<float> w;
  double operator()(int a, int b) const { return w[static_cast<std::size_t>(a) * n + b]; }
};

// A maximum-weight matching heuristic over local ids: greedy over candidate edges, a queue
// driven 2-opt descent (re-pair two pairs, take a free person's partner, pair two free people),
// and iterated local search with random 2-opt kicks undone when they do not pay.
template <class W>
class PairSearch {
 public:
  PairSearch(const W& w, int n, CandidateLists& candidates)
      : w_(w), n_(n), candidates_(candidates), mate_(n, -1), mate_w_(n, 0.0), queued_(n, 0) {}

  const std::vector<int>& mates() const { return mate_; }

  void greedy() {
    std::vector<std::tuple<double, int, int>> edges;
    for (int a = 0; a < n_; ++a) {
      for (const int c : candidates_.get(a, w_)) {
        const int x = std::min(a, c), y = std::max(a, c);
        edges.emplace_back(-w_(x, y), x, y);
      }
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    for (const auto& [negative, a, b] : edges) {
      if (mate_[a] < 0 && mate_[b] < 0) pair(a, b);
    }
    // People whose candidates were all taken: the best free partner among the free.
    std::vector<int> free_people;
    for (int a = 0; a < n_; ++a) {
      if (mate_[a] < 0) free_people.push_back(a);
    }
    for (const int a : free_people) {
      if (mate_[a] >= 0) continue;
      int best = -1;
      double best_w = 0;
      for (const int b : free_people) {
        if (b == a || mate_[b] >= 0) continue;
        const double wb = w_(a, b);
        if (wb > best_w + kWeightTolerance) best = b, best_w = wb;
      }
      if (best >= 0) pair(a, best);
    }
  }

  // More pairs: for each free person, a breadth-first search for an alternating path to another
  // free person (over every other person when `everyone`, else over candidates), flipped when
  // found. Paths through odd cycles may be missed; the local search takes it from there.
  void augment(bool everyone, SearchBudget& budget) {
    std::vector<int> parent(n_, -1), seen(n_, -1), outer;
    for (int x = 0; x < n_; ++x) {
      if (mate_[x] >= 0 || budget.step()) continue;
      outer.assign(1, x);
      seen[x] = x;
      int end = -1, via = -1;
      for (std::size_t head = 0; head < outer.size() && end < 0; ++head) {
        const int u = outer[head];
        const auto visit = [&](int v) {
          if (end >= 0 || v == u || seen[v] == x || w_(u, v) < 0) return;
          seen[v] = x;
          if (mate_[v] < 0) {
            end = v, via = u;
            return;
          }
          const int next = mate_[v];
          if (seen[next] == x) return;
          seen[next] = x;
          parent[next] = u;  // next is reached from u through v = mate(next)
          outer.push_back(next);
        };
        if (everyone) {
          for (int v = 0; v < n_ && end < 0; ++v) visit(v);
        } else {
          for (const int v : candidates_.get(u, w_)) visit(v);
        }
      }
      if (end < 0) continue;
      // Flip: via-end pair up; walking back, each outer vertex u pairs with the mate-partner
      // of the vertex it was reached from.
      int u = via, v = end;
      while (true) {
        const int old = mate_[u];
        total_ += w_(u, v) - (old >= 0 ? w_(u, old) : 0.0);
        set_mate(u, v);
        set_mate(v, u);
        push(u), push(v);
        if (u == x) break;
        v = old;  // u's old partner now pairs with the vertex that reached u
        u = parent[u];
      }
    }
  }

  void descend_all(Rng& rng, SearchBudget& budget) {
    std::vector<int> order(n_);
    for (int i = 0; i < n_; ++i) order[i] = i;
    rng.shuffle(order);
    for (const int i : order) push(i);
    descend(budget);
  }

  void iterate(Rng& rng, SearchBudget& budget) {
    if (n_ < 4) return;
    while (!budget.step()) {
      const int a = static_cast<int>(rng.below(static_cast<std::uint64_t>(n_)));
      const int b = mate_[a];
      const std::vector<int>& cands = candidates_.get(a, w_);
      if (b < 0 || cands.empty()) continue;
      const int c = cands[rng.below(cands.size())];
      const int d = mate_[c];
      if (c == b || d < 0) continue;
      const double w_bd = w_(b, d);
      if (w_bd < 0) continue;
      const double before = total_;
      log_.clear();
      logging_ = true;
      total_ += w_(a, c) + w_bd - w_(a, b) - w_(c, d);
      pair(a, c);
      pair(b, d);
      push(a), push(b), push(c), push(d);
      descend(budget);
      logging_ = false;
      if (total_ < before - kWeightTolerance) {
        for (auto it = log_.rbegin(); it != log_.rend(); ++it) {
          mate_[it->first] = it->second;
          mate_w_[it->first] = it->second >= 0 ? w_(it->first, it->second) : 0.0;
        }
        total_ = before;
      }
    }
  }

 private:
  void set_mate(int a, int b) {
    if (logging_) log_.emplace_back(a, mate_[a]);
    mate_[a] = b;
    mate_w_[a] = b >= 0 ? w_(a, b) : 0.0;
  }
  // Pairs a and b; their previous partners become free.
  void pair(int a, int b) {
    if (mate_[a] >= 0 && mate_[a] != b) set_mate(mate_[a], -1);
    if (mate_[b] >= 0 && mate_[b] != a) set_mate(mate_[b], -1);
    set_mate(a, b);
    set_mate(b, a);
  }

  void push(int i) {
    if (i < 0 || queued_[i]) return;
    queued_[i] = 1;
    queue_.push_back(i);
  }

  void descend(SearchBudget& budget) {
    std::size_t head = 0;
    while (head < queue_.size()) {
      const int i = queue_[head++];
      queued_[i] = 0;
      if (budget.step()) break;
      improve(i);
    }
    for (std::size_t k = head; k < queue_.size(); ++k) queued_[queue_[k]] = 0;
    queue_.clear();
  }

  // The best change around a: pair it with a candidate c instead, c's partner d taking a's old
  // partner b when they may meet (or becoming free), or a free c taking a outright.
  void improve(int a) {
    const int b = mate_[a];
    const double w_ab = b >= 0 ? w_(a, b) : 0.0;
    double best_gain = kWeightTolerance;
    int best_c = -1;
    bool rejoin = false;  // whether b and d pair up
    for (const int c : candidates_.get(a, w_)) {
      if (c == b) continue;
      const int d = mate_[c];
      const double w_ac = w_(a, c);
      double gain;
      bool join = false;
      if (d < 0) {
        gain = w_ac - w_ab;
      } else {
        const double w_cd = w_(c, d);
        gain = w_ac - w_ab - w_cd;
        if (b >= 0) {
          const double w_bd = w_(b, d);
          if (w_bd >= 0) {
            gain += w_bd;
            join = true;
          }
        }
      }
      if (gain > best_gain) best_gain = gain, best_c = c, rejoin = join;
    }
    if (best_c < 0) {
      improve_chain(a);
      return;
    }
    const int d = mate_[best_c];
    total_ += best_gain;
    pair(a, best_c);
    if (rejoin) pair(b, d);
    push(a), push(b), push(best_c), push(d);
  }

  // Three pairs re-paired at once: a takes c (from d), one of the two left over (b or d) takes
  // e from f, and the last two pair up. Looked for only when no two-pair change improves.
  void improve_chain(int a) {
    const int b = mate_[a];
    if (b < 0) return;
    const double w_ab = mate_w_[a];
    double best_gain = kWeightTolerance;
    int best_c = -1, best_x = -1, best_e = -1;
    const std::vector<int>& cs = candidates_.get(a, w_);
    const std::vector<float>& cw = candidates_.values_of(a);
    for (std::size_t k = 0; k < cs.size(); ++k) {
      const int c = cs[k];
      const int d = mate_[c];
      if (c == b || d < 0) continue;
      const double partial = cw[k] - w_ab - mate_w_[c];
      for (const int x : {b, d}) {
        const int y = x == b ? d : b;  // the one left to pair with e's old partner
        const std::vector<int>& es = candidates_.get(x, w_);
        const std::vector<int>& ys = candidates_.get(y, w_);
        if (ys.empty()) continue;
        const double y_best = candidates_.values_of(y).front();  // a bound on w(y, f)
        const std::vector<float>& ew = candidates_.values_of(x);
        for (std::size_t q = 0; q < es.size(); ++q) {
          const int e = es[q];
          const int f = mate_[e];
          if (f < 0 || e == a || e == c || e == y || f == a || f == c || f == x) continue;
          const double open = partial + ew[q] - mate_w_[e];
          if (open + y_best <= best_gain) continue;
          const double w_yf = w_(y, f);
          if (w_yf < 0) continue;
          const double gain = open + w_yf;
          if (gain > best_gain) best_gain = gain, best_c = c, best_x = x, best_e = e;
        }
      }
    }
    if (best_c < 0) return;
    const int d = mate_[best_c];
    const int y = best_x == b ? d : b;
    const int f = mate_[best_e];
    total_ += best_gain;
    pair(a, best_c);
    pair(best_x, best_e);
    pair(y, f);
    push(a), push(b), push(best_c), push(d), push(best_e), push(f);
  }

  const W& w_;
  int n_;
  CandidateLists& candidates_;
  std::vector<int> mate_;
  std::vector<double> mate_w_;  // the weight of each person's pair, 0 when free
  std::vector<char> queued_;
  std::vector<int> queue_;
  double total_ = 0;
  bool logging_ = false;
  std::vector<std::pair<int, int>> log_;
};

template <class W>
std::vector<int> solve(const W& w, int n, CandidateLists& candidates, bool dense,
                       SearchBudget& budget, Rng& rng) {
  PairSearch<W> search(w, n, candidates);
  search.greedy();
  search.augment(dense, budget);
  search.descend_all(rng, budget);
  search.iterate(rng, budget);
  // The search never gives up a pair for score, but one more augmenting pass costs little.
  SearchBudget last(static_cast<std::uint64_t>(4 * n + 16));
  search.augment(dense, last);
  return search.mates();
}

}  // namespace

std::uint64_t MeetingHistory::key(int a, int b) {
  const auto x = static_cast<std::uint32_t>(std::min(a, b));
  const auto y = static_cast<std::uint32_t>(std::max(a, b));
  return (static_cast<std::uint64_t>(x) << 32) | y;
}

void MeetingHistory::add(int a, int b) {
  if (a != b) pairs_.insert(key(a, b));
}

void MeetingHistory::add_round(const MeetingRound& round) {
  for (const auto& group : round.groups) {
    for (std::size_t x = 0; x < group.size(); ++x) {
      for (std::size_t y = x + 1; y < group.size(); ++y) add(group[x], group[y]);
    }
  }
}

bool MeetingHistory::met(int a, int b) const {
  return !pairs_.empty() && pairs_.count(key(a, b)) != 0;
}

MeetingRound plan_round(const Population& population, const ScoreWeights& weights,
                        const MeetingHistory& history, SearchBudget& budget, std::uint64_t seed) {
  MeetingRound round;
  const std::vector<int> ids = matchable_ids(population);
  const int n = static_cast<int>(ids.size());
  const PairScorer scorer(population, weights);
  const LiveWeights live{&scorer, &history, &ids};
  Rng rng(seed);
  CandidateLists candidates(n, std::max(0, std::min(kRoundCandidateWidth, n - 1)));
  std::vector<int> mate;
  if (n < 2) {
    mate.assign(static_cast<std::size_t>(n), -1);
  } else if (n <= kRoundDenseLimit) {
    DenseWeights dense;
    dense.n = n;
    dense.w.assign(static_cast<std::size_t>(n) * n, -1.0f);
    for (int a = 0; a < n; ++a) {
      for (int b = a + 1; b < n; ++b) {
        const auto v = static_cast<float>(live(a, b));
        dense.w[static_cast<std::size_t>(a) * n + b] = v;
        dense.w[static_cast<std::size_t>(b) * n + a] = v;
      }
    }
    candidates.build_exact(dense);
    mate = solve(dense, n, candidates, true, budget, rng);
  } else {
    if (n <= kRoundExactCandidateLimit) {
      candidates.build_exact(live);
    } else {
      candidates.build_approximate(live, rng, kRoundCandidateSample, kRoundCandidateRounds);
    }
    mate = solve(live, n, candidates, false, budget, rng);
  }

  // Groups: the pairs, then people left over join the pair they add most to as a trio.
  std::vector<int> group_of(static_cast<std::size_t>(n), -1);
  std::vector<std::vector<int>> groups;  // local ids
  for (int a = 0; a < n; ++a) {
    if (mate[a] > a) {
      group_of[a] = group_of[mate[a]] = static_cast<int>(groups.size());
      groups.push_back({a, mate[a]});
    }
  }
  for (int x = 0; x < n; ++x) {
    if (mate[x] >= 0) continue;
    int best = -1;
    double best_gain = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (groups[g].size() != 2) continue;
      const double wa = live(x, groups[g][0]);
      const double wb = live(x, groups[g][1]);
      if (wa < 0 || wb < 0) continue;
      if (best < 0 || wa + wb > best_gain + kWeightTolerance)
        best = static_cast<int>(g), best_gain = wa + wb;
    }
    if (best < 0) {
      round.unpaired.push_back(ids[x]);
      continue;
    }
    groups[best].push_back(x);
    ++round.trios;
  }
  for (const auto& group : groups) {
    std::vector<int> members;
    for (const int k : group) members.push_back(ids[k]);
    round.pairs_score += scorer.score(members[0], members[1]);
    round.matching.emplace_back(std::min(members[0], members[1]), std::max(members[0], members[1]));
    for (std::size_t x = 0; x < members.size(); ++x) {
      for (std::size_t y = x + 1; y < members.size(); ++y)
        round.total_score += scorer.score(members[x], members[y]);
    }
    std::sort(members.begin(), members.end());
    round.groups.push_back(std::move(members));
  }
  std::sort(round.groups.begin(), round.groups.end());
  std::sort(round.matching.begin(), round.matching.end());
  round.steps = budget.steps();
  return round;
}

RoundGraph round_graph(const Population& population, const ScoreWeights& weights,
                       const MeetingHistory& history) {
  RoundGraph graph;
  graph.participants = matchable_ids(population);
  const PairScorer scorer(population, weights);
  const int n = static_cast<int>(graph.participants.size());
  for (int a = 0; a < n; ++a) {
    for (int b = a + 1; b < n; ++b) {
      const int x = graph.participants[a], y = graph.participants[b];
      if (!scorer.allowed(x, y) || history.met(x, y)) continue;
      graph.edges.push_back({a, b, scorer.score(x, y)});
    }
  }
  return graph;
}

}  // namespace crossmatch::core
