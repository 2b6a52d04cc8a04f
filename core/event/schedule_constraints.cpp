#include "core/event/schedule_constraints.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/i18n/translation.hpp"

namespace crossmatch::core {

std::vector<Precedence> precedences(const EventState& state) {
  std::vector<Precedence> out;
  for (const auto& [id, m] : state.meetings) {
    for (const MeetingId before : m.after) out.push_back({before, id});
  }
  return out;
}

namespace {

// Everything reachable from `start` through `next` (not `start` itself), ascending.
template <class Next>
std::vector<MeetingId> reachable(MeetingId start, Next&& next) {
  std::unordered_set<MeetingId> seen{start};
  std::vector<MeetingId> stack{start}, out;
  while (!stack.empty()) {
    const MeetingId at = stack.back();
    stack.pop_back();
    for (const MeetingId other : next(at)) {
      if (!seen.insert(other).second) continue;
      out.push_back(other);
      stack.push_back(other);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<MeetingId> meetings_before(const EventState& state, MeetingId meeting) {
  static const std::vector<MeetingId> kNone;
  return reachable(meeting, [&](MeetingId id) -> const std::vector<MeetingId>& {
    const Meeting* m = state.meeting(id);
    return m == nullptr ? kNone : m->after;
  });
}

std::vector<MeetingId> meetings_after(const EventState& state, MeetingId meeting) {
  std::unordered_map<MeetingId, std::vector<MeetingId>> later;
  for (const auto& [id, m] : state.meetings) {
    for (const MeetingId before : m.after) later[before].push_back(id);
  }
  static const std::vector<MeetingId> kNone;
  return reachable(meeting, [&](MeetingId id) -> const std::vector<MeetingId>& {
    const auto it = later.find(id);
    return it == later.end() ? kNone : it->second;
  });
}

std::string meeting_label(const EventState& state, MeetingId meeting) {
  const Meeting* m = state.meeting(meeting);
  // TRANSLATORS: a meeting in a sentence, by its number
  if (m == nullptr) return format_text(tr("meeting %u"), meeting);
  const auto name = [&](ParticipantId id) {
    const Participant* p = state.participant(id);
    // TRANSLATORS: a participant the event no longer knows, by their number
    if (p == nullptr) return format_text(tr("participant %u"), id);
    // TRANSLATORS: stands for the name of a person whose data was erased
    if (p->status == ParticipantStatus::Erased) return std::string(tr("an erased participant"));
    return p->profile.display_name;
  };
  // TRANSLATORS: a meeting in a sentence, by its number and its two people: "meeting 7 (Ana
  // Silva and Bo Berg)"
  return format_text(tr("meeting %u (%s and %s)"), meeting, name(m->requester).c_str(),
                     name(m->invitee).c_str());
}

}  // namespace crossmatch::core
