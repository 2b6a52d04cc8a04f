// Keeps EventState::index (bookings by person, table and pair; statistics counters) in step with
// every change, and rebuilds it after a state is loaded.
#pragma once

#include "core/event/event_state.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::core {

// Adds (sign = +1) or removes (-1) everything a meeting contributes to the index, except the
// per-person and per-pair lists, which hold every meeting once it exists.
void account_meeting(EventState& state, const Taxonomy& taxonomy, const Meeting& meeting, int sign);

// Adds or removes a participant's contribution to the counters.
void account_participant(EventState& state, const Participant& participant, int sign);

// Registers a new meeting in the per-person and per-pair lists and accounts for it.
void index_new_meeting(EventState& state, const Taxonomy& taxonomy, const Meeting& meeting);

// Recomputes the tables' order by size and which of them each slot has booked; after the tables
// change.
void index_tables(EventState& state);
// The same after one table was added (cheap when it sorts last, as tables defined in a row do).
void index_new_table(EventState& state, TableId table);

// Recomputes every session's slots and the whole index from the state's own data.
void rebuild_index(EventState& state, const Taxonomy& taxonomy);

}  // namespace crossmatch::core
