// Why a meeting was not placed, in words an organiser can act on. Internal to the scheduler.
#pragma once

#include <vector>

#include "core/error.hpp"
#include "core/scheduling/schedule_model.hpp"
#include "core/scheduling/schedule_problem.hpp"

namespace crossmatch::core::scheduling {

// For a meeting no schedule can place (empty domain): no table large enough, conflicting
// time-of-day requirements, a person unavailable throughout, no common free slot, or every
// common free slot taken by kept meetings.
Error unplaceable_reason(const Problem& problem, const Model& model, int meeting);

// For a meeting the search left out: what blocks each slot it could have had in the final
// schedule (`slot_of` per meeting, -1 when not placed; `load[slot * classes + k]` the placed
// movable meetings of class >= k).
Error crowded_out_reason(const Problem& problem, const Model& model, int meeting,
                         const std::vector<int>& slot_of, const std::vector<int>& load);

}  // namespace crossmatch::core::scheduling
