#include "core/event/follow_up_outcome.hpp"

namespace crossmatch::core {

std::optional<FollowUpOutcome> meeting_outcome(const EventState& state, MeetingId meeting) {
  std::optional<FollowUpOutcome> best;
  for (const auto& [id, round] : state.follow_ups) {
    for (auto a = round.answers.lower_bound({meeting, 0});
         a != round.answers.end() && a->first.first == meeting; ++a) {
      if (!best || a->second.outcome > *best) best = a->second.outcome;
    }
  }
  return best;
}

}  // namespace crossmatch::core
