#include <doctest/doctest.h>

#include "core/event/check_in_code.hpp"
#include "print/badge_layout.hpp"
#include "tests/print/print_fixture.hpp"

namespace crossmatch::test {

TEST_CASE("badges: every badge's QR code reads back as its participant's code") {
  PrintedEvent f(10);
  PrintDir dir;
  const auto pdf = dir.write("badges.pdf", f.pdf(print::PrintKind::Badges));
  CHECK(page_count(pdf) == 2);  // eight a sheet
  for (std::size_t i = 0; i < f.people.size(); ++i) {
    const int page = static_cast<int>(i) / print::kBadgesPerPage + 1;
    const print::Box box =
        print::badge_box(print::Paper::A4, static_cast<int>(i) % print::kBadgesPerPage);
    const Region region{box.x, box.y, box.width, box.height};
    const auto codes = qr_codes(pdf, page, 150, &region);
    REQUIRE(codes.size() == 1);
    const std::string& code = f.state.participants.at(f.people[i]).check_in_code;
    REQUIRE(core::is_check_in_code(code));
    CHECK(codes[0] == code);
  }
}

TEST_CASE("badges: someone registered before check-in codes gets their number in the QR code") {
  PrintedEvent f(2);
  core::Participant old = f.state.participants.at(f.people[1]);
  CHECK(print::badge_code(old) == old.check_in_code);
  old.check_in_code.clear();
  CHECK(print::badge_code(old) == "P" + std::to_string(old.id));
}

TEST_CASE("badges: names keep their diacritics; organisation, place, sector and type are there") {
  PrintedEvent f(8);
  PrintDir dir;
  const auto pdf = dir.write("badges.pdf", f.pdf(print::PrintKind::Badges));
  const std::string text = page_text(pdf);
  for (const std::string& name : kDiacriticNames)
    CHECK_MESSAGE(text.find(name) != std::string::npos, name);
  const core::Profile& first = f.state.participants.at(f.people[0]).profile;
  CHECK(text.find(first.organisation) != std::string::npos);
  CHECK(text.find(taxonomy().city(first.city)->name) != std::string::npos);
  CHECK(text.find(core::label(first.type)) != std::string::npos);
}

TEST_CASE("badges: --participants picks and orders them; letter paper has the same grid") {
  PrintedEvent f(6);
  PrintDir dir;
  const auto pdf = dir.write("some.pdf", f.pdf(print::PrintKind::Badges, {f.people[4], f.people[1]},
                                               print::Paper::Letter));
  CHECK(page_count(pdf) == 1);
  const std::string text = page_text(pdf);
  CHECK(text.find(f.state.participants.at(f.people[4]).profile.display_name) <
        text.find(kDiacriticNames[1]));
  CHECK(text.find(kDiacriticNames[0]) == std::string::npos);
  const print::Box second = print::badge_box(print::Paper::Letter, 1);
  const Region region{second.x, second.y, second.width, second.height};
  const auto codes = qr_codes(pdf, 1, 150, &region);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0] == f.state.participants.at(f.people[1]).check_in_code);
}

}  // namespace crossmatch::test
