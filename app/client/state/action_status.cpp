#include "app/client/state/action_status.hpp"

#include "app/client/state/client_session.hpp"

namespace crossmatch::client {

bool ActionStatus::follow(const ClientSession& session, std::int64_t now_ms) {
  if (state != ActionState::Pending) return false;
  bool all_done = true;
  for (const std::string& id : operations) {
    const OperationOutcome* outcome = session.outcome(id);
    if (outcome == nullptr) {
      all_done = false;
    } else if (outcome->refused) {
      state = ActionState::Refused;
      reason = outcome->reason;
      settled_ms = now_ms;
      return true;
    }
  }
  if (!all_done) return false;
  state = ActionState::Done;
  settled_ms = now_ms;
  return true;
}

std::string ActionStatus::text(bool online) const {
  switch (state) {
    case ActionState::None:
      return "";
    case ActionState::Pending:
      return action + (online ? ": waiting for the hub" : ": waiting to be sent (offline)");
    case ActionState::Done:
      return done_message.empty() ? action + ": done" : done_message;
    case ActionState::Refused:
      return action + ": refused. " + reason;
    case ActionState::Failed:
      return action.empty() ? reason : action + ": failed. " + reason;
  }
  return "";
}

const char* ActionStatus::badge() const {
  switch (state) {
    case ActionState::None:
      return "";
    case ActionState::Pending:
      return "pending";
    case ActionState::Done:
      return "done";
    case ActionState::Refused:
      return "refused";
    case ActionState::Failed:
      return "failed";
  }
  return "";
}

}  // namespace crossmatch::client
