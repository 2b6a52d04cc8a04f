#include "app/client/views/widgets.hpp"

#include <algorithm>
#include <cstdio>

#include "app/client/state/heat_scale.hpp"

namespace crossmatch::client {

void score_bar(float value, float width) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", static_cast<double>(value) * 100.0);
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, IM_COL32(60, 150, 90, 255));
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

}  // namespace

bool sector_combo(const char* label, std::string& id, const core::Taxonomy& taxonomy,
                  bool allow_any) {
  return combo(
      label, id, taxonomy.sectors(), allow_any,
      [](const core::Sector& s) -> const std::string& { return s.id; },
      [](const core::Sector& s) {
        return s.name + (s.kind == core::SectorKind::Creative ? " (CCI)" : "");
      });
}

bool city_combo(const char* label, std::string& id, const core::Taxonomy& taxonomy,
                bool allow_any) {
  return combo(
      label, id, taxonomy.cities(), allow_any,
      [](const core::City& c) -> const std::string& { return c.id; },
      [](const core::City& c) { return c.name + " (" + c.country + ")"; });
}

bool country_combo(const char* label, std::string& code, const core::Taxonomy& taxonomy,
                   bool allow_any) {
  return combo(
      label, code, taxonomy.countries(), allow_any,
      [](const core::Country& c) -> const std::string& { return c.code; },
      [](const core::Country& c) { return c.name; });
}

bool language_combo(const char* label, std::string& code, const core::Taxonomy& taxonomy,
                    bool allow_any) {
  return combo(
      label, code, taxonomy.languages(), allow_any,
      [](const core::Language& l) -> const std::string& { return l.code; },
      [](const core::Language& l) { return l.name; });
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

ImU32 heat_colour(float t) {
  const Rgb c = viridis(t);
  return IM_COL32(c.r, c.g, c.b, 255);
}

ImVec4 error_colour() {
  return ImVec4(0.75f, 0.12f, 0.10f, 1.0f);
}
ImVec4 ok_colour() {
  return ImVec4(0.10f, 0.50f, 0.20f, 1.0f);
}
ImVec4 muted_colour() {
  return ImVec4(0.40f, 0.40f, 0.45f, 1.0f);
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

}  // namespace crossmatch::client
