#include <doctest/doctest.h>

#include "tests/print/print_fixture.hpp"

namespace crossmatch::test {

TEST_CASE("table signs: one page per table and meeting session, with who meets there per slot") {
  PrintedEvent f(8);
  const core::MeetingId m = f.book(f.people[0], f.people[1]);
  const core::Placement where = *f.meeting(m).placement;
  PrintDir dir;
  const auto pdf = dir.write("tables.pdf", f.pdf(print::PrintKind::TableSigns));
  // Four tables, two meeting sessions.
  REQUIRE(page_count(pdf) == 8);
  const int table_index =
      static_cast<int>(std::distance(f.state.tables.begin(), f.state.tables.find(where.table)));
  const int session_index = where.slot.session == f.morning ? 0 : 1;
  const int page = table_index * 2 + session_index + 1;
  const std::string text = page_text(pdf, page);
  CHECK(text.find(kDiacriticNames[0]) != std::string::npos);
  CHECK(text.find(kDiacriticNames[1]) != std::string::npos);
  const core::Session& session = f.state.sessions.at(where.slot.session);
  CHECK(text.find(session.name) != std::string::npos);
  CHECK(text.find(core::format_time_of_day(session.slot_starts[where.slot.index])) !=
        std::string::npos);
  // The table's number is on its page; other pages do not list the pair.
  const std::string name = f.state.tables.at(where.table).name;
  CHECK(text.find(name.substr(name.rfind(' ') + 1)) != std::string::npos);
  const std::string elsewhere = page_text(pdf, page == 1 ? 2 : 1);
  CHECK(elsewhere.find(kDiacriticNames[0]) == std::string::npos);
}

TEST_CASE("table signs: a session with more slots than a page holds continues on another page") {
  PrintedEvent f(2);
  f.ok(organiser(), f.define_session("Long meetings", "2026-05-15", 6 * 60, 22 * 60));
  PrintDir dir;
  const auto pdf = dir.write("tables.pdf", f.pdf(print::PrintKind::TableSigns));
  CHECK(page_count(pdf) > 4 * 3);
  CHECK(page_text(pdf).find("Long meetings (continued)") != std::string::npos);
}

}  // namespace crossmatch::test
