// The organiser's announcements screen: the announcement being written, and the question asked
// before it goes out (who receives it).
#pragma once

#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "app/client/state/confirmation.hpp"

namespace crossmatch::client {

struct AnnouncementsScreen {
  std::string text;

  // Who receives an announcement: every active participant (counted by type), the brokers and
  // the organisers; one line each.
  static std::vector<std::string> recipients(const ClientSession& session);
  // Announcing asks first, naming who receives it and quoting the text; the draft is kept until
  // the announcement is in the event (a cancelled or refused one is not lost).
  Confirmation confirmation(const ClientSession& session);
  // Once per frame: clears the draft when the announcement asked about has arrived.
  void follow(const ClientSession& session);

 private:
  std::string asked_;
  std::size_t announcements_before_ = 0;
};

}  // namespace crossmatch::client
