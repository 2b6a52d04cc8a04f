#include "app/client/views/view_menu.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <string>

#include "app/client/views/widgets.hpp"

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

// "Sprache (Language)": the word a person who does not read the current language still finds.
std::string language_label() {
  // TRANSLATORS: the menu and picker of the interface's language
  const char* word = tr("Language");
  return std::string(word) == "Language" ? word : std::string(word) + " (Language)";
}

}  // namespace

bool language_combo(Appearance& appearance, LanguageChoice& languages) {
  const auto& options = languages.options();
  if (options.empty()) return false;
  const std::string& current = languages.current();
  std::string shown = current;
  for (const LanguageOption& o : options) {
    if (o.code == current) shown = o.own_name;
  }
  bool picked = false;
  label_left(language_label().c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  // All ten at once, none hidden below a scroll.
  if (ImGui::BeginCombo("##interface-language", shown.c_str(), ImGuiComboFlags_HeightLargest)) {
    for (const LanguageOption& o : options) {
      if (ImGui::Selectable(o.own_name.c_str(), o.code == current)) {
        appearance.set_language(o.code);
        picked = true;
      }
    }
    ImGui::EndCombo();
  }
  return picked;
}

namespace {

void draw_language_menu(Appearance& appearance, LanguageChoice& languages) {
  const auto& options = languages.options();
  if (options.empty()) return;
  if (!ImGui::BeginMenu(labelled(language_label().c_str(), "language-menu").c_str())) return;
  for (const LanguageOption& o : options) {
    if (ImGui::MenuItem(o.own_name.c_str(), nullptr, o.code == languages.current()))
      appearance.set_language(o.code);
  }
  ImGui::EndMenu();
}

}  // namespace

bool draw_view_menu(Appearance& appearance, LanguageChoice& languages) {
  // TRANSLATORS: the menu of the window's look (theme and zoom)
  if (!ImGui::BeginMenu(labelled(tr("View"), "view-menu").c_str())) return false;
  const unsigned before = appearance.version();
  bool dark = appearance.theme() == Theme::Dark;
  if (ImGui::MenuItem(tr("Dark theme"), nullptr, &dark))
    appearance.set_theme(dark ? Theme::Dark : Theme::Light);
  ImGui::Separator();
  // TRANSLATORS: keyboard shortcuts; translate only the key's name as keyboards print it ("Strg +")
  const char* in_keys = tr("Ctrl +");
  // TRANSLATORS: keyboard shortcuts; translate only the key's name as keyboards print it ("Strg -")
  const char* out_keys = tr("Ctrl -");
  // TRANSLATORS: keyboard shortcuts; translate only the key's name as keyboards print it ("Strg 0")
  const char* reset_keys = tr("Ctrl 0");
  if (ImGui::MenuItem(tr("Zoom in"), in_keys, false,
                      appearance.zoom_percent() < Appearance::kZoomMax))
    appearance.zoom_in();
  if (ImGui::MenuItem(tr("Zoom out"), out_keys, false,
                      appearance.zoom_percent() > Appearance::kZoomMin))
    appearance.zoom_out();
  // TRANSLATORS: the zoom back to 100 %
  if (ImGui::MenuItem(tr("Actual size"), reset_keys, false,
                      appearance.zoom_percent() != Appearance::kZoomMin))
    appearance.reset_zoom();
  // TRANSLATORS: the zoom in percent; the mouse wheel with Ctrl held zooms as well
  ImGui::TextDisabled(tr("Zoom %d %% (Ctrl+wheel too)"), appearance.zoom_percent());
  ImGui::Separator();
  draw_language_menu(appearance, languages);
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
