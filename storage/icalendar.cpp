#include "storage/icalendar.hpp"

#include <cstdio>
#include <cstdlib>

#include "core/event/calendar.hpp"

namespace crossmatch::storage {
namespace {

std::string compact_date(std::int64_t days) {
  const std::string d = core::format_date(days);  // "2026-05-14"
  return d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2);
}

std::string offset_text(int seconds) {
  const char sign = seconds < 0 ? '-' : '+';
  const int s = std::abs(seconds);
  char buffer[16];
  if (s % 60 != 0) {
    std::snprintf(buffer, sizeof buffer, "%c%02d%02d%02d", sign, s / 3600, (s / 60) % 60, s % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%c%02d%02d", sign, s / 3600, (s / 60) % 60);
  }
  return buffer;
}

std::string seconds_to_local(std::int64_t local) {
  std::int64_t days = local / 86400;
  std::int64_t rest = local % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "T%02d%02d%02d", static_cast<int>(rest / 3600),
                static_cast<int>((rest / 60) % 60), static_cast<int>(rest % 60));
  return compact_date(days) + buffer;
}

}  // namespace

std::string escape_text(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < value.size() && value[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string local_date_time(std::int64_t days, int minutes) {
  return seconds_to_local(days * 86400 + static_cast<std::int64_t>(minutes) * 60);
}

std::string utc_date_time(std::int64_t seconds) {
  return seconds_to_local(seconds) + "Z";
}

void ICalendarWriter::line(std::string_view name, std::string_view value) {
  std::string content(name);
  content += ':';
  content += value;
  // Fold after 75 octets, never inside a UTF-8 sequence; continuation lines start with a space.
  std::size_t start = 0, limit = 75;
  while (content.size() - start > limit) {
    std::size_t cut = start + limit;
    while (cut > start && (static_cast<unsigned char>(content[cut]) & 0xC0) == 0x80) --cut;
    out_.append(content, start, cut - start);
    out_ += "\r\n ";
    start = cut;
    limit = 74;  // the leading space counts
  }
  out_.append(content, start, std::string::npos);
  out_ += "\r\n";
}

void ICalendarWriter::text(std::string_view name, std::string_view value) {
  line(name, escape_text(value));
}

void ICalendarWriter::time_zone(const TimeZone& zone, std::int64_t from, std::int64_t to) {
  line("BEGIN", "VTIMEZONE");
  line("TZID", zone.name());
  const auto component = [&](const ZoneOffset& before, const ZoneOffset& after, std::int64_t at) {
    const char* kind = after.dst ? "DAYLIGHT" : "STANDARD";
    line("BEGIN", kind);
    // The onset as the local time before it.
    line("DTSTART", seconds_to_local(at + before.utc_offset));
    line("TZOFFSETFROM", offset_text(before.utc_offset));
    line("TZOFFSETTO", offset_text(after.utc_offset));
    if (!after.abbreviation.empty()) text("TZNAME", after.abbreviation);
    line("END", kind);
  };
  const ZoneOffset initial = zone.offset_at(from);
  component(initial, initial, from);
  for (const ZoneTransition& t : zone.transitions(from, to)) component(t.before, t.after, t.at);
  line("END", "VTIMEZONE");
}

}  // namespace crossmatch::storage
