#include "app/client/state/action_status.hpp"

#include "app/client/state/client_session.hpp"
#include "core/i18n/translation.hpp"

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
      if (online) {
        // TRANSLATORS: %s is the action, e.g. "Save the session"
        return core::format_text(core::tr("%s: waiting for the hub"), action.c_str());
      }
      // TRANSLATORS: %s is the action, e.g. "Save the session"
      return core::format_text(core::tr("%s: waiting to be sent (offline)"), action.c_str());
    case ActionState::Done:
      if (!done_message.empty()) return done_message;
      // TRANSLATORS: %s is the action, e.g. "Save the session"
      return core::format_text(core::tr("%s: done"), action.c_str());
    case ActionState::Refused:
      // TRANSLATORS: the action ("Save the session"), then the hub's reason
      return core::format_text(core::tr("%s: refused. %s"), action.c_str(), reason.c_str());
    case ActionState::Failed:
      if (action.empty()) return reason;
      // TRANSLATORS: the action ("Save the session"), then why it could not be sent
      return core::format_text(core::tr("%s: failed. %s"), action.c_str(), reason.c_str());
  }
  return "";
}

const char* ActionStatus::badge() const {
  switch (state) {
    case ActionState::None:
      return "";
    case ActionState::Pending:
      // TRANSLATORS: on the status line, an action sent and not answered yet
      return core::tr("pending");
    case ActionState::Done:
      // TRANSLATORS: on the status line, an action the hub has done
      return core::tr("done");
    case ActionState::Refused:
      // TRANSLATORS: on the status line, an action the hub refused
      return core::tr("refused");
    case ActionState::Failed:
      // TRANSLATORS: on the status line, an action that could not be sent
      return core::tr("failed");
  }
  return "";
}

}  // namespace crossmatch::client
