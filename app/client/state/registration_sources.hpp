// For the organiser: where newcomers registered from, counted per network address (the hub
// reports each registration's address to organisers only), so that a flood of fake registrations
// from one device shows; and removing everyone registered from one address in one action.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "app/client/state/confirmation.hpp"
#include "core/event/event_state.hpp"

namespace crossmatch::client {

struct AddressRegistrations {
  std::string address;
  std::vector<core::ParticipantId> people;  // still in the event (not erased), by number
};

// Addresses by how many people still in the event registered from each, most first (then by
// address); people the replica does not hold yet are left out until it does.
std::vector<AddressRegistrations> registrations_by_address(
    const core::EventState& state,
    const std::map<core::ParticipantId, std::string>& registered_from);

// The confirmation that erases everyone still in the event who registered from `address`, naming
// each of them (at most `named` names, then how many more); their requests and meetings are
// cancelled. None when nobody is left from there.
std::optional<Confirmation> plan_address_removal(
    const core::EventState& state,
    const std::map<core::ParticipantId, std::string>& registered_from, const std::string& address,
    std::size_t named = 50);

}  // namespace crossmatch::client
