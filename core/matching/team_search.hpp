// The team search at event scale: teams of a few members, gains computed on the fly over the
// members (O(team size)), neighbourhoods from candidate lists, a queue-driven descent over moves
// and swaps, and iterated local search with small kicks that are undone when they do not pay.
// Objective, compared lexicographically: first the sector-mix violations (teams without a
// creative or without a growth-sector member), then the value (pair values inside teams, minus
// a penalty per single-country team, minus a cost per participant moved from a previous team).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "core/matching/candidates.hpp"
#include "core/matching/matching_settings.hpp"
#include "core/matching/population.hpp"
#include "core/random.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core::detail {

struct TeamSearchConfig {
  int lower = 3;  // every team's size bounds (lower already relaxed when n forces it)
  int upper = 5;
  double single_country_penalty = 0.5;
  double stability_cost = 0.0;
};

struct TeamPerson {
  SectorClass sector_class = SectorClass::Unknown;
  int country = -1;
  int previous = -1;  // previous team (search index), -1 for none
};

// The search over local ids 0..n-1. `Values` gives `double operator()(int, int)`: symmetric,
// non-negative, and 0 for a person with themself.
template <class Values>
class TeamSearch {
 public:
  static constexpr double kEps = 1e-9;

  // With `gain_matrix`, a matrix G[t][i] = sum of i's values to the members of team t is kept
  // (teams * n doubles, O(n) per relocation), so that every move and swap of a person is
  // evaluated in O(1) and a person's whole neighbourhood, not only candidates' teams, in O(n + m).
  TeamSearch(const Values& values, std::vector<TeamPerson> people, int teams,
             TeamSearchConfig config, CandidateLists& candidates, bool gain_matrix = false)
      : values_(values),
        people_(std::move(people)),
        config_(config),
        candidates_(candidates),
        n_(static_cast<int>(people_.size())),
        team_of_(people_.size(), -1),
        own_(people_.size(), 0.0),
        queued_(people_.size(), 0),
        teams_(static_cast<std::size_t>(teams)),
        team_stamp_(static_cast<std::size_t>(teams), 0),
        gains_(gain_matrix ? static_cast<std::size_t>(teams) * people_.size() : 0, 0.0) {}

  int people() const { return n_; }
  int teams() const { return static_cast<int>(teams_.size()); }
  int team_of(int i) const { return team_of_[i]; }
  int size_of(int t) const { return teams_[t].size; }
  const int* members(int t) const { return teams_[t].members.data(); }
  int violations() const { return violations_; }
  double value() const { return value_; }

  // [SECTION] Building a starting assignment

  // Places person i into team t without any check (for loading previous teams).
  void place(int i, int t) { relocate(i, t); }

  // (The next four are defined in team_search_start.hpp.)

  // A fresh assignment: one creative and one growth-sector seed per team while they last (seeds
  // of each team chosen from the creative seed's candidates), then everyone else to the
  // candidate team with room where they add the most, filling teams below the lower bound first
  // when the remaining people are just enough for them.
  void construct(Rng& rng);

  // Puts unplaced people into teams: each to the team with room where they add the most, teams
  // below the lower bound only when the people left are just enough to fill them. Looks at the
  // teams of a person's candidates, and at a few random teams with room when none of those fits.
  // With `exhaustive`, every open team is looked at (for a few newcomers in a live event).
  void assign_greedily(const std::vector<int>& unplaced, Rng& rng, bool exhaustive = false);

  // Fills every team below the lower bound by pulling, one at a time, the person whose move
  // from a team above the lower bound costs least (all people considered).
  void fill_short_teams();

  // Completes a team that holds only newcomers by pulling a group of members out of one other
  // team, so that a new team changes one other team, not several. Every group of the right size
  // of every team that can spare it is weighed: fewest sector-mix violations first, then the
  // value gained.
  void fill_new_team_from_one(int t);

  // [SECTION] Totals

  void recompute_totals() {
    if (!gains_.empty()) {
      // Rebuilt from scratch, so that sums drifting over many relocations start afresh.
      std::fill(gains_.begin(), gains_.end(), 0.0);
      for (int x = 0; x < n_; ++x) {
        if (team_of_[x] < 0) continue;
        double* row = &gains_[static_cast<std::size_t>(team_of_[x]) * n_];
        for (int y = 0; y < n_; ++y) {
          row[y] += values_(x, y);
        }
      }
    }
    value_ = 0;
    violations_ = 0;
    for (int t = 0; t < teams(); ++t) {
      const Slot& s = teams_[t];
      if (s.size == 0) continue;
      violations_ += violation(s.creative, s.growth);
      if (single_country(t, -1, -1)) value_ -= config_.single_country_penalty;
    }
    for (int i = 0; i < n_; ++i) {
      if (team_of_[i] < 0) continue;
      own_[i] = sum_to(i, team_of_[i]);
      value_ += own_[i] / 2;
      if (moved(i, team_of_[i])) value_ -= config_.stability_cost;
    }
  }

  // [SECTION] Descent and iterated local search

  // Descent from everyone, in a random order.
  void descend_all(Rng& rng, SearchBudget& budget) {
    std::vector<int> order(n_);
    for (int i = 0; i < n_; ++i) order[i] = i;
    rng.shuffle(order);
    for (const int i : order) push(i);
    descend(budget);
  }

  // Descent from the given people (and whoever their moves touch).
  void descend_from(const std::vector<int>& people, SearchBudget& budget) {
    for (const int i : people) push(i);
    descend(budget);
  }

  // Iterated local search until the budget ends: a kick of a few random moves or swaps near a
  // focus person (from `focus`, or anyone when empty), descent from the touched teams, and an
  // undo when the result is worse than before.
  void iterate(Rng& rng, SearchBudget& budget, const std::vector<int>& focus = {}) {
    if (n_ < 2 || teams() < 2) return;
    while (!budget.step()) {
      const int start = focus.empty() ? static_cast<int>(rng.below(static_cast<std::uint64_t>(n_)))
                                      : focus[rng.below(focus.size())];
      const double value_before = value_;
      const int violations_before = violations_;
      log_.clear();
      logging_ = true;
      // Mostly one to three moves; now and then a bigger kick, to leave a deeper basin.
      const int kicks =
          rng.chance(0.1) ? 3 + static_cast<int>(rng.below(6)) : 1 + static_cast<int>(rng.below(3));
      kick(start, kicks, rng);
      descend(budget);
      logging_ = false;
      const bool worse = violations_ > violations_before ||
                         (violations_ == violations_before && value_ < value_before - kEps);
      if (worse) {
        for (auto it = log_.rbegin(); it != log_.rend(); ++it) relocate(it->first, it->second);
        value_ = value_before;
        violations_ = violations_before;
      }
    }
    // Drifting sums from many incremental updates are reset once at the end.
    recompute_totals();
  }

 private:
  struct Slot {
    int size = 0;
    int creative = 0;
    int growth = 0;
    int country1 = -2, count1 = 0;  // the team's countries, while there are at most two
    int country2 = -2, count2 = 0;
    bool many_countries = false;
    bool single = false;  // two or more members, all from one country
    std::array<int, kMaxTeamSize> members{};
  };
  // A set of team indices with O(1) add, remove and random access.
  class OpenList {
   public:
    explicit OpenList(int teams) : position_(static_cast<std::size_t>(teams), -1) {}
    int size() const { return static_cast<int>(items_.size()); }
    int at(int k) const { return items_[k]; }
    void add(int t) {
      if (position_[t] >= 0) return;
      position_[t] = size();
      items_.push_back(t);
    }
    void remove(int t) {
      const int k = position_[t];
      if (k < 0) return;
      items_[k] = items_.back();
      position_[items_[k]] = k;
      items_.pop_back();
      position_[t] = -1;
    }

   private:
    std::vector<int> items_;
    std::vector<int> position_;
  };

  struct Delta {
    int violations = 0;
    double value = 0;
    bool better() const { return violations < 0 || (violations == 0 && value > kEps); }
  };

  static int violation(int creative, int growth) { return (creative == 0) + (growth == 0); }

  bool moved(int i, int t) const { return people_[i].previous >= 0 && people_[i].previous != t; }
  double stability(int i, int from, int to) const {
    return config_.stability_cost * (static_cast<int>(moved(i, from)) - moved(i, to));
  }

  double sum_to(int i, int t) const {
    if (!gains_.empty()) {
      // The matrix counts i's own value to itself as 0, so it is i's sum without i.
      return gains_[static_cast<std::size_t>(t) * n_ + i];
    }
    const Slot& s = teams_[t];
    double sum = 0;
    for (int k = 0; k < s.size; ++k) {
      if (s.members[k] != i) sum += values_(i, s.members[k]);
    }
    return sum;
  }

  // Whether team t, without `out` and with `in` (-1 for none), has two or more members, all
  // from one country. O(1) from the team's country summary.
  bool single_country(int t, int out, int in) const {
    const Slot& s = teams_[t];
    const int size = s.size - (out >= 0) + (in >= 0);
    if (size < 2 || s.many_countries) return false;
    int n1 = s.count1, n2 = s.count2;
    if (out >= 0) {
      const int c = people_[out].country;
      n1 -= c == s.country1;
      n2 -= c == s.country2 && c != s.country1;
    }
    bool third = false;
    if (in >= 0) {
      const int c = people_[in].country;
      if (c == s.country1 && s.count1 > 0) {
        ++n1;
      } else if (c == s.country2 && s.count2 > 0) {
        ++n2;
      } else {
        third = true;
      }
    }
    return (n1 > 0) + (n2 > 0) + third == 1;
  }
  // Recounts a team's country summary: up to two countries with their counts, or "many".
  void refresh_countries(Slot& s) {
    s.country1 = s.country2 = -2;
    s.count1 = s.count2 = 0;
    s.many_countries = false;
    for (int k = 0; k < s.size; ++k) {
      const int c = people_[s.members[k]].country;
      if (s.count1 == 0 || c == s.country1) {
        s.country1 = c;
        ++s.count1;
      } else if (s.count2 == 0 || c == s.country2) {
        s.country2 = c;
        ++s.count2;
      } else {
        s.many_countries = true;
      }
    }
    s.single = s.size >= 2 && !s.many_countries && s.count2 == 0;
  }
  double country_term(int t, int out, int in) const {
    return single_country(t, out, in) ? -config_.single_country_penalty : 0.0;
  }

  static void count_class(SectorClass c, int sign, int& creative, int& growth) {
    if (c == SectorClass::Creative) creative += sign;
    if (c == SectorClass::Growth) growth += sign;
  }

  Delta evaluate_move(int i, int b, bool check_sizes = true, double i_to_b = -1) const {
    const int a = team_of_[i];
    Delta d;
    if (a == b ||
        (check_sizes && (teams_[a].size <= config_.lower || teams_[b].size >= config_.upper))) {
      d.violations = 1 << 20;
      return d;
    }
    const Slot& sa = teams_[a];
    const Slot& sb = teams_[b];
    int ca = sa.creative, ga = sa.growth, cb = sb.creative, gb = sb.growth;
    count_class(people_[i].sector_class, -1, ca, ga);
    count_class(people_[i].sector_class, +1, cb, gb);
    d.violations = (sa.size > 1 ? violation(ca, ga) : 0) + violation(cb, gb) -
                   violation(sa.creative, sa.growth) -
                   (sb.size > 0 ? violation(sb.creative, sb.growth) : 0);
    d.value = (i_to_b >= 0 ? i_to_b : sum_to(i, b)) - own_[i] + stability(i, a, b) +
              country_term(a, i, -1) - country_term(a, -1, -1) + country_term(b, -1, i) -
              country_term(b, -1, -1);
    return d;
  }

  // The swap of i and j (different teams); `i_to_b` is the sum of i's values to j's team
  // (j included), computed once per team by the caller.
  Delta evaluate_swap(int i, int j, double i_to_b, double v_ij) const {
    const int a = team_of_[i];
    const int b = team_of_[j];
    Delta d;
    if (people_[i].sector_class != people_[j].sector_class) {
      const Slot& sa = teams_[a];
      const Slot& sb = teams_[b];
      int ca = sa.creative, ga = sa.growth, cb = sb.creative, gb = sb.growth;
      count_class(people_[i].sector_class, -1, ca, ga);
      count_class(people_[j].sector_class, +1, ca, ga);
      count_class(people_[j].sector_class, -1, cb, gb);
      count_class(people_[i].sector_class, +1, cb, gb);
      d.violations = violation(ca, ga) + violation(cb, gb) - violation(sa.creative, sa.growth) -
                     violation(sb.creative, sb.growth);
    }
    double j_to_a = 0;
    if (!gains_.empty()) {
      j_to_a = gains_[static_cast<std::size_t>(a) * n_ + j] - v_ij;
    } else {
      const Slot& sa = teams_[a];
      for (int k = 0; k < sa.size; ++k) {
        if (sa.members[k] != i) j_to_a += values_(j, sa.members[k]);
      }
    }
    d.value =
        (i_to_b - v_ij) + j_to_a - own_[i] - own_[j] + stability(i, a, b) + stability(j, b, a);
    if (people_[i].country != people_[j].country) {
      d.value += country_term(a, i, j) - country_term(a, -1, -1) + country_term(b, j, i) -
                 country_term(b, -1, -1);
    }
    return d;
  }

  // Moves i to team t (or out of any team for t = -1), keeping members, counts and own sums.
  void relocate(int i, int t) {
    const int a = team_of_[i];
    if (a == t) return;
    if (logging_) log_.emplace_back(i, a);
    if (!gains_.empty()) {
      // A person's value to themself is 0, so i needs no exception: the loops stay simple
      // enough to vectorise.
      double* from = a >= 0 ? &gains_[static_cast<std::size_t>(a) * n_] : nullptr;
      double* to = t >= 0 ? &gains_[static_cast<std::size_t>(t) * n_] : nullptr;
      if (from != nullptr && to != nullptr) {
        for (int x = 0; x < n_; ++x) {
          const double v = values_(i, x);
          from[x] -= v;
          to[x] += v;
        }
      } else if (from != nullptr) {
        for (int x = 0; x < n_; ++x) from[x] -= values_(i, x);
      } else if (to != nullptr) {
        for (int x = 0; x < n_; ++x) to[x] += values_(i, x);
      }
    }
    if (a >= 0) {
      Slot& s = teams_[a];
      for (int k = 0; k < s.size; ++k) {
        if (s.members[k] == i) {
          s.members[k] = s.members[s.size - 1];
          --s.size;
          break;
        }
      }
      count_class(people_[i].sector_class, -1, s.creative, s.growth);
      for (int k = 0; k < s.size; ++k) own_[s.members[k]] -= values_(i, s.members[k]);
      refresh_countries(s);
    }
    team_of_[i] = t;
    own_[i] = 0;
    if (t >= 0) {
      Slot& s = teams_[t];
      for (int k = 0; k < s.size; ++k) {
        const double v = values_(i, s.members[k]);
        own_[s.members[k]] += v;
        own_[i] += v;
      }
      s.members[s.size++] = i;
      count_class(people_[i].sector_class, +1, s.creative, s.growth);
      refresh_countries(s);
    }
  }

  void push(int i) {
    if (queued_[i]) return;
    queued_[i] = 1;
    queue_.push_back(i);
  }

  void push_team(int t) {
    const Slot& s = teams_[t];
    for (int k = 0; k < s.size; ++k) push(s.members[k]);
  }

  // Best-improvement over i's moves and swaps into its candidates' teams, repeated from the
  // queue until nothing improves or the budget ends.
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

  struct Choice {
    Delta delta;
    int team = -1;
    int partner = -1;  // -1 for a move
  };

  // i's best improving move or swap into its candidates' teams.
  Choice best_neighbour(int i) {
    Choice best;
    const int a = team_of_[i];
    if (a < 0) return best;
    ++stamp_;
    team_stamp_[a] = stamp_;
    const std::vector<int>& cands = candidates_.get(i, values_);
    for (const int c : cands) {
      const int b = team_of_[c];
      if (b < 0 || team_stamp_[b] == stamp_) continue;
      team_stamp_[b] = stamp_;
      const Slot& sb = teams_[b];
      std::array<double, kMaxTeamSize> v{};
      double i_to_b = 0;
      for (int k = 0; k < sb.size; ++k) {
        v[k] = values_(i, sb.members[k]);
        i_to_b += v[k];
      }
      if (teams_[a].size > config_.lower && sb.size < config_.upper) {
        const Delta d = evaluate_move(i, b, true, i_to_b);
        if (d.violations < best.delta.violations ||
            (d.violations == best.delta.violations && d.value > best.delta.value + kEps)) {
          best = Choice{d, b, -1};
        }
      }
      for (int k = 0; k < sb.size; ++k) {
        const Delta d = evaluate_swap(i, sb.members[k], i_to_b, v[k]);
        if (d.violations < best.delta.violations ||
            (d.violations == best.delta.violations && d.value > best.delta.value + kEps)) {
          best = Choice{d, b, sb.members[k]};
        }
      }
    }
    if (best.delta.violations > 0) best.team = -1;
    return best;
  }

  // With the gain matrix: every move and every swap of i, in O(n + m). The pair values of a
  // swap come first; the team terms (violations, countries, stability) only for swaps that can
  // still beat the best found, since they add at most `slack`.
  Choice best_full(int i) {
    Choice best;
    const int a = team_of_[i];
    if (a < 0) return best;
    const int m = teams();
    gi_.resize(static_cast<std::size_t>(m));
    for (int t = 0; t < m; ++t) gi_[t] = gains_[static_cast<std::size_t>(t) * n_ + i];
    const double own_i = own_[i];
    const bool can_leave = teams_[a].size > config_.lower;
    const auto consider = [&](const Delta& d, int team, int partner) {
      if (d.violations < best.delta.violations ||
          (d.violations == best.delta.violations && d.value > best.delta.value + kEps)) {
        best = Choice{d, team, partner};
      }
    };
    if (can_leave) {
      for (int t = 0; t < m; ++t) {
        if (t == a || teams_[t].size >= config_.upper) continue;
        consider(evaluate_move(i, t, true, gi_[t]), t, -1);
      }
    }
    const double* ga = &gains_[static_cast<std::size_t>(a) * n_];
    if (violations_ == 0 && config_.stability_cost == 0) {
      // No swap can lower the violations, and none moves anyone back: a swap's value is its
      // pair values plus at most the country slack of either team, so one comparison per
      // person rules most out.
      const double penalty = config_.single_country_penalty;
      bound_.resize(static_cast<std::size_t>(m));
      for (int t = 0; t < m; ++t) bound_[t] = gi_[t] + (teams_[t].single ? penalty : 0.0);
      bound_[a] = -1e300;
      const double base = (teams_[a].single ? penalty : 0.0) - own_i;
      for (int j = 0; j < n_; ++j) {
        const int b = team_of_[j];
        const double v_ij = values_(i, j);
        const double bound = bound_[b] + base + ga[j] - own_[j] - 2 * v_ij;
        if (bound <= best.delta.value + kEps) continue;
        const Delta d = evaluate_swap(i, j, gi_[b], v_ij);
        if (d.violations == 0) consider(d, b, j);
      }
      if (best.delta.violations > 0) best.team = -1;
      return best;
    }
    const SectorClass ci = people_[i].sector_class;
    const double penalty = config_.single_country_penalty;
    // A swap's team terms can add at most: a or b leaving single-country status.
    const double a_slack = teams_[a].single ? penalty : 0.0;
    for (int j = 0; j < n_; ++j) {
      const int b = team_of_[j];
      if (b == a || b < 0) continue;
      const double v_ij = values_(i, j);
      const double pairs = gi_[b] + ga[j] - own_i - own_[j] - 2 * v_ij;
      const SectorClass cj = people_[j].sector_class;
      int violations = 0;
      if (cj != ci) {
        const Slot& sa = teams_[a];
        const Slot& sb = teams_[b];
        int ca = sa.creative, ga2 = sa.growth, cb = sb.creative, gb = sb.growth;
        count_class(ci, -1, ca, ga2);
        count_class(cj, +1, ca, ga2);
        count_class(cj, -1, cb, gb);
        count_class(ci, +1, cb, gb);
        violations = violation(ca, ga2) + violation(cb, gb) - violation(sa.creative, sa.growth) -
                     violation(sb.creative, sb.growth);
      }
      if (violations > best.delta.violations) continue;
      if (violations == best.delta.violations) {
        double bound = pairs + a_slack + (teams_[b].single ? penalty : 0.0);
        if (config_.stability_cost > 0) bound += stability(i, a, b) + stability(j, b, a);
        if (bound <= best.delta.value + kEps) continue;
      }
      consider(evaluate_swap(i, j, gi_[b], v_ij), b, j);
    }
    if (best.delta.violations > 0) best.team = -1;
    return best;
  }

  void improve(int i) {
    const Choice best = gains_.empty() ? best_neighbour(i) : best_full(i);
    if (best.team < 0 || !best.delta.better()) return;
    apply(i, best.team, best.partner, best.delta);
  }

  void apply(int i, int b, int partner, const Delta& d) {
    const int a = team_of_[i];
    relocate(i, b);
    if (partner >= 0) relocate(partner, a);
    value_ += d.value;
    violations_ += d.violations;
    push_team(a);
    push_team(b);
  }

  // `kicks` random moves or swaps that keep the violations from growing, starting at `start`
  // and continuing from the people they touch; every touched team is queued for descent.
  void kick(int start, int kicks, Rng& rng) {
    int x = start;
    for (int r = 0; r < kicks; ++r) {
      const int a = team_of_[x];
      if (a < 0) return;
      const std::vector<int>& cands = candidates_.get(x, values_);
      if (cands.empty()) return;
      const int c = cands[rng.below(cands.size())];
      const int b = team_of_[c];
      if (b < 0 || b == a) continue;
      const Slot& sb = teams_[b];
      const bool can_move = teams_[a].size > config_.lower && sb.size < config_.upper;
      int partner = -1;
      Delta d;
      if (can_move && rng.chance(0.3)) {
        d = evaluate_move(x, b);
      } else {
        partner = sb.members[rng.below(static_cast<std::uint64_t>(sb.size))];
        d = evaluate_swap(x, partner, sum_to(x, b), values_(x, partner));
      }
      if (d.violations > 0) continue;
      apply(x, b, partner, d);
      x = partner >= 0 ? partner : c;
    }
  }

  const Values& values_;
  std::vector<TeamPerson> people_;
  TeamSearchConfig config_;
  CandidateLists& candidates_;
  int n_;
  std::vector<int> team_of_;
  std::vector<double> own_;
  std::vector<char> queued_;
  std::vector<int> queue_;
  std::vector<Slot> teams_;
  std::vector<std::uint32_t> team_stamp_;
  std::uint32_t stamp_ = 0;
  double value_ = 0;
  int violations_ = 0;
  bool logging_ = false;
  std::vector<std::pair<int, int>> log_;
  std::vector<double> gains_;  // [team * n + person], when kept
  std::vector<double> gi_;     // scratch: one person's column of the gain matrix
  std::vector<double> bound_;  // scratch: per team, the most a swap into it can add
  // The most the team terms of a swap can add: two teams leaving single-country status and two
  // people returning to their previous teams.
  double slack_ = 2 * config_.single_country_penalty + 2 * config_.stability_cost + 1e-9;
};

}  // namespace crossmatch::core::detail

#include "core/matching/team_search_start.hpp"
