// Printed matter in the person's language: a German agenda, read back with poppler and zbarimg;
// its first page is kept as build/screenshots/agenda-de.png (the README shows it).
#include <doctest/doctest.h>

#include "i18n/catalogues.hpp"
#include "tests/print/print_fixture.hpp"

namespace crossmatch::test {

TEST_CASE("a German agenda: German headings, day labels and reasons; the QR code still reads") {
  i18n::Catalogues catalogues(
      std::filesystem::path(CROSSMATCH_BINARY_DIR) / "bin" / "assets" / "locale",
      i18n::Catalogues::system_iso_codes_dir());
  catalogues.use(*i18n::find_language("de"));
  PrintedEvent f(6);
  f.book(f.people[1], f.people[0]);
  f.book(f.people[2], f.people[0]);
  PrintDir dir;
  const auto pdf = dir.write("agendas-de.pdf", f.pdf(print::PrintKind::Agendas, {f.people[0]}));
  const std::string text = page_text(pdf, 1);
  core::set_translator(nullptr);
  CHECK(text.find(kDiacriticNames[0]) != std::string::npos);
  CHECK(text.find("Warum:") != std::string::npos);  // "Why:"
  CHECK(text.find("Why:") == std::string::npos);
  CHECK(qr_codes(pdf, 1) == std::vector<std::string>{"LISBON-2026"});

  const auto shots = std::filesystem::path(CROSSMATCH_BINARY_DIR) / "screenshots";
  std::filesystem::create_directories(shots);
  run("pdftoppm -png -singlefile -r 60 -f 1 -l 1 " + shell_quoted(pdf) + " " +
      shell_quoted(shots / "agenda-de"));
  CHECK(std::filesystem::exists(shots / "agenda-de.png"));
}

}  // namespace crossmatch::test
