// The organiser's constraints for the auto-schedule as the event state holds them: meetings pinned
// to a slot (Meeting::pinned) and precedences between meetings (Meeting::after). Read by the
// apply functions, the auto-schedule and the client's Schedule screen.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/event/event_state.hpp"

namespace crossmatch::core {

// One precedence: `before` takes place in an earlier slot than `after`.
struct Precedence {
  MeetingId before = 0;
  MeetingId after = 0;
  bool operator==(const Precedence&) const = default;
  auto operator<=>(const Precedence&) const = default;
};

// Every precedence of the event, by `after` then `before`.
std::vector<Precedence> precedences(const EventState& state);

// The meetings that must come before `meeting`, directly or through others (not itself),
// ascending.
std::vector<MeetingId> meetings_before(const EventState& state, MeetingId meeting);
// The meetings that must come after `meeting`, directly or through others, ascending.
std::vector<MeetingId> meetings_after(const EventState& state, MeetingId meeting);

// "meeting 7 (Ana Silva and Bo Berg)" for messages.
std::string meeting_label(const EventState& state, MeetingId meeting);

}  // namespace crossmatch::core
