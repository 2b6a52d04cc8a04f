// The broker monitor: counts, the feed of new pairings, and accepted meetings by sector pair and
// by city pair.
#include <imgui.h>

#include <ctime>

#include "app/client/state/person_summary.hpp"
#include "app/client/views/broker_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {

void draw_monitor_view(ClientModels& m) {
  m.monitor.refresh(m.session, m.now_ms);
  const core::EventStatistics& s = m.monitor.statistics();
  if (ImGui::BeginTable("counts", 6, ImGuiTableFlags_BordersInnerV)) {
    const auto cell = [](const char* name, const std::string& value) {
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", name);
      ImGui::Text("%s", value.c_str());
    };
    const auto pct = [](double v) {
      return std::to_string(static_cast<int>(v * 100 + 0.5)) + " %";
    };
    cell("Participants", std::to_string(s.participants));
    cell("Requests", std::to_string(s.requests));
    cell("Accepted", std::to_string(s.accepted));
    cell("Held", std::to_string(s.held));
    cell("Cross-sector", pct(s.share_cross_sector()));
    cell("Cross-border", pct(s.share_cross_border()));
    ImGui::EndTable();
  }
  ImGui::Separator();
  const float avail = ImGui::GetContentRegionAvail().x;
  ImGui::BeginChild("feed", ImVec2(avail * 0.34f, 0), true);
  ImGui::TextUnformatted("New pairings");
  for (const Pairing& p : m.monitor.feed()) {
    const std::time_t t = static_cast<std::time_t>(p.accepted_at / 1000);
    std::tm tm{};
    char when[16] = "";
    if (localtime_r(&t, &tm) != nullptr) std::strftime(when, sizeof when, "%H:%M:%S", &tm);
    ImGui::TextDisabled("%s", when);
    ImGui::SameLine();
    ImGui::TextWrapped("%s + %s%s%s", name_with_type(m.session, p.first).c_str(),
                       name_with_type(m.session, p.second).c_str(),
                       p.cross_sector ? "  [cross-sector]" : "",
                       p.cross_border ? " [cross-border]" : "");
  }
  if (m.monitor.feed().empty()) ImGui::TextDisabled("No accepted meetings yet.");
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("maps", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  const float cell = ImGui::GetFontSize() * 1.1f;
  ImGui::TextUnformatted("Accepted meetings by sector pair");
  draw_count_matrix("sectors", m.monitor.sectors(), cell);
  ImGui::Spacing();
  ImGui::TextUnformatted("Accepted meetings by city pair");
  draw_count_matrix("cities", m.monitor.cities(), cell);
  ImGui::EndChild();
}

void draw_count_matrix(const char* id, const CountMatrix& matrix, float cell) {
  const std::size_t n = matrix.labels.size();
  if (n == 0) {
    ImGui::TextDisabled("nothing yet");
    return;
  }
  float label_width = 0;
  for (const auto& label : matrix.labels)
    label_width = std::max(label_width, ImGui::CalcTextSize(label.c_str()).x);
  label_width += ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  for (std::size_t r = 0; r < n; ++r) {
    const float y = origin.y + static_cast<float>(r) * cell;
    draw->AddText(ImVec2(origin.x, y + (cell - line) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text),
                  matrix.labels[r].c_str());
    for (std::size_t c = 0; c < n; ++c) {
      const float x = origin.x + label_width + static_cast<float>(c) * cell;
      const int v = matrix.at(r, c);
      const float t =
          matrix.max > 0 ? static_cast<float>(v) / static_cast<float>(matrix.max) : 0.0f;
      const ImU32 colour = heat_colour(v ? 0.1f + 0.9f * t : 0.0f);
      draw->AddRectFilled(ImVec2(x, y), ImVec2(x + cell - 1, y + cell - 1), colour);
      // The count itself, so that the colour is never the only way to read a cell.
      if (v > 0) cell_number(draw, ImVec2(x, y), cell - 1, v, colour);
    }
  }
  const ImVec2 size(label_width + static_cast<float>(n) * cell, static_cast<float>(n) * cell);
  ImGui::InvisibleButton(id, size);
  if (ImGui::IsItemHovered()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const int c = static_cast<int>((mouse.x - origin.x - label_width) / cell);
    const int r = static_cast<int>((mouse.y - origin.y) / cell);
    if (c >= 0 && r >= 0 && c < static_cast<int>(n) && r < static_cast<int>(n)) {
      ImGui::SetTooltip("%s with %s: %d", matrix.labels[static_cast<std::size_t>(r)].c_str(),
                        matrix.labels[static_cast<std::size_t>(c)].c_str(),
                        matrix.at(static_cast<std::size_t>(r), static_cast<std::size_t>(c)));
    }
  }
}

}  // namespace crossmatch::client
