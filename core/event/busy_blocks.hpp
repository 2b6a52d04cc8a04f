// Busy blocks: plenary sessions (a keynote, the opening) during which no meeting is placed. A
// meeting slot that overlaps one in time is closed to everyone, whatever session it is in.
#pragma once

#include <string>

#include "core/event/event_state.hpp"

namespace crossmatch::core {

// The plenary session overlapping this slot, or nullptr (also for a slot that does not exist).
const Session* busy_block_at(const EventState& state, SlotRef slot);

// True when the two sessions' times overlap (same day, start before the other's end).
bool sessions_overlap(const Session& a, const Session& b);

// "the plenary session 'Opening', Thu 14 May 9:00-9:45"
std::string describe_busy_block(const Session& plenary);

}  // namespace crossmatch::core
