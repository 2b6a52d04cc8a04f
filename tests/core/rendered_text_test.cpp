#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/i18n/rendered_text.hpp"
#include "core/i18n/translation.hpp"

using namespace crossmatch::core;

namespace {

const std::vector<MessageKey> kKeys = {
    {nullptr, "There is no session %u.", nullptr},
    {nullptr, "%s: %s", nullptr},  // too few letters of its own to be recognised
    {nullptr, "Table %s is taken by %s at %s.", nullptr},
    {nullptr, "%s is taken.", nullptr},
    {nullptr, "%zu meeting left", "%zu meetings left"},
    {"city", "%s, %s", nullptr},
    {nullptr, "Score %.1f of %d", nullptr},
    {nullptr, "Requests do not expire at this event.", nullptr},
};

// A language whose catalogue has a few of those messages.
struct Toy final : Translator {
  std::map<std::string, std::string> texts = {
      {"There is no session %u.", "Es gibt keine Sitzung %u."},
      {"Table %s is taken by %s at %s.", "Um %3$s sitzt %2$s an Tisch %1$s."},
      {"%zu meeting left|0", "%zu Treffen übrig (eins)"},
      {"%zu meeting left|1", "%zu Treffen übrig"},
      {"Score %.1f of %d", "Wert %.1f von %d"},
      {"Requests do not expire at this event.", "Anfragen verfallen hier nicht."},
  };
  EnglishTemplates english{kKeys};
  const char* translate(const char*, const char* message, const char* plural,
                        unsigned long n) const override {
    std::string key = message;
    if (plural != nullptr) key += n == 1 ? "|0" : "|1";
    const auto it = texts.find(key);
    return it == texts.end() ? nullptr : it->second.c_str();
  }
  const char* translate_iso(IsoNames, const char*) const override { return nullptr; }
  const char* language_code() const override { return "de"; }
  const EnglishTemplates* templates() const override { return &english; }
};

struct EnglishAfter {
  ~EnglishAfter() { set_translator(nullptr); }
};

}  // namespace

TEST_CASE("a text made from a template gives its arguments back") {
  const EnglishTemplates templates(kKeys);
  const auto m = templates.match("There is no session 5.");
  REQUIRE(m);
  CHECK(std::string(m->key.singular) == "There is no session %u.");
  CHECK(m->args == std::vector<std::string>{"5"});
  // A %u takes digits only: "five" is no session number.
  CHECK_FALSE(templates.match("There is no session five."));
  // The fixed text may occur inside an argument: the earlier one takes the shortest text that
  // lets the rest match.
  const auto taken = templates.match("Table 3 is taken by Ana at Rome at 14:00.");
  REQUIRE(taken);
  CHECK(taken->args == std::vector<std::string>{"3", "Ana", "Rome at 14:00"});
  // ... and a place that leaves no match for the rest is given up for a later one.
  CHECK(templates.match("Ana is taken. Bo is taken.")->args ==
        std::vector<std::string>{"Ana is taken. Bo"});
  CHECK_FALSE(templates.match("There is no session 5.5."));
  // The template with more words of its own wins over "%s is taken.".
  CHECK(std::string(taken->key.singular) == "Table %s is taken by %s at %s.");
  CHECK(std::string(templates.match("Table 3 is taken.")->key.singular) == "%s is taken.");
  // Plural forms: either English form matches, the count is its first whole number.
  const auto left = templates.match("4 meetings left");
  REQUIRE(left);
  CHECK(left->count == 4);
  CHECK(templates.match("1 meeting left")->count == 1);
  // "%s: %s" and the context's "%s, %s" have too few letters: they would match anything.
  CHECK_FALSE(templates.match("Ana: Bo"));
  CHECK_FALSE(templates.match("Rome, Italy"));
  CHECK_FALSE(templates.match("Welcome to the event"));
  CHECK(templates.match("Score 2.5 of 3")->args == std::vector<std::string>{"2.5", "3"});
}

TEST_CASE("arguments are filled into a translation in its own order") {
  CHECK(fill_template("Um %3$s sitzt %2$s an Tisch %1$s.", {"3", "Ana", "14:00"}) ==
        "Um 14:00 sitzt Ana an Tisch 3.");
  CHECK(fill_template("%zu von %d: 100%%", {"2", "7"}) == "2 von 7: 100%");
  // A missing argument leaves its place empty rather than reading past the list.
  CHECK(fill_template("%s und %s", {"eins"}) == "eins und ");
}

TEST_CASE("the hub's English texts in the reader's language") {
  EnglishAfter english;
  CHECK(tr_rendered("There is no session 5.") == "There is no session 5.");
  Toy toy;
  set_translator(&toy);
  CHECK(tr_rendered("There is no session 5.") == "Es gibt keine Sitzung 5.");
  CHECK(tr_rendered("Table 3 is taken by Ana at 14:00.") == "Um 14:00 sitzt Ana an Tisch 3.");
  CHECK(tr_rendered("Requests do not expire at this event.") == "Anfragen verfallen hier nicht.");
  CHECK(tr_rendered("1 meeting left") == "1 Treffen übrig (eins)");
  CHECK(tr_rendered("12 meetings left") == "12 Treffen übrig");
  // Made from a template the catalogue has not translated, or from none: kept as it is.
  CHECK(tr_rendered("Table 3 is taken.") == "Table 3 is taken.");
  CHECK(tr_rendered("Coffee at the bar at 11") == "Coffee at the bar at 11");
  CHECK(tr_rendered("") == "");
}
