// The organiser's form for a new session or a change to one: the fields as typed, and what the
// form says before anything is sent: why it cannot be sent (the hub's own rules,
// core/event/session_rules.hpp) and what a change does to what is already in the session.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "core/event/operation.hpp"

namespace crossmatch::client {

struct SessionFormCheck {
  std::optional<core::DefineSession> operation;  // what Add or Save sends, when it may
  std::string problem;                           // why it may not, as the hub would say it
  std::string field;                             // the field at fault ("end", "name", ...)
  std::vector<std::string> notes;                // the slots it will have; what a change does
};

struct SessionForm {
  core::SessionId editing = 0;  // the session being changed; 0 for a new one
  std::string name = "Meetings";
  core::SessionKind kind = core::SessionKind::Meetings;
  // Until the organiser types a day, the event's last day with a session (or today) is offered.
  std::string day, start = "09:00", end = "12:00";
  bool day_typed = false;
  int slot_minutes = 20;
  std::vector<core::TimeRange> breaks;  // the edited session's, kept as they were

  // Until the organiser types a day: the first day, from the event's last day with a session
  // (or today), on which the form's session fits the rules, so that a fresh form is not born
  // refused (the last day's sessions often overlap the default 09:00-12:00).
  void suggest_day(const ClientSession& session, std::int64_t today);

  // Loads a session to change it.
  void edit(const core::Session& session);
  // Back to a new session (the fields keep what was typed, so a similar one is quick to add).
  void stop_editing();
  bool editing_session() const { return editing != 0; }

  // The operation the fields make, checked against the replica as the hub will check it.
  SessionFormCheck check(const ClientSession& session) const;
};

// "Ana Ferreira and Ben Okafor, Thu 14 May 09:20, Table 3" for a booked meeting; without the
// table (and with the first preferred time in `session`, if any) otherwise.
std::string meeting_line(const ClientSession& session, const core::Meeting& meeting,
                         core::SessionId in_session = 0);

}  // namespace crossmatch::client
