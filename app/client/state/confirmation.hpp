// Actions that cannot simply be taken back ask first: a question, what will change (which meetings
// move, who receives it), and the operations that do it. Where an inverse exists, it is offered as
// Undo for a few seconds after the hub has done the action.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/event/operation.hpp"
#include "core/i18n/translation.hpp"

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
  // Names the action: "Remove session". Made in the language of the moment it is asked.
  // TRANSLATORS: the button that does an action after its question, when it has no better name
  std::string confirm_label = core::tr("Confirm");
  std::vector<core::OperationPayload> operations;  // sent in order when confirmed
  std::string done_message;
  std::optional<UndoOffer> undo;  // offered once the action is done
};

// How long Undo stays offered after the action is done.
inline constexpr std::int64_t kUndoWindowMs = 10'000;

}  // namespace crossmatch::client
