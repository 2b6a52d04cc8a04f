// Why a team was put together, in the reader's language: the reasons a published round or the
// hub's suggestion carries were written by whoever made them, in their language; the client
// explains the same members again from its own copy of their profiles.
#pragma once

#include <string>
#include <vector>

#include "app/client/state/population_cache.hpp"
#include "core/event/ids.hpp"

namespace crossmatch::client {

// The reasons for `members` from `cache` (refreshed by the caller), or `stored` when a member's
// profile is not in it (erased, or not yet received).
std::string team_reasons_now(const PopulationCache& cache,
                             const std::vector<core::ParticipantId>& members,
                             const std::string& stored);

}  // namespace crossmatch::client
