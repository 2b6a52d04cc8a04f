// The organiser's team-round screen: the round's name and its team-round session.
#pragma once

#include <string>

#include "core/event/ids.hpp"

namespace crossmatch::client {

struct RoundScreen {
  std::string name = "Team round";
  core::SessionId session = 0;  // 0: the first team-round session
};

}  // namespace crossmatch::client
