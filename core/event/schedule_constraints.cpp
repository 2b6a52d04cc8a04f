#include "core/event/schedule_constraints.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

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
  const std::string number = "meeting " + std::to_string(meeting);
  const Meeting* m = state.meeting(meeting);
  if (m == nullptr) return number;
  const auto name = [&](ParticipantId id) {
    const Participant* p = state.participant(id);
    if (p == nullptr) return "participant " + std::to_string(id);
    if (p->status == ParticipantStatus::Erased) return std::string("an erased participant");
    return p->profile.display_name;
  };
  return number + " (" + name(m->requester) + " and " + name(m->invitee) + ")";
}

}  // namespace crossmatch::core
