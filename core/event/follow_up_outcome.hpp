// What came of a held meeting after the event, from the answers of follow-up rounds.
#pragma once

#include <optional>

#include "core/event/event_state.hpp"

namespace crossmatch::core {

// The better of the two people's answers over every follow-up round (an agreement reached at
// three months stays reached), or nothing when neither answered.
std::optional<FollowUpOutcome> meeting_outcome(const EventState& state, MeetingId meeting);

}  // namespace crossmatch::core
