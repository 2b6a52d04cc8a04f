// Statistics of an event, derived from its state: participation, requests, meetings held, and how
// many meetings cross sectors and borders.
#pragma once

#include "core/event/event_state.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::core {

struct EventStatistics {
  int participants = 0;  // active
  int withdrawn = 0;
  int erased = 0;
  int arrived = 0;   // active participants checked in at the desk
  int requests = 0;  // every meeting ever requested or introduced
  int pending = 0;   // awaiting an answer
  int accepted = 0;  // accepted and not cancelled (held ones included)
  int declined = 0;
  int cancelled = 0;
  int held = 0;
  int not_held = 0;
  int accepted_cross_sector = 0;  // accepted meetings between a CCI and a growth-sector person
  int accepted_cross_border = 0;  // accepted meetings between people from different countries
  // New cross-sector, cross-border relationships: pairs of a CCI and a growth-sector person from
  // different countries with a held meeting.
  int relationships = 0;

  double share_cross_sector() const {
    return accepted ? double(accepted_cross_sector) / accepted : 0;
  }
  double share_cross_border() const {
    return accepted ? double(accepted_cross_border) / accepted : 0;
  }
  bool operator==(const EventStatistics&) const = default;
};

// From the counters the state keeps up to date: O(1).
EventStatistics statistics(const EventState& state);

// Counted again from scratch: what the counters must always equal.
EventStatistics recount_statistics(const EventState& state, const Taxonomy& taxonomy);

// True when one of the two is in a creative sector and the other in a growth sector.
bool is_cross_sector(const Taxonomy& taxonomy, const Profile& a, const Profile& b);

}  // namespace crossmatch::core
