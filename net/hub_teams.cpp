// Team versions: publishing a new one once it is durable, and what each client gets of it.
#include "net/hub_teams.hpp"

#include <chrono>
#include <string>

namespace crossmatch::net {
namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

// Teams formed from a state that is not durable yet wait for it, so that no client sees a
// team with someone whose registration a crash could take back.
void HubTeams::publish(Teams teams, std::uint64_t as_of) {
  if (hub_.failed || hub_.stopping) return;
  if (as_of > hub_.durable_seq) {
    held_teams_ = std::make_pair(std::move(teams), as_of);
    return;
  }
  held_teams_.reset();
  const auto started = Clock::now();
  std::size_t clients = 0;
  teams_ = std::make_shared<Teams>(std::move(teams));
  team_of_.clear();
  for (std::size_t i = 0; i < teams_->teams.size(); ++i) {
    for (const core::ParticipantId p : teams_->teams[i].members) team_of_[p] = i;
  }
  all_teams_lines_.clear();
  for (std::string& line : encode_teams(*teams_))
    all_teams_lines_.push_back(make_line(std::move(line)));
  team_lines_.assign(teams_->teams.size(), {});
  no_team_lines_.clear();
  for (const auto& [id, c] : hub_.roster.connections()) {
    if (c->sync == HubConnection::Sync::Live && !c->closing()) {
      send(c, true);
      ++clients;
    }
  }
  hub_.note(
      "teams version " + std::to_string(teams_->version) + ": " +
      std::to_string(teams_->teams.size()) + " teams, pushed to " + std::to_string(clients) +
      " clients in " +
      std::to_string(
          std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count()) +
      " ms");
}

void HubTeams::on_durable() {
  if (held_teams_ && held_teams_->second <= hub_.durable_seq) {
    auto held = std::move(*held_teams_);
    held_teams_.reset();
    publish(std::move(held.first), held.second);
  }
}

// Organisers and brokers see every team; a participant sees their own team only. A new version
// pushed to everyone is `held` like other people's operations, so that it goes out in batches.
void HubTeams::send(const ConnectionPtr& c, bool held) {
  const auto send = [&](const Line& line) {
    if (held) {
      hub_.fanout.send(c, line);
    } else {
      c->send(line);
    }
  };
  if (c->viewer.privileged()) {
    for (const Line& line : all_teams_lines_) send(line);
    return;
  }
  const auto it = team_of_.find(c->viewer.participant);
  std::vector<Line>& lines = it == team_of_.end() ? no_team_lines_ : team_lines_[it->second];
  if (lines.empty()) {
    Teams mine{teams_->version, {}};
    if (it != team_of_.end()) mine.teams.push_back(teams_->teams[it->second]);
    for (std::string& line : encode_teams(mine)) lines.push_back(make_line(std::move(line)));
  }
  for (const Line& line : lines) send(line);
}

}  // namespace crossmatch::net
