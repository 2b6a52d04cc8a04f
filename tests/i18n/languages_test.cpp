#include <doctest/doctest.h>

#include <map>
#include <string>

#include "i18n/languages.hpp"

namespace crossmatch::i18n {
namespace {

std::map<std::string, std::string> g_environment;

const char* fake_getenv(const char* name) {
  const auto found = g_environment.find(name);
  return found == g_environment.end() ? nullptr : found->second.c_str();
}

std::string default_language(std::map<std::string, std::string> environment) {
  g_environment = std::move(environment);
  return language_from_environment(fake_getenv).code;
}

}  // namespace

TEST_CASE("ten languages are offered, English first; the pseudo-language is not among them") {
  REQUIRE(languages().size() == 10);
  CHECK(std::string(languages().front().code) == "en");
  for (const Language& language : languages()) CHECK(language.code != kPseudoLanguage);
  CHECK(find_language("qps") != nullptr);
  CHECK(find_language("fr") == nullptr);
}

TEST_CASE("the default language comes from LANGUAGE, then LC_ALL, LC_MESSAGES and LANG") {
  CHECK(default_language({}) == "en");
  CHECK(default_language({{"LANG", "de_DE.UTF-8"}}) == "de");
  CHECK(default_language({{"LANG", "pt_BR.UTF-8@euro"}}) == "pt");
  CHECK(default_language({{"LANG", "de_DE.UTF-8"}, {"LC_ALL", "pl_PL.UTF-8"}}) == "pl");
  CHECK(default_language({{"LANG", "de_DE.UTF-8"}, {"LC_MESSAGES", "cs_CZ"}}) == "cs");
  // LANGUAGE is a list: the first language spoken here wins.
  CHECK(default_language({{"LANGUAGE", "fr:lt:en"}, {"LANG", "de_DE.UTF-8"}}) == "lt");
  CHECK(default_language({{"LANGUAGE", "fr"}, {"LANG", "sv_SE.UTF-8"}}) == "sv");
  // The first of LC_ALL, LC_MESSAGES, LANG that is set decides, as for setlocale.
  CHECK(default_language({{"LC_ALL", "fr_FR.UTF-8"}, {"LANG", "nl_NL.UTF-8"}}) == "en");
  CHECK(default_language({{"LANG", "C.UTF-8"}}) == "en");
  CHECK(default_language({{"LANGUAGE", "qps"}}) == "en");
}

}  // namespace crossmatch::i18n
