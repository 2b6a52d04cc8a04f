// The network of pairings: the force-directed layout advanced a few steps each frame and drawn
// on the window's draw list (creative sectors as circles in one colour, growth sectors as squares
// in another, so that the shape tells them apart without the colour).
#include <imgui.h>

#include "app/client/state/person_summary.hpp"
#include "app/client/views/broker_views.hpp"
#include "app/client/views/theme.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

void node_mark(ImDrawList* draw, ImVec2 at, float radius, bool creative) {
  if (creative) {
    draw->AddCircleFilled(at, radius, kCreativeColour, 12);
  } else {
    draw->AddRectFilled(ImVec2(at.x - radius, at.y - radius), ImVec2(at.x + radius, at.y + radius),
                        kGrowthColour);
  }
}

// The legend: the node's shape in its colour, then its meaning in the text colour.
void legend(const char* text, bool creative) {
  const float size = ImGui::GetTextLineHeight();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  node_mark(ImGui::GetWindowDrawList(), ImVec2(at.x + size * 0.5f, at.y + size * 0.5f),
            size * 0.32f, creative);
  ImGui::Dummy(ImVec2(size, size));
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::TextUnformatted(text);
}

}  // namespace

void draw_network_view(ClientModels& m) {
  PairingGraph& graph = m.graph;
  graph.refresh(m.session.state(), m.session.taxonomy(), m.session.meetings_version());
  graph.step();
  const std::size_t people = graph.nodes().size(), pairings = graph.edges().size();
  // TRANSLATORS: "12 people, 30 pairings (the newest 500)": the network draws at most the newest
  // 500 pairings; the first %s is "%zu people", the second "%zu pairings"
  ImGui::Text(tr("%s, %s (the newest %zu)"),
              format_text(tr_n("%zu person", "%zu people", people), people).c_str(),
              format_text(tr_n("%zu pairing", "%zu pairings", pairings), pairings).c_str(),
              PairingGraph::kMaxEdges);
  for (const bool creative : {true, false}) {
    const char* text = creative ? tr("creative sector") : tr("growth sector");
    same_line_if_room(ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                      ImGui::CalcTextSize(text).x);
    legend(text, creative);
  }
  const ThemeColours& colours = theme_colours(current_theme());
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 50.0f);
  size.y = std::max(size.y, 50.0f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y),
                      ImGui::ColorConvertFloat4ToU32(colours.canvas));
  const auto at = [&](const GraphNode& n) {
    return ImVec2(origin.x + n.x * size.x, origin.y + n.y * size.y);
  };
  const auto& nodes = graph.nodes();
  for (const auto& [a, b] : graph.edges()) {
    draw->AddLine(at(nodes[a]), at(nodes[b]), IM_COL32(120, 120, 140, 90));
  }
  const float radius = std::max(2.0f, ImGui::GetFontSize() * 0.2f);
  for (const auto& n : nodes) {
    node_mark(draw, at(n), radius + std::min(4.0f, static_cast<float>(n.degree) * 0.5f),
              n.creative);
  }
  // A small network gets its names; a large one shows them on hover.
  if (nodes.size() <= 40) {
    for (const auto& n : nodes) {
      const ImVec2 p = at(n);
      draw->AddText(ImVec2(p.x + radius + 3, p.y - ImGui::GetFontSize() * 0.5f),
                    ImGui::ColorConvertFloat4ToU32(colours.canvas_ink),
                    m.session.name_of(n.id).c_str());
    }
  }
  ImGui::InvisibleButton("network", size);
  if (ImGui::IsItemHovered()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (const auto& n : nodes) {
      const ImVec2 p = at(n);
      if ((p.x - mouse.x) * (p.x - mouse.x) + (p.y - mouse.y) * (p.y - mouse.y) < 36) {
        // TRANSLATORS: a person's name in the network, then how many pairings they have
        ImGui::SetTooltip(tr_n("%s: %d pairing\nClick for the full profile.",
                               "%s: %d pairings\nClick for the full profile.",
                               static_cast<unsigned long>(n.degree)),
                          name_with_type(m.session, n.id).c_str(), n.degree);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m.show_profile(n.id);
        break;
      }
    }
  }
}

}  // namespace crossmatch::client
