#include "app/client/state/announcements_screen.hpp"

#include <map>

#include "core/i18n/translation.hpp"

namespace crossmatch::client {

using core::format_text;
using core::tr;
using core::tr_n;

namespace {

// "3 companies": one item of the list of recipients by type.
std::string counted(core::ParticipantType type, int n) {
  switch (type) {
    case core::ParticipantType::Company:
      return format_text(tr_n("%d company", "%d companies", n), n);
    case core::ParticipantType::PolicyMaker:
      return format_text(tr_n("%d policy maker", "%d policy makers", n), n);
    case core::ParticipantType::Intermediary:
      return format_text(tr_n("%d broker or intermediary", "%d brokers or intermediaries", n), n);
    case core::ParticipantType::Researcher:
      return format_text(tr_n("%d researcher or university", "%d researchers or universities", n),
                         n);
  }
  return format_text(tr_n("%d participant", "%d participants", n), n);
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
    types += counted(type, count);
  }
  std::vector<std::string> out;
  if (types.empty()) {
    out.push_back(format_text(tr_n("%d participant, on their Notifications and in their app's "
                                   "notices",
                                   "%d participants, on their Notifications and in their app's "
                                   "notices",
                                   active),
                              active));
  } else {
    // TRANSLATORS: %s lists the participants by type, e.g. "3 companies, 1 policy maker"
    out.push_back(format_text(tr_n("%d participant (%s), on their Notifications and in their "
                                   "app's notices",
                                   "%d participants (%s), on their Notifications and in their "
                                   "app's notices",
                                   active),
                              active, types.c_str()));
  }
  out.push_back(tr("The event's brokers and organisers, on their screens"));
  return out;
}

Confirmation AnnouncementsScreen::confirmation(const ClientSession& session) {
  asked_ = text;
  announcements_before_ = session.state().announcements.size();
  Confirmation c;
  c.question = tr("Announce to everyone at the event?");
  // TRANSLATORS: button that sends an announcement to everyone at the event
  c.confirm_label = tr("Announce");
  c.operations.push_back(core::Announce{.text = text});
  c.done_message = tr("Announcement sent");
  const std::string quoted = text.size() > 200 ? text.substr(0, 200) + "..." : text;
  // TRANSLATORS: %s is the announcement's text; the recipients are listed below it
  c.consequences.push_back(format_text(tr("Send \"%s\" to:"), quoted.c_str()));
  for (std::string& who : recipients(session)) c.consequences.push_back(std::move(who));
  c.consequences.push_back(tr("An announcement cannot be taken back once it is sent."));
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
