#include "core/event/request_expiry.hpp"

#include <algorithm>

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
  if (minutes <= 0) return "off";
  if (minutes % 1440 == 0)
    return std::to_string(minutes / 1440) + (minutes == 1440 ? " day" : " days");
  if (minutes % 60 == 0) return std::to_string(minutes / 60) + " h";
  if (minutes > 60)
    return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
  return std::to_string(minutes) + " min";
}

}  // namespace crossmatch::core
