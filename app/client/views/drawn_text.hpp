// The text a frame drew and where, read back from ImGui's draw data: each run of glyphs on one
// line with its rectangle in window pixels. `--layout-dump` writes it every frame so that a test
// of the real window can find a label and click it (the click still goes through the window
// system), and can wait until a text shows.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace crossmatch::client {

struct DrawnText {
  float x = 0, y = 0, width = 0, height = 0;  // the run's box, from its first glyph to its last
  std::string text;  // UTF-8; a gap of one space written as one (a wider gap starts a new run)
};

// Every visible run of text in `data`, in drawing order. Glyphs are recognised by their place in
// the atlas of `fonts`; a glyph cut by a clipping rectangle, or outside it, is left out.
std::vector<DrawnText> drawn_text(const ImDrawData& data, const ImFontAtlas& fonts);

// One line per run, "x y width height text" in whole pixels, after a first line naming `screen`.
std::string layout_lines(const std::string& screen, const std::vector<DrawnText>& runs);

}  // namespace crossmatch::client
