// 80-character names and organisations (the longest a profile takes) stay inside their badge and
// inside the agenda's margins.
#include <doctest/doctest.h>

#include "core/text.hpp"
#include "print/badge_layout.hpp"
#include "print/pdf_pages.hpp"
#include "tests/print/print_fixture.hpp"

namespace crossmatch::test {

namespace {

// 80 characters with the partner cities' letters, as words and as one long word.
const std::string kLongName =
    "Žydrūnė Šimkūnaitė-Přemyslová Dvořáková Małgorzata Wójcik Jüri Õunapuu Anna Bell";
const std::string kLongWord =
    "ŽydrūnėŠimkūnaitėPřemyslDvořákMałgorzataWójcikJüriÕunapuuAnnaBellKarinLindqvists";
const std::string kLongOrganisation =
    "Baltijos kūrybinių industrijų ir pažangiosios gamybos inovacijų klasterio asocia";

PrintedEvent long_names() {
  PrintedEvent f(4);
  REQUIRE(core::utf8_length(kLongName) == 80);
  REQUIRE(core::utf8_length(kLongWord) == 80);
  REQUIRE(core::utf8_length(kLongOrganisation) == 80);
  f.rename(f.people[0], kLongName, kLongOrganisation);
  f.rename(f.people[1], kLongWord, kLongOrganisation);
  f.book(f.people[1], f.people[0]);
  f.book(f.people[0], f.people[2]);
  f.ok(organiser(), core::DefineTable{.name = "Sala Żółta przy oknie, obok kawiarni 12"});
  f.ok(organiser(), core::DefineTable{.name = "Konferencijų salė (antras aukštas kairė)"});
  return f;
}

constexpr double kTolerance = 0.5;

bool inside(const PlacedWord& w, double x0, double y0, double x1, double y1) {
  return w.x_min >= x0 - kTolerance && w.y_min >= y0 - kTolerance && w.x_max <= x1 + kTolerance &&
         w.y_max <= y1 + kTolerance;
}

}  // namespace

TEST_CASE("overflow: every word of a badge lies inside that badge") {
  PrintedEvent f = long_names();
  PrintDir dir;
  for (const print::Paper paper : {print::Paper::A4, print::Paper::Letter}) {
    const auto pdf = dir.write("badges.pdf", f.pdf(print::PrintKind::Badges, {}, paper));
    const auto words = placed_words(pdf);
    REQUIRE(words.size() > 20);
    for (const PlacedWord& w : words) {
      // The badge holding the word's centre must hold all of it.
      const double cx = (w.x_min + w.x_max) / 2, cy = (w.y_min + w.y_max) / 2;
      bool placed = false;
      for (int i = 0; i < print::kBadgesPerPage && !placed; ++i) {
        const print::Box b = print::badge_box(paper, i);
        if (cx < b.x || cx > b.x + b.width || cy < b.y || cy > b.y + b.height) continue;
        placed = true;
        CHECK_MESSAGE(inside(w, b.x, b.y, b.x + b.width, b.y + b.height), w.text);
      }
      CHECK_MESSAGE(placed, w.text);
    }
    // The long names are there, shrunk or wrapped (pdftotext may split a wrapped word).
    const std::string text = page_text(pdf);
    CHECK(text.find("Žydrūnė") != std::string::npos);
    CHECK(text.find("Šimkūnaitė") != std::string::npos);
  }
}

TEST_CASE("overflow: every word of an agenda and a table sign lies inside the page's margins") {
  PrintedEvent f = long_names();
  PrintDir dir;
  for (const print::PrintKind kind : {print::PrintKind::Agendas, print::PrintKind::TableSigns}) {
    const auto pdf = dir.write("pages.pdf", f.pdf(kind));
    const print::PageSize page = print::page_size(print::Paper::A4);
    const auto words = placed_words(pdf);
    REQUIRE(words.size() > 20);
    for (const PlacedWord& w : words)
      CHECK_MESSAGE(inside(w, print::kMargin, print::kMargin - 8, page.width - print::kMargin,
                           page.height - print::kMargin),
                    w.text);
  }
}

}  // namespace crossmatch::test
