// Every figure of the hand-made three-event programme (programme_fixture.hpp), worked out by hand.
//
// Lisbon (2026-05-14): ana ben cid dan eva hal ivy jo. ana-ben held (answers: agreement and
//   valuable), ana-cid held (knowledge), dan-eva not held, ben-cid waiting, dan-ben declined.
// Berlin (2026-09-10): ana ben dan fay eva. ana-ben held again (not new), fay-ben held (new),
//   dan-eva held (new; negotiation and no contact).
// Rome (2027-03-04): fay eva cid ana gus kim. fay-cid held (new), ana-eva held (new; agreement),
//   gus-fay held (new), then gus is erased. Two pitches (fay's done, two marks of interest; ana's
//   skipped), two clinic tables (one outcome).
#include <doctest/doctest.h>

#include "print/report_html.hpp"
#include "tests/report/programme_fixture.hpp"

using namespace crossmatch;

namespace {

print::Funnel funnel(int requested, int accepted, int held, int valuable, int negotiation,
                     int agreement) {
  return {requested, accepted, held, valuable, negotiation, agreement};
}

const print::PairCell& cell(const print::PairMatrix& m, const std::string& a,
                            const std::string& b) {
  const auto it = m.find({a, b});
  REQUIRE_MESSAGE(it != m.end(), a << " / " << b);
  return it->second;
}

}  // namespace

TEST_CASE("the programme's figures, counted by hand") {
  const test::Programme programme;
  auto figures = print::programme_figures(programme.events(), test::taxonomy(), 44);
  REQUIRE(figures.ok());
  const print::ProgrammeFigures& p = *figures;

  REQUIRE(p.events.size() == 3);
  const print::EventFigures& lisbon = p.events[0];
  const print::EventFigures& berlin = p.events[1];
  const print::EventFigures& rome = p.events[2];
  CHECK(lisbon.name == "Cross Innovation Lisbon");
  CHECK(berlin.name == "Cross Innovation Berlin");
  CHECK(rome.name == "Cross Innovation Rome");
  CHECK(lisbon.source == "lisbon.db");

  SUBCASE("the funnel per event and for the programme") {
    CHECK(lisbon.funnel == funnel(5, 3, 2, 1, 1, 1));
    CHECK(berlin.funnel == funnel(3, 3, 3, 1, 1, 0));
    CHECK(rome.funnel == funnel(3, 3, 3, 1, 1, 1));
    CHECK(p.funnel == funnel(11, 9, 8, 3, 3, 2));
  }

  SUBCASE("new cross-sector, cross-border relationships against the target") {
    CHECK(lisbon.new_relationships == 1);  // ana-ben; ana-cid are both Portuguese
    CHECK(berlin.new_relationships == 2);  // fay-ben, dan-eva; ana-ben met in Lisbon
    CHECK(rome.new_relationships == 3);    // fay-cid, ana-eva, gus-fay (gus in the totals)
    CHECK(p.cumulative_relationships == std::vector<int>{1, 3, 6});
    CHECK(p.relationships == 6);
    CHECK(p.target == 44);
    // ana, ben, cid, dan, eva, fay, hal, ivy, jo, kim, and gus (erased: this event's alone).
    CHECK(p.people == 11);
  }

  SUBCASE("each event: date, city, people by type and country, meetings, no-shows") {
    CHECK(core::format_date(lisbon.date) == "2026-05-14");
    CHECK(core::format_date(rome.date) == "2027-03-04");
    CHECK(lisbon.city == "Lisbon");  // four of its eight people
    CHECK(berlin.city == "Berlin");  // two, as many as Rome: the first in alphabetical order
    CHECK(rome.city == "Rome");      // three of its five remaining people

    CHECK(lisbon.participants == 8);
    CHECK(lisbon.erased == 0);
    using Shown = std::vector<std::pair<std::string, int>>;
    CHECK(lisbon.by_type.shown == Shown{{"Company", 4}});
    CHECK(lisbon.by_type.other == 4);  // 2 researchers, 1 intermediary, 1 policy maker
    CHECK(lisbon.by_type.totals_only == 0);
    CHECK(lisbon.by_type.total == 8);
    CHECK(lisbon.by_country.shown == Shown{{"Portugal", 4}, {"Germany", 3}});
    CHECK(lisbon.by_country.other == 0);
    CHECK(lisbon.by_country.totals_only == 1);  // eva, the only Italian: too few to show
    CHECK(lisbon.not_held == 1);
    CHECK(lisbon.no_show_rate == doctest::Approx(1.0 / 3));

    CHECK(berlin.by_type.shown == Shown{{"Company", 4}});
    CHECK(berlin.by_type.totals_only == 1);
    CHECK(berlin.by_country.shown.empty());
    CHECK(berlin.by_country.other == 5);  // 2 + 2 + 1, merged
    CHECK(berlin.no_show_rate == 0);

    CHECK(rome.participants == 6);
    CHECK(rome.erased == 1);
    CHECK(rome.by_type.shown == Shown{{"Company", 4}});
    CHECK(rome.by_type.totals_only == 2);  // eva, and gus (erased)
    CHECK(rome.by_country.shown == Shown{{"Italy", 3}});
    CHECK(rome.by_country.totals_only == 3);  // ana and cid (Portugal), gus (erased)
    CHECK(rome.by_country.total == 6);
  }

  SUBCASE("team rounds, pitches, clinic outcomes, follow-up answers") {
    CHECK(rome.team_rounds == 0);
    CHECK(rome.pitches == 2);
    CHECK(rome.pitches_done == 1);
    CHECK(rome.interested == 2);
    CHECK(rome.clinic_tables == 2);
    CHECK(rome.clinic_outcomes == 1);
    CHECK(lisbon.follow_up_rounds == 1);
    CHECK(lisbon.follow_up_answers == 3);
    CHECK(berlin.follow_up_answers == 2);
    CHECK(rome.follow_up_answers == 1);
    CHECK(lisbon.pitches == 0);
  }

  SUBCASE("meetings by city pair and sector pair, small cells merged, the erased left out") {
    CHECK(p.city_labels == std::vector<std::string>{"Berlin", "Lisbon", "Rome"});
    const auto& berlin_lisbon = cell(p.cities, "Berlin", "Lisbon");
    CHECK(berlin_lisbon.held.count == 2);  // ana-ben twice
    CHECK(print::cell_text(berlin_lisbon.held) == "&lt;3");
    CHECK(berlin_lisbon.agreements.count == 1);
    CHECK(cell(p.cities, "Lisbon", "Lisbon").held.count == 1);
    const auto& berlin_rome = cell(p.cities, "Berlin", "Rome");
    CHECK(berlin_rome.held.count == 2);
    CHECK(print::cell_text(berlin_rome.held) == "2");  // fay, ben, dan, eva
    const auto& lisbon_rome = cell(p.cities, "Lisbon", "Rome");
    CHECK(lisbon_rome.held.count == 2);  // fay-cid, ana-eva; gus-fay is gus's: totals only
    CHECK(lisbon_rome.agreements.count == 1);
    CHECK(print::cell_text(lisbon_rome.agreements) == "&lt;3");
    int held = 0;
    for (const auto& [pair, c] : p.cities) held += c.held.count;
    CHECK(held == 7);

    // Every sector has one person: all merged.
    CHECK(p.sector_labels == std::vector<std::string>{"Other sectors"});
    const auto& other = cell(p.sectors, "Other sectors", "Other sectors");
    CHECK(other.held.count == 7);
    CHECK(other.agreements.count == 2);
    CHECK(print::cell_text(other.agreements) == "2");  // ana, ben, eva
  }

  SUBCASE("the study's table: each partner city's recommended pairings") {
    REQUIRE(p.study.size() == 11);
    const print::StudyRow& l = p.study[0];
    CHECK(l.city == "Lisbon");
    CHECK(l.creative == std::vector<std::string>{"Architecture", "Fashion"});
    CHECK(l.matching == std::vector<std::string>{"Construction", "Heritage", "Tourism"});
    CHECK(l.held.count == 2);  // ana-cid, ana-eva
    CHECK(l.agreements.count == 1);
    REQUIRE(l.pairings.size() == 2);
    CHECK(l.pairings[0].first == "Architecture - Construction");
    CHECK(l.pairings[1].first == "Architecture - Tourism");
    CHECK(l.pairings[1].second.agreements.count == 1);
    const auto berlin_row = std::find_if(p.study.begin(), p.study.end(),
                                         [](const auto& r) { return r.city == "Berlin"; });
    REQUIRE(berlin_row != p.study.end());
    CHECK(berlin_row->held.count == 1);  // dan-eva: fashion with tourism
    REQUIRE(berlin_row->pairings.size() == 1);
    CHECK(berlin_row->pairings[0].first == "Fashion - Tourism");
    int others = 0;
    for (const auto& row : p.study) {
      if (row.city != "Lisbon" && row.city != "Berlin") others += row.held.count;
    }
    CHECK(others == 0);
  }
}

TEST_CASE("the page shows the figures and explains them") {
  const test::Programme programme;
  auto figures = print::programme_figures(programme.events(), test::taxonomy(), 44);
  REQUIRE(figures.ok());
  const std::string html = print::report_html(*figures);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://www.w3.org/2000/svg") != std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("6 / 44") != std::string::npos);
  CHECK(html.find("How the numbers were counted") != std::string::npos);
  // No one's name or address.
  for (const auto& [who, person] : test::programme_people()) {
    CAPTURE(who);
    CHECK(html.find(person.email) == std::string::npos);
    CHECK(html.find(">" + who + "<") == std::string::npos);
  }
  // One event alone is that event's report.
  const std::vector<print::ReportEvent> one = {programme.lisbon.report_event("lisbon.db")};
  auto single = print::programme_figures(one, test::taxonomy(), 0);
  REQUIRE(single.ok());
  const std::string page = print::report_html(*single, true);
  CHECK(page.find("<title>Event report: Cross Innovation Lisbon</title>") != std::string::npos);
}

TEST_CASE("the same event twice, or no event, is refused") {
  const test::Programme programme;
  auto events = programme.events();
  events.push_back(programme.lisbon.report_event("copy-of-lisbon.db"));
  const auto twice = print::programme_figures(events, test::taxonomy(), 44);
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().code == "duplicate_event");
  CHECK(twice.error().message.find("copy-of-lisbon.db") != std::string::npos);
  CHECK(twice.error().message.find("lisbon.db") != std::string::npos);
  const auto none = print::programme_figures({}, test::taxonomy(), 44);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().field == "--db");
}
