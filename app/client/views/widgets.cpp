#include "app/client/views/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "app/client/views/theme.hpp"
#include "app/client/views/type_ahead_picker_view.hpp"

namespace crossmatch::client {

void score_bar(float value, float width) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", static_cast<double>(value) * 100.0);
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, theme_colours(current_theme()).bar_fill);
  ImGui::ProgressBar(std::clamp(value, 0.0f, 1.0f), ImVec2(width, 0), text);
  ImGui::PopStyleColor();
}

namespace {

template <class List, class Id, class Name>
bool combo(const char* label, std::string& value, const List& list, bool allow_any, Id id,
           Name name) {
  std::string preview = allow_any && value.empty() ? "any" : value;
  for (const auto& item : list) {
    if (id(item) == value) preview = name(item);
  }
  bool changed = false;
  if (ImGui::BeginCombo(label, preview.c_str())) {
    if (allow_any && ImGui::Selectable("any", value.empty())) value.clear(), changed = true;
    for (const auto& item : list) {
      ImGui::PushID(id(item).c_str());
      if (ImGui::Selectable(name(item).c_str(), id(item) == value))
        value = id(item), changed = true;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

// One picker per kind, shared by every combo of that kind (one popup is open at a time), its
// choices made once for the taxonomy.
template <auto Make>
bool taxonomy_picker(const char* label, std::string& value, const core::Taxonomy& taxonomy,
                     bool allow_any) {
  struct Cached {
    const core::Taxonomy* taxonomy = nullptr;
    TypeAheadPicker picker;
  };
  static Cached cached;
  if (cached.taxonomy != &taxonomy) {
    cached.taxonomy = &taxonomy;
    cached.picker.set_choices(Make(taxonomy, std::set<std::string>{}));
  }
  return pick_one(label, cached.picker, value, allow_any ? "any" : nullptr);
}

}  // namespace

bool sector_combo(const char* label, std::string& id, const core::Taxonomy& taxonomy,
                  bool allow_any) {
  return combo(
      label, id, taxonomy.sectors(), allow_any,
      [](const core::Sector& s) -> const std::string& { return s.id; },
      [](const core::Sector& s) {
        return s.name + (s.kind == core::SectorKind::Creative ? " (creative)" : "");
      });
}

bool city_combo(const char* label, std::string& id, const core::Taxonomy& taxonomy,
                bool allow_any) {
  return taxonomy_picker<city_choices>(label, id, taxonomy, allow_any);
}

bool country_combo(const char* label, std::string& code, const core::Taxonomy& taxonomy,
                   bool allow_any) {
  return taxonomy_picker<country_choices>(label, code, taxonomy, allow_any);
}

bool language_combo(const char* label, std::string& code, const core::Taxonomy& taxonomy,
                    bool allow_any) {
  return taxonomy_picker<language_choices>(label, code, taxonomy, allow_any);
}

void label_left(const char* label) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
}

void field_message(const std::string& message) {
  if (message.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, error_colour());
  ImGui::TextWrapped("%s", message.c_str());
  ImGui::PopStyleColor();
}

void field_message_line(const std::string& message) {
  const float line = ImGui::GetTextLineHeight();
  if (message.empty()) {
    ImGui::Dummy(ImVec2(0, line));
    return;
  }
  const float width = std::max(ImGui::GetContentRegionAvail().x, line);
  std::string shown = message;
  if (ImGui::CalcTextSize(shown.c_str()).x > width) {
    const float ellipsis = ImGui::CalcTextSize("...").x;
    while (!shown.empty() && ImGui::CalcTextSize(shown.c_str()).x + ellipsis > width) {
      unsigned char removed = 0;
      do {  // a whole character, never half of one
        removed = static_cast<unsigned char>(shown.back());
        shown.pop_back();
      } while (!shown.empty() && (removed & 0xC0) == 0x80);
    }
    shown += "...";
  }
  ImGui::TextColored(error_colour(), "%s", shown.c_str());
  if (shown != message && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", message.c_str());
}

void cell_number(ImDrawList* draw, ImVec2 corner, float side, int value, ImU32 background) {
  char text[16];
  std::snprintf(text, sizeof text, "%d", value);
  ImFont* font = ImGui::GetFont();
  float size = ImGui::GetFontSize() * 0.8f;
  ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, text);
  if (extent.x > side) {
    size *= side / extent.x;
    extent = font->CalcTextSizeA(size, FLT_MAX, 0, text);
  }
  const ImU32 ink =
      ImGui::ColorConvertFloat4ToU32(ink_on(ImGui::ColorConvertU32ToFloat4(background)));
  draw->AddText(font, size,
                ImVec2(corner.x + (side - extent.x) * 0.5f, corner.y + (side - extent.y) * 0.5f),
                ink, text);
}

ImVec4 error_colour() {
  return theme_colours(current_theme()).error;
}
ImVec4 ok_colour() {
  return theme_colours(current_theme()).ok;
}
ImVec4 warning_colour() {
  return theme_colours(current_theme()).warning;
}
ImVec4 muted_colour() {
  return theme_colours(current_theme()).muted;
}
ImVec4 link_colour() {
  return theme_colours(current_theme()).link;
}

std::string countdown(std::int64_t now_ms, std::int64_t target_ms) {
  if (target_ms <= now_ms) return "now";
  const std::int64_t s = (target_ms - now_ms + 999) / 1000;
  char text[48];
  if (s >= 3600) {
    std::snprintf(text, sizeof text, "%lld h %02lld min", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60));
  } else {
    std::snprintf(text, sizeof text, "%02lld:%02lld", static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
  }
  return text;
}

std::string time_left_text(std::int64_t ms) {
  const bool over = ms < 0;
  const std::int64_t s = over ? (-ms) / 1000 : (ms + 999) / 1000;
  char text[32];
  std::snprintf(text, sizeof text, "%s%02lld:%02lld", over ? "+" : "",
                static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  return text;
}

}  // namespace crossmatch::client
