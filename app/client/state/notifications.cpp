#include "app/client/state/notifications.hpp"

#include "core/i18n/translation.hpp"

namespace crossmatch::client {

const char* label(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::Request:
      // TRANSLATORS: the kind of a notification: a meeting request came in
      return core::tr_ctx("notification kind", "Request");
    case NoticeKind::Answer:
      // TRANSLATORS: the kind of a notification: someone answered my request
      return core::tr_ctx("notification kind", "Answer");
    case NoticeKind::Announcement:
      // TRANSLATORS: the kind of a notification: the organiser announced something
      return core::tr("Announcement");
    case NoticeKind::Reminder:
      // TRANSLATORS: the kind of a notification: a reminder that a meeting starts soon
      return core::tr("Soon");
    case NoticeKind::TeamRound:
      // TRANSLATORS: the kind of a notification: a team round was published
      return core::tr("Team round");
    case NoticeKind::Refused:
      // TRANSLATORS: the kind of a notification: the hub refused an action
      return core::tr("Refused");
    case NoticeKind::Connection:
      // TRANSLATORS: the kind of a notification: about the connection to the hub
      return core::tr("Connection");
  }
  return "";
}

void Notifications::add(NoticeKind kind, std::string text, std::int64_t at_ms) {
  list_.push_back({next_id_++, kind, std::move(text), at_ms, false});
  while (list_.size() > kKept) list_.pop_front();
}

int Notifications::unread() const {
  int n = 0;
  for (const auto& note : list_) n += note.read ? 0 : 1;
  return n;
}

void Notifications::mark_all_read() {
  for (auto& note : list_) note.read = true;
}

std::vector<const Notification*> Notifications::toasts(std::int64_t now_ms, std::size_t max) const {
  std::vector<const Notification*> out;
  for (auto it = list_.rbegin(); it != list_.rend() && out.size() < max; ++it) {
    if (now_ms - it->at_ms > kToastMs) break;
    out.push_back(&*it);
  }
  return out;
}

}  // namespace crossmatch::client
