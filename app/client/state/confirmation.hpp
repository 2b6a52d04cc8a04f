// Actions that cannot simply be taken back ask first: a question, what will change (which meetings
// move, who receives it), and the operations that do it. Where an inverse exists, it is offered as
// Undo for a few seconds after the hub has done the action.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/event/operation.hpp"

namespace crossmatch::client {

// The operations that undo an action, and what the status line says when they are done.
struct UndoOffer {
  std::string label;  // the button: "Restore the session"
  std::vector<core::OperationPayload> operations;
  std::string done_message;  // "Session restored: Meetings"
};

struct Confirmation {
  std::string question;                   // "Remove the session Meetings?"
  std::vector<std::string> consequences;  // one line per change: "Anna and Ben's meeting moves..."
  std::string confirm_label = "Confirm";  // names the action: "Remove session"
  std::vector<core::OperationPayload> operations;  // sent in order when confirmed
  std::string done_message;
  std::optional<UndoOffer> undo;  // offered once the action is done
};

// How long Undo stays offered after the action is done.
inline constexpr std::int64_t kUndoWindowMs = 10'000;

}  // namespace crossmatch::client
