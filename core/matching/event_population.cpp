#include "core/matching/event_population.hpp"

namespace crossmatch::core {

EventPopulation event_population(const EventState& state, const Taxonomy& taxonomy) {
  EventPopulation out(taxonomy);
  for (const auto& [id, p] : state.participants) {
    if (p.status == ParticipantStatus::Erased) continue;
    const int index = static_cast<int>(out.ids.size());
    out.ids.push_back(id);
    out.index_of.emplace(id, index);
    out.population.set(index, p.profile);
    out.population.set_active(index, p.active());
  }
  for (const auto& [id, m] : state.meetings) {
    if (m.status != MeetingStatus::Declined) continue;
    const int a = out.index(m.requester), b = out.index(m.invitee);
    if (a >= 0 && b >= 0) out.population.add_declined(a, b);
  }
  for (const auto& [session, ps] : state.pitching) {
    for (const Pitch& pitch : ps.pitches) {
      const int pitcher = out.index(pitch.pitcher);
      if (pitcher < 0) continue;
      for (const ParticipantId who : pitch.interested) {
        const int i = out.index(who);
        if (i >= 0) out.population.add_pitch_interest(i, pitcher);
      }
    }
  }
  return out;
}

}  // namespace crossmatch::core
