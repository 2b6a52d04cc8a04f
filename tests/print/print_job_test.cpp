#include <doctest/doctest.h>

#include "tests/print/print_fixture.hpp"

namespace crossmatch::test {

TEST_CASE("print: the same event gives the same bytes, dated by the event's first day") {
  PrintedEvent a(6), b(6);
  a.book(a.people[1], a.people[0]);
  b.book(b.people[1], b.people[0]);
  for (const print::PrintKind kind : print::kPrintKinds) {
    const std::string kind_name = print::to_string(kind);
    CAPTURE(kind_name);
    const std::string first = a.pdf(kind);
    CHECK(first.rfind("%PDF-", 0) == 0);
    CHECK(first == a.pdf(kind));
    CHECK(first == b.pdf(kind));
    CHECK(first.find("/CreationDate (20260514000000)") != std::string::npos);
  }
  // A change shows.
  b.book(b.people[2], b.people[3]);
  CHECK(a.pdf(print::PrintKind::Agendas) != b.pdf(print::PrintKind::Agendas));
}

TEST_CASE("print: refusals name what is wrong") {
  PrintedEvent f(3);
  auto refused = [&](const print::PrintRequest& request, const std::string& code) {
    auto r = print::print_pdf(f.state, taxonomy(), request);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code);
    CHECK_FALSE(r.error().message.empty());
  };
  refused({.what = print::PrintKind::Badges, .participants = {999}}, "unknown_participant");
  f.ok(participant(f.people[1]), core::Withdraw{.participant = f.people[1]});
  refused({.what = print::PrintKind::Agendas, .participants = {f.people[1]}}, "withdrawn");
  refused({.what = print::PrintKind::Poster, .participants = {f.people[0]}}, "invalid");
  core::EventState empty;
  auto r = print::print_pdf(empty, taxonomy(), {.what = print::PrintKind::Poster});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "no_event");
}

TEST_CASE("print: nobody to print for, and no tables yet, are said on the page") {
  EventFixture f;
  f.ok(organiser(), core::CreateEvent{.name = "Empty", .time_zone = "UTC", .join_code = "EMPTY-1"});
  PrintDir dir;
  auto page = [&](print::PrintKind kind) {
    auto bytes = print::print_pdf(f.state, taxonomy(), {.what = kind});
    REQUIRE(bytes.ok());
    return page_text(dir.write("empty.pdf", *bytes));
  };
  CHECK(page(print::PrintKind::Badges).find("No participants to print badges for.") !=
        std::string::npos);
  CHECK(page(print::PrintKind::Agendas).find("No participants to print agendas for.") !=
        std::string::npos);
  CHECK(page(print::PrintKind::TableSigns).find("The event has no tables yet.") !=
        std::string::npos);
}

TEST_CASE("print: kinds and paper sizes by name") {
  print::PrintKind kind{};
  CHECK(print::parse_print_kind("tables", kind));
  CHECK(kind == print::PrintKind::TableSigns);
  CHECK_FALSE(print::parse_print_kind("flyers", kind));
  print::Paper paper{};
  CHECK(print::parse_paper("letter", paper));
  CHECK(paper == print::Paper::Letter);
  CHECK_FALSE(print::parse_paper("a3", paper));
  for (const print::PrintKind k : print::kPrintKinds) {
    CHECK(print::parse_print_kind(print::to_string(k), kind));
    CHECK(kind == k);
  }
}

}  // namespace crossmatch::test
