// The event's participants as matching sees them: a Population built from an EventState, with
// participant ids and population indices both ways, declined requests and pitch interest in it.
#pragma once

#include <unordered_map>
#include <vector>

#include "core/event/event_state.hpp"
#include "core/matching/population.hpp"

namespace crossmatch::core {

struct EventPopulation {
  Population population;
  std::vector<ParticipantId> ids;                   // per population index
  std::unordered_map<ParticipantId, int> index_of;  // the other way

  explicit EventPopulation(const Taxonomy& taxonomy) : population(taxonomy) {}
  // The population index of a participant, or -1 (unknown or erased).
  int index(ParticipantId id) const {
    const auto it = index_of.find(id);
    return it == index_of.end() ? -1 : it->second;
  }
};

// Every participant not erased, in id order; withdrawn ones inactive. Declined requests keep
// pairs apart; every "interested" tapped during a pitch lifts the pair in suggestions. O(event).
// `taxonomy` must outlive the result.
EventPopulation event_population(const EventState& state, const Taxonomy& taxonomy);

}  // namespace crossmatch::core
