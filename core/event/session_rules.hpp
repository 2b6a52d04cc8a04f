// The rules a session keeps, in one place: the hub asks them when it applies DefineSession and
// RemoveSession, and the organiser's session form asks the same before sending, so that the form
// says why exactly as the hub would.
#pragma once

#include <vector>

#include "core/error.hpp"
#include "core/event/operation.hpp"

namespace crossmatch::core {

// The session `op` creates (op.session == 0; its id is left 0) or changes, with its slots, or
// why not: the name, the date, an end after the start, the slot length, breaks, an exact
// duplicate of another session, one-to-one sessions that overlap, and for a change of an existing
// session's slots, the meetings, team round or marked unavailability that depend on them.
Result<Session> checked_session(const EventState& state, const DefineSession& op);

// Why the session cannot be removed (meetings booked in it, a team round, a pitch order, clinic
// tables), or success.
Status check_session_removal(const EventState& state, const RemoveSession& op);

// The accepted meetings booked in `session`, by id.
std::vector<MeetingId> meetings_booked_in(const EventState& state, SessionId session);

}  // namespace crossmatch::core
