// The organiser's event screen: the session and the table being typed, kept between frames.
#pragma once

#include <string>

#include "core/event/operation.hpp"

namespace crossmatch::client {

struct SessionDraft {
  core::DefineSession session{.name = "Meetings", .start = 9 * 60, .end = 12 * 60};
  // Until the organiser types a day, the event's last day with a session (or today) is offered.
  std::string day, start = "09:00", end = "12:00";
  bool day_typed = false;
};

struct TableDraft {
  std::string name = "Table";
  int seats = 2;
};

struct EventScreen {
  SessionDraft session;
  TableDraft table;
};

}  // namespace crossmatch::client
