// Participants with neither a meeting nor a team, each with an "introduce" action that proposes
// a meeting with their best partner (both must accept).
#include <imgui.h>

#include "app/client/views/broker_views.hpp"

namespace crossmatch::client {

void draw_unmatched_view(ClientModels& m) {
  m.monitor.refresh(m.session, m.now_ms);
  m.population.refresh(m.session);
  const auto& people = m.monitor.unmatched();
  ImGui::Text("%zu participants have no meeting and no team.", people.size());
  if (!ImGui::BeginTable("unmatched", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                         ImVec2(0, ImGui::GetContentRegionAvail().y))) {
    return;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Who");
  ImGui::TableSetupColumn("Sector, city");
  ImGui::TableSetupColumn("");
  ImGui::TableHeadersRow();
  const core::Taxonomy& taxonomy = m.session.taxonomy();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(people.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const core::ParticipantId id = people[static_cast<std::size_t>(i)];
      const core::Participant* p = m.session.state().participant(id);
      if (p == nullptr) continue;
      ImGui::PushID(static_cast<int>(id));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%s (%s), %s", p->profile.display_name.c_str(), core::label(p->profile.type),
                  p->profile.organisation.c_str());
      ImGui::TableNextColumn();
      const core::Sector* s = taxonomy.sector(p->profile.sector);
      const core::City* c = taxonomy.city(p->profile.city);
      ImGui::Text("%s, %s", s ? s->name.c_str() : "", c ? c->name.c_str() : "");
      ImGui::TableNextColumn();
      if (ImGui::SmallButton("Introduce")) {
        if (auto intro = propose_introduction(m.population, m.session.state(), id)) {
          const std::string other = m.session.name_of(intro->second);
          m.submit(std::move(*intro), "Introduced " + p->profile.display_name + " to " + other);
        } else {
          m.report(core::make_error("nobody_suits", "",
                                    "Nobody suits " + p->profile.display_name + " right now."),
                   "");
        }
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace crossmatch::client
