// Team versions: the latest team suggestions, held until the state they were formed from is
// durable, then pushed to every live client filtered for its role, and sent to each client that
// goes live later. Internal to the hub server; on the network thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "net/hub_context.hpp"

namespace crossmatch::net {

class HubTeams {
 public:
  explicit HubTeams(HubContext& hub) : hub_(hub) {}

  // A new version formed from the state at sequence `as_of`; waits while that is not durable.
  void publish(Teams teams, std::uint64_t as_of);
  // Durability moved on: a version waiting for it goes out.
  void on_durable();
  // The current version, if there is one, for a client that has just gone live.
  void send_current(const ConnectionPtr& c) {
    if (teams_) send(c);
  }

 private:
  void send(const ConnectionPtr& c, bool held = false);

  HubContext& hub_;
  std::shared_ptr<Teams> teams_;
  std::unordered_map<core::ParticipantId, std::size_t> team_of_;  // index into teams_->teams
  std::vector<Line> all_teams_lines_;  // what organisers and brokers get: every team
  // What a participant gets: their team's lines, encoded once per team (by index into
  // teams_->teams; made when a member first needs them) and once for those in no team. A
  // 15,000-person event has about 3,000 teams: encoding a line per connection held the network
  // thread for a tenth of a second each time.
  std::vector<std::vector<Line>> team_lines_;
  std::vector<Line> no_team_lines_;
  std::optional<std::pair<Teams, std::uint64_t>> held_teams_;  // waiting for durability
};

}  // namespace crossmatch::net
