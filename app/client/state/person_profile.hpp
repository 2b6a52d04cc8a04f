// A person's full public profile as every list opens it: who they are, what they offer and seek,
// their markets, languages and working style, and every reason they suit the person looking (or a
// person a broker chose). Only what the replica holds: the public record every participant may
// see, and an e-mail address only where the privacy rules let this client see it.
#pragma once

#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "app/client/state/population_cache.hpp"

namespace crossmatch::client {

struct PersonProfile {
  core::ParticipantId id = 0;
  bool known = false;  // false: not in the replica (or erased): only the name line is filled
  std::string name;    // "participant 12" when unknown
  std::string type;    // "Policy maker"
  std::string organisation;
  std::string job_title;
  std::string sector;  // "Design (creative)"
  std::string city;
  std::string country;  // the country's name
  std::string size;     // "10-49 people", for companies
  std::string status;   // "withdrawn" when not active; empty when active
  std::string email;    // only when visible to this client
  std::vector<std::string> offers, seeks;
  std::vector<std::string> languages;       // names: "Portuguese"
  std::vector<std::string> target_markets;  // country names
  std::vector<std::string> known_markets;
  std::vector<std::string> working_style;  // "prefers informal meetings"-like trait words
  // Why they suit `relative_to` (every reason, in full), and the pair's score (0..1, -1 when
  // there is nobody to compare with or the pair may not meet).
  core::ParticipantId relative_to = 0;
  std::vector<std::string> reasons;
  float score = -1;
  std::string why_not;  // when the pair may not meet: why ("no common language")
};

// `relative_to`: whom the reasons are for (the viewer for a participant, a chosen person for a
// broker; 0: none). `cache` must be refreshed by the caller.
PersonProfile person_profile(const ClientSession& session, const PopulationCache& cache,
                             core::ParticipantId id, core::ParticipantId relative_to);

// The profile as lines of text ("Offers: design research, prototyping"), for tooltips, tests and
// anywhere the profile is not drawn field by field. Empty fields are left out.
std::vector<std::string> profile_lines(const PersonProfile& profile);

}  // namespace crossmatch::client
