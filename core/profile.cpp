#include "core/profile.hpp"

#include "core/i18n/translation.hpp"

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
      return tr_ctx("participant type", "Company");
    case ParticipantType::PolicyMaker:
      return tr_ctx("participant type", "Policy maker");
    case ParticipantType::Intermediary:
      return tr_ctx("participant type", "Broker or intermediary");
    case ParticipantType::Researcher:
      return tr_ctx("participant type", "Researcher or university");
  }
  return tr_ctx("participant type", "Company");
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
      return tr("1 person");
    case CompanySize::Micro:
      return tr("2-9 people");
    case CompanySize::Small:
      return tr("10-49 people");
    case CompanySize::Medium:
      return tr("50-249 people");
    case CompanySize::Large:
      return tr("250 people or more");
  }
  return tr("2-9 people");
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
