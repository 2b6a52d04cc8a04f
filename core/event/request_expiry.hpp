// Request expiry: a request that awaits its answer longer than the organiser's setting
// (EventSettings::request_expiry_minutes) expires, and an offer of a freed slot (refill.hpp) lapses
// when its slot starts, whatever the setting. The hub looks for due ones now and then and submits
// an expire_request for each; applying it checks the deadline against the operation's own time
// (the hub's), so every replica decides alike.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/event/event_state.hpp"
#include "core/event/local_time.hpp"

namespace crossmatch::core {

// The setting is off (0) or between these, in minutes: 15 minutes to 3 days.
inline constexpr int kMinRequestExpiryMinutes = 15;
inline constexpr int kMaxRequestExpiryMinutes = 3 * 24 * 60;
// The choices the organiser's screen offers.
inline constexpr std::array<int, 8> kRequestExpiryChoices = {0, 15, 30, 60, 120, 240, 1440, 4320};

// True for a request that can expire: a participant's request (not a broker's introduction)
// still awaiting an answer.
bool expires(const Meeting& m);

// True for an offer of a freed slot still awaiting an answer: it lapses when its slot starts.
bool lapses(const Meeting& m);

// Unix milliseconds at which the request expires under the event's setting, or the offer lapses
// (its slot's start, through `local_to_utc`), or 0: never (the setting is off, or the meeting is
// neither a pending request nor a pending offer).
std::int64_t expiry_deadline(const EventState& state, const Meeting& m,
                             const LocalToUtc& local_to_utc = {});

// The pending requests and offers whose deadline is at or before `now_ms`, earliest deadline
// first, at most `limit`.
std::vector<MeetingId> due_expiries(const EventState& state, std::int64_t now_ms, std::size_t limit,
                                    const LocalToUtc& local_to_utc = {});

// "off", "15 min", "1 h", "1 day", "3 days"
std::string format_expiry(int minutes);

}  // namespace crossmatch::core
