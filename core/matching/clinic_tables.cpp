#include "core/matching/clinic_tables.hpp"

#include <algorithm>
#include <array>
#include <numeric>

#include "core/matching/pair_score.hpp"
#include "core/random.hpp"

namespace crossmatch::core {

ClinicRole clinic_role(ParticipantType type) {
  switch (type) {
    case ParticipantType::PolicyMaker:
      return ClinicRole::PolicyMaker;
    case ParticipantType::Company:
      return ClinicRole::Company;
    case ParticipantType::Intermediary:
    case ParticipantType::Researcher:
      return ClinicRole::BrokerOrResearcher;
  }
  return ClinicRole::Company;
}

namespace {

using Counts = std::array<int, kClinicRoles>;

constexpr int kCachedPeople = 2048;

// A largest assignment of people to tables they picked, table t taking at most capacity[t]:
// augmenting paths (breadth-first from each person, through people who may move on to another
// table they picked). themes[i] lists person i's tables; the result is a table per person or -1.
// O(people * picks * people) at worst; stamps instead of clearing per search.
std::vector<int> match_to_themes(const std::vector<const std::vector<int>*>& themes,
                                 const std::vector<int>& capacity) {
  const int m = static_cast<int>(capacity.size());
  const int n = static_cast<int>(themes.size());
  std::vector<std::vector<int>> at(m);
  std::vector<int> table_of(n, -1);
  std::vector<int> visited(m, -1);
  std::vector<std::pair<int, int>> from(m, {-1, -1});  // table -> (person moving in, their table)
  std::vector<int> reached_via(n, -1);                 // person -> the table they leave
  std::vector<int> reached(n, -1);                     // person -> search that reached them
  std::vector<int> order;
  for (int start = 0; start < n; ++start) {
    order.assign(1, start);
    reached[start] = start;
    reached_via[start] = -1;
    int found = -1;
    for (std::size_t head = 0; head < order.size() && found < 0; ++head) {
      const int p = order[head];
      for (const int t : *themes[p]) {
        if (t < 0 || t >= m || visited[t] == start || capacity[t] <= 0) continue;
        visited[t] = start;
        from[t] = {p, table_of[p]};
        if (static_cast<int>(at[t].size()) < capacity[t]) {
          found = t;
          break;
        }
        for (const int q : at[t]) {
          if (reached[q] != start) {
            reached[q] = start;
            reached_via[q] = t;
            order.push_back(q);
          }
        }
      }
    }
    // Walk back: each person on the chain moves into the table that reached them.
    for (int t = found; t >= 0;) {
      const auto [p, own] = from[t];
      if (own >= 0) at[own].erase(std::find(at[own].begin(), at[own].end(), p));
      at[t].push_back(p);
      table_of[p] = t;
      t = reached_via[p];
    }
  }
  return table_of;
}

// The fewest people away from a theme they picked when tables hold at most `upper` each.
int fewest_theme_misses(const std::vector<ClinicPerson>& people, const std::vector<int>& seated,
                        const std::vector<int>& upper) {
  std::vector<const std::vector<int>*> themes;
  for (const int p : seated) themes.push_back(&people[p].themes);
  const auto table_of = match_to_themes(themes, upper);
  return static_cast<int>(std::count(table_of.begin(), table_of.end(), -1));
}

// Violations of a table with `size` people and these role counts: each role missing, when the
// table has anyone at all.
int violations(int size, const Counts& c) {
  if (size == 0) return 0;
  return (c[0] == 0) + (c[1] == 0) + (c[2] == 0);
}

// A change of the objective, compared in order: mix, then misses, then value.
struct Delta {
  int mix = 0;
  int misses = 0;
  double value = 0;
  bool improves() const {
    if (mix != 0) return mix < 0;
    if (misses != 0) return misses < 0;
    return value > 1e-9;
  }
  bool better_than(const Delta& o) const {
    if (mix != o.mix) return mix < o.mix;
    if (misses != o.misses) return misses < o.misses;
    return value > o.value + 1e-12;
  }
};

struct Totals {
  int mix = 0;
  int misses = 0;
  double value = 0;
  bool better_than(const Totals& o) const {
    if (mix != o.mix) return mix < o.mix;
    if (misses != o.misses) return misses < o.misses;
    return value > o.value + 1e-9;
  }
};

class ClinicSearch {
 public:
  ClinicSearch(const Population& population, const ScoreWeights& weights,
               const std::vector<ClinicPerson>& people, std::vector<int> seated,
               std::vector<int> lower, std::vector<int> upper, SearchBudget& budget,
               std::uint64_t seed)
      : scorer_(population, weights),
        people_(people),
        seated_(std::move(seated)),
        n_(static_cast<int>(seated_.size())),
        m_(static_cast<int>(upper.size())),
        lower_(std::move(lower)),
        upper_(std::move(upper)),
        budget_(budget),
        rng_(seed) {
    role_.resize(n_);
    for (int p = 0; p < n_; ++p)
      role_[p] = static_cast<int>(clinic_role(population.record(person_index(p)).type));
    // Up to kCachedPeople, pair values are computed once (a float matrix of at most 16 MB), so a
    // swap's gain and a move's gain update read memory instead of scoring.
    if (n_ <= kCachedPeople) {
      cache_.assign(static_cast<std::size_t>(n_) * n_, 0.0f);
      for (int p = 0; p < n_; ++p) {
        for (int q = p + 1; q < n_; ++q) {
          const auto v = static_cast<float>(scorer_.value(person_index(p), person_index(q)));
          cache_[static_cast<std::size_t>(p) * n_ + q] = v;
          cache_[static_cast<std::size_t>(q) * n_ + p] = v;
        }
      }
    }
    table_of_.assign(n_, -1);
    members_.assign(m_, {});
    counts_.assign(m_, Counts{});
    gain_.assign(static_cast<std::size_t>(m_) * n_, 0.0);
  }

  void construct();
  void improve();

  const std::vector<int>& table_of() const { return table_of_; }
  const std::vector<int>& seated() const { return seated_; }
  Totals totals() const { return totals_; }

 private:
  int person_index(int p) const { return people_[seated_[p]].index; }
  double d(int p, int q) const {
    if (!cache_.empty()) return cache_[static_cast<std::size_t>(p) * n_ + q];
    return scorer_.value(person_index(p), person_index(q));
  }
  double& g(int t, int p) { return gain_[static_cast<std::size_t>(t) * n_ + p]; }
  double g(int t, int p) const { return gain_[static_cast<std::size_t>(t) * n_ + p]; }
  int size(int t) const { return static_cast<int>(members_[t].size()); }

  // 1 when the person did not pick table t's theme; the bonus when they did.
  int miss(int p, int t) const {
    const auto& themes = people_[seated_[p]].themes;
    return std::find(themes.begin(), themes.end(), t) == themes.end() ? 1 : 0;
  }
  double bonus(int p, int t) const {
    if (t < 0) return 0;
    const auto& themes = people_[seated_[p]].themes;
    const auto it = std::find(themes.begin(), themes.end(), t);
    if (it == themes.end()) return 0;
    return it == themes.begin() ? kFirstThemeBonus : kOtherThemeBonus;
  }

  // The change from seating an unseated p at t (construction).
  Delta place_delta(int p, int t) const {
    Counts c = counts_[t];
    const int before = violations(size(t), c);
    ++c[role_[p]];
    return Delta{violations(size(t) + 1, c) - before, miss(p, t), g(t, p) + bonus(p, t)};
  }
  Delta move_delta(int p, int to) const {
    const int from = table_of_[p];
    Counts cf = counts_[from], ct = counts_[to];
    const int before = violations(size(from), cf) + violations(size(to), ct);
    --cf[role_[p]];
    ++ct[role_[p]];
    const int after = violations(size(from) - 1, cf) + violations(size(to) + 1, ct);
    return Delta{after - before, miss(p, to) - miss(p, from),
                 g(to, p) - g(from, p) + bonus(p, to) - bonus(p, from)};
  }
  Delta swap_delta(int p, int q) const {
    const int a = table_of_[p], b = table_of_[q];
    int mix = 0;
    if (role_[p] != role_[q]) {
      Counts ca = counts_[a], cb = counts_[b];
      const int before = violations(size(a), ca) + violations(size(b), cb);
      --ca[role_[p]], ++ca[role_[q]];
      --cb[role_[q]], ++cb[role_[p]];
      mix = violations(size(a), ca) + violations(size(b), cb) - before;
    }
    const double dpq = d(p, q);
    return Delta{mix, miss(p, b) + miss(q, a) - miss(p, a) - miss(q, b),
                 g(b, p) - g(a, p) + g(a, q) - g(b, q) - 2 * dpq + bonus(p, b) + bonus(q, a) -
                     bonus(p, a) - bonus(q, b)};
  }

  // Seats p at t (from -1 or another table), keeping members, counts, gains and totals.
  void put(int p, int t) {
    const int from = table_of_[p];
    if (from >= 0) {
      auto& list = members_[from];
      list.erase(std::find(list.begin(), list.end(), p));
      totals_.mix -= violations(size(from) + 1, counts_[from]);
      --counts_[from][role_[p]];
      totals_.mix += violations(size(from), counts_[from]);
      totals_.misses -= miss(p, from);
      totals_.value -= g(from, p) + bonus(p, from);
    }
    totals_.mix -= violations(size(t), counts_[t]);
    totals_.value += g(t, p) + bonus(p, t);
    members_[t].push_back(p);
    ++counts_[t][role_[p]];
    totals_.mix += violations(size(t), counts_[t]);
    totals_.misses += miss(p, t);
    table_of_[p] = t;
    for (int q = 0; q < n_; ++q) {
      if (q == p) continue;
      const double v = d(p, q);
      if (v == 0) continue;
      if (from >= 0) g(from, q) -= v;
      g(t, q) += v;
    }
    if (undo_on_) undo_.push_back({p, from});
  }

  bool descend(std::vector<int> queue);
  bool improve_person(int p);

  PairScorer scorer_;
  const std::vector<ClinicPerson>& people_;
  std::vector<int> seated_;  // positions in people_
  int n_, m_;
  std::vector<int> lower_, upper_;
  SearchBudget& budget_;
  Rng rng_;
  std::vector<int> role_, table_of_;
  std::vector<std::vector<int>> members_;
  std::vector<Counts> counts_;
  std::vector<float> cache_;  // n x n pair values, when n <= kCachedPeople
  std::vector<double> gain_;  // m x n: sum of p's pair values with table t's members
  Totals totals_;
  bool undo_on_ = false;
  std::vector<std::pair<int, int>> undo_;  // (person, table before)
  std::vector<char> queued_;
};

void ClinicSearch::construct() {
  // One of each role per table, scarcest role first: as many as possible at a table whose theme
  // they picked (a largest matching), then the tables still lacking the role take the best
  // candidate left, tables with the fewest candidates for their theme choosing first.
  std::array<int, kClinicRoles> count{};
  for (int p = 0; p < n_; ++p) ++count[role_[p]];
  std::array<int, kClinicRoles> roles = {0, 1, 2};
  std::stable_sort(roles.begin(), roles.end(), [&](int x, int y) { return count[x] < count[y]; });
  for (const int r : roles) {
    std::vector<int> candidates;
    std::vector<const std::vector<int>*> themes;
    for (int p = 0; p < n_; ++p) {
      if (role_[p] != r) continue;
      candidates.push_back(p);
      themes.push_back(&people_[seated_[p]].themes);
    }
    std::vector<int> capacity(m_, 0);
    for (int t = 0; t < m_; ++t) capacity[t] = size(t) < upper_[t] && counts_[t][r] == 0 ? 1 : 0;
    const auto matched = match_to_themes(themes, capacity);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (matched[i] >= 0) put(candidates[i], matched[i]);
    }
    std::vector<int> demand(m_, 0);
    for (const int p : candidates) {
      for (const int t : people_[seated_[p]].themes) {
        if (t >= 0 && t < m_) ++demand[t];
      }
    }
    std::vector<int> order(m_);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int x, int y) { return demand[x] < demand[y]; });
    for (const int t : order) {
      if (size(t) >= upper_[t] || counts_[t][r] > 0) continue;
      int best = -1;
      Delta best_delta;
      for (const int p : candidates) {
        if (table_of_[p] >= 0) continue;
        const Delta delta = place_delta(p, t);
        if (best < 0 || delta.better_than(best_delta)) best = p, best_delta = delta;
      }
      if (best < 0) break;  // this role is used up
      put(best, t);
      budget_.step();
    }
  }
  // Then as many of the others as possible at a theme they picked, in the room left.
  {
    std::vector<int> rest;
    std::vector<const std::vector<int>*> themes;
    for (int p = 0; p < n_; ++p) {
      if (table_of_[p] >= 0) continue;
      rest.push_back(p);
      themes.push_back(&people_[seated_[p]].themes);
    }
    std::vector<int> capacity(m_, 0);
    for (int t = 0; t < m_; ++t) capacity[t] = upper_[t] - size(t);
    const auto matched = match_to_themes(themes, capacity);
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (matched[i] >= 0) put(rest[i], matched[i]);
    }
  }
  // Everyone else, the most constrained first (fewest themes), to the best table with room that
  // keeps enough people for the tables still below their minimum.
  std::vector<int> rest;
  for (int p = 0; p < n_; ++p) {
    if (table_of_[p] < 0) rest.push_back(p);
  }
  std::stable_sort(rest.begin(), rest.end(), [&](int x, int y) {
    return people_[seated_[x]].themes.size() < people_[seated_[y]].themes.size();
  });
  int missing = 0;  // seats still needed to bring tables to their minimum
  for (int t = 0; t < m_; ++t) missing += std::max(0, lower_[t] - size(t));
  int left = static_cast<int>(rest.size());
  for (const int p : rest) {
    int best = -1;
    for (const bool must_fill : {left <= missing, false}) {
      Delta best_delta;
      for (int t = 0; t < m_; ++t) {
        if (size(t) >= upper_[t]) continue;
        if (must_fill && size(t) >= lower_[t]) continue;
        const Delta delta = place_delta(p, t);
        if (best < 0 || delta.better_than(best_delta)) best = t, best_delta = delta;
      }
      if (best >= 0) break;
    }
    if (size(best) < lower_[best]) --missing;
    put(p, best);
    --left;
    budget_.step();
  }
  // Seeds may have filled some tables past their minimum while others stay below it: those
  // take the people whose move costs least from tables above their minimum.
  for (int t = 0; t < m_; ++t) {
    while (size(t) < lower_[t]) {
      int best = -1;
      Delta best_delta;
      for (int p = 0; p < n_; ++p) {
        const int from = table_of_[p];
        if (from == t || size(from) <= lower_[from]) continue;
        const Delta delta = move_delta(p, t);
        if (best < 0 || delta.better_than(best_delta)) best = p, best_delta = delta;
      }
      if (best < 0) break;
      put(best, t);
    }
  }
}

bool ClinicSearch::improve_person(int p) {
  const int a = table_of_[p];
  Delta best;
  int best_table = -1, best_partner = -1;
  if (size(a) > lower_[a]) {
    for (int t = 0; t < m_; ++t) {
      if (t == a || size(t) >= upper_[t]) continue;
      const Delta delta = move_delta(p, t);
      if (delta.improves() && (best_table < 0 || delta.better_than(best)))
        best = delta, best_table = t, best_partner = -1;
    }
  }
  for (int q = 0; q < n_; ++q) {
    const int b = table_of_[q];
    if (b == a) continue;
    const Delta delta = swap_delta(p, q);
    if (delta.improves() && (best_table < 0 || delta.better_than(best)))
      best = delta, best_table = b, best_partner = q;
  }
  if (best_table < 0) return false;
  if (best_partner >= 0) {
    put(best_partner, a);
  }
  put(p, best_table);
  return true;
}

bool ClinicSearch::descend(std::vector<int> queue) {
  queued_.assign(n_, 0);
  for (const int p : queue) queued_[p] = 1;
  bool changed = false;
  std::size_t head = 0;
  while (head < queue.size()) {
    if (budget_.step()) return changed;
    const int p = queue[head++];
    queued_[p] = 0;
    const int a = table_of_[p];
    if (!improve_person(p)) continue;
    changed = true;
    for (const int t : {a, table_of_[p]}) {
      for (const int q : members_[t]) {
        if (!queued_[q]) queued_[q] = 1, queue.push_back(q);
      }
    }
    if (head > 4096 && head * 2 > queue.size()) {  // keep the queue's memory bounded
      queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(head));
      head = 0;
    }
  }
  return changed;
}

void ClinicSearch::improve() {
  if (n_ < 2 || m_ < 2) return;
  std::vector<int> everyone(n_);
  std::iota(everyone.begin(), everyone.end(), 0);
  descend(everyone);
  if (budget_.exhausted()) return;
  // Iterated local search: a kick of one to three random swaps, descent around it, undone when
  // the result is worse. Stops after many kicks in a row without a gain.
  Totals best = totals_;
  const int patience = std::max(200, 20 * n_);
  int idle = 0;
  while (idle < patience && !budget_.exhausted()) {
    undo_on_ = true;
    undo_.clear();
    std::vector<int> touched;
    const int kicks = 1 + static_cast<int>(rng_.below(3));
    for (int k = 0; k < kicks; ++k) {
      const int p = static_cast<int>(rng_.below(static_cast<std::uint64_t>(n_)));
      const int q = static_cast<int>(rng_.below(static_cast<std::uint64_t>(n_)));
      const int a = table_of_[p], b = table_of_[q];
      if (a == b) continue;
      put(q, a);
      put(p, b);
      for (const int t : {a, b})
        touched.insert(touched.end(), members_[t].begin(), members_[t].end());
    }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    descend(touched);
    undo_on_ = false;
    if (totals_.better_than(best)) {
      best = totals_;
      idle = 0;
    } else {
      if (best.better_than(totals_)) {
        for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) put(it->first, it->second);
      }
      ++idle;
    }
  }
}

// Size bounds that seat n people at tables of these seats as evenly as the seats allow.
void balanced_bounds(int n, const std::vector<int>& seats, std::vector<int>& lower,
                     std::vector<int>& upper) {
  const int m = static_cast<int>(seats.size());
  int c = 0;
  int seated = 0;
  while (seated < n) {
    ++c;
    seated = 0;
    for (const int s : seats) seated += std::min(s, c);
  }
  lower.assign(m, 0);
  upper.assign(m, 0);
  for (int t = 0; t < m; ++t) {
    upper[t] = std::min(seats[t], c);
    lower[t] = std::max(0, std::min(upper[t], c - 1));
  }
}

}  // namespace

ClinicSeatingPlan seat_clinic(const Population& population, const ScoreWeights& weights,
                              const std::vector<ClinicPerson>& people,
                              const std::vector<int>& seats, SearchBudget& budget,
                              std::uint64_t seed) {
  ClinicSeatingPlan plan;
  const int m = static_cast<int>(seats.size());
  plan.table_of.assign(people.size(), -1);
  plan.members.assign(static_cast<std::size_t>(m), {});
  if (people.empty() || m == 0) {
    for (std::size_t i = 0; i < people.size(); ++i) plan.unseated.push_back(static_cast<int>(i));
    return plan;
  }
  long capacity = 0;
  for (const int s : seats) capacity += std::max(0, s);

  // Who sits: everyone when the seats allow; otherwise the most common role gives up seats,
  // the latest first.
  // Only people present in the population can sit.
  std::vector<int> seated;
  for (std::size_t p = 0; p < people.size(); ++p) {
    if (population.present(people[p].index)) {
      seated.push_back(static_cast<int>(p));
    } else {
      plan.unseated.push_back(static_cast<int>(p));
    }
  }
  if (static_cast<long>(seated.size()) > capacity) {
    const auto role_of = [&](int p) {
      return static_cast<int>(clinic_role(population.record(people[p].index).type));
    };
    std::array<int, kClinicRoles> count{};
    for (const int p : seated) ++count[role_of(p)];
    std::vector<char> keep(seated.size(), 1);
    long excess = static_cast<long>(seated.size()) - capacity;
    // Passes from the end; each gives up the latest seat of the role most common at that moment.
    for (int i = static_cast<int>(seated.size()) - 1; excess > 0; --i) {
      if (i < 0) i = static_cast<int>(seated.size()) - 1;
      const int most =
          static_cast<int>(std::max_element(count.begin(), count.end()) - count.begin());
      const int r = role_of(seated[i]);
      if (!keep[i] || r != most) continue;
      keep[i] = 0;
      --count[r];
      --excess;
    }
    std::vector<int> kept;
    for (std::size_t i = 0; i < seated.size(); ++i) {
      if (keep[i]) {
        kept.push_back(seated[i]);
      } else {
        plan.unseated.push_back(seated[i]);
      }
    }
    seated = std::move(kept);
  }
  std::sort(plan.unseated.begin(), plan.unseated.end());
  const int n = static_cast<int>(seated.size());
  // A table whose theme nobody picked stays empty, unless the others cannot seat everyone.
  std::vector<int> open(seats.size(), 0);
  long open_capacity = 0;
  for (const int p : seated) {
    for (const int t : people[p].themes) {
      if (t >= 0 && t < m) open[t] = 1;
    }
  }
  for (int t = 0; t < m; ++t) open_capacity += open[t] ? std::max(0, seats[t]) : 0;
  std::vector<int> usable(seats.size());
  for (int t = 0; t < m; ++t) usable[t] = open[t] || open_capacity < n ? std::max(0, seats[t]) : 0;
  std::vector<int> lower, upper;
  balanced_bounds(n, usable, lower, upper);

  // The fewest violations possible: a role short of the tables in use, a table too small for all.
  std::array<int, kClinicRoles> count{};
  for (const int p : seated)
    ++count[static_cast<int>(clinic_role(population.record(people[p].index).type))];
  int used = 0, small = 0;
  for (int t = 0; t < m; ++t) {
    if (lower[t] >= 1) {
      ++used;
      small += std::max(0, kClinicRoles - upper[t]);
    }
  }
  if (used == 0) {  // fewer people than tables: one each at n tables
    used = n;
    small = (kClinicRoles - 1) * n;
  }
  int short_roles = 0;
  for (const int c : count) short_roles += std::max(0, used - c);
  plan.mix_lower_bound = std::max(short_roles, small);
  plan.mix_feasible = plan.mix_lower_bound == 0;
  plan.theme_miss_lower_bound = fewest_theme_misses(people, seated, upper);

  if (n == 0) return plan;
  ClinicSearch search(population, weights, people, seated, lower, upper, budget, seed);
  search.construct();
  search.improve();
  for (int p = 0; p < n; ++p) plan.table_of[search.seated()[p]] = search.table_of()[p];
  for (std::size_t p = 0; p < people.size(); ++p) {
    if (plan.table_of[p] >= 0) plan.members[plan.table_of[p]].push_back(static_cast<int>(p));
  }
  const ClinicCheck check = check_clinic(population, weights, people, seats, plan.table_of);
  plan.mix_violations = check.mix_violations;
  plan.theme_misses = check.theme_misses;
  plan.pair_value = check.pair_value;
  plan.value = search.totals().value;
  plan.steps = budget.steps();
  return plan;
}

ClinicCheck check_clinic(const Population& population, const ScoreWeights& weights,
                         const std::vector<ClinicPerson>& people, const std::vector<int>& seats,
                         const std::vector<int>& table_of) {
  ClinicCheck out;
  const PairScorer scorer(population, weights);
  std::vector<std::vector<int>> members(seats.size());
  for (std::size_t p = 0; p < table_of.size() && p < people.size(); ++p) {
    const int t = table_of[p];
    if (t < 0) continue;
    if (t >= static_cast<int>(seats.size())) {
      out.sizes_ok = false;
      continue;
    }
    members[t].push_back(static_cast<int>(p));
    const auto& themes = people[p].themes;
    out.theme_misses += std::find(themes.begin(), themes.end(), t) == themes.end();
  }
  for (std::size_t t = 0; t < members.size(); ++t) {
    const auto& list = members[t];
    if (static_cast<int>(list.size()) > seats[t]) out.sizes_ok = false;
    Counts c{};
    for (const int p : list)
      ++c[static_cast<int>(clinic_role(population.record(people[p].index).type))];
    out.mix_violations += violations(static_cast<int>(list.size()), c);
    for (std::size_t i = 0; i < list.size(); ++i) {
      for (std::size_t j = i + 1; j < list.size(); ++j)
        out.pair_value += scorer.value(people[list[i]].index, people[list[j]].index);
    }
  }
  return out;
}

}  // namespace crossmatch::core
