// One-to-one rounds (speed networking): everyone matchable paired for the round, no pair repeated
// from earlier rounds, maximising the total pair score; an odd participant out joins a pair as a
// trio. A maximum-weight matching found by greedy construction, 2-opt descent and iterated local
// search over candidate partners.
#pragma once

#include <cstdint>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/matching/matching_settings.hpp"
#include "core/matching/population.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core {

struct MeetingRound {
  // Pairs, and trios for people left over; population indices ascending within a group,
  // groups ordered by their first member.
  std::vector<std::vector<int>> groups;
  // The matching the groups are built on: each group's pair before a trio's third member joined
  // (population indices, smaller first).
  std::vector<std::pair<int, int>> matching;
  double pairs_score = 0;  // sum of the scores of the matched pairs (a trio's first pair only)
  double total_score = 0;  // sum over every pair that meets (a trio counts its three pairs)
  int trios = 0;
  std::vector<int> unpaired;  // matchable participants with no allowed partner left
  std::uint64_t steps = 0;
};

// Who has met whom in earlier rounds.
class MeetingHistory {
 public:
  void add(int a, int b);
  void add_round(const MeetingRound& round);  // every pair inside every group
  bool met(int a, int b) const;
  std::size_t size() const { return pairs_.size(); }

 private:
  static std::uint64_t key(int a, int b);
  std::unordered_set<std::uint64_t> pairs_;
};

// The next round for everyone matchable (present, active, consenting). Pairs must be allowed
// (common language, other organisations, no declined request) and not in the history. The
// number of pairs comes first, then their total score. Deterministic for a seed under a step
// budget.
MeetingRound plan_round(const Population& population, const ScoreWeights& weights,
                        const MeetingHistory& history, SearchBudget& budget, std::uint64_t seed);

// The allowed, not yet met pairs of the matchable participants with their scores, for checking
// a round against an exact matching: local ids index `participants`.
struct RoundGraph {
  std::vector<int> participants;  // population indices
  struct Edge {
    int a, b;  // local ids, a < b
    double score;
  };
  std::vector<Edge> edges;
};
RoundGraph round_graph(const Population& population, const ScoreWeights& weights,
                       const MeetingHistory& history);

}  // namespace crossmatch::core
