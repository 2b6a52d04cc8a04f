// How the client looks and speaks for this person: light or dark theme, the zoom (100-200 %) and
// the language, changed from the View menu (the language also on the join screen) or with
// Ctrl +/- and Ctrl+wheel, and remembered in the client's config.
// No ImGui types: the window applies it (fonts rebuilt at the new size, the theme's colours).
#pragma once

#include <string>

#include "app/client/state/client_config.hpp"

namespace crossmatch::client {

enum class Theme { Light, Dark };

const char* to_string(Theme theme);

class Appearance {
 public:
  static constexpr int kZoomMin = 100;
  static constexpr int kZoomMax = 200;
  // The steps Ctrl +/- go through, as in web browsers.
  static constexpr int kZoomSteps[] = {100, 110, 125, 150, 175, 200};

  Theme theme() const { return theme_; }
  int zoom_percent() const { return zoom_; }
  // The zoom as a factor (1.0 to 2.0), times the monitor's content scale for the UI's size.
  float zoom() const { return static_cast<float>(zoom_) / 100.0f; }

  void set_theme(Theme theme);
  // The next step up or down; nothing past the ends. True when the zoom changed.
  bool zoom_in();
  bool zoom_out();
  bool reset_zoom();
  // `notches` of a Ctrl+wheel: positive zooms in, one step per notch.
  bool zoom_by_wheel(int notches);
  // Any zoom in the range (clamped to it).
  void set_zoom_percent(int percent);

  // The language's code ("de"); empty until chosen: the system's (LANGUAGE, LC_ALL, LANG).
  const std::string& language() const { return language_; }
  void set_language(const std::string& code);

  // Counts changes, so that the window knows when to rebuild and the app when to save.
  unsigned version() const { return version_; }

  // From the config ("theme" = light or dark, "zoom" = percent, "language" = a code we speak); a
  // missing or unreadable value keeps the default.
  static Appearance load(const ClientConfig& config);
  void store(ClientConfig& config) const;

 private:
  Theme theme_ = Theme::Light;
  int zoom_ = 100;
  std::string language_;
  unsigned version_ = 0;
};

}  // namespace crossmatch::client
