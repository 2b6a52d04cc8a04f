// The hub's per-role privacy filter on the wire: each applied operation encoded once for every
// kind of viewer (core/event/privacy.hpp says what each may see), so that fan-out shares lines.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "core/event/privacy.hpp"

namespace crossmatch::net {

// The lines of one applied operation for every kind of viewer, encoded once at apply time so
// that fan-out shares them: privileged viewers, participants with a copy of their own, and
// every other participant.
struct OperationLines {
  using Line =
      std::shared_ptr<const std::string>;  // with its newline; null: nothing for this viewer
  std::uint64_t seq = 0;
  core::Actor actor;
  Line own;         // the actor's own connections (a newcomer's: after registering, too)
  Line privileged;  // organisers and brokers other than the actor
  Line everyone;    // participants not listed in `personal`
  std::vector<std::pair<core::ParticipantId, Line>> personal;  // sorted by participant

  // The line for a connection of `viewer`.
  Line for_viewer(const core::Viewer& viewer, bool own_connection) const;
  // Whether `viewer` made the operation (the same participant, or any organiser or broker for
  // theirs): its connections get `own`, with the operation's id.
  bool owned_by(const core::Viewer& viewer) const;
};

OperationLines render_operation(const core::Operation& op, const core::EventState& after);

}  // namespace crossmatch::net
