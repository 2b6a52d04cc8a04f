// The client's two themes (light and dark): ImGui's style colours, the colours that mean the same
// on every screen (error, done, warning, secondary text), and the contrast arithmetic (WCAG 2)
// with the list of text-on-background pairs each theme draws, which a test holds to 4.5:1.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "app/client/state/appearance.hpp"

namespace crossmatch::client {

// The colours with a meaning, per theme.
struct ThemeColours {
  ImVec4 error;       // refused, invalid, over time
  ImVec4 ok;          // done, accepted, live
  ImVec4 warning;     // connecting, waiting
  ImVec4 muted;       // secondary text drawn with TextColored
  ImVec4 link;        // a person's name that opens their profile (underlined when hovered)
  ImVec4 bar_fill;    // the score bar's filled part, with text over it
  ImVec4 canvas;      // the background of drawn pictures (the network)
  ImVec4 canvas_ink;  // names and lines on it
};

const ThemeColours& theme_colours(Theme theme);
// The theme the window shows now (set by apply_theme), for the colours above.
Theme current_theme();

// Sets the colours of `style` to the theme's and makes it the current theme.
void apply_theme(Theme theme, ImGuiStyle& style);
// A fresh style in the theme, with every size scaled by `scale` (content scale times zoom).
ImGuiStyle themed_style(Theme theme, float scale);

// WCAG 2: relative luminance of an opaque colour, and the contrast ratio of two (1 to 21).
float relative_luminance(const ImVec4& colour);
float contrast_ratio(const ImVec4& a, const ImVec4& b);
// `colour` drawn with its alpha over an opaque `background`.
ImVec4 over(const ImVec4& colour, const ImVec4& background);

// One text colour the theme draws on one background, both opaque (blended as drawn).
struct TextOnBackground {
  std::string text, background;  // their names, for a message
  ImVec4 text_colour, background_colour;
};
// Every pair the theme draws text in: ImGui's Text on each of its backgrounds (windows, frames,
// buttons, headers, tabs, tables, selections, disabled items), the hint and secondary text, and
// the meaning colours on the window and popups.
std::vector<TextOnBackground> text_pairs(Theme theme);
// Black or white, whichever reads better on `background` (numbers on heat map cells).
ImVec4 ink_on(const ImVec4& background);

}  // namespace crossmatch::client
