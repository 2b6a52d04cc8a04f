#include "app/client/state/type_ahead_picker.hpp"

#include <algorithm>

#include "core/i18n/taxonomy_names.hpp"
#include "core/text.hpp"

namespace crossmatch::client {
namespace {

// Base letters of U+00C0..U+00FF and U+0100..U+017F, the accented letters of the names in the
// taxonomy (European names mostly); other characters are kept as they are.
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "x", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "/", "o", "u", "u", "u", "u", "y", "th", "y"};
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "iiiijjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oooorrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";

bool contains_words(std::string_view key, std::string_view query_key) {
  bool any = false;
  bool all = true;
  core::split(query_key, ' ', [&](std::string_view word) {
    if (word.empty()) return;
    any = true;
    if (key.find(word) == std::string_view::npos) all = false;
  });
  return !any || all;
}

// `english`, when the name is a translation, is found by a search too ("Germany" finds
// "Deutschland").
PickerChoice choice(std::string value, std::string name, const std::set<std::string>& featured,
                    const std::string& english = "") {
  PickerChoice c;
  c.featured = featured.count(value) > 0;
  c.value = std::move(value);
  c.key = search_key(name);
  if (!english.empty() && english != name) c.key += " " + search_key(english);
  c.name = std::move(name);
  return c;
}

}  // namespace

std::string search_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      continue;
    }
    if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      const unsigned cp = ((c & 0x1Fu) << 6) | (next & 0x3Fu);
      if (cp >= 0xC0 && cp < 0x100) {
        out += kLatin1[cp - 0xC0];
        ++i;
        continue;
      }
      if (cp >= 0x100 && cp < 0x180) {
        out += kLatinExtendedA[cp - 0x100];
        ++i;
        continue;
      }
    }
    out += static_cast<char>(c);
  }
  return out;
}

void TypeAheadPicker::set_choices(std::vector<PickerChoice> choices) {
  std::stable_sort(choices.begin(), choices.end(),
                   [](const PickerChoice& a, const PickerChoice& b) {
                     if (a.featured != b.featured) return a.featured;
                     return a.key != b.key ? a.key < b.key : a.name < b.name;
                   });
  choices_ = std::move(choices);
}

std::vector<const PickerChoice*> TypeAheadPicker::matches() const {
  const std::string wanted = search_key(core::trim(query));
  std::vector<const PickerChoice*> out;
  for (const auto& c : choices_) {
    if (contains_words(c.key, wanted) || (!wanted.empty() && search_key(c.value) == wanted))
      out.push_back(&c);
  }
  return out;
}

const PickerChoice* TypeAheadPicker::find(std::string_view value) const {
  for (const auto& c : choices_) {
    if (c.value == value) return &c;
  }
  return nullptr;
}

std::string TypeAheadPicker::name_of(std::string_view value) const {
  const PickerChoice* c = find(value);
  return c ? c->name : std::string(value);
}

EventPlaces EventPlaces::of(const core::EventState& state) {
  EventPlaces places;
  for (const auto& [id, p] : state.participants) {
    if (!p.active()) continue;
    if (!p.profile.city.empty()) places.cities.insert(p.profile.city);
    if (!p.profile.country.empty()) places.countries.insert(p.profile.country);
    for (const auto& language : p.profile.languages) places.languages.insert(language);
  }
  return places;
}

std::vector<PickerChoice> city_choices(const core::Taxonomy& taxonomy,
                                       const std::set<std::string>& featured) {
  std::vector<PickerChoice> out;
  for (const auto& city : taxonomy.cities()) {
    const core::Country* country = taxonomy.country(city.country);
    const std::string english = city.name + ", " + (country ? country->name : city.country);
    out.push_back(choice(city.id, core::city_and_country(taxonomy, city), featured, english));
  }
  return out;
}

std::vector<PickerChoice> country_choices(const core::Taxonomy& taxonomy,
                                          const std::set<std::string>& featured) {
  std::vector<PickerChoice> out;
  for (const auto& country : taxonomy.countries())
    out.push_back(choice(country.code, core::country_name(country), featured, country.name));
  return out;
}

std::vector<PickerChoice> language_choices(const core::Taxonomy& taxonomy,
                                           const std::set<std::string>& featured) {
  std::vector<PickerChoice> out;
  for (const auto& language : taxonomy.languages())
    out.push_back(choice(language.code, core::language_name(language), featured, language.name));
  return out;
}

}  // namespace crossmatch::client
