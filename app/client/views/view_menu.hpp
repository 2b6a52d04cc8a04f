// The View menu (dark theme, zoom in, zoom out, actual size) and the zoom's keyboard shortcuts:
// Ctrl and + or =, Ctrl and -, Ctrl and 0 (the keypad's too). Ctrl+wheel comes from the window.
#pragma once

#include "app/client/state/appearance.hpp"
#include "app/client/state/language_choice.hpp"

namespace crossmatch::client {

// Inside a menu bar. True when the appearance changed.
bool draw_view_menu(Appearance& appearance, LanguageChoice& languages);
// A combo of the languages by their own names (the join screen's); true when one was picked.
bool language_combo(Appearance& appearance, LanguageChoice& languages);
// Reads this frame's keys. True when the zoom changed.
bool handle_zoom_keys(Appearance& appearance);

// The key indices (io.KeysDown) the shortcuts use: the window's backend puts GLFW's key codes
// there; tests press the same.
struct ZoomKeys {
  static const int kIn[2];
  static const int kOut[2];
  static const int kReset[2];
};

}  // namespace crossmatch::client
