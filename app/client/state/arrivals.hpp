// Who is not here yet: people not checked in at the desk although a meeting of theirs has
// started. Told to their partners (beside the meeting) and to brokers (a list on the Monitor).
#pragma once

#include <cstdint>
#include <vector>

#include "app/client/state/client_session.hpp"

namespace crossmatch::client {

// True when `person` is active, not checked in, and the earliest booked meeting of theirs this
// replica holds has started by `now_ms`. Only while the desk is in use (someone has checked in):
// an event that does not check people in flags no one.
bool not_arrived_yet(const ClientSession& session, core::ParticipantId person, std::int64_t now_ms);

// Everyone not_arrived_yet says so of, by number (a broker's or organiser's replica holds every
// meeting, so this is the whole event's list).
std::vector<core::ParticipantId> people_not_arrived(const ClientSession& session,
                                                    std::int64_t now_ms);

}  // namespace crossmatch::client
