// Statistics: participation, requests, meetings and the cross-sector, cross-border shares.
#include <imgui.h>

#include "app/client/views/organiser_views.hpp"
#include "core/event/statistics.hpp"

namespace crossmatch::client {

void draw_statistics_view(ClientModels& m) {
  const core::EventStatistics s = core::statistics(m.session.state());
  if (!ImGui::BeginTable("statistics", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit))
    return;
  const auto row = [](const char* name, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value.c_str());
  };
  const auto pct = [](double v) { return std::to_string(static_cast<int>(v * 100 + 0.5)) + " %"; };
  row("Participants", std::to_string(s.participants));
  row("Withdrawn", std::to_string(s.withdrawn));
  row("Requests", std::to_string(s.requests));
  row("Awaiting an answer", std::to_string(s.pending));
  row("Accepted", std::to_string(s.accepted));
  row("Declined", std::to_string(s.declined));
  row("Cancelled", std::to_string(s.cancelled));
  row("Held", std::to_string(s.held));
  row("Not held", std::to_string(s.not_held));
  row("Cross-sector share of accepted", pct(s.share_cross_sector()));
  row("Cross-border share of accepted", pct(s.share_cross_border()));
  row("New cross-sector, cross-border relationships", std::to_string(s.relationships));
  ImGui::EndTable();
}

}  // namespace crossmatch::client
