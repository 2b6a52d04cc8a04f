// Partner suggestions: for one participant, the top k others by pair score with the reasons
// that weighed most. One pass over the population; ties go to the lower index.
#pragma once

#include <vector>

#include "core/matching/pair_reasons.hpp"
#include "core/matching/pair_score.hpp"

namespace crossmatch::core {

struct Suggestion {
  int participant = -1;  // population index
  double score = 0;
  ScoreBreakdown breakdown;
  std::vector<Reason> reasons;
};

// The k best others for `viewer`, best first. Only matchable participants (present, active,
// consenting) whose pair with the viewer is allowed (common language, other organisation, no
// declined request) are suggested, and none listed in `exclude` (say, people already met).
// The viewer needs a present slot but not consent: a participant who hides from others may
// still browse. O(N) pair scores plus O(k log k).
std::vector<Suggestion> suggest_partners(const PairScorer& scorer, int viewer, int k,
                                         const std::vector<int>& exclude = {},
                                         int max_reasons = kDefaultReasons);

}  // namespace crossmatch::core
