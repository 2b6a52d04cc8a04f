// A session's slots: from its start to its end in steps of the slot length, skipping breaks.
#pragma once

#include <vector>

#include "core/event/event_state.hpp"

namespace crossmatch::core {

// Start minutes of the slots; a slot that would overlap a break starts after the break.
std::vector<int> compute_slot_starts(int start, int end, int slot_minutes,
                                     const std::vector<TimeRange>& breaks);

// Fills session.slot_starts from its times.
void compute_slots(Session& session);

// True when the slot exists: its session exists and the index is inside it.
bool slot_exists(const EventState& state, SlotRef slot);

// True when the slot starts before the event's afternoon.
bool is_morning(const EventState& state, SlotRef slot);

// "Thu 14 May 10:20" (and the session name when `with_session`).
std::string describe_slot(const EventState& state, SlotRef slot, bool with_session = false);

}  // namespace crossmatch::core
