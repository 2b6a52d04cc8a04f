// Publishing a team round: the hub's current team suggestion, seated at tables, in a team-round
// session; published rounds with the countdown every client shows.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"
#include "core/event/calendar.hpp"

namespace crossmatch::client {

void draw_round_view(ClientModels& m) {
  const core::EventState& state = m.session.state();
  core::SessionId& session = m.round.session;
  std::string preview = "choose a team-round session";
  for (const auto& [id, s] : state.sessions) {
    if (s.kind == core::SessionKind::TeamRound && (session == 0 || session == id)) {
      session = id;
      preview =
          s.name + ", " + core::format_day_label(s.date) + " " + core::format_time_of_day(s.start);
    }
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  if (ImGui::BeginCombo("Session", preview.c_str())) {
    for (const auto& [id, s] : state.sessions) {
      if (s.kind == core::SessionKind::TeamRound &&
          ImGui::Selectable(s.name.c_str(), id == session))
        session = id;
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  ImGui::InputText("Round name", &m.round.name);
  const auto& suggested = m.session.teams();
  ImGui::Text("The hub suggests %zu teams (version %llu).", suggested.teams.size(),
              static_cast<unsigned long long>(suggested.version));
  // Teams sit at the tables with the most seats first, one team per table.
  std::vector<const core::Table*> tables;
  for (const auto& [id, t] : state.tables) tables.push_back(&t);
  std::stable_sort(tables.begin(), tables.end(),
                   [](const core::Table* a, const core::Table* b) { return a->seats > b->seats; });
  const bool enough = tables.size() >= suggested.teams.size();
  if (!enough)
    ImGui::TextColored(error_colour(), "Only %zu tables for %zu teams: add tables first.",
                       tables.size(), suggested.teams.size());
  ImGui::BeginDisabled(session == 0 || suggested.teams.empty() || !enough);
  if (ImGui::Button("Publish team round")) {
    core::PublishTeamRound op;
    op.name = m.round.name;
    op.session = session;
    for (std::size_t i = 0; i < suggested.teams.size(); ++i) {
      op.teams.push_back({suggested.teams[i].members, tables[i]->id, suggested.teams[i].reasons});
    }
    m.submit(std::move(op), "Team round published: " + m.round.name);
  }
  ImGui::EndDisabled();
  ImGui::Separator();
  for (const auto& [id, round] : state.rounds) {
    const std::int64_t start = m.session.session_start_ms(round.session);
    ImGui::BulletText("%s: %zu teams, starts in %s", round.name.c_str(), round.teams.size(),
                      countdown(m.now_ms, start).c_str());
  }
}

}  // namespace crossmatch::client
