#include "net/operation_lines.hpp"

#include <algorithm>

#include "net/messages.hpp"

namespace crossmatch::net {

OperationLines::Line OperationLines::for_viewer(const core::Viewer& viewer,
                                                bool own_connection) const {
  if (own_connection) return own;
  if (viewer.privileged()) return privileged;
  if (viewer.participant != 0) {
    const auto it =
        std::lower_bound(personal.begin(), personal.end(), viewer.participant,
                         [](const auto& entry, core::ParticipantId p) { return entry.first < p; });
    if (it != personal.end() && it->first == viewer.participant) return it->second;
  }
  return everyone;
}

bool OperationLines::owned_by(const core::Viewer& viewer) const {
  return core::is_own(actor, viewer);
}

OperationLines render_operation(const core::Operation& op, const core::EventState& after) {
  OperationLines lines;
  lines.seq = op.sequence;
  lines.actor = op.actor;
  const auto line = [&](const core::Viewer& viewer, bool own) -> OperationLines::Line {
    auto viewed = core::view_operation(op, after, viewer, own);
    if (!viewed) return nullptr;
    return std::make_shared<const std::string>(encode_applied(viewed->op, viewed->contacts) + "\n");
  };
  const core::Viewer actor{op.actor.role, op.actor.participant};
  lines.own = line(actor, true);
  lines.privileged = line(core::Viewer{core::Role::Broker, 0}, false);
  // A participant who is not involved: number 0 has no meetings and sees no e-mail.
  lines.everyone = line(core::Viewer{core::Role::Participant, 0}, false);
  for (const core::ParticipantId p : core::personal_viewers(op, after))
    lines.personal.emplace_back(p, line(core::Viewer{core::Role::Participant, p}, false));
  return lines;
}

}  // namespace crossmatch::net
