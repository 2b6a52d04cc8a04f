// What the big screen in the room shows (`--screen wall`), derived from the replica at a moment:
// during a pitching session the company on stage with its time left and who is next; otherwise
// the event's live figures and the countdown to the next team round; and for the one-to-one slot
// under way (or the next one) which table each person goes to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"

namespace crossmatch::client {

struct WallPitch {
  std::string session;            // "Pitching: games meet health"
  std::string company;            // the organisation pitching (the person's name when none)
  std::string presenter;          // "Ana Silva, Lisbon, PT"
  std::int64_t time_left_ms = 0;  // negative: over time
  bool paused = false;
  bool between = false;      // between two pitches: `company` is empty, `next_company` is up
  std::string next_company;  // empty when the last pitch is on
};

struct WallFigures {
  int participants = 0;
  int arrived = 0;
  bool checking_in = false;  // the desk is in use (someone has checked in)
  int held_today = 0;        // meetings that took place on today's date
  int accepted = 0;
  int cross_sector_percent = 0;  // of accepted meetings
  int cross_border_percent = 0;
  int relationships = 0;
  int relationship_target = 0;  // the organiser's; 0 when none is set
  std::string next_round;       // the next team round's name, empty when none is coming
  std::int64_t next_round_ms = 0;
};

struct WallSeat {
  std::string person;
  std::string table;
};

struct WallSlot {
  std::string label;            // "Thu 14 May 10:20"
  bool under_way = false;       // else the next one
  std::vector<WallSeat> seats;  // by name
};

struct WallBoard {
  std::optional<WallPitch> pitch;  // a pitching session is on now
  WallFigures figures;
  std::optional<WallSlot> slot;  // the one-to-one slot under way or next, when one has meetings
};

WallBoard wall_board(const ClientSession& session, std::int64_t now_ms);

}  // namespace crossmatch::client
