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
  same_line_if_fits(tr("Export to calendar (.ics)"));
  if (ImGui::Button(tr("Export to calendar (.ics)"))) {
    const core::Result<std::string> saved = m.agenda.save(m.session, m.now_ms);
    if (saved) {
      // TRANSLATORS: %s is the file written
      m.report(core::Status::success(), format_text(tr("Agenda saved to %s"), saved->c_str()));
    } else {
      m.report(saved.error(), "");
    }
  }
  ImGui::Separator();
  if (!ImGui::BeginTable("agenda", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    return;
  // TRANSLATORS: column header of the agenda: the time of a meeting
  ImGui::TableSetupColumn(tr("When"));
  // TRANSLATORS: column header of the agenda: the table of a meeting
  ImGui::TableSetupColumn(tr("Where"));
  // TRANSLATORS: column header of the agenda: the partner of a meeting
  ImGui::TableSetupColumn(tr("With"));
  // TRANSLATORS: column header of the agenda: the time left until a meeting starts
  ImGui::TableSetupColumn(tr("Starts in"));
  ImGui::TableHeadersRow();
  for (const MeetingRow& row : m.meetings.agenda()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.start_ms ? row.when.c_str() : tr("waiting for the schedule"));
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
      ImGui::TextColored(warning_colour(), "%s", tr("not arrived yet"));
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
    // TRANSLATORS: a team round's name, then how many people are in my team
    ImGui::Text(tr_n("%s: %zu person", "%s: %zu people", team.members.size()),
                team.round_name.c_str(), team.members.size());
    ImGui::TableNextColumn();
    if (team.start_ms) ImGui::TextUnformatted(countdown(m.now_ms, team.start_ms).c_str());
  }
  ImGui::EndTable();
  if (m.meetings.agenda().empty())
    ImGui::TextDisabled("%s", tr("No meetings yet: accepted meetings appear here."));
}

}  // namespace crossmatch::client
