// The languages the client and the printed matter speak, and which one a person gets by default.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace crossmatch::i18n {

struct Language {
  const char* code;          // ISO 639-1, the catalogue's folder name: "de"
  const char* english_name;  // as ISO 639 names it in English, the key to its own name: "German"
};

// English first, then the languages of the partner cities: German, Portuguese, Italian, Estonian,
// Lithuanian, Czech, Dutch, Swedish, Polish.
std::span<const Language> languages();

// The pseudo-language the tests render every screen in: each text 40 % longer, with accented
// letters, in brackets that show where a text is cut. Not offered to people.
inline constexpr std::string_view kPseudoLanguage = "qps";

// The language of `code` ("de", "pt_BR", "de_AT.UTF-8@euro"; the pseudo-language too), or null.
const Language* find_language(std::string_view code);

// The default from the environment as gettext reads it: LANGUAGE (a list, "lt:en"), then LC_ALL,
// then LANG; the first one we speak, else English. `get` stands in for getenv.
const Language& language_from_environment(const std::function<const char*(const char*)>& get);

}  // namespace crossmatch::i18n
