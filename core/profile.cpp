#include "core/profile.hpp"

namespace crossmatch::core {

const char* to_string(ParticipantType type) {
  switch (type) {
    case ParticipantType::Company:
      return "company";
    case ParticipantType::PolicyMaker:
      return "policy-maker";
    case ParticipantType::Intermediary:
      return "intermediary";
    case ParticipantType::Researcher:
      return "researcher";
  }
  return "company";
}

const char* label(ParticipantType type) {
  switch (type) {
    case ParticipantType::Company:
      return "Company";
    case ParticipantType::PolicyMaker:
      return "Policy maker";
    case ParticipantType::Intermediary:
      return "Broker or intermediary";
    case ParticipantType::Researcher:
      return "Researcher or university";
  }
  return "Company";
}

bool parse_participant_type(std::string_view text, ParticipantType& out) {
  for (auto t : {ParticipantType::Company, ParticipantType::PolicyMaker,
                 ParticipantType::Intermediary, ParticipantType::Researcher}) {
    if (text == to_string(t)) {
      out = t;
      return true;
    }
  }
  return false;
}

const char* to_string(CompanySize size) {
  switch (size) {
    case CompanySize::Solo:
      return "solo";
    case CompanySize::Micro:
      return "micro";
    case CompanySize::Small:
      return "small";
    case CompanySize::Medium:
      return "medium";
    case CompanySize::Large:
      return "large";
  }
  return "micro";
}

const char* label(CompanySize size) {
  switch (size) {
    case CompanySize::Solo:
      return "1 person";
    case CompanySize::Micro:
      return "2-9 people";
    case CompanySize::Small:
      return "10-49 people";
    case CompanySize::Medium:
      return "50-249 people";
    case CompanySize::Large:
      return "250 people or more";
  }
  return "2-9 people";
}

bool parse_company_size(std::string_view text, CompanySize& out) {
  for (auto s : {CompanySize::Solo, CompanySize::Micro, CompanySize::Small, CompanySize::Medium,
                 CompanySize::Large}) {
    if (text == to_string(s)) {
      out = s;
      return true;
    }
  }
  return false;
}

}  // namespace crossmatch::core
