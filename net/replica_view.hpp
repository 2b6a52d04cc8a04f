// What each client may see: the hub filters the state and every applied operation for the role
// and identity of the connection (docs/protocol.md, "Privacy"). Organisers and brokers see
// everything; a participant sees the event, every participant's public profile, their own
// record and meetings, and a partner's e-mail only while they have an accepted meeting with that
// person and that person consents to share it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "net/messages.hpp"

namespace crossmatch::net {

struct Viewer {
  core::Role role = core::Role::Participant;
  core::ParticipantId participant = 0;  // a participant's own number; 0 for a newcomer
  bool privileged() const { return role != core::Role::Participant; }
  bool operator==(const Viewer&) const = default;
};

// The e-mail of `subject` that participant `viewer` may see: empty unless the two have an
// accepted meeting and the subject consents to share their contact.
std::string visible_email(const core::EventState& state, core::ParticipantId viewer,
                          core::ParticipantId subject);

// The state as `viewer` may see it (what a snapshot sends). Indexes are not built.
core::EventState view_state(const core::EventState& state, const Viewer& viewer);

// What participant `viewer` sees beyond what every participant sees (view_state for number 0):
// their own record, the records of partners whose e-mail they may see, and their meetings.
// view_state(state, viewer) is the public view with these records laid over it.
core::EventState personal_view(const core::EventState& state, core::ParticipantId viewer);

// The copy of an applied operation that `viewer` receives, or nothing when the operation is none
// of their business. `after` is the hub's state right after the operation. Except for the
// viewer's own operations (`own`), the operation's id is replaced by "s<seq>": ids are the
// client's, and a registration's id must not let anyone else claim that registration.
std::optional<Applied> view_operation(const core::Operation& op, const core::EventState& after,
                                      const Viewer& viewer, bool own);

// Whether `viewer` made `op` (their own copies keep its id).
bool is_own(const core::Operation& op, const Viewer& viewer);

// The lines of one applied operation for every kind of viewer, encoded once at apply time so
// that fan-out shares them: privileged viewers, participants with a copy of their own, and
// every other participant.
struct OperationLines {
  using Line = std::shared_ptr<const std::string>;  // with its newline; null: nothing for this viewer
  std::uint64_t seq = 0;
  core::Actor actor;
  Line own;          // the actor's own connections (a newcomer's: after registering, too)
  Line privileged;   // organisers and brokers other than the actor
  Line everyone;     // participants not listed in `personal`
  std::vector<std::pair<core::ParticipantId, Line>> personal;  // sorted by participant

  // The line for a connection of `viewer`.
  Line for_viewer(const Viewer& viewer, bool own_connection) const;
};

OperationLines render_operation(const core::Operation& op, const core::EventState& after);

// Participants whose copy of `op` differs from the public one (the actor, both people of a
// meeting, and the partners of a person whose profile or status changes), ascending.
std::vector<core::ParticipantId> personal_viewers(const core::Operation& op, const core::EventState& after);

}  // namespace crossmatch::net
