// The app's notifications: new requests, answers, announcements, reminders before meetings and
// refused operations, newest last, with what is unread and what is still shown as a toast.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "core/event/operation_catalogue.hpp"

namespace crossmatch::client {

using NoticeKind = core::NoticeKind;
const char* label(NoticeKind kind);

struct Notification {
  std::uint64_t id = 0;
  NoticeKind kind = NoticeKind::Request;
  std::string text;
  std::int64_t at_ms = 0;
  bool read = false;
};

class Notifications {
 public:
  static constexpr std::size_t kKept = 200;       // older ones are dropped
  static constexpr std::int64_t kToastMs = 8000;  // how long a new one stays on screen

  void add(NoticeKind kind, std::string text, std::int64_t at_ms);
  const std::deque<Notification>& all() const { return list_; }
  int unread() const;
  void mark_all_read();
  // The ones raised within kToastMs of `now_ms`, newest first, at most `max`.
  std::vector<const Notification*> toasts(std::int64_t now_ms, std::size_t max = 4) const;

 private:
  std::deque<Notification> list_;
  std::uint64_t next_id_ = 1;
};

}  // namespace crossmatch::client
