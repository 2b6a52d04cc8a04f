// Removing a session, asked first: what goes with it (requests' preferred times, the slots people
// marked unavailable), or why the hub will not remove it (the meetings booked in it, named), and
// the Undo that defines it again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "app/client/state/confirmation.hpp"

namespace crossmatch::client {

struct SessionRemoval {
  std::optional<Confirmation> confirmation;  // when the hub would remove it
  std::string blocked;                       // otherwise why not, as the hub says it
  std::vector<std::string> booked;           // the meetings booked in it, one line each
};

SessionRemoval plan_session_removal(const ClientSession& session, core::SessionId id);

}  // namespace crossmatch::client
