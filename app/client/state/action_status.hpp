// The outcome of the person's last action, as the status line shows it: pending until the hub
// answers, then done, or refused with the hub's reason. Actions done here (an export written)
// are done or failed at once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace crossmatch::client {

class ClientSession;

enum class ActionState { None, Pending, Done, Refused, Failed };

struct ActionStatus {
  ActionState state = ActionState::None;
  std::vector<std::string> operations;  // the ids the hub answers about (none for local actions)
  std::string action;                   // "Save the session", the catalogue's phrase
  std::string done_message;             // "Session added: Meetings"
  std::string reason;                   // refused or failed: why
  std::int64_t settled_ms = 0;          // when it became done, refused or failed

  // Follows the hub's answers: done once every operation is done, refused as soon as one is.
  // True when the state changed.
  bool follow(const ClientSession& session, std::int64_t now_ms);
  // "Save the session: waiting for the hub", the done message, or "Save the session: refused.
  // <reason>". Never a wire name.
  std::string text(bool online) const;
  // A word that says the state without colour: "pending", "done", "refused", "failed".
  const char* badge() const;
  bool failed() const { return state == ActionState::Refused || state == ActionState::Failed; }
};

}  // namespace crossmatch::client
