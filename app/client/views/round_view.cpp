// Publishing a team round: the hub's current team suggestion seated at tables in a team-round
// session, checked as core checks it (with what to change when it would be refused) and shown
// team by team before it is published; published rounds with the countdown every client shows.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"
#include "core/event/calendar.hpp"

namespace crossmatch::client {
namespace {

void draw_preview(const RoundScreen& screen) {
  const float font = ImGui::GetFontSize();
  ImGui::BeginChild("round-preview",
                    ImVec2(0, std::max(font * 8, ImGui::GetContentRegionAvail().y - font * 6)),
                    true);
  int number = 0;
  for (const RoundPreviewTeam& team : screen.preview()) {
    ImGui::PushID(++number);
    ImGui::Text("Team %d, %zu people, %s", number, team.members.size(),
                team.table.empty() ? "no table yet" : ("at " + team.table).c_str());
    for (const std::string& member : team.members) ImGui::BulletText("%s", member.c_str());
    if (!team.reasons.empty()) {
      ImGui::Indent();
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", team.reasons.c_str());
      ImGui::PopTextWrapPos();
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace

void draw_round_view(ClientModels& m) {
  const core::EventState& state = m.session.state();
  RoundScreen& screen = m.round;
  screen.refresh(m.session);
  const auto label = [](const core::Session& s) {
    return s.name + ", " + core::format_day_label(s.date) + " " + core::format_time_of_day(s.start);
  };
  std::string preview = "choose a team-round session";
  if (const core::Session* s = state.session(screen.session)) preview = label(*s);
  ImGui::SetNextItemWidth(std::max(
      ImGui::GetFontSize() * 18, ImGui::CalcTextSize(preview.c_str()).x + ImGui::GetFrameHeight() +
                                     ImGui::GetStyle().FramePadding.x * 2));
  if (ImGui::BeginCombo("Session", preview.c_str())) {
    for (const auto& [id, s] : state.sessions) {
      if (s.kind == core::SessionKind::TeamRound &&
          ImGui::Selectable(label(s).c_str(), id == screen.session))
        screen.session = id;
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  ImGui::InputText("Round name", &screen.name);
  const auto& suggested = m.session.teams();
  ImGui::Text("The hub suggests %zu teams (version %llu).", suggested.teams.size(),
              static_cast<unsigned long long>(suggested.version));
  if (!screen.ready()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(error_colour(), "Cannot publish: %s", screen.problem().c_str());
    ImGui::PopTextWrapPos();
    const core::RoundSeating& seating = screen.seating();
    if (!seating.fits() && seating.tables_to_add > 0) {
      const std::string label = "Add " + std::to_string(seating.tables_to_add) + " tables of " +
                                std::to_string(seating.seats) + " seats";
      if (ImGui::Button(label.c_str()))
        m.submit_all(screen.add_tables_operations(m.session),
                     "Tables added: " + std::to_string(seating.tables_to_add) + " of " +
                         std::to_string(seating.seats) + " seats");
      ImGui::SameLine();
    }
  }
  ImGui::BeginDisabled(!screen.ready());
  if (ImGui::Button("Publish team round...")) m.ask(screen.publish_confirmation(m.session));
  ImGui::EndDisabled();
  if (screen.ready()) {
    ImGui::SameLine();
    ImGui::TextDisabled("every team has a table that seats it");
  }
  for (const auto& [id, round] : state.rounds) {
    const std::int64_t start = m.session.session_start_ms(round.session);
    ImGui::BulletText("%s: %zu teams, starts in %s", round.name.c_str(), round.teams.size(),
                      countdown(m.now_ms, start).c_str());
  }
  if (!screen.preview().empty()) {
    ImGui::Separator();
    ImGui::TextUnformatted("The teams as they would be published:");
    draw_preview(screen);
  }
}

}  // namespace crossmatch::client
