// How every screen names a person: the name with the participant type beside it, and a line of
// type, sector, city and country, so that a policy maker is never mistaken for a company.
#pragma once

#include <string>

#include "app/client/state/client_session.hpp"

namespace crossmatch::client {

struct PersonSummary {
  std::string name;  // "participant 12" when unknown or erased
  std::string organisation;
  std::string type;    // "Policy maker"
  std::string sector;  // the sector's name, "(creative)" after a creative one
  std::string city;
  std::string country;  // ISO code
};

PersonSummary person_summary(const ClientSession& session, core::ParticipantId id);
// "Ana Ferreira (Policy maker)"
std::string name_with_type(const ClientSession& session, core::ParticipantId id);
// "Policy maker, Design (creative), Lisbon, PT"
std::string person_details(const ClientSession& session, core::ParticipantId id);

}  // namespace crossmatch::client
