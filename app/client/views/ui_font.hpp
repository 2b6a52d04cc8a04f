// The client's type: a TrueType font from Debian's font packages with the letters of every
// language the client speaks (Latin-1 and Latin Extended-A: ą č ę ė į š ų ū ž, ł ń ś ź ż, ě ř ů,
// õ ä ö ü), punctuation, arrows and shapes; ImGui's own font when none is installed.
#pragma once

#include <imgui.h>

namespace crossmatch::client {

// The ranges of characters the atlas holds (ImGui's zero-terminated pairs).
const ImWchar* ui_glyph_ranges();

// Adds the UI font at `pixel_size` to `atlas`; false (and ImGui's built-in font, which lacks most
// accented letters) when no TrueType font is found.
bool add_ui_font(ImFontAtlas& atlas, float pixel_size);

}  // namespace crossmatch::client
