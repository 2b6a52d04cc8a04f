// Small drawing helpers the screens share: a score bar, pickers for taxonomy ids, a heat colour,
// and a note under an input for its validation message.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "core/i18n/translation.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::client {

// Every screen speaks through the translation functions (core/i18n/translation.hpp).
using core::format_text;
using core::tr;
using core::tr_ctx;
using core::tr_n;
using core::tr_noop;

// An ImGui label whose identity does not change with the language: the translated `text` shown,
// `id` hashed ("Sichern###save"), so that tabs, windows and popups keep their place and state
// when the language is switched.
std::string labelled(const char* text, const char* id);

// A horizontal bar filled to `value` (0..1) with the value written on it.
void score_bar(float value, float width);
// Combos over the taxonomy; an empty id is "any" when `allow_any`. True when changed. Cities,
// countries and languages are type-ahead pickers, sorted by name.
bool sector_combo(const char* label, std::string& id, const core::Taxonomy& taxonomy,
                  bool allow_any);
bool city_combo(const char* label, std::string& id, const core::Taxonomy& taxonomy, bool allow_any);
bool country_combo(const char* label, std::string& code, const core::Taxonomy& taxonomy,
                   bool allow_any);
bool language_combo(const char* label, std::string& code, const core::Taxonomy& taxonomy,
                    bool allow_any);
// `text` shortened to fit `width` pixels in the current font, ending in "..." when cut (at a
// whole character); `text` itself when it fits.
std::string fitted_text(const std::string& text, float width);
// A combo's closed text, shortened ("...") when it is longer than the next combo is wide.
std::string combo_preview(const std::string& text);
// An input with a hint that fits it: a hint too long for the field is shortened ("...") and
// shown whole in a tooltip. The field is as wide as the next item width.
bool input_with_hint(const char* label, const char* hint, std::string& value,
                     ImGuiInputTextFlags flags = 0);
// A moment in this computer's time zone as the language writes it: "Thu 14 May 09:20", "Do 14.
// Mai 09:20" (24-hour clock everywhere).
std::string local_day_and_time(std::int64_t unix_ms);
// SameLine() when a button labelled `label` still fits on the line after the last item; otherwise
// the button goes on the next line (long translations, large zoom).
void same_line_if_fits(const char* label);
// The same for any item `width` wide.
void same_line_if_room(float width);
// The next labelled field of a row of fields ("Day [..] From [..] to [..]"): beside the last item
// when its label and a field `width` wide fit there, else at the start of the next line; then its
// label, and the field's width set.
void field_in_row(const char* label, float width);
// How wide a checkbox or radio button labelled `label` is, for same_line_if_room.
float checkbox_width(const char* label);
// A message after the last item: beside it when it fits, or on the next line; wrapped at the
// window's edge either way (a hint after a button, in a long language or at a large zoom).
void text_beside(const char* text, const ImVec4& colour);
// Figures, each a label over its value, side by side in columns of one width, as many to a line
// as fit: a long label moves the next figures down rather than being cut by its column.
struct Figure {
  std::string label;
  std::string value;
};
void figures(const std::vector<Figure>& items);
// An explanation in muted type, wrapped at the window's edge (a long sentence in a narrow window
// or at 200 % zoom goes on the next line instead of being cut).
void note(const char* text);
// A label on the left of the next item on the same line (ImGui puts labels on the right, which
// reads wrongly when several inputs share a line).
void label_left(const char* label);
// A red message under the previous input, when not empty.
void field_message(const std::string& message);
// The same on a line kept for it whether or not there is a message, so that what follows does
// not move as messages come and go; a message too long for the line ends in "..." and shows
// whole in a tooltip.
void field_message_line(const std::string& message);
// `value` centred in a square cell at `corner` of side `side`, in black or white, whichever
// reads better on `background`; a smaller font when the number is wider than the cell.
void cell_number(ImDrawList* draw, ImVec2 corner, float side, int value, ImU32 background);
// Colours that mean the same on every screen.
inline constexpr ImU32 kCreativeColour = IM_COL32(214, 96, 77, 255);
inline constexpr ImU32 kGrowthColour = IM_COL32(52, 120, 190, 255);
// In the current theme (theme.hpp), each at 4.5:1 or more on the window. A state is never told
// by one of them alone: the text says it too.
ImVec4 error_colour();
ImVec4 ok_colour();
ImVec4 warning_colour();
ImVec4 muted_colour();
ImVec4 link_colour();
// "12:04" or "1 h 05 min" until `target_ms` from `now_ms`; "now" when past.
std::string countdown(std::int64_t now_ms, std::int64_t target_ms);
// A pitch's time left, "04:12", or over time counted on, "+00:35".
std::string time_left_text(std::int64_t ms);

}  // namespace crossmatch::client
