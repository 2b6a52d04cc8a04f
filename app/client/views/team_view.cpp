// My team: the published rounds I am in (members, why, table and time) and the hub's current
// suggestion before a round is published.
#include <imgui.h>

#include <algorithm>

#include "app/client/state/person_summary.hpp"
#include "app/client/state/team_reasons_now.hpp"
#include "app/client/views/participant_views.hpp"
#include "app/client/views/person_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

void members(ClientModels& m, const std::vector<core::ParticipantId>& ids) {
  for (const auto id : ids) {
    const PersonSummary p = person_summary(m.session, id);
    ImGui::Bullet();
    std::string name = p.name;
    // TRANSLATORS: %s is my own name in a list of team members
    if (id == m.session.me()) name = format_text(tr("%s (you)"), name.c_str());
    person_link(m, id, name);
    ImGui::SameLine();
    // TRANSLATORS: a team member's organisation, then their type, sector, city and country
    text_with_tooltip(
        format_text(tr("%s (%s)"), p.organisation.c_str(), person_details(m.session, id).c_str()));
  }
}

}  // namespace

void draw_team_view(ClientModels& m) {
  m.population.refresh(m.session);
  const auto teams = my_teams(m.session);
  for (const MyTeam& team : teams) {
    ImGui::PushID(static_cast<int>(team.round));
    // TRANSLATORS: a team round's name, its time ("Thu 14 May 14:00") and the team's table
    ImGui::Text(tr("%s: %s at %s"), team.round_name.c_str(), team.when.c_str(), team.table.c_str());
    if (team.start_ms) {
      ImGui::SameLine();
      // TRANSLATORS: %s is the time left: "12:04" or "1 h 05 min"
      ImGui::TextColored(ok_colour(), tr("starts in %s"),
                         countdown(m.now_ms, team.start_ms).c_str());
    }
    members(m, team.members);
    const std::string reasons = team_reasons_now(m.population, team.members, team.reasons);
    if (!reasons.empty()) ImGui::TextWrapped(tr("Why this team: %s"), reasons.c_str());
    ImGui::Separator();
    ImGui::PopID();
  }
  const auto& suggested = m.session.teams().teams;
  const auto mine =
      std::find_if(suggested.begin(), suggested.end(), [&](const net::TeamSuggestion& t) {
        return std::find(t.members.begin(), t.members.end(), m.session.me()) != t.members.end();
      });
  if (mine != suggested.end()) {
    ImGui::TextUnformatted(tr("The team the hub suggests for you now (it may still change):"));
    members(m, mine->members);
    const std::string reasons = team_reasons_now(m.population, mine->members, mine->reasons);
    if (!reasons.empty()) ImGui::TextWrapped(tr("Why: %s"), reasons.c_str());
  } else if (teams.empty()) {
    note(tr("No team yet: teams appear when the organiser publishes a team round."));
  }
}

}  // namespace crossmatch::client
