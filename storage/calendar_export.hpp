// The event's calendars as iCalendar (RFC 5545): one for the whole event, one per participant.
// Every entry has a UID that stays the same for the event's life and a SEQUENCE that grows with
// every change, so importing a newer export updates entries instead of adding them again;
// cancelled meetings stay as STATUS:CANCELLED; times are in the event's time zone (TZID with a
// VTIMEZONE from the tz database).
#pragma once

#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "storage/event_store.hpp"

namespace crossmatch::storage {

// Sessions, every booked meeting (and every cancelled one that had been booked), every team of
// every published round, and every policy-clinic table. `now_ms` is the export's time (DTSTAMP).
core::Result<std::string> event_calendar(const core::EventState& state,
                                         const CalendarHistory& history, std::int64_t now_ms);

// One participant's meetings (booked, or cancelled after booking), their teams and clinic tables,
// and the programme's pitching and policy-clinic sessions. An erased participant has none.
core::Result<std::string> participant_calendar(const core::EventState& state,
                                               const CalendarHistory& history,
                                               core::ParticipantId participant,
                                               std::int64_t now_ms);

}  // namespace crossmatch::storage
