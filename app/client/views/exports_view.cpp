// Exports: participants, meetings, teams, policy-clinic tables with their outcomes and pitches as
// CSV.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/client/views/organiser_views.hpp"

namespace crossmatch::client {

void draw_exports_view(ClientModels& m) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
  ImGui::InputText("Folder", &m.exports.chosen_folder());
  bool first = true;
  for (const EventExport what : {EventExport::Participants, EventExport::Meetings,
                                 EventExport::Teams, EventExport::Clinics, EventExport::Pitches}) {
    if (!first) ImGui::SameLine();
    first = false;
    if (ImGui::Button(label(what)))
      m.report_saved(m.exports.save(m.session.state(), what), "Saved");
  }
  ImGui::TextDisabled("Files are written whole or not at all; an existing file is replaced.");
}

}  // namespace crossmatch::client
