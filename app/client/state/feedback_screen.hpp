// A participant's feedback screen: what they are writing about each meeting.
#pragma once

#include <map>
#include <string>

#include "core/event/ids.hpp"

namespace crossmatch::client {

struct FeedbackDraft {
  int rating = 4;
  bool held = true;
  std::string comment;
};

struct FeedbackScreen {
  std::map<core::MeetingId, FeedbackDraft> drafts;
};

}  // namespace crossmatch::client
