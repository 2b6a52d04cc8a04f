// A participant's profile: who they are, what they do, what they offer and seek, where they want
// to go, how they like to work, and what they consent to.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crossmatch::core {

enum class ParticipantType { Company, PolicyMaker, Intermediary, Researcher };

// Company size by head count, in the bands the EU uses for SMEs.
enum class CompanySize { Solo, Micro, Small, Medium, Large };

struct Consent {
  bool suggestions = true;     // appear in other people's partner suggestions and teams
  bool share_contact = false;  // share the contact e-mail once a meeting is accepted
  bool operator==(const Consent&) const = default;
};

struct Profile {
  std::string display_name;
  std::string organisation;
  std::string job_title;
  ParticipantType type = ParticipantType::Company;
  std::string city;                         // a city id of the taxonomy
  std::string country;                      // ISO 3166-1 alpha-2; the city's country
  std::string sector;                       // a sector id of the taxonomy
  std::vector<std::string> offers;          // free tags
  std::vector<std::string> seeks;           // free tags
  std::vector<std::string> languages;       // ISO 639-1
  std::vector<std::string> target_markets;  // countries they want to enter, ISO 3166-1 alpha-2
  std::vector<std::string> known_markets;   // countries where they have partners, clients or ties
  CompanySize size = CompanySize::Micro;
  std::vector<int> answers;  // one per questionnaire question, in its order, 1..5
  Consent consent;
  std::string email;

  bool operator==(const Profile&) const = default;
};

// Limits of the profile rules.
inline constexpr std::size_t kMaxNameLength = 80;  // display name, organisation, job title
inline constexpr std::size_t kMaxTags = 20;        // offers, seeks
inline constexpr std::size_t kMaxTagLength = 40;
inline constexpr std::size_t kMaxLanguages = 12;
inline constexpr std::size_t kMaxMarkets = 30;  // target and known markets each
inline constexpr std::size_t kMaxEmailLength = 254;

const char* to_string(ParticipantType type);
const char* to_string(CompanySize size);
// Human labels: "Policy maker", "10-49 people".
const char* label(ParticipantType type);
const char* label(CompanySize size);
// Parse the to_string forms; false when unknown.
bool parse_participant_type(std::string_view text, ParticipantType& out);
bool parse_company_size(std::string_view text, CompanySize& out);

}  // namespace crossmatch::core
