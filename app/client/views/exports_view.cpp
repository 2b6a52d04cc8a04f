// Exports: participants, meetings, teams, policy-clinic tables with their outcomes and pitches as
// CSV.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/client/state/agenda_export.hpp"
#include "app/client/views/organiser_views.hpp"
#include "storage/csv_export.hpp"
#include "storage/file_output.hpp"

namespace crossmatch::client {

void draw_exports_view(ClientModels& m) {
  std::string& folder = m.drafts.export_folder;
  if (folder.empty()) folder = default_export_folder();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
  ImGui::InputText("Folder", &folder);
  const core::EventState& state = m.session.state();
  const auto save = [&](const char* name, const std::string& content) {
    const auto path = expand_home(folder) / name;
    const core::Status s = storage::write_file_atomically(path, content);
    m.last_action_failed = !s.ok();
    m.last_action = s.ok() ? "Saved " + path.string() : s.error().message;
  };
  if (ImGui::Button("Participants (CSV)")) save("participants.csv", storage::participants_csv(state));
  ImGui::SameLine();
  if (ImGui::Button("Meetings (CSV)")) save("meetings.csv", storage::meetings_csv(state));
  ImGui::SameLine();
  if (ImGui::Button("Teams (CSV)")) save("teams.csv", storage::teams_csv(state));
  ImGui::SameLine();
  if (ImGui::Button("Clinic tables and outcomes (CSV)")) save("clinics.csv", storage::clinics_csv(state));
  ImGui::SameLine();
  if (ImGui::Button("Pitches (CSV)")) save("pitches.csv", storage::pitches_csv(state));
  ImGui::TextDisabled("Files are written whole or not at all; an existing file is replaced.");
}

}  // namespace crossmatch::client
