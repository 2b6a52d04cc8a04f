#include "storage/time_zone.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>

#include "core/event/calendar.hpp"

namespace crossmatch::storage {
namespace {

constexpr std::size_t kHeaderBytes = 44;
constexpr std::int64_t kDay = 86400;

std::int64_t be(std::string_view bytes, std::size_t at, std::size_t width) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < width; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
  if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  return static_cast<std::int64_t>(v);
}

core::Error bad_file(std::string_view name, const std::string& why) {
  return core::make_error("invalid_time_zone", "time_zone",
                          "The tz database entry for '" + std::string(name) +
                              "' cannot be read: " + why + ". Reinstall the tzdata package.");
}

int year_of(std::int64_t utc) {
  std::int64_t days = utc / kDay;
  if (utc % kDay < 0) --days;
  const std::string date = core::format_date(days);
  return std::atoi(date.substr(0, 4).c_str());
}

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Days since the epoch of a rule's date in `year`.
std::int64_t rule_day(const TimeZone::Rule::When& w, int year) {
  const std::int64_t jan1 = core::days_from_civil(year, 1, 1);
  if (w.kind == 'J') return jan1 + w.day - 1 + (leap(year) && w.day >= 60 ? 1 : 0);
  if (w.kind == 'D') return jan1 + w.day;
  // Week w (5 = last) of month m, weekday d (0 = Sunday).
  const std::int64_t first = core::days_from_civil(year, w.month, 1);
  const int first_weekday =
      static_cast<int>(((first + 4) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
  std::int64_t day = first + (w.day - first_weekday + 7) % 7 + 7 * (w.week - 1);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int length = kDays[w.month - 1] + (w.month == 2 && leap(year) ? 1 : 0);
  while (day >= first + length) day -= 7;
  return day;
}

// [+-]hh[:mm[:ss]], hours up to 167.
bool parse_hms(std::string_view text, std::size_t& pos, int& seconds) {
  int sign = 1;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-'))
    sign = text[pos++] == '-' ? -1 : 1;
  int parts[3] = {0, 0, 0};
  for (int p = 0; p < 3; ++p) {
    if (p > 0) {
      if (pos >= text.size() || text[pos] != ':') break;
      ++pos;
    }
    const std::size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 3)
      parts[p] = parts[p] * 10 + (text[pos++] - '0');
    if (pos == start) return false;
  }
  if (parts[0] > 167 || parts[1] > 59 || parts[2] > 59) return false;
  seconds = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
  return true;
}

bool parse_abbreviation(std::string_view text, std::size_t& pos, std::string& out) {
  if (pos < text.size() && text[pos] == '<') {
    const std::size_t close = text.find('>', pos);
    if (close == std::string_view::npos) return false;
    out = std::string(text.substr(pos + 1, close - pos - 1));
    pos = close + 1;
    return out.size() >= 3;
  }
  const std::size_t start = pos;
  while (pos < text.size() &&
         ((text[pos] >= 'A' && text[pos] <= 'Z') || (text[pos] >= 'a' && text[pos] <= 'z')))
    ++pos;
  out = std::string(text.substr(start, pos - start));
  return out.size() >= 3;
}

bool parse_when(std::string_view text, std::size_t& pos, TimeZone::Rule::When& w) {
  const auto number = [&](int& out) {
    const std::size_t start = pos;
    out = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 3)
      out = out * 10 + (text[pos++] - '0');
    return pos > start;
  };
  if (pos >= text.size()) return false;
  if (text[pos] == 'M') {
    ++pos;
    w.kind = 'M';
    if (!number(w.month) || pos >= text.size() || text[pos++] != '.' || !number(w.week) ||
        pos >= text.size() || text[pos++] != '.' || !number(w.day))
      return false;
    if (w.month < 1 || w.month > 12 || w.week < 1 || w.week > 5 || w.day > 6) return false;
  } else if (text[pos] == 'J') {
    ++pos;
    w.kind = 'J';
    if (!number(w.day) || w.day < 1 || w.day > 365) return false;
  } else {
    w.kind = 'D';
    if (!number(w.day) || w.day > 365) return false;
  }
  w.time = 7200;
  if (pos < text.size() && text[pos] == '/') {
    ++pos;
    if (!parse_hms(text, pos, w.time)) return false;
  }
  return true;
}

}  // namespace

std::string TimeZone::database_folder() {
  const char* dir = std::getenv("TZDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/usr/share/zoneinfo";
}

std::optional<TimeZone::Rule> TimeZone::parse_rule(std::string_view text) {
  Rule rule;
  std::size_t pos = 0;
  int offset = 0;
  if (!parse_abbreviation(text, pos, rule.standard.abbreviation) || !parse_hms(text, pos, offset))
    return std::nullopt;
  rule.standard.utc_offset = -offset;  // POSIX counts west of UTC as positive
  if (pos == text.size()) return rule;
  if (!parse_abbreviation(text, pos, rule.daylight.abbreviation)) return std::nullopt;
  rule.has_daylight = true;
  rule.daylight.dst = true;
  rule.daylight.utc_offset = rule.standard.utc_offset + 3600;
  if (pos < text.size() && text[pos] != ',') {
    if (!parse_hms(text, pos, offset)) return std::nullopt;
    rule.daylight.utc_offset = -offset;
  }
  if (pos >= text.size() || text[pos++] != ',' || !parse_when(text, pos, rule.start) ||
      pos >= text.size() || text[pos++] != ',' || !parse_when(text, pos, rule.end) ||
      pos != text.size())
    return std::nullopt;
  return rule;
}

std::vector<ZoneTransition> TimeZone::Rule::changes(int year) const {
  if (!has_daylight) return {};
  // The start is given in standard time, the end in daylight time.
  const std::int64_t start =
      rule_day(this->start, year) * kDay + this->start.time - standard.utc_offset;
  const std::int64_t end = rule_day(this->end, year) * kDay + this->end.time - daylight.utc_offset;
  std::vector<ZoneTransition> out = {{start, standard, daylight}, {end, daylight, standard}};
  if (out[1].at < out[0].at) std::swap(out[0], out[1]);
  return out;
}

core::Result<TimeZone> TimeZone::load(std::string_view name) {
  if (!core::is_plausible_time_zone(name))
    return core::make_error(
        "invalid_time_zone", "time_zone",
        "'" + std::string(name) + "' is not a time zone name like 'Europe/Lisbon'.");
  const std::string path = database_folder() + "/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return core::make_error("unknown_time_zone", "time_zone",
                            "Time zone '" + std::string(name) + "' is not in the tz database (" +
                                database_folder() +
                                "); check the event's time zone, or install the tzdata package.");
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  return parse(name, bytes);
}

core::Result<TimeZone> TimeZone::parse(std::string_view name, std::string_view tzif) {
  if (tzif.size() < kHeaderBytes || tzif.substr(0, 4) != "TZif")
    return bad_file(name, "it is not a TZif file");
  const auto counts = [&](std::size_t at, std::int64_t(&c)[6]) {
    for (int i = 0; i < 6; ++i) c[i] = be(tzif, at + 20 + 4 * static_cast<std::size_t>(i), 4);
  };
  std::int64_t c[6];
  counts(0, c);
  const auto block_size = [](const std::int64_t(&c)[6], std::size_t time_bytes) {
    // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    return static_cast<std::size_t>(c[3]) * time_bytes + static_cast<std::size_t>(c[3]) +
           static_cast<std::size_t>(c[4]) * 6 + static_cast<std::size_t>(c[5]) +
           static_cast<std::size_t>(c[2]) * (time_bytes + 4) + static_cast<std::size_t>(c[1]) +
           static_cast<std::size_t>(c[0]);
  };
  for (const auto v : c)
    if (v < 0 || v > 100000) return bad_file(name, "its counts are out of range");
  std::size_t at = 0, time_bytes = 4;
  if (tzif[4] >= '2') {
    // Version 2 and later repeat the data with 64-bit times; use that.
    at = kHeaderBytes + block_size(c, 4);
    if (tzif.size() < at + kHeaderBytes || tzif.substr(at, 4) != "TZif")
      return bad_file(name, "it is truncated");
    counts(at, c);
    for (const auto v : c)
      if (v < 0 || v > 100000) return bad_file(name, "its counts are out of range");
    time_bytes = 8;
  }
  const std::size_t data = at + kHeaderBytes;
  const auto timecnt = static_cast<std::size_t>(c[3]), typecnt = static_cast<std::size_t>(c[4]),
             charcnt = static_cast<std::size_t>(c[5]);
  if (typecnt == 0 || tzif.size() < data + block_size(c, time_bytes))
    return bad_file(name, "it is truncated");
  TimeZone zone;
  zone.name_ = std::string(name);
  const std::size_t types_at = data + timecnt * time_bytes + timecnt;
  const std::size_t chars_at = types_at + typecnt * 6;
  for (std::size_t i = 0; i < typecnt; ++i) {
    ZoneOffset o;
    o.utc_offset = static_cast<int>(be(tzif, types_at + 6 * i, 4));
    o.dst = tzif[types_at + 6 * i + 4] != 0;
    const auto index = static_cast<unsigned char>(tzif[types_at + 6 * i + 5]);
    if (index >= charcnt) return bad_file(name, "an abbreviation is out of range");
    const std::string_view chars = tzif.substr(chars_at, charcnt);
    const std::size_t end = chars.find('\0', index);
    o.abbreviation = std::string(
        chars.substr(index, end == std::string_view::npos ? std::string_view::npos : end - index));
    zone.offsets_.push_back(o);
  }
  for (std::size_t i = 0; i < timecnt; ++i) {
    const std::int64_t t = be(tzif, data + i * time_bytes, time_bytes);
    const auto kind = static_cast<unsigned char>(tzif[data + timecnt * time_bytes + i]);
    if (kind >= typecnt) return bad_file(name, "a change refers to an unknown offset");
    if (!zone.times_.empty() && t <= zone.times_.back())
      return bad_file(name, "its changes are out of order");
    zone.times_.push_back(t);
    zone.kinds_.push_back(kind);
  }
  if (time_bytes == 8) {
    // The footer: "\n<POSIX TZ rule>\n".
    const std::size_t footer = data + block_size(c, 8);
    if (footer < tzif.size() && tzif[footer] == '\n') {
      const std::size_t close = tzif.find('\n', footer + 1);
      if (close != std::string_view::npos && close > footer + 1) {
        zone.rule_ = parse_rule(tzif.substr(footer + 1, close - footer - 1));
        if (!zone.rule_) return bad_file(name, "its closing rule cannot be read");
      }
    }
  }
  return zone;
}

ZoneOffset TimeZone::offset_at(std::int64_t utc) const {
  if (times_.empty() || utc < times_.front()) {
    if (times_.empty() && rule_) {
      ZoneOffset current = rule_->standard;
      for (const auto& change : rule_->changes(year_of(utc))) {
        if (utc >= change.at) current = change.after;
      }
      return current;
    }
    return offsets_.front();  // RFC 8536: before the first change, the first offset
  }
  if (rule_ && utc >= times_.back()) {
    ZoneOffset current = offsets_[kinds_.back()];
    for (int year = year_of(times_.back()); year <= year_of(utc); ++year) {
      for (const auto& change : rule_->changes(year)) {
        if (change.at > times_.back() && change.at <= utc) current = change.after;
      }
    }
    return current;
  }
  const auto it = std::upper_bound(times_.begin(), times_.end(), utc);
  return offsets_[kinds_[static_cast<std::size_t>(it - times_.begin()) - 1]];
}

std::vector<ZoneTransition> TimeZone::transitions(std::int64_t from, std::int64_t to) const {
  std::vector<ZoneTransition> out;
  for (std::size_t i = 0; i < times_.size(); ++i) {
    if (times_[i] <= from || times_[i] > to) continue;
    const ZoneOffset before = i == 0 ? offsets_.front() : offsets_[kinds_[i - 1]];
    const ZoneOffset after = offsets_[kinds_[i]];
    if (!(before == after)) out.push_back({times_[i], before, after});
  }
  if (rule_ && rule_->has_daylight) {
    const std::int64_t listed_until = times_.empty() ? INT64_MIN : times_.back();
    for (int year = year_of(std::max(from, listed_until == INT64_MIN ? from : listed_until));
         year <= year_of(to); ++year) {
      for (const auto& change : rule_->changes(year)) {
        if (change.at > from && change.at <= to && change.at > listed_until) {
          ZoneTransition t = change;
          t.before = offset_at(change.at - 1);
          if (!(t.before == t.after)) out.push_back(t);
        }
      }
    }
  }
  return out;
}

std::int64_t TimeZone::to_utc(std::int64_t local) const {
  // Candidates: the local time read with the offsets in force a day around it.
  const int early = offset_at(local - kDay).utc_offset;
  const int late = offset_at(local + kDay).utc_offset;
  std::int64_t best = INT64_MAX;
  for (const int offset : {early, late}) {
    const std::int64_t utc = local - offset;
    if (offset_at(utc).utc_offset == offset) best = std::min(best, utc);
  }
  if (best != INT64_MAX) return best;
  // In a gap: the moment the clocks jump.
  return local - std::min(early, late);
}

core::LocalToUtc tz_database_local_to_utc() {
  struct Zones {
    std::mutex mutex;
    std::map<std::string, std::optional<TimeZone>, std::less<>> loaded;
  };
  auto zones = std::make_shared<Zones>();
  return [zones](std::string_view name, std::int64_t local) {
    const std::lock_guard lock(zones->mutex);
    auto it = zones->loaded.find(name);
    if (it == zones->loaded.end()) {
      auto zone = TimeZone::load(name);
      it = zones->loaded
               .emplace(std::string(name),
                        zone ? std::optional<TimeZone>(std::move(*zone)) : std::nullopt)
               .first;
    }
    return it->second ? it->second->to_utc(local) : local;
  };
}

}  // namespace crossmatch::storage
