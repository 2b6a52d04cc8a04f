#include "core/event/request_expiry.hpp"

#include <algorithm>

#include "core/i18n/translation.hpp"

namespace crossmatch::core {

bool expires(const Meeting& m) {
  return m.status == MeetingStatus::Requested && !m.introduced;
}

bool lapses(const Meeting& m) {
  return m.status == MeetingStatus::Requested && m.offered && !m.preferred.empty();
}

std::int64_t expiry_deadline(const EventState& state, const Meeting& m,
                             const LocalToUtc& local_to_utc) {
  if (lapses(m)) return slot_start_ms(state, m.preferred.front(), local_to_utc);
  const int minutes = state.event.settings.request_expiry_minutes;
  if (minutes <= 0 || !expires(m)) return 0;
  return m.requested_at + static_cast<std::int64_t>(minutes) * 60'000;
}

std::vector<MeetingId> due_expiries(const EventState& state, std::int64_t now_ms, std::size_t limit,
                                    const LocalToUtc& local_to_utc) {
  std::vector<std::pair<std::int64_t, MeetingId>> due;
  // Offers lapse whatever the setting, so the meetings are looked through whenever one is pending.
  if (state.index.pending == 0) return {};
  for (const auto& [id, m] : state.meetings) {
    const std::int64_t deadline = expiry_deadline(state, m, local_to_utc);
    if (deadline != 0 && deadline <= now_ms) due.push_back({deadline, id});
  }
  std::sort(due.begin(), due.end());
  if (due.size() > limit) due.resize(limit);
  std::vector<MeetingId> out;
  out.reserve(due.size());
  for (const auto& d : due) out.push_back(d.second);
  return out;
}

std::string format_expiry(int minutes) {
  // TRANSLATORS: requests never expire (a choice beside "1 h", "3 days")
  if (minutes <= 0) return tr_ctx("request expiry", "off");
  if (minutes % 1440 == 0) {
    const int days = minutes / 1440;
    // TRANSLATORS: how long a request waits for an answer
    return format_text(tr_n("%d day", "%d days", static_cast<unsigned long>(days)), days);
  }
  // TRANSLATORS: how long a request waits for an answer, in hours ("h" for hours)
  if (minutes % 60 == 0) return format_text(tr("%d h"), minutes / 60);
  if (minutes > 60)
    // TRANSLATORS: how long a request waits for an answer, in hours and minutes
    return format_text(tr("%d h %d min"), minutes / 60, minutes % 60);
  // TRANSLATORS: how long a request waits for an answer, in minutes
  return format_text(tr("%d min"), minutes);
}

}  // namespace crossmatch::core
