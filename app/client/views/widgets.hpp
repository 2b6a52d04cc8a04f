// Small drawing helpers the screens share: a score bar, pickers for taxonomy ids, a heat colour,
// and a note under an input for its validation message.
#pragma once

#include <imgui.h>

#include <string>

#include "core/taxonomy.hpp"

namespace crossmatch::client {

// A horizontal bar filled to `value` (0..1) with the value written on it.
void score_bar(float value, float width);
// Combos over the taxonomy; an empty id is "any" when `allow_any`. True when changed.
bool sector_combo(const char* label, std::string& id, const core::Taxonomy& taxonomy,
                  bool allow_any);
bool city_combo(const char* label, std::string& id, const core::Taxonomy& taxonomy, bool allow_any);
bool country_combo(const char* label, std::string& code, const core::Taxonomy& taxonomy,
                   bool allow_any);
bool language_combo(const char* label, std::string& code, const core::Taxonomy& taxonomy,
                    bool allow_any);
// A label on the left of the next item on the same line (ImGui puts labels on the right, which
// reads wrongly when several inputs share a line).
void label_left(const char* label);
// A red message under the previous input, when not empty.
void field_message(const std::string& message);
// The heat maps' colour-blind-safe scale (viridis, app/client/state/heat_scale.hpp) at `t` in 0..1.
ImU32 heat_colour(float t);
// Colours that mean the same on every screen.
inline constexpr ImU32 kCreativeColour = IM_COL32(214, 96, 77, 255);
inline constexpr ImU32 kGrowthColour = IM_COL32(52, 120, 190, 255);
ImVec4 error_colour();
ImVec4 ok_colour();
ImVec4 muted_colour();
// "12:04" or "1 h 05 min" until `target_ms` from `now_ms`; "now" when past.
std::string countdown(std::int64_t now_ms, std::int64_t target_ms);

}  // namespace crossmatch::client
