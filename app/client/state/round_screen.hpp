// The organiser's team-round screen: the round's name and its team-round session, the hub's team
// suggestion seated at tables, and the same check core makes before publishing, so that the form
// says what to change (too few or too small tables, a member booked during the round) and shows
// the teams before anything is sent.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "app/client/state/confirmation.hpp"
#include "core/event/team_round_check.hpp"

namespace crossmatch::client {

// One team as the preview shows it.
struct RoundPreviewTeam {
  std::string table;                 // "Team table 2 (5 seats)"; empty when not seated
  std::vector<std::string> members;  // "Ana Silva (Company): Design (creative), Lisbon"
  std::string reasons;
};

class RoundScreen {
 public:
  std::string name = "Team round";
  core::SessionId session = 0;  // 0: the first team-round session

  // Follows the state, the hub's teams, the name and the session: seats the teams, checks the
  // round and rebuilds the preview when any of them changed.
  void refresh(const ClientSession& client);

  const core::RoundSeating& seating() const { return seating_; }
  const std::vector<RoundPreviewTeam>& preview() const { return preview_; }
  // The round to publish (teams at their tables once seated).
  const core::PublishTeamRound& operation() const { return operation_; }
  // What stops publishing, said so that the organiser knows what to change; empty when the
  // round passes core's check.
  const std::string& problem() const { return problem_; }
  bool ready() const { return problem_.empty(); }
  // Publishing asks first: which session and slot, how many teams and people are seated, that
  // each is told at once, who is in no team, and that a published round stays.
  Confirmation publish_confirmation(const ClientSession& client) const;
  // The tables the seating asks for: seating().tables_to_add new tables of seating().seats seats,
  // named "Team table N" after those there are.
  std::vector<core::OperationPayload> add_tables_operations(const ClientSession& client) const;

 private:
  std::uint64_t version_ = 0, teams_version_ = 0;
  std::string checked_name_;
  core::SessionId checked_session_ = 0;
  bool checked_ = false;
  core::RoundSeating seating_;
  core::PublishTeamRound operation_;
  std::vector<RoundPreviewTeam> preview_;
  std::string problem_;
};

}  // namespace crossmatch::client
