// Writing iCalendar text (RFC 5545): content lines folded at 75 octets and ended by CRLF, TEXT
// values escaped, local date-times, and a VTIMEZONE built from the tz database.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/time_zone.hpp"

namespace crossmatch::storage {

class ICalendarWriter {
 public:
  // NAME:value, folded; `value` is written as given (already escaped where it is TEXT).
  void line(std::string_view name, std::string_view value);
  // NAME:value with a TEXT value escaped (backslash, semicolon, comma, line breaks).
  void text(std::string_view name, std::string_view value);
  // A VTIMEZONE for `zone` covering [from, to] (unix seconds): the offset in force at `from` and
  // every change up to `to`.
  void time_zone(const TimeZone& zone, std::int64_t from, std::int64_t to);

  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

std::string escape_text(std::string_view value);
// "20260514T092000" from days since the epoch and minutes since midnight.
std::string local_date_time(std::int64_t days, int minutes);
// "20260514T072000Z" from unix seconds.
std::string utc_date_time(std::int64_t seconds);

}  // namespace crossmatch::storage
