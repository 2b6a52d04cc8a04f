#include "i18n/languages.hpp"

#include <array>

namespace crossmatch::i18n {
namespace {

constexpr std::array<Language, 11> kLanguages{{
    {"en", "English"},
    {"de", "German"},
    {"pt", "Portuguese"},
    {"it", "Italian"},
    {"et", "Estonian"},
    {"lt", "Lithuanian"},
    {"cs", "Czech"},
    {"nl", "Dutch; Flemish"},
    {"sv", "Swedish"},
    {"pl", "Polish"},
    {"qps", "Pseudo-language"},
}};

// "pt_BR.UTF-8@euro" -> "pt"
std::string_view language_part(std::string_view code) {
  const std::size_t end = code.find_first_of("_.@-");
  return end == std::string_view::npos ? code : code.substr(0, end);
}

}  // namespace

std::span<const Language> languages() {
  return std::span<const Language>(kLanguages.data(), kLanguages.size() - 1);
}

const Language* find_language(std::string_view code) {
  const std::string_view wanted = language_part(code);
  for (const Language& language : kLanguages) {
    if (wanted == language.code) return &language;
  }
  return nullptr;
}

const Language& language_from_environment(const std::function<const char*(const char*)>& get) {
  // gettext ignores LANGUAGE when the locale is "C"; a person who set it still means it here.
  if (const char* list = get("LANGUAGE"); list != nullptr) {
    std::string_view rest = list;
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      const Language* found = find_language(rest.substr(0, colon));
      if (found != nullptr && found->code != kPseudoLanguage) return *found;
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = get(name);
    if (value == nullptr || *value == '\0') continue;
    const Language* found = find_language(value);
    if (found != nullptr && found->code != kPseudoLanguage) return *found;
    break;  // the first one set decides, as for setlocale(LC_MESSAGES, "")
  }
  return kLanguages.front();
}

}  // namespace crossmatch::i18n
