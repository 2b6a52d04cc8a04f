// My team: the published rounds I am in (members, why, table and time) and the hub's current
// suggestion before a round is published.
#include <imgui.h>

#include <algorithm>

#include "app/client/views/participant_views.hpp"
#include "app/client/views/person_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

void members(ClientModels& m, const std::vector<core::ParticipantId>& ids) {
  const core::Taxonomy& taxonomy = m.session.taxonomy();
  for (const auto id : ids) {
    const core::Participant* p = m.session.state().participant(id);
    if (p == nullptr) continue;
    const core::Sector* s = taxonomy.sector(p->profile.sector);
    const core::City* c = taxonomy.city(p->profile.city);
    ImGui::Bullet();
    person_link(m, id, p->profile.display_name + (id == m.session.me() ? " (you)" : ""));
    ImGui::SameLine();
    text_with_tooltip(std::string(core::label(p->profile.type)) + ", " + p->profile.organisation +
                      " (" + (s ? s->name : "") + ", " + (c ? c->name : "") + ", " +
                      p->profile.country + ")");
  }
}

}  // namespace

void draw_team_view(ClientModels& m) {
  const auto teams = my_teams(m.session);
  for (const MyTeam& team : teams) {
    ImGui::PushID(static_cast<int>(team.round));
    ImGui::Text("%s: %s at %s", team.round_name.c_str(), team.when.c_str(), team.table.c_str());
    if (team.start_ms) {
      ImGui::SameLine();
      ImGui::TextColored(ok_colour(), "starts in %s", countdown(m.now_ms, team.start_ms).c_str());
    }
    members(m, team.members);
    if (!team.reasons.empty()) ImGui::TextWrapped("Why this team: %s", team.reasons.c_str());
    ImGui::Separator();
    ImGui::PopID();
  }
  const auto& suggested = m.session.teams().teams;
  const auto mine =
      std::find_if(suggested.begin(), suggested.end(), [&](const net::TeamSuggestion& t) {
        return std::find(t.members.begin(), t.members.end(), m.session.me()) != t.members.end();
      });
  if (mine != suggested.end()) {
    ImGui::TextUnformatted("The team the hub suggests for you now (it may still change):");
    members(m, mine->members);
    if (!mine->reasons.empty()) ImGui::TextWrapped("Why: %s", mine->reasons.c_str());
  } else if (teams.empty()) {
    ImGui::TextDisabled("No team yet: teams appear when the organiser publishes a team round.");
  }
}

}  // namespace crossmatch::client
