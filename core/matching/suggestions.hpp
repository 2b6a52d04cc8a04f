// Partner suggestions: for one participant, the top k others by pair score with the reasons
// that weighed most. One pass over the population; ties go to the lower index.
#pragma once

#include <cstdint>
#include <vector>

#include "core/matching/pair_reasons.hpp"
#include "core/matching/pair_score.hpp"

namespace crossmatch::core {

struct Suggestion {
  int participant = -1;  // population index
  double score = 0;      // the pair score, in [0, 1]
  double rank = 0;       // what the list is ordered by: the score plus any pitch-interest lift
  std::uint8_t pitch_interest = 0;  // Population::kViewerInterested / kOtherInterested bits
  ScoreBreakdown breakdown;
  std::vector<Reason> reasons;
};

// What a pair gains in the ranking when one tapped "interested" during the other's pitch: about
// the gap between a middling and a top suggestion, so the pair rises to the top of both lists
// without hiding everyone else. The pair's score itself does not change.
inline constexpr double kPitchInterestLift = 0.3;

// The k best others for `viewer`, best first by rank (score, plus kPitchInterestLift when one of
// the two tapped "interested" during the other's pitch; that pair's reasons then open with
// "interested in your pitch" or "you were interested in their pitch"). Only matchable participants
// (present, active, consenting) whose pair with the viewer is allowed (common language, other
// organisation, no declined request) are suggested, and none listed in `exclude` (say, people
// already met). The viewer needs a present slot but not consent: a participant who hides from
// others may still browse. O(N) pair scores plus O(k log k).
std::vector<Suggestion> suggest_partners(const PairScorer& scorer, int viewer, int k,
                                         const std::vector<int>& exclude = {},
                                         int max_reasons = kDefaultReasons);

}  // namespace crossmatch::core
