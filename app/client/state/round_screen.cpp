#include "app/client/state/round_screen.hpp"

#include <set>

#include "app/client/state/person_summary.hpp"
#include "core/event/calendar.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::client {

using core::format_text;
using core::tr;
using core::tr_n;

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
    if (const core::Table* t = state.table(table)) {
      const int seats = t->seats;
      team.table = format_text(
          // TRANSLATORS: a table and how many it seats, "Table 4 (6 seats)"
          tr_n("%s (%d seat)", "%s (%d seats)", seats), t->name.c_str(), seats);
    }
    for (const core::ParticipantId id : teams.teams[i].members) {
      const PersonSummary p = person_summary(client, id);
      team.members.push_back(p.name + " (" + p.type + "): " + p.sector + ", " + p.city);
    }
    team.reasons = teams.teams[i].reasons;
    preview_.push_back(std::move(team));
  }

  if (session == 0) {
    problem_ = tr("Add a team-round session on the Event screen first.");
  } else if (teams.teams.empty()) {
    problem_ = tr("The hub has not suggested teams yet; they come once people have registered.");
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
  const std::size_t team_count = operation_.teams.size();
  // TRANSLATORS: the teams a round seats, in "Seats 3 teams (14 people) at their tables in ..."
  const std::string teams_text = format_text(tr_n("%zu team", "%zu teams", team_count), team_count);
  // TRANSLATORS: the people a round seats, in "Seats 3 teams (14 people) at their tables in ..."
  const std::string people_text = format_text(tr_n("%zu person", "%zu people", people), people);
  Confirmation c;
  c.question = format_text(tr("Publish the team round \"%s\"?"), operation_.name.c_str());
  if (const core::Session* s = state.session(operation_.session)) {
    const std::string when =
        s->name + ", " + core::format_day_label(s->date) + " " + core::format_time_of_day(s->start);
    // TRANSLATORS: "Seats 3 teams (14 people) at their tables in Teams, Thu 14 May 14:00."
    c.consequences.push_back(format_text(tr("Seats %s (%s) at their tables in %s."),
                                         teams_text.c_str(), people_text.c_str(), when.c_str()));
  } else {
    // TRANSLATORS: "Seats 3 teams (14 people) at their tables in its session."
    c.consequences.push_back(format_text(tr("Seats %s (%s) at their tables in its session."),
                                         teams_text.c_str(), people_text.c_str()));
  }
  c.consequences.push_back(
      tr("Each of them is told their team and table now, in the app and when they next open it."));
  if (left_out > 0)
    c.consequences.push_back(format_text(
        tr_n("%zu registered person is in no team (they chose not to appear in teams, or "
             "registered after the suggestion).",
             "%zu registered people are in no team (they chose not to appear in teams, or "
             "registered after the suggestion).",
             left_out),
        left_out));
  c.consequences.push_back(
      tr("A published round cannot be withdrawn; a later round can follow it."));
  c.confirm_label = tr("Publish team round");
  c.operations = {operation_};
  c.done_message = format_text(tr("Team round published: %s"), operation_.name.c_str());
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
      // TRANSLATORS: the name given to a table added for a team round: "Team table 3"
      table_name = format_text(tr("Team table %d"), ++n);
    } while (names.count(table_name));
    out.push_back(core::DefineTable{.name = table_name, .seats = seating_.seats});
  }
  return out;
}

}  // namespace crossmatch::client
