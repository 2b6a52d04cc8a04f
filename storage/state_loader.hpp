// Reads an event's whole state back from the derived tables, and the calendar history beside it.
#pragma once

#include <SQLiteCpp/Database.h>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/taxonomy.hpp"
#include "storage/event_store.hpp"

namespace crossmatch::storage::detail {

// The state with its slots and indexes rebuilt. A value that cannot be what our own code wrote
// gives a "corrupt" error naming the table, row and column. Throws SQLite::Exception.
core::Result<core::EventState> read_state(SQLite::Database& db, const core::Taxonomy& taxonomy);

// Throws SQLite::Exception.
CalendarHistory read_calendar_history(SQLite::Database& db);

}  // namespace crossmatch::storage::detail
