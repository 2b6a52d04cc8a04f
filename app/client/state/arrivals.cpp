#include "app/client/state/arrivals.hpp"

#include <limits>

namespace crossmatch::client {
namespace {

// The start of the earliest booked, accepted meeting of `person` this replica holds; the largest
// value when there is none.
std::int64_t first_meeting_start(const ClientSession& session, core::ParticipantId person) {
  const core::EventState& state = session.state();
  std::int64_t first = std::numeric_limits<std::int64_t>::max();
  const auto it = state.index.person_meetings.find(person);
  if (it == state.index.person_meetings.end()) return first;
  for (const core::MeetingId id : it->second) {
    const core::Meeting* m = state.meeting(id);
    if (m == nullptr || m->status != core::MeetingStatus::Accepted || !m->placement) continue;
    first = std::min(first, session.slot_start_ms(m->placement->slot));
  }
  return first;
}

}  // namespace

bool not_arrived_yet(const ClientSession& session, core::ParticipantId person,
                     std::int64_t now_ms) {
  const core::EventState& state = session.state();
  if (state.index.arrived == 0) return false;
  const core::Participant* p = state.participant(person);
  if (p == nullptr || !p->active() || p->arrived()) return false;
  return first_meeting_start(session, person) <= now_ms;
}

std::vector<core::ParticipantId> people_not_arrived(const ClientSession& session,
                                                    std::int64_t now_ms) {
  std::vector<core::ParticipantId> out;
  if (session.state().index.arrived == 0) return out;
  for (const auto& [id, p] : session.state().participants) {
    if (not_arrived_yet(session, id, now_ms)) out.push_back(id);
  }
  return out;
}

}  // namespace crossmatch::client
