// A lower bound on the breaks of any schedule that places every placeable meeting, so the search
// can stop once it is reached. Internal to the scheduler.
#pragma once

#include "core/scheduling/schedule_model.hpp"

namespace crossmatch::core::scheduling {

// The sum over participants of the fewest breaks each could have alone: their meetings matched
// to distinct allowed slots forming one run (0 breaks) or two runs (1 break) of one day.
// Participants whose meetings may fall on several days count 0.
int breaks_lower_bound(const Model& model);

}  // namespace crossmatch::core::scheduling
