#include "app/client/state/announcements_screen.hpp"

#include <map>

namespace crossmatch::client {
namespace {

const char* plural(core::ParticipantType type) {
  switch (type) {
    case core::ParticipantType::Company:
      return "companies";
    case core::ParticipantType::PolicyMaker:
      return "policy makers";
    case core::ParticipantType::Intermediary:
      return "brokers or intermediaries";
    case core::ParticipantType::Researcher:
      return "researchers or universities";
  }
  return "participants";
}

}  // namespace

std::vector<std::string> AnnouncementsScreen::recipients(const ClientSession& session) {
  std::map<core::ParticipantType, int> by_type;
  int active = 0;
  for (const auto& [id, p] : session.state().participants) {
    if (!p.active()) continue;
    ++active;
    ++by_type[p.profile.type];
  }
  std::string types;
  for (const auto& [type, count] : by_type) {
    if (!types.empty()) types += ", ";
    types += std::to_string(count) + " " +
             (count == 1 ? std::string(core::label(type)) : std::string(plural(type)));
  }
  std::vector<std::string> out;
  out.push_back(std::to_string(active) + (active == 1 ? " participant" : " participants") +
                (types.empty() ? std::string() : " (" + types + ")") +
                ", on their Notifications and in their app's notices");
  out.push_back("The event's brokers and organisers, on their screens");
  return out;
}

Confirmation AnnouncementsScreen::confirmation(const ClientSession& session) {
  asked_ = text;
  announcements_before_ = session.state().announcements.size();
  Confirmation c;
  c.question = "Announce to everyone at the event?";
  c.confirm_label = "Announce";
  c.operations.push_back(core::Announce{.text = text});
  c.done_message = "Announcement sent";
  const std::string quoted = text.size() > 200 ? text.substr(0, 200) + "..." : text;
  c.consequences.push_back("Send \"" + quoted + "\" to:");
  for (std::string& who : recipients(session)) c.consequences.push_back(std::move(who));
  c.consequences.push_back("An announcement cannot be taken back once it is sent.");
  return c;
}

void AnnouncementsScreen::follow(const ClientSession& session) {
  if (asked_.empty()) return;
  const auto& list = session.state().announcements;
  for (std::size_t i = announcements_before_; i < list.size(); ++i) {
    if (list[i].text != asked_) continue;
    if (text == asked_) text.clear();
    asked_.clear();
    return;
  }
}

}  // namespace crossmatch::client
