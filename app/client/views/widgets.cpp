#include "app/client/views/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include <imgui_stdlib.h>

#include "app/client/views/theme.hpp"
#include "app/client/views/type_ahead_picker_view.hpp"
#include "core/event/calendar.hpp"
#include "core/i18n/taxonomy_names.hpp"

namespace crossmatch::client {

void score_bar(float value, float width) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", static_cast<double>(value) * 100.0);
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, theme_colours(current_theme()).bar_fill);
  ImGui::ProgressBar(std::clamp(value, 0.0f, 1.0f), ImVec2(width, 0), text);
  ImGui::PopStyleColor();
}

std::string combo_preview(const std::string& text) {
  const float room =
      ImGui::CalcItemWidth() - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x * 2;
  return fitted_text(text, room);
}

namespace {

template <class List, class Id, class Name>
bool combo(const char* label, std::string& value, const List& list, bool allow_any, Id id,
           Name name) {
  // TRANSLATORS: a filter's choice that lets every value through (any sector, any city)
  std::string preview = allow_any && value.empty() ? tr("any") : value;
  for (const auto& item : list) {
    if (id(item) == value) preview = name(item);
  }
  bool changed = false;
  if (ImGui::BeginCombo(label, combo_preview(preview).c_str())) {
    // TRANSLATORS: a filter's choice that lets every value through (any sector, any city)
    if (allow_any && ImGui::Selectable(tr("any"), value.empty())) value.clear(), changed = true;
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
// choices made once for the taxonomy and the language.
template <auto Make>
bool taxonomy_picker(const char* label, std::string& value, const core::Taxonomy& taxonomy,
                     bool allow_any) {
  struct Cached {
    const core::Taxonomy* taxonomy = nullptr;
    std::string language;  // the names are in it
    TypeAheadPicker picker;
  };
  static Cached cached;
  if (cached.taxonomy != &taxonomy || cached.language != core::current_language_code()) {
    cached.taxonomy = &taxonomy;
    cached.language = core::current_language_code();
    cached.picker.set_choices(Make(taxonomy, std::set<std::string>{}));
  }
  // TRANSLATORS: a filter's choice that lets every value through (any sector, any city)
  return pick_one(label, cached.picker, value, allow_any ? tr("any") : nullptr);
}

}  // namespace

bool sector_combo(const char* label, std::string& id, const core::Taxonomy& taxonomy,
                  bool allow_any) {
  return combo(
      label, id, taxonomy.sectors(), allow_any,
      [](const core::Sector& s) -> const std::string& { return s.id; },
      [](const core::Sector& s) {
        if (s.kind != core::SectorKind::Creative) return std::string(core::sector_name(s));
        // TRANSLATORS: a creative sector's name in a list of sectors, e.g. "Design (creative)"
        return format_text(tr("%s (creative)"), core::sector_name(s));
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

std::string fitted_text(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  const float room = width - ImGui::CalcTextSize("...").x;
  std::size_t end = 0;  // the longest whole-character prefix that fits
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next = i + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    if (ImGui::CalcTextSize(text.data(), text.data() + next).x > room) break;
    end = i = next;
  }
  return text.substr(0, end) + "...";
}

bool input_with_hint(const char* label, const char* hint, std::string& value,
                     ImGuiInputTextFlags flags) {
  const float room = ImGui::CalcItemWidth() - ImGui::GetStyle().FramePadding.x * 2;
  const bool fits = ImGui::CalcTextSize(hint).x <= room;
  const bool changed =
      ImGui::InputTextWithHint(label, fits ? hint : fitted_text(hint, room).c_str(), &value, flags);
  if (!fits && value.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", hint);
  return changed;
}

std::string labelled(const char* text, const char* id) {
  return std::string(text) + "###" + id;
}

std::string local_day_and_time(std::int64_t unix_ms) {
  const std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  if (localtime_r(&t, &tm) == nullptr) return "";
  const std::int64_t days = core::days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return core::format_day_label(days) + " " + core::format_time_of_day(tm.tm_hour * 60 + tm.tm_min);
}

namespace {

// The room left on the line after the last item, in pixels.
float room_after_last_item() {
  const float edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  return edge - ImGui::GetItemRectMax().x - ImGui::GetStyle().ItemSpacing.x;
}

}  // namespace

void same_line_if_room(float width) {
  if (width <= room_after_last_item()) ImGui::SameLine();
}

void same_line_if_fits(const char* label) {
  same_line_if_room(ImGui::CalcTextSize(label, nullptr, true).x +
                    ImGui::GetStyle().FramePadding.x * 2);
}

void field_in_row(const char* label, float width) {
  same_line_if_room(ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x + width);
  label_left(label);
  ImGui::SetNextItemWidth(width);
}

float checkbox_width(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
         ImGui::CalcTextSize(label, nullptr, true).x;
}

void text_beside(const char* text, const ImVec4& colour) {
  // Beside when it fits whole, or when at least half the line is left to wrap it in.
  const float room = room_after_last_item();
  const float line = ImGui::GetContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
  if (ImGui::CalcTextSize(text).x <= room || room >= line / 2) ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void figures(const std::vector<Figure>& items) {
  // One width for all, so that they line up in columns, as many to a line as fit.
  const ImGuiStyle& style = ImGui::GetStyle();
  float width = 0;
  for (const Figure& f : items) {
    width = std::max(
        {width, ImGui::CalcTextSize(f.label.c_str()).x, ImGui::CalcTextSize(f.value.c_str()).x});
  }
  const float gap = style.ItemSpacing.x * 4;
  const float avail = ImGui::GetContentRegionAvail().x;
  const int per_line = std::max(1, static_cast<int>((avail + gap) / (width + gap)));
  const float left = ImGui::GetCursorPosX();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const int column = static_cast<int>(i) % per_line;
    if (column != 0) ImGui::SameLine(left + static_cast<float>(column) * (width + gap));
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", items[i].label.c_str());
    ImGui::TextUnformatted(items[i].value.c_str());
    ImGui::EndGroup();
  }
}

void note(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
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
  // TRANSLATORS: a countdown that has reached its time, in the place of "12:04" or "1 h 05 min"
  if (target_ms <= now_ms) return tr("now");
  const std::int64_t s = (target_ms - now_ms + 999) / 1000;
  if (s >= 3600) {
    // TRANSLATORS: hours and minutes left, e.g. "1 h 05 min"
    return format_text(tr("%lld h %02lld min"), static_cast<long long>(s / 3600),
                       static_cast<long long>(s / 60 % 60));
  }
  char text[48];
  std::snprintf(text, sizeof text, "%02lld:%02lld", static_cast<long long>(s / 60),
                static_cast<long long>(s % 60));
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
