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
    const std::size_t people = team.members.size();
    if (team.table.empty()) {
      ImGui::Text(
          // TRANSLATORS: a team in the preview of a team round: its number and size
          tr_n("Team %d, %zu person, no table yet", "Team %d, %zu people, no table yet", people),
          number, people);
    } else {
      ImGui::Text(
          // TRANSLATORS: a team in the preview of a team round: its number, its size and its
          // table, "Table 4 (6 seats)"
          tr_n("Team %d, %zu person, at %s", "Team %d, %zu people, at %s", people), number, people,
          team.table.c_str());
    }
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
  std::string preview = tr("choose a team-round session");
  if (const core::Session* s = state.session(screen.session)) preview = label(*s);
  ImGui::SetNextItemWidth(std::max(
      ImGui::GetFontSize() * 18, ImGui::CalcTextSize(preview.c_str()).x + ImGui::GetFrameHeight() +
                                     ImGui::GetStyle().FramePadding.x * 2));
  if (ImGui::BeginCombo(labelled(tr("Session"), "round-session").c_str(), preview.c_str())) {
    for (const auto& [id, s] : state.sessions) {
      if (s.kind == core::SessionKind::TeamRound &&
          ImGui::Selectable(label(s).c_str(), id == screen.session))
        screen.session = id;
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  ImGui::InputText(labelled(tr("Round name"), "round-name").c_str(), &screen.name);
  const auto& suggested = m.session.teams();
  // TRANSLATORS: the version is that of the hub's team suggestion, which changes as people register
  ImGui::Text(tr_n("The hub suggests %zu team (version %llu).",
                   "The hub suggests %zu teams (version %llu).", suggested.teams.size()),
              suggested.teams.size(), static_cast<unsigned long long>(suggested.version));
  if (!screen.ready()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(error_colour(), tr("Cannot publish: %s"), screen.problem().c_str());
    ImGui::PopTextWrapPos();
    const core::RoundSeating& seating = screen.seating();
    if (!seating.fits() && seating.tables_to_add > 0) {
      const int tables = seating.tables_to_add;
      const std::string label = format_text(
          // TRANSLATORS: a button; the second number is the seats at each table added
          tr_n("Add %d table of %d seats", "Add %d tables of %d seats", tables), tables,
          seating.seats);
      if (ImGui::Button(label.c_str()))
        m.submit_all(screen.add_tables_operations(m.session),
                     // TRANSLATORS: done; the second number is the seats at each table added
                     format_text(tr_n("Tables added: %d of %d seats",
                                      "Tables added: %d of %d seats", tables),
                                 tables, seating.seats));
      ImGui::SameLine();
    }
  }
  ImGui::BeginDisabled(!screen.ready());
  if (ImGui::Button(tr("Publish team round..."))) m.ask(screen.publish_confirmation(m.session));
  ImGui::EndDisabled();
  if (screen.ready()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("every team has a table that seats it"));
  }
  for (const auto& [id, round] : state.rounds) {
    const std::int64_t start = m.session.session_start_ms(round.session);
    ImGui::BulletText(
        // TRANSLATORS: a published team round: its name, its teams and the time until it starts
        tr_n("%s: %zu team, starts in %s", "%s: %zu teams, starts in %s", round.teams.size()),
        round.name.c_str(), round.teams.size(), countdown(m.now_ms, start).c_str());
  }
  if (!screen.preview().empty()) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr("The teams as they would be published:"));
    draw_preview(screen);
  }
}

}  // namespace crossmatch::client
