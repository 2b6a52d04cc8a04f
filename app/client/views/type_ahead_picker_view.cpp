#include "app/client/views/type_ahead_picker_view.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

// The popup's body: the search field, then the matching choices in a scrolled list under it.
// True when a choice (or none) was taken; `value` is then set.
bool choose(TypeAheadPicker& picker, std::string& value, const char* none_label) {
  if (ImGui::IsWindowAppearing()) {
    picker.query.clear();
    ImGui::SetKeyboardFocusHere();
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool enter = input_with_hint("##search", tr("type to search"), picker.query,
                                     ImGuiInputTextFlags_EnterReturnsTrue);
  const auto matches = picker.matches();
  if (enter && !matches.empty()) {
    value = matches.front()->value;
    return true;
  }
  const float line = ImGui::GetTextLineHeightWithSpacing();
  bool taken = false;
  ImGui::BeginChild("##choices", ImVec2(ImGui::GetFontSize() * 16, line * 12), false,
                    ImGuiWindowFlags_NavFlattened);
  if (none_label != nullptr && picker.query.empty() &&
      ImGui::Selectable(none_label, value.empty())) {
    value.clear();
    taken = true;
  }
  bool in_featured = false;
  for (const PickerChoice* c : matches) {
    if (c->featured && !in_featured) {
      in_featured = true;
      // TRANSLATORS: heading over the choices that people at this event have already given
      ImGui::TextDisabled("%s", tr("At this event"));
    } else if (!c->featured && in_featured) {
      in_featured = false;
      ImGui::Separator();
    }
    ImGui::PushID(c->value.c_str());
    if (ImGui::Selectable(c->name.c_str(), c->value == value)) {
      value = c->value;
      taken = true;
    }
    if (c->value == value && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();
    ImGui::PopID();
  }
  if (matches.empty()) ImGui::TextDisabled(tr("Nothing matches \"%s\"."), picker.query.c_str());
  ImGui::EndChild();
  return taken;
}

}  // namespace

bool pick_one(const char* label, TypeAheadPicker& picker, std::string& value,
              const char* none_label) {
  const std::string preview =
      value.empty() ? (none_label != nullptr ? none_label : "") : picker.name_of(value);
  const float room =
      ImGui::CalcItemWidth() - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x * 2;
  if (!ImGui::BeginCombo(label, fitted_text(preview, room).c_str(), ImGuiComboFlags_HeightLargest))
    return false;
  std::string chosen = value;
  const bool taken = choose(picker, chosen, none_label);
  if (taken) ImGui::CloseCurrentPopup();  // the list is a child window: close the combo itself
  ImGui::EndCombo();
  if (!taken || chosen == value) return false;
  value = chosen;
  return true;
}

bool pick_many(const char* label, TypeAheadPicker& picker, std::vector<std::string>& values,
               std::size_t max) {
  ImGui::PushID(label);
  bool changed = false;
  const float right = ImGui::GetCursorScreenPos().x + ImGui::CalcItemWidth();
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::BeginGroup();
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string text = picker.name_of(values[i]) + "  \u00d7";
    const float width = ImGui::CalcTextSize(text.c_str()).x + style.FramePadding.x * 2;
    if (i > 0) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
    }
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Button(text.c_str())) {
      values.erase(values.begin() + static_cast<std::ptrdiff_t>(i));
      changed = true;
      ImGui::PopID();
      break;
    }
    if (ImGui::IsItemHovered()) {
      // TRANSLATORS: tooltip of a chosen value's button; %s is the value ("Portuguese")
      ImGui::SetTooltip(tr("Remove %s"), picker.name_of(values[i]).c_str());
    }
    ImGui::PopID();
  }
  if (values.size() < max) {
    std::string added;
    const char* prompt = values.empty() ? tr("choose...") : tr("add another...");
    // Room for the whole prompt, with the combo's arrow.
    ImGui::SetNextItemWidth(
        std::max(ImGui::CalcItemWidth(), ImGui::CalcTextSize(prompt).x + ImGui::GetFrameHeight() +
                                             ImGui::GetStyle().FramePadding.x * 2));
    if (ImGui::BeginCombo("##add", prompt, ImGuiComboFlags_HeightLargest)) {
      if (choose(picker, added, nullptr)) {
        ImGui::CloseCurrentPopup();
        if (!added.empty() && std::find(values.begin(), values.end(), added) == values.end()) {
          values.push_back(added);
          changed = true;
        }
      }
      ImGui::EndCombo();
    }
  } else {
    // TRANSLATORS: how many values may be chosen at most
    ImGui::TextDisabled(tr_n("(at most %zu)", "(at most %zu)", max), max);
  }
  ImGui::EndGroup();
  ImGui::SameLine(0, style.ItemInnerSpacing.x);
  ImGui::TextUnformatted(label, ImGui::FindRenderedTextEnd(label));
  ImGui::PopID();
  return changed;
}

}  // namespace crossmatch::client
