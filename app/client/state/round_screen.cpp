#include "app/client/state/round_screen.hpp"

#include <set>

#include "app/client/state/person_summary.hpp"
#include "core/event/calendar.hpp"

namespace crossmatch::client {

void RoundScreen::refresh(const ClientSession& client) {
  const core::EventState& state = client.state();
  // The chosen session while it is a team-round session, else the first.
  const core::Session* chosen = state.session(session);
  if (chosen == nullptr || chosen->kind != core::SessionKind::TeamRound) {
    session = 0;
    for (const auto& [id, s] : state.sessions) {
      if (s.kind == core::SessionKind::TeamRound) {
        session = id;
        break;
      }
    }
  }
  const auto& teams = client.teams();
  if (checked_ && version_ == client.version() && teams_version_ == teams.version &&
      checked_name_ == name && checked_session_ == session)
    return;
  checked_ = true;
  version_ = client.version();
  teams_version_ = teams.version;
  checked_name_ = name;
  checked_session_ = session;

  std::vector<std::size_t> sizes;
  for (const auto& team : teams.teams) sizes.push_back(team.members.size());
  seating_ = core::seat_teams(state, sizes);
  operation_ = core::PublishTeamRound{};
  operation_.name = name;
  operation_.session = session;
  preview_.clear();
  for (std::size_t i = 0; i < teams.teams.size(); ++i) {
    const core::TableId table = seating_.fits() ? seating_.tables[i] : 0;
    operation_.teams.push_back({teams.teams[i].members, table, teams.teams[i].reasons});
    RoundPreviewTeam team;
    if (const core::Table* t = state.table(table))
      team.table = t->name + " (" + std::to_string(t->seats) + " seats)";
    for (const core::ParticipantId id : teams.teams[i].members) {
      const PersonSummary p = person_summary(client, id);
      team.members.push_back(p.name + " (" + p.type + "): " + p.sector + ", " + p.city);
    }
    team.reasons = teams.teams[i].reasons;
    preview_.push_back(std::move(team));
  }

  if (session == 0) {
    problem_ = "Add a team-round session on the Event screen first.";
  } else if (teams.teams.empty()) {
    problem_ = "The hub has not suggested teams yet; they come once people have registered.";
  } else if (!seating_.fits()) {
    problem_ = seating_.problem;
  } else if (core::Status s = core::check_team_round(state, operation_); !s) {
    problem_ = s.error().message;
  } else {
    problem_.clear();
  }
}

Confirmation RoundScreen::publish_confirmation(const ClientSession& client) const {
  const core::EventState& state = client.state();
  std::size_t people = 0;
  std::set<core::ParticipantId> seated;
  for (const core::Team& team : operation_.teams) {
    people += team.members.size();
    seated.insert(team.members.begin(), team.members.end());
  }
  std::size_t left_out = 0;
  for (const auto& [id, p] : state.participants) {
    if (p.active() && !seated.count(id)) ++left_out;
  }
  const auto plural = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string when = "its session";
  if (const core::Session* s = state.session(operation_.session))
    when =
        s->name + ", " + core::format_day_label(s->date) + " " + core::format_time_of_day(s->start);
  Confirmation c;
  c.question = "Publish the team round \"" + operation_.name + "\"?";
  c.consequences.push_back("Seats " + plural(operation_.teams.size(), "team", "teams") + " (" +
                           plural(people, "person", "people") + ") at their tables in " + when +
                           ".");
  c.consequences.push_back(
      "Each of them is told their team and table now, in the app and when they next open it.");
  if (left_out > 0)
    c.consequences.push_back(
        plural(left_out, "registered person is", "registered people are") +
        " in no team (they chose not to appear in teams, or registered after the suggestion).");
  c.consequences.push_back("A published round cannot be withdrawn; a later round can follow it.");
  c.confirm_label = "Publish team round";
  c.operations = {operation_};
  c.done_message = "Team round published: " + operation_.name;
  return c;
}

std::vector<core::OperationPayload> RoundScreen::add_tables_operations(
    const ClientSession& client) const {
  std::set<std::string> names;
  for (const auto& [id, t] : client.state().tables) names.insert(t.name);
  std::vector<core::OperationPayload> out;
  int n = 0;
  for (int added = 0; added < seating_.tables_to_add; ++added) {
    std::string table_name;
    do {
      table_name = "Team table " + std::to_string(++n);
    } while (names.count(table_name));
    out.push_back(core::DefineTable{.name = table_name, .seats = seating_.seats});
  }
  return out;
}

}  // namespace crossmatch::client
