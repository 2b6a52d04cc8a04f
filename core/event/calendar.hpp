// Dates and times of day as the event uses them: "2026-05-14" and "09:20", in the event's time
// zone, converted to day numbers and minutes for arithmetic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace crossmatch::core {

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t days_from_civil(int year, int month, int day);

// Parses "YYYY-MM-DD" (a real date, years 2000-2199); false when malformed.
bool parse_date(std::string_view text, std::int64_t& days);
std::string format_date(std::int64_t days);
// "Thu 14 May"
std::string format_day_label(std::int64_t days);

// Parses "HH:MM" (00:00-24:00) into minutes since midnight; false when malformed.
bool parse_time_of_day(std::string_view text, int& minutes);
std::string format_time_of_day(int minutes);

// A time-zone name in the IANA form ("Europe/Lisbon", "UTC"): letters, digits, '_', '-', '+'
// and '/'-separated parts. Whether the zone exists is checked where tzdata is at hand.
bool is_plausible_time_zone(std::string_view name);

}  // namespace crossmatch::core
