#include "app/client/views/theme.hpp"

#include <cmath>

namespace crossmatch::client {
namespace {

Theme g_current = Theme::Light;

const ThemeColours kLight{
    .error = {0.70f, 0.10f, 0.08f, 1.0f},
    .ok = {0.05f, 0.42f, 0.15f, 1.0f},
    .warning = {0.55f, 0.35f, 0.00f, 1.0f},
    .muted = {0.35f, 0.35f, 0.40f, 1.0f},
    .link = {0.05f, 0.30f, 0.65f, 1.0f},
    .bar_fill = {0.45f, 0.75f, 0.55f, 1.0f},
    .canvas = {1.00f, 1.00f, 1.00f, 1.0f},
    .canvas_ink = {0.24f, 0.24f, 0.27f, 1.0f},
};

const ThemeColours kDark{
    .error = {1.00f, 0.47f, 0.43f, 1.0f},
    .ok = {0.42f, 0.85f, 0.52f, 1.0f},
    .warning = {0.96f, 0.76f, 0.32f, 1.0f},
    .muted = {0.70f, 0.70f, 0.74f, 1.0f},
    .link = {0.55f, 0.75f, 1.00f, 1.0f},
    .bar_fill = {0.15f, 0.45f, 0.25f, 1.0f},
    .canvas = {0.14f, 0.14f, 0.16f, 1.0f},
    .canvas_ink = {0.85f, 0.85f, 0.88f, 1.0f},
};

void light_colours(ImGuiStyle& style) {
  ImGui::StyleColorsLight(&style);
  ImVec4* c = style.Colors;
  // ImGui's grey (0.60) on its window (0.94) is 2.5:1; this one reads at 6:1.
  c[ImGuiCol_TextDisabled] = ImVec4(0.32f, 0.32f, 0.35f, 1.0f);
  c[ImGuiCol_WindowBg] = ImVec4(0.94f, 0.94f, 0.94f, 1.0f);
  // The keyboard focus: a strong blue frame, 3:1 or more against the window (WCAG's non-text).
  c[ImGuiCol_NavHighlight] = ImVec4(0.05f, 0.30f, 0.75f, 1.0f);
}

void dark_colours(ImGuiStyle& style) {
  ImGui::StyleColorsDark(&style);
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = ImVec4(0.93f, 0.93f, 0.94f, 1.0f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.70f, 0.70f, 0.74f, 1.0f);
  c[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.10f, 0.11f, 1.0f);
  c[ImGuiCol_PopupBg] = ImVec4(0.13f, 0.13f, 0.15f, 1.0f);
  // ImGui's bright blue under white text is 3:1 when hovered or pressed; darker blues read at 5:1.
  const ImVec4 hovered(0.20f, 0.38f, 0.64f, 1.0f);
  const ImVec4 active(0.15f, 0.31f, 0.56f, 1.0f);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.20f, 0.30f, 0.45f, 1.0f);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.18f, 0.32f, 0.52f, 1.0f);
  c[ImGuiCol_ButtonHovered] = hovered;
  c[ImGuiCol_ButtonActive] = active;
  c[ImGuiCol_HeaderHovered] = hovered;
  c[ImGuiCol_HeaderActive] = active;
  c[ImGuiCol_Tab] = ImVec4(0.16f, 0.22f, 0.32f, 1.0f);
  c[ImGuiCol_TabHovered] = hovered;
  c[ImGuiCol_TabActive] = ImVec4(0.18f, 0.34f, 0.58f, 1.0f);
  c[ImGuiCol_TabUnfocused] = ImVec4(0.14f, 0.17f, 0.22f, 1.0f);
  c[ImGuiCol_TabUnfocusedActive] = ImVec4(0.17f, 0.26f, 0.40f, 1.0f);
  c[ImGuiCol_TextSelectedBg] = ImVec4(0.26f, 0.59f, 0.98f, 0.35f);
  c[ImGuiCol_NavHighlight] = ImVec4(0.50f, 0.75f, 1.00f, 1.0f);
}

// Disabled controls stay readable (ImGui's 0.60 dims dark grey text below 4.5:1).
constexpr float kDisabledAlpha = 0.70f;

void set_colours(Theme theme, ImGuiStyle& style) {
  if (theme == Theme::Dark) {
    dark_colours(style);
  } else {
    light_colours(style);
  }
}

float linear(float channel) {
  return channel <= 0.04045f ? channel / 12.92f : std::pow((channel + 0.055f) / 1.055f, 2.4f);
}

}  // namespace

const ThemeColours& theme_colours(Theme theme) {
  return theme == Theme::Dark ? kDark : kLight;
}

Theme current_theme() {
  return g_current;
}

void apply_theme(Theme theme, ImGuiStyle& style) {
  set_colours(theme, style);
  g_current = theme;
}

ImGuiStyle themed_style(Theme theme, float scale) {
  ImGuiStyle style;
  apply_theme(theme, style);
  style.DisabledAlpha = kDisabledAlpha;
  style.ScaleAllSizes(scale);
  return style;
}

float relative_luminance(const ImVec4& colour) {
  return 0.2126f * linear(colour.x) + 0.7152f * linear(colour.y) + 0.0722f * linear(colour.z);
}

float contrast_ratio(const ImVec4& a, const ImVec4& b) {
  const float la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

ImVec4 over(const ImVec4& colour, const ImVec4& background) {
  const float a = colour.w;
  return ImVec4(colour.x * a + background.x * (1 - a), colour.y * a + background.y * (1 - a),
                colour.z * a + background.z * (1 - a), 1.0f);
}

ImVec4 ink_on(const ImVec4& background) {
  const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1);
  return contrast_ratio(black, background) >= contrast_ratio(white, background) ? black : white;
}

std::vector<TextOnBackground> text_pairs(Theme theme) {
  ImGuiStyle style;
  set_colours(theme, style);
  style.DisabledAlpha = kDisabledAlpha;
  const ImVec4* c = style.Colors;
  const ThemeColours& meaning = theme_colours(theme);
  const ImVec4 window = over(c[ImGuiCol_WindowBg], ImVec4(0, 0, 0, 1));
  const ImVec4 popup = over(c[ImGuiCol_PopupBg], window);
  std::vector<TextOnBackground> pairs;
  const auto add = [&](const char* text, ImVec4 text_colour, const char* background,
                       ImVec4 background_colour) {
    const ImVec4 bg = over(background_colour, window);
    pairs.push_back({text, background, over(text_colour, bg), bg});
  };
  struct Named {
    const char* name;
    ImGuiCol col;
  };
  // Where ImGui draws its Text colour.
  static constexpr Named kUnderText[] = {
      {"WindowBg", ImGuiCol_WindowBg},
      {"ChildBg", ImGuiCol_ChildBg},
      {"PopupBg", ImGuiCol_PopupBg},
      {"MenuBarBg", ImGuiCol_MenuBarBg},
      {"TitleBg", ImGuiCol_TitleBg},
      {"TitleBgActive", ImGuiCol_TitleBgActive},
      {"FrameBg", ImGuiCol_FrameBg},
      {"FrameBgHovered", ImGuiCol_FrameBgHovered},
      {"FrameBgActive", ImGuiCol_FrameBgActive},
      {"Button", ImGuiCol_Button},
      {"ButtonHovered", ImGuiCol_ButtonHovered},
      {"ButtonActive", ImGuiCol_ButtonActive},
      {"Header", ImGuiCol_Header},
      {"HeaderHovered", ImGuiCol_HeaderHovered},
      {"HeaderActive", ImGuiCol_HeaderActive},
      {"Tab", ImGuiCol_Tab},
      {"TabHovered", ImGuiCol_TabHovered},
      {"TabActive", ImGuiCol_TabActive},
      {"TabUnfocused", ImGuiCol_TabUnfocused},
      {"TabUnfocusedActive", ImGuiCol_TabUnfocusedActive},
      {"TableHeaderBg", ImGuiCol_TableHeaderBg},
      {"TableRowBgAlt", ImGuiCol_TableRowBgAlt},
  };
  for (const Named& n : kUnderText) add("Text", c[ImGuiCol_Text], n.name, c[n.col]);
  // Selected text in an input: the selection over the input's frame.
  add("Text", c[ImGuiCol_Text], "TextSelectedBg on FrameBg",
      over(c[ImGuiCol_TextSelectedBg], over(c[ImGuiCol_FrameBg], window)));
  // Popups (combos, menus, tooltips) draw over the window.
  pairs.push_back({"Text", "PopupBg", c[ImGuiCol_Text], popup});
  // A disabled control: every colour's alpha times DisabledAlpha.
  const auto dimmed = [&](ImVec4 colour) {
    colour.w *= style.DisabledAlpha;
    return colour;
  };
  add("Text (disabled)", dimmed(c[ImGuiCol_Text]), "WindowBg", c[ImGuiCol_WindowBg]);
  {
    const ImVec4 button = over(dimmed(c[ImGuiCol_Button]), window);
    pairs.push_back(
        {"Text (disabled)", "Button (disabled)", over(dimmed(c[ImGuiCol_Text]), button), button});
  }
  // Secondary text and input hints.
  for (const Named& n :
       {Named{"WindowBg", ImGuiCol_WindowBg}, Named{"FrameBg", ImGuiCol_FrameBg},
        Named{"TableRowBgAlt", ImGuiCol_TableRowBgAlt}, Named{"Header", ImGuiCol_Header}}) {
    add("TextDisabled", c[ImGuiCol_TextDisabled], n.name, c[n.col]);
  }
  pairs.push_back({"TextDisabled", "PopupBg", c[ImGuiCol_TextDisabled], popup});
  // The colours with a meaning, on the window, in tables and in popups.
  const struct {
    const char* name;
    ImVec4 colour;
  } meanings[] = {{"error", meaning.error},
                  {"ok", meaning.ok},
                  {"warning", meaning.warning},
                  {"muted", meaning.muted},
                  {"link", meaning.link}};
  for (const auto& m : meanings) {
    add(m.name, m.colour, "WindowBg", c[ImGuiCol_WindowBg]);
    add(m.name, m.colour, "TableRowBgAlt", c[ImGuiCol_TableRowBgAlt]);
    pairs.push_back({m.name, "PopupBg", m.colour, popup});
  }
  // A link stays readable while its person's profile is open (the link drawn selected).
  add("link", meaning.link, "Header", c[ImGuiCol_Header]);
  // The score bar writes its value in Text over its fill and its frame.
  add("Text", c[ImGuiCol_Text], "score bar fill", meaning.bar_fill);
  pairs.push_back({"canvas ink", "canvas", meaning.canvas_ink, meaning.canvas});
  return pairs;
}

}  // namespace crossmatch::client
