// Booking rules: when a person and a table are free, where an accepted meeting goes, and which
// slots to offer instead when the asked one is taken.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/event/event_state.hpp"

namespace crossmatch::core {

// Why this person cannot meet at this slot, as a clause naming them, in the current language
// ("Bo Berg has a meeting with Ana Silva then", "Bo Berg marked this slot unavailable", "Bo Berg
// attends only in the afternoon", "Bo Berg is at the plenary session 'Opening', ..." for a slot
// overlapping a busy block), or empty when they can.
// A meeting in `ignore` does not count (the one being moved).
std::string person_conflict(const EventState& state, ParticipantId person, SlotRef slot,
                            MeetingId ignore = 0);

// The team round this person is in at this slot, or null.
const TeamRound* team_round_at(const EventState& state, ParticipantId person, SlotRef slot);

// The free table with the fewest seats that still seats `people`, or 0.
TableId free_table(const EventState& state, SlotRef slot, int people, MeetingId ignore = 0);

// Every slot of the one-to-one meeting sessions, in time order.
std::vector<SlotRef> meeting_slots(const EventState& state);

// Where a meeting of a and b can go: the first free preferred slot, else the earliest common
// free slot of any meeting session, each with a free table; nothing when there is none.
std::optional<Placement> find_placement(const EventState& state, ParticipantId a, ParticipantId b,
                                        const std::vector<SlotRef>& preferred);

// Up to `count` common free slots (with a free table) nearest in time to `around`.
std::vector<SlotRef> nearest_free_slots(const EventState& state, ParticipantId a, ParticipantId b,
                                        SlotRef around, std::size_t count);

}  // namespace crossmatch::core
