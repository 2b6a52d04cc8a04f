// A time zone from the system's tz database (TZif files, RFC 8536, in $TZDIR or
// /usr/share/zoneinfo): the UTC offset at any moment and the changes between two moments, for
// calendars in the event's own time zone.
//
// Read here rather than through Howard Hinnant's date/tz as Debian builds it (3.0.1, USE_OS_TZDB):
// that reads the files' listed changes but not the rule they end with, so past the last listed
// change it keeps the last offset. With Debian's tzdata (changes listed up to 2037) that gave wrong
// offsets from 2038 on in 199 of the 598 zones, and with files as zic writes them by default
// ("-b slim": no changes listed once a rule covers them) it is wrong today; its own reader of such
// rules (date/ptz.h) does not compile as C++20 and refuses rules with negative times
// (America/Nuuk). Loading and converting cost the same either way (bench/README.md, Storage).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/event/local_time.hpp"

namespace crossmatch::storage {

struct ZoneOffset {
  int utc_offset = 0;  // seconds east of UTC
  bool dst = false;
  std::string abbreviation;  // "WEST"
  bool operator==(const ZoneOffset&) const = default;
};

struct ZoneTransition {
  std::int64_t at = 0;  // unix seconds (UTC) from which `after` applies
  ZoneOffset before, after;
};

class TimeZone {
 public:
  // The zone by its IANA name ("Europe/Lisbon"); a name that is not in the tz database, or a
  // file that is not TZif, is refused with a clear error.
  static core::Result<TimeZone> load(std::string_view name);
  // From a TZif file's bytes.
  static core::Result<TimeZone> parse(std::string_view name, std::string_view tzif);
  // Where the tz database is: $TZDIR, else /usr/share/zoneinfo.
  static std::string database_folder();

  const std::string& name() const { return name_; }
  ZoneOffset offset_at(std::int64_t utc) const;
  // The changes with from < at <= to, in order.
  std::vector<ZoneTransition> transitions(std::int64_t from, std::int64_t to) const;
  // The UTC moment of a local wall-clock time (seconds since the epoch as if local were UTC):
  // in a gap (clocks going forward) the moment the gap ends, in an overlap the earlier one.
  std::int64_t to_utc(std::int64_t local) const;

  // A rule of the POSIX TZ form ("WET0WEST,M3.5.0/1,M10.5.0") that TZif files end with, for
  // times after their last listed change.
  struct Rule {
    ZoneOffset standard, daylight;
    bool has_daylight = false;
    struct When {
      char kind = 'M';  // 'J' (day 1-365, no 29 February), 'D' (day 0-365), 'M' (month.week.day)
      int day = 0, week = 0, month = 0;
      int time = 7200;  // seconds after local midnight; may be negative or past a day
    } start, end;
    // The two changes of a year, in UTC, in order of time.
    std::vector<ZoneTransition> changes(int year) const;
  };
  static std::optional<Rule> parse_rule(std::string_view text);

 private:
  std::string name_;
  std::vector<std::int64_t> times_;  // listed changes, ascending
  std::vector<std::size_t> kinds_;   // offset after each change: index into offsets_
  std::vector<ZoneOffset> offsets_;
  std::optional<Rule> rule_;
};

// The event's local times in UTC through the tz database, for the hub's sequencer (when slots
// start): each zone is loaded once; a zone that cannot be loaded is taken as UTC.
core::LocalToUtc tz_database_local_to_utc();

}  // namespace crossmatch::storage
