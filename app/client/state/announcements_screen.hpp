// The organiser's announcements screen: the announcement being written.
#pragma once

#include <string>

namespace crossmatch::client {

struct AnnouncementsScreen {
  std::string text;
};

}  // namespace crossmatch::client
