#include "core/event/calendar.hpp"

#include <cstdio>

#include "core/i18n/translation.hpp"

namespace crossmatch::core {
namespace {

bool digits(std::string_view text, std::size_t from, std::size_t count, int& value) {
  value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

// Howard Hinnant's days_from_civil.
std::int64_t days_from_civil(int year, int month, int day) {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(month + (month > 2 ? -3 : 9)) + 2) / 5 +
                       static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool parse_date(std::string_view text, std::int64_t& days) {
  int year = 0, month = 0, day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!digits(text, 0, 4, year) || !digits(text, 5, 2, month) || !digits(text, 8, 2, day))
    return false;
  if (year < 2000 || year > 2199 || month < 1 || month > 12) return false;
  if (day < 1 || day > days_in_month(year, month)) return false;
  days = days_from_civil(year, month, day);
  return true;
}

std::string format_date(std::int64_t days) {
  // civil_from_days
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buffer;
}

std::string format_day_label(std::int64_t days) {
  // clang-format off
  static const char* kWeekdays[] = {  // 1970-01-01 was a Thursday
      tr_ctx_noop("weekday, abbreviated", "Thu"),
      tr_ctx_noop("weekday, abbreviated", "Fri"),
      tr_ctx_noop("weekday, abbreviated", "Sat"),
      tr_ctx_noop("weekday, abbreviated", "Sun"),
      tr_ctx_noop("weekday, abbreviated", "Mon"),
      tr_ctx_noop("weekday, abbreviated", "Tue"),
      tr_ctx_noop("weekday, abbreviated", "Wed"),
  };
  static const char* kMonths[] = {
      tr_ctx_noop("month, abbreviated", "Jan"),
      tr_ctx_noop("month, abbreviated", "Feb"),
      tr_ctx_noop("month, abbreviated", "Mar"),
      tr_ctx_noop("month, abbreviated", "Apr"),
      tr_ctx_noop("month, abbreviated", "May"),
      tr_ctx_noop("month, abbreviated", "Jun"),
      tr_ctx_noop("month, abbreviated", "Jul"),
      tr_ctx_noop("month, abbreviated", "Aug"),
      tr_ctx_noop("month, abbreviated", "Sep"),
      tr_ctx_noop("month, abbreviated", "Oct"),
      tr_ctx_noop("month, abbreviated", "Nov"),
      tr_ctx_noop("month, abbreviated", "Dec"),
  };
  // clang-format on
  const std::string date = format_date(days);
  const int month = (date[5] - '0') * 10 + (date[6] - '0');
  const int day = (date[8] - '0') * 10 + (date[9] - '0');
  const auto weekday = ((days % 7) + 7) % 7;
  // TRANSLATORS: "Thu 14 May": the weekday, the day of the month and the month, abbreviated
  return format_text(tr_ctx("day label", "%s %d %s"),
                     tr_ctx("weekday, abbreviated", kWeekdays[weekday]), day,
                     tr_ctx("month, abbreviated", kMonths[month - 1]));
}

bool parse_time_of_day(std::string_view text, int& minutes) {
  int h = 0, m = 0;
  if (text.size() != 5 || text[2] != ':') return false;
  if (!digits(text, 0, 2, h) || !digits(text, 3, 2, m)) return false;
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return false;
  minutes = h * 60 + m;
  return true;
}

std::string format_time_of_day(int minutes) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
  return buffer;
}

bool is_plausible_time_zone(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') return false;
  char previous = '/';
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '+' || c == '/';
    if (!ok || (c == '/' && previous == '/')) return false;
    previous = c;
  }
  return true;
}

}  // namespace crossmatch::core
