// Erasing a participant's data cannot be undone, so it asks first and says what is forgotten
// (as core's erase forgets it), which of their meetings are cancelled, and what stays.
#pragma once

#include "app/client/state/client_session.hpp"
#include "app/client/state/confirmation.hpp"

namespace crossmatch::client {

// The question before erasing `who` (the person themself, or the organiser erasing them).
Confirmation erase_confirmation(const ClientSession& session, core::ParticipantId who);

}  // namespace crossmatch::client
