#include "core/matching/teams.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <type_traits>

#include "core/matching/candidates.hpp"
#include "core/matching/pair_score.hpp"
#include "core/matching/team_search.hpp"

namespace crossmatch::core {
namespace {

// Up to this many people, all pair values are computed once into a matrix (n^2 floats, 16 MB at
// the limit); beyond it they are computed on the fly.
constexpr int kDenseLimit = 2048;
// Candidate partners per person; exact lists up to kExactCandidateLimit people.
constexpr int kCandidateWidth = 12;
constexpr int kExactCandidateLimit = 3000;
constexpr int kCandidateSample = 160;
constexpr int kCandidateRounds = 2;
// Live re-optimisation: iterated-search steps per person around the change.
constexpr std::uint64_t kLiveStepsPerPerson = 2;

// Pair values in [0, 1] as 16-bit fixed point: half the memory of floats, so more of the matrix
// stays in cache; the search's decisions shift by at most 1/65535 per pair, and the reported
// figures are recomputed exactly.
struct DenseValues {
  static constexpr double kScale = 65535.0;
  int n = 0;
  std::vector<std::uint16_t> d;
  double operator()(int a, int b) const {
    return d[static_cast<std::size_t>(a) * n + b] * (1.0 / kScale);
  }
  static std::uint16_t quantise(double v) {
    return static_cast<std::uint16_t>(std::clamp(v, 0.0, 1.0) * kScale + 0.5);
  }
};

struct LiveValues {
  const PairScorer* scorer;
  const std::vector<int>* ids;
  double operator()(int a, int b) const { return scorer->value((*ids)[a], (*ids)[b]); }
};

struct Bounds {
  int teams = 0;
  int lower = 0;
  int upper = 0;
};

int clamp_upper(const MatchingSettings& s) {
  return std::clamp(s.team_max, kMinTeamSize, kMaxTeamSize);
}
int clamp_lower(const MatchingSettings& s) {
  return std::clamp(s.team_min, kMinTeamSize, clamp_upper(s));
}

// ceil(n / upper) teams; the lower bound relaxed only as far as n forces it.
Bounds bounds_for(int n, int teams, const MatchingSettings& s) {
  Bounds b;
  b.upper = clamp_upper(s);
  b.teams = teams;
  b.lower = teams > 0 ? std::min(clamp_lower(s), n / teams) : clamp_lower(s);
  return b;
}

std::vector<detail::TeamPerson> people_of(const Population& population,
                                          const std::vector<int>& ids) {
  std::vector<detail::TeamPerson> people(ids.size());
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const MemberRecord& r = population.record(ids[k]);
    people[k].sector_class = r.sector_class;
    people[k].country = r.country;
  }
  return people;
}

detail::TeamSearchConfig config_for(const Bounds& b, const MatchingSettings& s, bool live) {
  detail::TeamSearchConfig c;
  c.lower = b.lower;
  c.upper = b.upper;
  c.single_country_penalty = std::clamp(s.single_country_penalty, 0.0, kMaxTeamPenalty);
  c.stability_cost = live ? std::clamp(s.stability_cost, 0.0, kMaxTeamPenalty) : 0.0;
  return c;
}

bool mix_feasible(const Population& population, const std::vector<int>& ids, int teams) {
  int creative = 0, growth = 0;
  for (const int i : ids) {
    creative += population.record(i).sector_class == SectorClass::Creative;
    growth += population.record(i).sector_class == SectorClass::Growth;
  }
  return creative >= teams && growth >= teams;
}

// The formation's figures, recomputed exactly from the assignment.
template <class Values>
TeamFormation assemble(const Population& population, const MatchingSettings& settings,
                       const std::vector<int>& ids, const detail::TeamSearch<Values>& search,
                       const std::vector<int>& team_ids, const Bounds& bounds) {
  TeamFormation out;
  out.size_lower = bounds.lower;
  out.size_upper = bounds.upper;
  out.team_of.assign(static_cast<std::size_t>(population.size()), -1);
  for (int t = 0; t < search.teams(); ++t) {
    if (search.size_of(t) == 0) continue;
    SuggestedTeam team;
    team.id = team_ids[t];
    for (int k = 0; k < search.size_of(t); ++k) team.members.push_back(ids[search.members(t)[k]]);
    std::sort(team.members.begin(), team.members.end());
    for (const int m : team.members) out.team_of[m] = team.id;
    out.teams.push_back(std::move(team));
  }
  std::sort(out.teams.begin(), out.teams.end(),
            [](const SuggestedTeam& a, const SuggestedTeam& b) { return a.id < b.id; });
  const PairScorer scorer(population, settings.weights);
  for (SuggestedTeam& team : out.teams) {
    std::set<int> countries;
    for (std::size_t x = 0; x < team.members.size(); ++x) {
      const MemberRecord& r = population.record(team.members[x]);
      team.has_creative = team.has_creative || r.sector_class == SectorClass::Creative;
      team.has_growth = team.has_growth || r.sector_class == SectorClass::Growth;
      countries.insert(r.country);
      for (std::size_t y = x + 1; y < team.members.size(); ++y)
        team.value += scorer.value(team.members[x], team.members[y]);
    }
    team.countries = static_cast<int>(countries.size());
    team.reasons = explain_team(population, team.members);
    out.pair_value += team.value;
    out.mix_violations += !team.has_creative + !team.has_growth;
    out.single_country_teams += team.members.size() >= 2 && team.countries == 1;
  }
  out.mix_feasible = mix_feasible(population, ids, static_cast<int>(out.teams.size()));
  return out;
}

void finish_objective(TeamFormation& out, const MatchingSettings& settings, bool live) {
  out.objective =
      out.pair_value -
      std::clamp(settings.single_country_penalty, 0.0, kMaxTeamPenalty) * out.single_country_teams;
  if (live) out.objective -= std::clamp(settings.stability_cost, 0.0, kMaxTeamPenalty) * out.moved;
}

template <class Values>
TeamFormation solve_fresh(const Population& population, const MatchingSettings& settings,
                          const std::vector<int>& ids, const Values& values,
                          CandidateLists& candidates, const Bounds& bounds, SearchBudget& budget,
                          Rng& rng) {
  detail::TeamSearch<Values> search(values, people_of(population, ids), bounds.teams,
                                    config_for(bounds, settings, false), candidates,
                                    /*gain_matrix=*/std::is_same_v<Values, DenseValues>);
  search.construct(rng);
  search.descend_all(rng, budget);
  search.iterate(rng, budget);
  std::vector<int> team_ids(static_cast<std::size_t>(bounds.teams));
  for (int t = 0; t < bounds.teams; ++t) team_ids[t] = t;
  TeamFormation out = assemble(population, settings, ids, search, team_ids, bounds);
  finish_objective(out, settings, false);
  out.steps = budget.steps();
  return out;
}

}  // namespace

double team_pair_value(const Population& population, const ScoreWeights& weights, int a, int b) {
  return PairScorer(population, weights).value(a, b);
}

TeamFormation form_teams(const Population& population, const MatchingSettings& settings,
                         SearchBudget& budget, std::uint64_t seed) {
  const std::vector<int> ids = matchable_ids(population);
  const int n = static_cast<int>(ids.size());
  const int upper = clamp_upper(settings);
  const Bounds bounds = bounds_for(n, n >= 2 ? (n + upper - 1) / upper : 0, settings);
  if (bounds.teams == 0) {
    TeamFormation out;
    out.team_of.assign(static_cast<std::size_t>(population.size()), -1);
    out.size_lower = bounds.lower;
    out.size_upper = bounds.upper;
    out.mix_feasible = true;
    return out;
  }
  const PairScorer scorer(population, settings.weights);
  Rng rng(seed);
  CandidateLists candidates(n, std::min(kCandidateWidth, n - 1));
  if (n <= kDenseLimit) {
    DenseValues values;
    values.n = n;
    values.d.assign(static_cast<std::size_t>(n) * n, 0);
    for (int a = 0; a < n; ++a) {
      for (int b = a + 1; b < n; ++b) {
        const auto v = DenseValues::quantise(scorer.value(ids[a], ids[b]));
        values.d[static_cast<std::size_t>(a) * n + b] = v;
        values.d[static_cast<std::size_t>(b) * n + a] = v;
      }
    }
    candidates.build_exact(values);
    return solve_fresh(population, settings, ids, values, candidates, bounds, budget, rng);
  }
  const LiveValues values{&scorer, &ids};
  if (n <= kExactCandidateLimit) {
    candidates.build_exact(values);
  } else {
    candidates.build_approximate(values, rng, kCandidateSample, kCandidateRounds);
  }
  return solve_fresh(population, settings, ids, values, candidates, bounds, budget, rng);
}

TeamFormation reoptimise_teams(const Population& population, const MatchingSettings& settings,
                               const std::vector<int>& previous_team_of, SearchBudget& budget,
                               std::uint64_t seed, const std::vector<int>& changed) {
  const std::vector<int> ids = matchable_ids(population);
  const int n = static_cast<int>(ids.size());
  const PairScorer scorer(population, settings.weights);
  const LiveValues values{&scorer, &ids};
  const int upper = clamp_upper(settings);
  const int lower = clamp_lower(settings);
  const auto previous_of = [&](int index) {
    return index < static_cast<int>(previous_team_of.size()) ? previous_team_of[index] : -1;
  };

  // Previous teams that still have members, by id; their members by the value they hold there.
  std::map<int, std::vector<int>> kept;  // id -> local ids
  std::vector<int> unplaced;
  for (int k = 0; k < n; ++k) {
    const int id = previous_of(ids[k]);
    if (id >= 0) {
      kept[id].push_back(k);
    } else {
      unplaced.push_back(k);
    }
  }
  for (auto& [id, members] : kept) {
    if (static_cast<int>(members.size()) <= upper) continue;
    // A team grown past the maximum (the settings changed) keeps the members who add most.
    std::vector<std::pair<double, int>> held;
    for (const int x : members) {
      double sum = 0;
      for (const int y : members) sum += x == y ? 0.0 : values(x, y);
      held.emplace_back(-sum, x);
    }
    std::sort(held.begin(), held.end());
    members.clear();
    for (std::size_t k = 0; k < held.size(); ++k) {
      (static_cast<int>(k) < upper ? members : unplaced).push_back(held[k].second);
    }
    std::sort(members.begin(), members.end());
  }
  const int needed = n >= 2 ? (n + upper - 1) / upper : 0;
  // Too many teams to give each the minimum: dissolve the smallest (then the highest id).
  while (static_cast<int>(kept.size()) > needed && static_cast<int>(kept.size()) * lower > n) {
    auto smallest = kept.begin();
    for (auto it = kept.begin(); it != kept.end(); ++it) {
      if (it->second.size() <= smallest->second.size()) smallest = it;
    }
    unplaced.insert(unplaced.end(), smallest->second.begin(), smallest->second.end());
    kept.erase(smallest);
  }
  std::sort(unplaced.begin(), unplaced.end());

  const int teams = std::max(static_cast<int>(kept.size()), needed);
  const Bounds bounds = bounds_for(n, teams, settings);
  std::vector<int> team_ids;
  int next_id = 0;
  for (const auto& [id, members] : kept) {
    team_ids.push_back(id);
    next_id = std::max(next_id, id + 1);
  }
  for (int id : previous_team_of) next_id = std::max(next_id, id + 1);
  while (static_cast<int>(team_ids.size()) < teams) team_ids.push_back(next_id++);

  std::vector<detail::TeamPerson> people = people_of(population, ids);
  {
    int t = 0;
    for (const auto& [id, members] : kept) {
      for (const int k : members) people[k].previous = t;
      ++t;
    }
  }
  CandidateLists candidates(n, std::max(0, std::min(kCandidateWidth, n - 1)));
  detail::TeamSearch<LiveValues> search(values, std::move(people), teams,
                                        config_for(bounds, settings, true), candidates);
  {
    int t = 0;
    for (const auto& [id, members] : kept) {
      for (const int k : members) search.place(k, t);
      ++t;
    }
  }

  Rng rng(seed);
  // Newcomers fill new teams first when they are just enough for them; a new team still short
  // is completed from one other team; any other short team pulls the cheapest members.
  search.assign_greedily(unplaced, rng, /*exhaustive=*/true);
  for (int t = static_cast<int>(kept.size()); t < teams; ++t) search.fill_new_team_from_one(t);
  search.fill_short_teams();

  // The local search starts around the change: newcomers, edited profiles, and the members of
  // every team that differs from before.
  std::vector<int> local_of(static_cast<std::size_t>(population.size()), -1);
  for (int k = 0; k < n; ++k) local_of[ids[k]] = k;
  std::vector<int> focus = unplaced;
  for (const int index : changed) {
    if (index >= 0 && index < population.size() && local_of[index] >= 0)
      focus.push_back(local_of[index]);
  }
  {
    std::vector<char> seen_team(static_cast<std::size_t>(teams), 0);
    for (int k = 0; k < n; ++k) {
      const int t = search.team_of(k);
      if (t < 0) continue;
      const bool differs = t >= static_cast<int>(kept.size()) || team_ids[t] != previous_of(ids[k]);
      if (differs) seen_team[t] = 1;
    }
    for (const int k : focus) {
      if (search.team_of(k) >= 0) seen_team[search.team_of(k)] = 1;
    }
    for (int t = 0; t < teams; ++t) {
      if (!seen_team[t]) continue;
      for (int x = 0; x < search.size_of(t); ++x) focus.push_back(search.members(t)[x]);
    }
  }
  std::sort(focus.begin(), focus.end());
  focus.erase(std::unique(focus.begin(), focus.end()), focus.end());
  search.descend_from(focus, budget);
  if (!focus.empty()) {
    SearchBudget local(
        kLiveStepsPerPerson * focus.size(), [&budget] { return budget.exhausted(); }, 16);
    search.iterate(rng, local, focus);
  }

  TeamFormation out = assemble(population, settings, ids, search, team_ids, bounds);
  // What changed against the previous teams.
  std::map<int, std::vector<int>> before;
  for (int index = 0; index < static_cast<int>(previous_team_of.size()); ++index) {
    if (previous_team_of[index] >= 0) before[previous_team_of[index]].push_back(index);
  }
  for (int k = 0; k < n; ++k) {
    const int was = previous_of(ids[k]);
    if (was >= 0 && out.team_of[ids[k]] != was) ++out.moved;
  }
  std::set<int> all_ids;
  for (const auto& [id, members] : before) all_ids.insert(id);
  std::map<int, const std::vector<int>*> after;
  for (const SuggestedTeam& team : out.teams) {
    all_ids.insert(team.id);
    after[team.id] = &team.members;
  }
  for (const int id : all_ids) {
    const auto b = before.find(id);
    const auto a = after.find(id);
    if (b == before.end() || a == after.end() || b->second != *a->second) ++out.teams_changed;
  }
  finish_objective(out, settings, true);
  out.steps = budget.steps();
  return out;
}

TeamCheck check_teams(const Population& population, const MatchingSettings& settings,
                      const std::vector<int>& team_of, int size_lower, int size_upper) {
  TeamCheck check;
  const PairScorer scorer(population, settings.weights);
  std::map<int, std::vector<int>> teams;
  int matchable = 0;
  for (int i = 0; i < population.size(); ++i) matchable += population.matchable(i);
  for (int i = 0; i < population.size(); ++i) {
    const int t = i < static_cast<int>(team_of.size()) ? team_of[i] : -1;
    // A lone matchable participant forms no team.
    if ((population.matchable(i) && matchable >= 2) != (t >= 0)) check.everyone_once = false;
    if (t >= 0) teams[t].push_back(i);
  }
  if (static_cast<int>(team_of.size()) > population.size()) {
    for (std::size_t i = population.size(); i < team_of.size(); ++i) {
      if (team_of[i] >= 0) check.everyone_once = false;
    }
  }
  for (const auto& [id, members] : teams) {
    const int size = static_cast<int>(members.size());
    if (size < size_lower || size > size_upper) check.sizes_ok = false;
    bool creative = false, growth = false;
    std::set<int> countries;
    for (std::size_t x = 0; x < members.size(); ++x) {
      const MemberRecord& r = population.record(members[x]);
      creative = creative || r.sector_class == SectorClass::Creative;
      growth = growth || r.sector_class == SectorClass::Growth;
      countries.insert(r.country);
      for (std::size_t y = x + 1; y < members.size(); ++y)
        check.pair_value += scorer.value(members[x], members[y]);
    }
    check.mix_violations += !creative + !growth;
    check.single_country_teams += size >= 2 && countries.size() == 1;
  }
  return check;
}

}  // namespace crossmatch::core
