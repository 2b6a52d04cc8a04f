#include "app/client/views/view_menu.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <string>

namespace crossmatch::client {

const int ZoomKeys::kIn[2] = {GLFW_KEY_EQUAL, GLFW_KEY_KP_ADD};
const int ZoomKeys::kOut[2] = {GLFW_KEY_MINUS, GLFW_KEY_KP_SUBTRACT};
const int ZoomKeys::kReset[2] = {GLFW_KEY_0, GLFW_KEY_KP_0};

namespace {

bool pressed(const int (&keys)[2]) {
  for (int key : keys) {
    if (ImGui::IsKeyPressed(key, false)) return true;
  }
  return false;
}

}  // namespace

bool draw_view_menu(Appearance& appearance) {
  if (!ImGui::BeginMenu("View")) return false;
  const unsigned before = appearance.version();
  bool dark = appearance.theme() == Theme::Dark;
  if (ImGui::MenuItem("Dark theme", nullptr, &dark))
    appearance.set_theme(dark ? Theme::Dark : Theme::Light);
  ImGui::Separator();
  if (ImGui::MenuItem("Zoom in", "Ctrl +", false, appearance.zoom_percent() < Appearance::kZoomMax))
    appearance.zoom_in();
  if (ImGui::MenuItem("Zoom out", "Ctrl -", false,
                      appearance.zoom_percent() > Appearance::kZoomMin))
    appearance.zoom_out();
  if (ImGui::MenuItem("Actual size", "Ctrl 0", false,
                      appearance.zoom_percent() != Appearance::kZoomMin))
    appearance.reset_zoom();
  ImGui::TextDisabled("Zoom %d %% (Ctrl+wheel too)", appearance.zoom_percent());
  ImGui::EndMenu();
  return appearance.version() != before;
}

bool handle_zoom_keys(Appearance& appearance) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl || io.KeyAlt) return false;
  if (pressed(ZoomKeys::kIn)) return appearance.zoom_in();
  if (pressed(ZoomKeys::kOut)) return appearance.zoom_out();
  if (pressed(ZoomKeys::kReset)) return appearance.reset_zoom();
  return false;
}

}  // namespace crossmatch::client
