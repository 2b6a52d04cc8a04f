// For the export tests: reading exports back with Debian's Python and its real parsers (the csv
// module, python3-icalendar), as another program would.
#pragma once

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/storage/storage_fixture.hpp"

namespace crossmatch::test {

// Prints JSON: for "csv FILE" (or "csv-sig FILE", which starts with a byte-order mark) the rows
// as objects; for "ics FILE" the calendar's events, each
// with its time read three ways: as written, through the file's own VTIMEZONE, and through
// Python's zoneinfo for the TZID.
inline constexpr const char* kReadBackScript = R"py(
import csv, json, sys
from datetime import timezone
from zoneinfo import ZoneInfo
import icalendar

kind, path = sys.argv[1], sys.argv[2]
if kind in ("csv", "csv-sig"):
    # csv-sig: as spreadsheet programs read it, a UTF-8 byte-order mark first
    with open(path, newline="", encoding="utf-8-sig" if kind == "csv-sig" else "utf-8") as f:
        print(json.dumps(list(csv.DictReader(f))))
    sys.exit(0)
with open(path, "rb") as f:
    data = f.read()
assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
for line in data.split(b"\r\n"):
    assert len(line) <= 75, line
cal = icalendar.Calendar.from_ical(data)
zones = {str(z["TZID"]): z.to_tz() for z in cal.walk("VTIMEZONE")}
events = []
for ev in cal.walk("VEVENT"):
    item = {}
    for key in ("UID", "SUMMARY", "LOCATION", "DESCRIPTION", "STATUS"):
        if key in ev:
            item[key.lower()] = str(ev[key])
    item["sequence"] = int(ev["SEQUENCE"])
    for key in ("DTSTART", "DTEND"):
        prop = ev[key]
        tzid = str(prop.params["TZID"])
        local = prop.dt.replace(tzinfo=None)
        own = zones[tzid].localize(local).astimezone(timezone.utc)
        system = local.replace(tzinfo=ZoneInfo(tzid)).astimezone(timezone.utc)
        item[key.lower()] = {"local": local.isoformat(), "tzid": tzid,
                             "utc_own": own.isoformat(), "utc_zoneinfo": system.isoformat()}
    item["dtstamp"] = ev["DTSTAMP"].dt.isoformat()
    events.append(item)
print(json.dumps({"name": str(cal.get("X-WR-CALNAME", "")), "events": events}))
)py";

// Debian's interpreter, where python3-icalendar is installed.
inline std::string python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

inline nlohmann::json read_back(const TempDir& dir, const std::string& kind,
                                const std::string& text) {
  const auto script = dir / "read_back.py";
  if (!std::filesystem::exists(script)) write_bytes(script, kReadBackScript);
  const auto input = dir / ("input." + kind);
  write_bytes(input, text);
  const std::string command =
      python() + " " + script.string() + " " + kind + " " + input.string() + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    output.append(buffer, n);
  const int status = ::pclose(pipe);
  REQUIRE_MESSAGE(status == 0, "python could not read the " << kind << ":\n" << output);
  auto json = nlohmann::json::parse(output, nullptr, false);
  REQUIRE_MESSAGE(!json.is_discarded(), output);
  return json;
}

}  // namespace crossmatch::test
