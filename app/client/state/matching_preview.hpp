// The organiser's preview of new matching settings before they are sent: how many sampled
// participants would see a different top three of suggestions, and the team sizes that follow.
#pragma once

#include "app/client/state/population_cache.hpp"
#include "core/matching/matching_settings.hpp"

namespace crossmatch::client {

struct MatchingPreview {
  int sampled = 0;                // participants whose suggestions were compared
  int top_changed = 0;            // ... whose top three would change
  int matchable = 0;              // people teams are formed from
  int teams = 0;                  // teams under the draft sizes
  int smallest = 0, largest = 0;  // team sizes under the draft
  int teams_now = 0;              // teams under the current sizes
};

// Compares the current and draft settings on up to `sample` participants spread over the event.
MatchingPreview preview_matching(const PopulationCache& cache,
                                 const core::MatchingSettings& current,
                                 const core::MatchingSettings& draft, int sample = 60);

}  // namespace crossmatch::client
