// Draws a TypeAheadPicker: a combo whose popup opens with a search field focused; typing narrows
// the list (the event's own choices first, under a heading), Enter takes the first match, the
// arrow keys and Space reach every choice. For several values, each chosen one is a button that
// removes it, followed by a picker that adds one.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/client/state/type_ahead_picker.hpp"

namespace crossmatch::client {

// One value (`none_label`, when given, is the choice of no value: "any"). True when changed.
bool pick_one(const char* label, TypeAheadPicker& picker, std::string& value,
              const char* none_label = nullptr);
// Up to `max` values, in the order chosen. True when changed.
bool pick_many(const char* label, TypeAheadPicker& picker, std::vector<std::string>& values,
               std::size_t max);

}  // namespace crossmatch::client
