#include "app/client/views/taxonomy_view.hpp"

#include <imgui.h>

#include <string>

namespace crossmatch::client {
namespace {

std::string names(const core::Taxonomy& taxonomy, const std::vector<int>& sectors) {
  std::string out;
  for (const int s : sectors) {
    if (!out.empty()) out += ", ";
    out += taxonomy.sectors()[s].name;
  }
  return out;
}

}  // namespace

void draw_taxonomy_view(const core::Taxonomy& taxonomy) {
  if (ImGui::CollapsingHeader("Partner cities and the sectors to match", ImGuiTreeNodeFlags_DefaultOpen)) {
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("cities", 4, flags)) {
      ImGui::TableSetupColumn("City");
      ImGui::TableSetupColumn("Approach");
      ImGui::TableSetupColumn("Creative sectors for internationalisation");
      ImGui::TableSetupColumn("...matching with");
      ImGui::TableHeadersRow();
      for (const core::City* city : taxonomy.partner_cities()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(city->name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(core::approach_label(city->approach));
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", names(taxonomy, city->creative_sectors).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", names(taxonomy, city->matching_sectors).c_str());
      }
      ImGui::EndTable();
    }
  }
  if (ImGui::CollapsingHeader("Working-style questionnaire")) {
    for (const auto& q : taxonomy.questions()) {
      ImGui::BulletText("%s", q.text.c_str());
      ImGui::Indent();
      ImGui::TextDisabled("1 = %s   5 = %s", q.low_label.c_str(), q.high_label.c_str());
      ImGui::Unindent();
    }
  }
}

}  // namespace crossmatch::client
