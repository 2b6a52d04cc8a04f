// Agenda: my meetings by slot with table and partner, my team rounds, and an iCalendar export.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/client/state/arrivals.hpp"
#include "app/client/views/participant_views.hpp"
#include "app/client/views/person_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {

void draw_agenda_view(ClientModels& m) {
  m.meetings.refresh(m.session);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
  ImGui::InputText("##ics", &m.agenda.chosen_file());
  ImGui::SameLine();
  if (ImGui::Button("Export to calendar (.ics)"))
    m.report_saved(m.agenda.save(m.session, m.now_ms), "Agenda saved to");
  ImGui::Separator();
  if (!ImGui::BeginTable("agenda", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    return;
  ImGui::TableSetupColumn("When");
  ImGui::TableSetupColumn("Where");
  ImGui::TableSetupColumn("With");
  ImGui::TableSetupColumn("Starts in");
  ImGui::TableHeadersRow();
  for (const MeetingRow& row : m.meetings.agenda()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.start_ms ? row.when.c_str() : "waiting for the schedule");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.where.c_str());
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(row.id));
    person_link(m, row.partner, row.partner_name);
    ImGui::PopID();
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", row.partner_type.c_str());
    if (not_arrived_yet(m.session, row.partner, m.now_ms)) {
      ImGui::SameLine();
      ImGui::TextColored(warning_colour(), "not arrived yet");
    }
    ImGui::TableNextColumn();
    if (row.start_ms) ImGui::TextUnformatted(countdown(m.now_ms, row.start_ms).c_str());
  }
  for (const MyTeam& team : my_teams(m.session)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(team.when.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(team.table.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%s: %zu people", team.round_name.c_str(), team.members.size());
    ImGui::TableNextColumn();
    if (team.start_ms) ImGui::TextUnformatted(countdown(m.now_ms, team.start_ms).c_str());
  }
  ImGui::EndTable();
  if (m.meetings.agenda().empty())
    ImGui::TextDisabled("No meetings yet: accepted meetings appear here.");
}

}  // namespace crossmatch::client
