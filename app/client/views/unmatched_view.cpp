// Participants with neither a meeting nor a team, searched and sorted; each opens their profile
// and can be introduced: their best partner is suggested in the Introductions screen, not imposed.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/client/views/broker_views.hpp"
#include "app/client/views/person_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {

void draw_unmatched_view(ClientModels& m) {
  m.monitor.refresh(m.session, m.now_ms);
  UnmatchedFilter& filter = m.unmatched;
  const auto rows = unmatched_rows(m.session, m.monitor.unmatched(), filter);
  const std::size_t unmatched = m.monitor.unmatched().size();
  ImGui::Text(tr_n("%zu participant has no meeting and no team.",
                   "%zu participants have no meeting and no team.", unmatched),
              unmatched);
  label_left(tr("Search"));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  input_with_hint("##search", tr("name, organisation, sector or city"), filter.search);
  // As wide as the longest order's name in this language, with the combo's arrow; beside the
  // search when the line has room for both.
  float sort_width = ImGui::GetFontSize() * 12;
  for (const UnmatchedSort sort : kUnmatchedSorts)
    sort_width = std::max(sort_width, ImGui::CalcTextSize(label(sort)).x);
  sort_width += ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
  const char* sort_by = tr("Sort by");
  same_line_if_room(ImGui::CalcTextSize(sort_by).x + ImGui::GetStyle().ItemSpacing.x + sort_width);
  label_left(sort_by);
  ImGui::SetNextItemWidth(std::min(sort_width, ImGui::GetContentRegionAvail().x));
  const std::string preview = combo_preview(label(filter.sort));
  if (ImGui::BeginCombo("##sort", preview.c_str())) {
    for (const UnmatchedSort sort : kUnmatchedSorts) {
      if (ImGui::Selectable(label(sort), sort == filter.sort)) filter.sort = sort;
    }
    ImGui::EndCombo();
  }
  if (!filter.search.empty()) {
    ImGui::SameLine();
    // TRANSLATORS: people found by the search
    ImGui::TextDisabled(tr_n("%zu found", "%zu found", rows.size()), rows.size());
  }
  if (!ImGui::BeginTable(
          "unmatched", 5,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable,
          ImVec2(0, ImGui::GetContentRegionAvail().y))) {
    return;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("Who"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("Sector"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(tr("City"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  // TRANSLATORS: column: how many meeting requests the person has sent and received
  ImGui::TableSetupColumn(
      tr("Requests"), ImGuiTableColumnFlags_WidthFixed,
      std::max(ImGui::GetFontSize() * 4.5f,
               ImGui::CalcTextSize(tr("Requests")).x + ImGui::GetStyle().CellPadding.x * 2));
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize(tr("Introduce...")).x +
                              ImGui::GetStyle().FramePadding.x * 2 +
                              ImGui::GetStyle().CellPadding.x * 2);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const UnmatchedRow& row = rows[static_cast<std::size_t>(i)];
      ImGui::PushID(static_cast<int>(row.id));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      person_link(m, row.id, row.name);
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, muted_colour());
      text_with_tooltip("(" + row.type + "), " + row.organisation);
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      text_with_tooltip(row.sector);
      ImGui::TableNextColumn();
      text_with_tooltip(row.city);
      ImGui::TableNextColumn();
      ImGui::Text("%d", row.requests);
      ImGui::TableNextColumn();
      if (ImGui::SmallButton(tr("Introduce..."))) {
        m.introduction.clear();
        m.introduction.choose_first(m.session, row.id);
        m.go_to = "introductions";
      }
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(tr("Choose whom to introduce %s to; their best match is suggested."),
                          row.name.c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace crossmatch::client
