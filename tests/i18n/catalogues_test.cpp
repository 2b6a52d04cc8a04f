#include <doctest/doctest.h>

#include <string>

#include "core/i18n/rendered_text.hpp"
#include "core/i18n/translation.hpp"
#include "core/matching/pair_reasons.hpp"
#include "i18n/catalogues.hpp"
#include "i18n/mo_messages.hpp"

namespace crossmatch::i18n {
namespace {

std::filesystem::path built_catalogues() {
  return std::filesystem::path(CROSSMATCH_BINARY_DIR) / "bin" / "assets" / "locale";
}

const Language& language(const char* code) {
  const Language* found = find_language(code);
  REQUIRE(found != nullptr);
  return *found;
}

// Puts English back whatever a test case did.
struct EnglishAfter {
  ~EnglishAfter() { core::set_translator(nullptr); }
};

}  // namespace

TEST_CASE("countries and languages are named as iso-codes translates them") {
  EnglishAfter english;
  Catalogues catalogues(built_catalogues(), Catalogues::system_iso_codes_dir());
  CHECK(std::string(core::tr_iso(core::IsoNames::Countries, "Lithuania")) == "Lithuania");
  catalogues.use(language("de"));
  CHECK(std::string(core::tr_iso(core::IsoNames::Countries, "Lithuania")) == "Litauen");
  CHECK(std::string(core::tr_iso(core::IsoNames::Languages, "Polish")) == "Polnisch");
  catalogues.use(language("pl"));
  CHECK(std::string(core::tr_iso(core::IsoNames::Countries, "Germany")) == "Niemcy");
  // A name iso-codes does not know stays as it is.
  CHECK(std::string(core::tr_iso(core::IsoNames::Countries, "Atlantis")) == "Atlantis");

  // Each language by its own name, capitalised, for the language picker.
  CHECK(catalogues.own_name(language("en")) == "English");
  CHECK(catalogues.own_name(language("de")) == "Deutsch");
  CHECK(catalogues.own_name(language("lt")) == "Lietuvių");
  CHECK(catalogues.own_name(language("cs")) == "Čeština");
  CHECK(catalogues.own_name(language("et")) == "Eesti");
  CHECK(catalogues.own_name(language("nl")) == "Nederlands");
  CHECK(catalogues.own_name(language("pl")) == "Polski");
  catalogues.use(language("en"));
  CHECK(std::string(core::tr_iso(core::IsoNames::Countries, "Germany")) == "Germany");
}

TEST_CASE("the pseudo-language's catalogue is built and switching back gives English again") {
  EnglishAfter english;
  Catalogues catalogues(built_catalogues(), Catalogues::system_iso_codes_dir());
  REQUIRE(catalogues.has_catalogue(language("qps")));
  catalogues.use(language("qps"));
  CHECK(std::string(core::tr("sectors to explore together")).starts_with("[šéçťöŕš ťö"));
  // Taxonomy names are in the catalogues too, in the contexts the code asks for.
  CHECK(std::string(core::tr_ctx("sector", "Architecture")).starts_with("[Åŕçĥîťéçťüŕé"));
  CHECK(core::sector_in_sentence("Architecture").starts_with("[Åŕçĥîťéçťüŕé"));
  // Lists are joined by the language's own words.
  CHECK(core::list_words({"x", "y", "z"}).find("åñď") != std::string::npos);
  // Plural messages, formats kept.
  CHECK(core::format_text(core::tr_n("%zu country: %s", "%zu countries: %s", 3), std::size_t{3},
                          "a") == "[3 çöüñťŕîéš: a~~~~~]");

  catalogues.use(language("en"));
  CHECK(std::string(core::tr("sectors to explore together")) == "sectors to explore together");
  CHECK(core::sector_in_sentence("Architecture") == "architecture");
  CHECK(core::list_words({"x", "y", "z"}) == "x, y and z");
}

TEST_CASE("texts the hub made in English are read in the reader's language") {
  EnglishAfter english;
  Catalogues catalogues(built_catalogues(), Catalogues::system_iso_codes_dir());
  catalogues.use(language("de"));
  // A refusal with a number in it: the German template with the hub's number.
  const std::string german = core::tr_rendered("There is no session 5.");
  CHECK(german == core::format_text(core::tr("There is no session %u."), 5u));
  CHECK(german != "There is no session 5.");
  // A plural with the count picked from the text.
  CHECK(core::tr_rendered("3 countries: Estonia, Italy") ==
        core::format_text(core::tr_n("%zu country: %s", "%zu countries: %s", 3), std::size_t{3},
                          "Estonia, Italy"));
  // An announcement's own words are no catalogue message.
  CHECK(core::tr_rendered("Lunch is served in hall B") == "Lunch is served in hall B");
  catalogues.use(language("pl"));
  CHECK(core::tr_rendered("There is no session 5.") ==
        core::format_text(core::tr("There is no session %u."), 5u));
}

TEST_CASE("a catalogue file that is not one is refused with its name") {
  const auto empty = parse_mo_messages("", "broken.mo");
  REQUIRE_FALSE(empty);
  CHECK(empty.error().message.find("broken.mo") != std::string::npos);
  std::string header(28, '\0');
  header[0] = '\xde';
  header[1] = '\x12';
  header[2] = '\x04';
  header[3] = '\x95';
  header[8] = '\x10';  // 16 messages in a 28-byte file
  header[12] = '\x1c';
  const auto short_table = parse_mo_messages(header, "short.mo");
  REQUIRE_FALSE(short_table);
  CHECK(short_table.error().message.find("runs past its end") != std::string::npos);
  // The real German catalogue lists its messages with their contexts and plurals.
  const auto de = read_mo_messages(built_catalogues() / "de" / "LC_MESSAGES" / "crossmatch.mo");
  REQUIRE(de);
  CHECK(de->keys.size() > 1000);
  bool context = false, plural = false;
  for (const auto& key : de->keys) {
    context |= key.context != nullptr && std::string(key.context) == "sector";
    plural |= key.plural != nullptr && std::string(key.plural) == "%zu countries: %s";
  }
  CHECK(context);
  CHECK(plural);
}

}  // namespace crossmatch::i18n
