// When the event's times happen: every session time is local to the event's time zone, and core
// reads no tz database (no I/O), so whoever has one (the hub, through storage's TimeZone) hands a
// conversion in. Without one, local times are taken as UTC.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "core/event/event_state.hpp"

namespace crossmatch::core {

// Unix seconds of a wall-clock time in `zone` (an IANA name), given as seconds since the epoch as
// if local were UTC.
using LocalToUtc = std::function<std::int64_t(std::string_view zone, std::int64_t local_seconds)>;

// Unix milliseconds at which the slot starts, or 0 when there is no such slot.
std::int64_t slot_start_ms(const EventState& state, SlotRef slot, const LocalToUtc& local_to_utc);

}  // namespace crossmatch::core
