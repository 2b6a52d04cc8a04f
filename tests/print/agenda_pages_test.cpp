#include <doctest/doctest.h>

#include "print/agenda_content.hpp"
#include "tests/print/print_fixture.hpp"

namespace crossmatch::test {

TEST_CASE("agendas: meetings in time order, with table, partner, organisation and a reason") {
  PrintedEvent f(8);
  const core::ParticipantId me = f.people[0];
  // Booked in this order, each in the first slot free for both: the afternoon one is booked
  // after the morning is full for `me`, so order by booking is order by time here; a meeting
  // placed earlier by hand comes first whatever its id.
  for (int i = 1; i <= 3; ++i) f.book(f.people[i], me);
  const auto agendas = print::agendas(f.state, taxonomy(), {me});
  REQUIRE(agendas.size() == 1);
  const print::Agenda& agenda = agendas[0];
  CHECK(agenda.name == kDiacriticNames[0]);
  REQUIRE(agenda.meetings.size() == 3);
  std::vector<std::int64_t> times;
  for (const core::MeetingId m : f.state.index.person_meetings.at(me)) {
    const core::Placement& p = *f.meeting(m).placement;
    times.push_back(f.state.sessions.at(p.slot.session).slot_time(p.slot.index));
  }
  CHECK(std::is_sorted(times.begin(), times.end()));
  for (std::size_t i = 0; i < 3; ++i) {
    const core::Participant& partner = f.state.participants.at(f.people[i + 1]);
    CHECK(agenda.meetings[i].partner == partner.profile.display_name);
    CHECK(agenda.meetings[i].organisation == partner.profile.organisation);
    CHECK_FALSE(agenda.meetings[i].table.empty());
    CHECK(agenda.meetings[i].when.find(':') != std::string::npos);
  }
  CHECK(agenda.teams.empty());
}

TEST_CASE("agendas: the page shows the meetings, the names with diacritics and the join code") {
  PrintedEvent f(6);
  f.book(f.people[1], f.people[0]);
  f.book(f.people[3], f.people[2]);
  PrintDir dir;
  const auto pdf = dir.write("agendas.pdf", f.pdf(print::PrintKind::Agendas));
  CHECK(page_count(pdf) == 6);
  const std::string first = page_text(pdf, 1);
  CHECK(first.find(kDiacriticNames[0]) != std::string::npos);
  CHECK(first.find(kDiacriticNames[1]) != std::string::npos);  // the partner
  CHECK(first.find("Why:") != std::string::npos);
  const std::string all = page_text(pdf);
  for (const core::ParticipantId id : f.people)
    CHECK(all.find(f.state.participants.at(id).profile.display_name) != std::string::npos);
  CHECK(qr_codes(pdf, 1) == std::vector<std::string>{"LISBON-2026"});
}

TEST_CASE("agendas: an empty agenda says so") {
  PrintedEvent f(3);
  PrintDir dir;
  const auto pdf = dir.write("empty.pdf", f.pdf(print::PrintKind::Agendas, {f.people[2]}));
  CHECK(page_count(pdf) == 1);
  const std::string text = page_text(pdf);
  CHECK(text.find("No meetings booked yet.") != std::string::npos);
  CHECK(text.find("Nothing is on your agenda yet") != std::string::npos);
}

TEST_CASE("agendas: teams, pitches and clinic tables appear under their headings") {
  PrintedEvent f(6);
  f.ok(organiser(),
       f.define_session("Pitches", "2026-05-15", 9 * 60, 10 * 60, core::SessionKind::Pitching));
  const core::SessionId pitches = f.state.sessions.rbegin()->first;
  f.ok(organiser(),
       f.define_session("Teams", "2026-05-15", 11 * 60, 12 * 60, core::SessionKind::TeamRound));
  const core::SessionId round = f.state.sessions.rbegin()->first;
  for (const core::ParticipantId pitcher : {f.people[0], f.people[1]}) {
    core::Profile profile = f.state.participants.at(pitcher).profile;
    profile.type = core::ParticipantType::Company;
    f.ok(participant(pitcher), core::EditProfile{.participant = pitcher, .profile = profile});
  }
  f.ok(organiser(),
       core::SetPitchOrder{.session = pitches, .pitches = {{f.people[1], 5}, {f.people[0], 5}}});
  f.ok(organiser(), core::DefineTable{.name = "Round table 1", .seats = 4});
  f.ok(organiser(), core::DefineTable{.name = "Round table 2", .seats = 4});
  const core::TableId first_table = f.state.tables.rbegin()->first - 1;
  f.ok(organiser(),
       core::PublishTeamRound{
           .name = "First teams",
           .session = round,
           .teams = {
               {.members = {f.people[0], f.people[2], f.people[3]}, .table = first_table},
               {.members = {f.people[1], f.people[4], f.people[5]}, .table = first_table + 1}}});
  f.ok(organiser(),
       f.define_session("Clinic", "2026-05-15", 14 * 60, 15 * 60, core::SessionKind::PolicyClinic));
  const core::SessionId clinic = f.state.sessions.rbegin()->first;
  f.ok(organiser(), core::DefineClinicTable{.session = clinic,
                                            .table = first_table,
                                            .theme = "mobility vouchers for creative companies"});
  f.ok(organiser(),
       core::FormClinicTables{.session = clinic,
                              .seating = {{.clinic_table = f.state.clinic_tables.rbegin()->first,
                                           .members = {f.people[0], f.people[1], f.people[2]}}}});
  const auto agendas = print::agendas(f.state, taxonomy(), {f.people[0]});
  REQUIRE(agendas[0].clinics.size() == 1);
  CHECK(agendas[0].clinics[0].table == "Round table 1");
  REQUIRE(agendas[0].pitches.size() == 1);
  CHECK(agendas[0].pitches[0].position == 2);
  REQUIRE(agendas[0].teams.size() == 1);
  CHECK(agendas[0].teams[0].members ==
        std::vector<std::string>{kDiacriticNames[2], kDiacriticNames[3]});
  PrintDir dir;
  const auto pdf = dir.write("full.pdf", f.pdf(print::PrintKind::Agendas, {f.people[0]}));
  const std::string text = page_text(pdf);
  CHECK(text.find("Your team") != std::string::npos);
  CHECK(text.find("First teams") != std::string::npos);
  CHECK(text.find(kDiacriticNames[3]) != std::string::npos);
  CHECK(text.find("you pitch 2 of 2") != std::string::npos);
  CHECK(text.find("Policy clinics") != std::string::npos);
  CHECK(text.find("Theme: mobility vouchers for creative companies") != std::string::npos);
  CHECK(text.find("Nothing is on your agenda yet") == std::string::npos);
}

TEST_CASE("agendas: a participant with 40 meetings gets more pages, every meeting on one") {
  PrintedEvent f(41);
  f.ok(organiser(), f.define_session("Day 2", "2026-05-15", 9 * 60, 9 * 60 + 15 * 20));
  f.ok(organiser(), f.define_session("Day 3", "2026-05-16", 9 * 60, 9 * 60 + 15 * 20));
  const core::ParticipantId me = f.people[0];
  for (int i = 1; i <= 40; ++i) f.book(f.people[static_cast<std::size_t>(i)], me);
  PrintDir dir;
  const auto pdf = dir.write("busy.pdf", f.pdf(print::PrintKind::Agendas, {me}));
  const int pages = page_count(pdf);
  CHECK(pages >= 2);
  CHECK(page_text(pdf, 2).find(kDiacriticNames[0] + " (continued)") != std::string::npos);
  // Each partner appears once, in the order of the meetings.
  const std::string text = page_text(pdf);
  const auto agenda = print::agendas(f.state, taxonomy(), {me})[0];
  REQUIRE(agenda.meetings.size() == 40);
  std::size_t at = 0;
  for (const print::AgendaMeeting& m : agenda.meetings) {
    const std::size_t found = text.find(m.partner, at);
    REQUIRE_MESSAGE(found != std::string::npos, m.partner);
    at = found + m.partner.size();
  }
}

}  // namespace crossmatch::test
