// A picker over a list of named choices (cities, countries, languages) with type-ahead search:
// the choices sorted by name, the event's own ones first, and the ones matching what was typed.
// No ImGui types: the view (views/type_ahead_picker_view) draws it, tests drive it headless.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/event/event_state.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::client {

struct PickerChoice {
  std::string value;      // what is stored: a city id, an ISO code
  std::string name;       // what a person reads and types: "Kraków, Poland", "Portuguese"
  bool featured = false;  // one of the event's own: listed first
  std::string key;        // the name folded for search and sorting (lower case, no accents)
};

class TypeAheadPicker {
 public:
  // Keeps the choices, the featured ones first, each group sorted by name.
  void set_choices(std::vector<PickerChoice> choices);
  const std::vector<PickerChoice>& choices() const { return choices_; }

  // What the person has typed to narrow the list.
  std::string query;

  // The choices whose name contains every word of the query (accents and case ignored), or
  // whose value is the query; in list order, so the event's own still come first. All of them
  // for an empty query.
  std::vector<const PickerChoice*> matches() const;
  // The choice with this value, or null.
  const PickerChoice* find(std::string_view value) const;
  // Its name, or the value itself when it is not a choice (an old or foreign value).
  std::string name_of(std::string_view value) const;

 private:
  std::vector<PickerChoice> choices_;
};

// "Kraków" -> "krakow": lower case, Latin accents removed, for search and sorting by name.
std::string search_key(std::string_view text);

// The places and languages of the event's own people (active participants), which pickers list
// first.
struct EventPlaces {
  std::set<std::string> cities, countries, languages;
  static EventPlaces of(const core::EventState& state);
};

// The choices of each kind of picker; those in `featured` first.
std::vector<PickerChoice> city_choices(const core::Taxonomy& taxonomy,
                                       const std::set<std::string>& featured);
std::vector<PickerChoice> country_choices(const core::Taxonomy& taxonomy,
                                          const std::set<std::string>& featured);
std::vector<PickerChoice> language_choices(const core::Taxonomy& taxonomy,
                                           const std::set<std::string>& featured);

}  // namespace crossmatch::client
