#include "app/client/state/appearance.hpp"

#include <algorithm>

#include "i18n/languages.hpp"

namespace crossmatch::client {

const char* to_string(Theme theme) {
  return theme == Theme::Dark ? "dark" : "light";
}

void Appearance::set_theme(Theme theme) {
  if (theme == theme_) return;
  theme_ = theme;
  ++version_;
}

void Appearance::set_zoom_percent(int percent) {
  percent = std::clamp(percent, kZoomMin, kZoomMax);
  if (percent == zoom_) return;
  zoom_ = percent;
  ++version_;
}

bool Appearance::zoom_in() {
  for (int step : kZoomSteps) {
    if (step > zoom_) {
      set_zoom_percent(step);
      return true;
    }
  }
  return false;
}

bool Appearance::zoom_out() {
  for (auto it = std::rbegin(kZoomSteps); it != std::rend(kZoomSteps); ++it) {
    if (*it < zoom_) {
      set_zoom_percent(*it);
      return true;
    }
  }
  return false;
}

bool Appearance::reset_zoom() {
  const int before = zoom_;
  set_zoom_percent(kZoomMin);
  return zoom_ != before;
}

bool Appearance::zoom_by_wheel(int notches) {
  bool changed = false;
  for (; notches > 0; --notches) changed = zoom_in() || changed;
  for (; notches < 0; ++notches) changed = zoom_out() || changed;
  return changed;
}

void Appearance::set_language(const std::string& code) {
  if (code == language_ || i18n::find_language(code) == nullptr) return;
  language_ = code;
  ++version_;
}

Appearance Appearance::load(const ClientConfig& config) {
  Appearance a;
  const std::string theme = config.get("theme");
  if (theme == "dark") a.theme_ = Theme::Dark;
  const int zoom = config.get_int("zoom", a.zoom_);
  a.zoom_ = std::clamp(zoom, kZoomMin, kZoomMax);
  const std::string language = config.get("language");
  if (i18n::find_language(language) != nullptr) a.language_ = language;
  return a;
}

void Appearance::store(ClientConfig& config) const {
  config.set("theme", to_string(theme_));
  config.set_int("zoom", zoom_);
  if (!language_.empty()) config.set("language", language_);
}

}  // namespace crossmatch::client
