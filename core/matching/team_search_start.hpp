// How the team search starts: a fresh assignment, and the repairs of a live one (newcomers
// placed, new teams completed, short teams filled). Part of team_search.hpp.
#pragma once

#include <algorithm>
#include <array>
#include <vector>

#include "core/matching/team_search.hpp"

namespace crossmatch::core::detail {

template <class Values>
void TeamSearch<Values>::construct(Rng& rng) {
  std::vector<int> creative, growth;
  for (int i = 0; i < n_; ++i) {
    if (people_[i].sector_class == SectorClass::Creative) creative.push_back(i);
    if (people_[i].sector_class == SectorClass::Growth) growth.push_back(i);
  }
  rng.shuffle(creative);
  rng.shuffle(growth);
  const int m = teams();
  std::vector<char> placed(n_, 0);
  for (int t = 0; t < m && t < static_cast<int>(creative.size()); ++t) {
    relocate(creative[t], t);
    placed[creative[t]] = 1;
  }
  std::size_t next_growth = 0;
  for (int t = 0; t < m; ++t) {
    int chosen = -1;
    if (teams_[t].size > 0) {
      for (const int c : candidates_.get(teams_[t].members[0], values_)) {
        if (!placed[c] && people_[c].sector_class == SectorClass::Growth) {
          chosen = c;
          break;
        }
      }
    }
    while (chosen < 0 && next_growth < growth.size()) {
      if (!placed[growth[next_growth]]) chosen = growth[next_growth];
      ++next_growth;
    }
    if (chosen < 0) break;
    relocate(chosen, t);
    placed[chosen] = 1;
  }
  std::vector<int> rest;
  for (int i = 0; i < n_; ++i) {
    if (!placed[i]) rest.push_back(i);
  }
  rng.shuffle(rest);
  assign_greedily(rest, rng);
  recompute_totals();
}

template <class Values>
void TeamSearch<Values>::assign_greedily(const std::vector<int>& unplaced, Rng& rng,
                                         bool exhaustive) {
  // Teams with room, and teams below the lower bound, as lists with O(1) removal.
  OpenList room(teams()), short_teams(teams());
  for (int t = 0; t < teams(); ++t) {
    if (teams_[t].size < config_.upper) room.add(t);
    if (teams_[t].size < config_.lower) short_teams.add(t);
  }
  int deficit = 0;
  for (const Slot& s : teams_) deficit += std::max(0, config_.lower - s.size);
  int left = static_cast<int>(unplaced.size());
  for (const int i : unplaced) {
    const bool must_fill = left <= deficit;
    int best = -1;
    double best_gain = 0;
    ++stamp_;
    const auto consider = [&](int t) {
      if (team_stamp_[t] == stamp_) return;
      team_stamp_[t] = stamp_;
      const Slot& s = teams_[t];
      if (s.size >= config_.upper || (must_fill && s.size >= config_.lower)) return;
      const double gain = sum_to(i, t);
      if (best < 0 || gain > best_gain + kEps) {
        best = t;
        best_gain = gain;
      }
    };
    for (const int c : candidates_.get(i, values_)) {
      if (team_of_[c] >= 0) consider(team_of_[c]);
    }
    OpenList& open = must_fill ? short_teams : room;
    if (exhaustive) {
      for (int k = 0; k < open.size(); ++k) consider(open.at(k));
    } else {
      for (int k = 0; k < 8 && open.size() > 0; ++k) {
        consider(open.at(static_cast<int>(rng.below(static_cast<std::uint64_t>(open.size())))));
      }
    }
    --left;
    if (best < 0) continue;
    relocate(i, best);
    if (teams_[best].size >= config_.upper) room.remove(best);
    if (teams_[best].size == config_.lower) short_teams.remove(best);
    if (teams_[best].size <= config_.lower) --deficit;
  }
}

template <class Values>
void TeamSearch<Values>::fill_short_teams() {
  for (int t = 0; t < teams(); ++t) {
    while (teams_[t].size < config_.lower) {
      int best = -1;
      double best_gain = 0;
      for (int i = 0; i < n_; ++i) {
        const int a = team_of_[i];
        if (a < 0 || a == t || teams_[a].size <= config_.lower) continue;
        const Delta d = evaluate_move(i, t, /*check_sizes=*/false);
        const double gain = d.value - 1000.0 * d.violations;
        if (best < 0 || gain > best_gain + kEps) {
          best = i;
          best_gain = gain;
        }
      }
      if (best < 0) break;
      relocate(best, t);
    }
  }
  recompute_totals();
}

template <class Values>
void TeamSearch<Values>::fill_new_team_from_one(int t) {
  const int need = config_.lower - teams_[t].size;
  if (need <= 0) return;
  int best_team = -1;
  std::uint32_t best_mask = 0;
  int best_violations = 0;
  double best_gain = 0;
  for (int d = 0; d < teams(); ++d) {
    const Slot& s = teams_[d];
    if (d == t || s.size - need < config_.lower) continue;
    std::array<double, kMaxTeamSize> gain{};
    for (int k = 0; k < s.size; ++k) gain[k] = sum_to(s.members[k], t) - own_[s.members[k]];
    for (std::uint32_t mask = 0; mask < (1u << s.size); ++mask) {
      if (__builtin_popcount(mask) != need) continue;
      double total = 0;
      int creative_out = 0, growth_out = 0;
      for (int x = 0; x < s.size; ++x) {
        if (!((mask >> x) & 1)) continue;
        total += gain[x];
        count_class(people_[s.members[x]].sector_class, +1, creative_out, growth_out);
        // The pair leaves the donor with both and joins the new team with both.
        for (int y = x + 1; y < s.size; ++y) {
          if ((mask >> y) & 1) total += 2 * values_(s.members[x], s.members[y]);
        }
      }
      const int violations =
          violation(teams_[t].creative + creative_out, teams_[t].growth + growth_out) +
          violation(s.creative - creative_out, s.growth - growth_out) -
          violation(s.creative, s.growth);
      if (best_team < 0 || violations < best_violations ||
          (violations == best_violations && total > best_gain + kEps)) {
        best_team = d, best_mask = mask, best_violations = violations, best_gain = total;
      }
    }
  }
  if (best_team < 0) return;
  std::array<int, kMaxTeamSize> group{};
  int size = 0;
  for (int x = 0; x < teams_[best_team].size; ++x) {
    if ((best_mask >> x) & 1) group[size++] = teams_[best_team].members[x];
  }
  for (int k = 0; k < size; ++k) relocate(group[k], t);
}

}  // namespace crossmatch::core::detail
