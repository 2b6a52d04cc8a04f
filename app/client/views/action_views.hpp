// What every screen shares about actions: the status line's outcome of the last action (pending,
// done or refused, said in words as well as colour) with its Undo, and the dialog that asks
// before an action that cannot simply be taken back.
#pragma once

#include "app/client/state/client_models.hpp"

namespace crossmatch::client {

// On the status line: "| pending: Save the session: waiting for the hub", and Undo when offered.
void draw_action_status(ClientModels& m);
// The confirmation dialog while m.asking holds an action; call once per frame at the root.
void draw_confirmation(ClientModels& m);

}  // namespace crossmatch::client
