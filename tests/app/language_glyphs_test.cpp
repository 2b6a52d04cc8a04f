// The client's font has every letter its ten languages use: each catalogue's translations, the
// country names iso-codes gives in each language, and each language's own name.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "app/client/views/ui_font.hpp"
#include "core/i18n/translation.hpp"
#include "i18n/catalogues.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/test_assets.hpp"

using namespace crossmatch;

namespace {

// The code points of UTF-8 `text` (valid UTF-8 assumed: the catalogues are checked by msgfmt).
std::set<char32_t> code_points(const std::string& text) {
  std::set<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
    for (int k = 1; k < n && i + k < text.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.insert(c);
    i += n;
  }
  return out;
}

// The msgstr lines of a .po file, as written (escapes left in: they are ASCII).
std::string translations_of(const std::filesystem::path& po) {
  std::ifstream in(po);
  std::string line, out;
  bool in_msgstr = false;
  while (std::getline(in, line)) {
    if (line.rfind("msgstr", 0) == 0)
      in_msgstr = true;
    else if (line.rfind("msgid", 0) == 0 || line.rfind("msgctxt", 0) == 0 || line.empty())
      in_msgstr = false;
    if (in_msgstr) out += line;
  }
  return out;
}

}  // namespace

TEST_CASE("the UI font covers every letter of the ten languages") {
  test::HeadlessUi ui;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  REQUIRE(client::add_ui_font(*io.Fonts, 16.0f));
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  const ImFont* font = io.Fonts->Fonts[0];
  const auto missing = [&](const std::string& text) {
    std::string out;
    for (const char32_t c : code_points(text)) {
      if (c >= 0x20 && font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr)
        out += " U+" + std::to_string(static_cast<unsigned>(c));
    }
    return out;
  };

  i18n::Catalogues catalogues(
      std::filesystem::path(CROSSMATCH_BINARY_DIR) / "bin" / "assets" / "locale",
      i18n::Catalogues::system_iso_codes_dir());
  const auto locale = std::filesystem::path(CROSSMATCH_SOURCE_DIR) / "assets" / "locale";
  for (const i18n::Language& language : i18n::languages()) {
    CAPTURE(language.code);
    std::string shown = catalogues.own_name(language);
    if (std::string(language.code) != "en") {
      const std::string po = translations_of(locale / (std::string(language.code) + ".po"));
      REQUIRE(!po.empty());
      shown += po;
    }
    catalogues.use(language);
    for (const core::Country& country : test::taxonomy().countries())
      shown += core::tr_iso(core::IsoNames::Countries, country.name.c_str());
    for (const core::Language& spoken : test::taxonomy().languages())
      shown += core::tr_iso(core::IsoNames::Languages, spoken.name.c_str());
    CHECK_MESSAGE(missing(shown).empty(), "no glyph for" << missing(shown));
  }
  core::set_translator(nullptr);
}
