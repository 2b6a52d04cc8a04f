#include "app/client/state/notifications.hpp"

namespace crossmatch::client {

const char* label(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::Request:
      return "Request";
    case NoticeKind::Answer:
      return "Answer";
    case NoticeKind::Announcement:
      return "Announcement";
    case NoticeKind::Reminder:
      return "Soon";
    case NoticeKind::TeamRound:
      return "Team round";
    case NoticeKind::Refused:
      return "Refused";
    case NoticeKind::Connection:
      return "Connection";
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
