#include <doctest/doctest.h>

#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

namespace {

struct RoundFixture : test::EventFixture {
  core::SessionId round_session = 0;
  std::vector<core::ParticipantId> people;
  RoundFixture() {
    set_up(0);
    for (int t = 1; t <= 4; ++t)
      ok(organiser(), core::DefineTable{.name = "Team table " + std::to_string(t), .seats = 5});
    ok(organiser(),
       define_session("Team round", "2026-05-14", 11 * 60, 12 * 60, core::SessionKind::TeamRound));
    round_session = state.sessions.rbegin()->first;
    people = register_people(9);
  }
  core::PublishTeamRound round(std::vector<std::vector<core::ParticipantId>> teams) {
    core::PublishTeamRound r{0, "First team round", round_session, {}};
    core::TableId table = 1;
    for (auto& members : teams)
      r.teams.push_back({members, table++, "Like-minded, creative with growth"});
    return r;
  }
};

}  // namespace

TEST_CASE("publishing a team round, locked once published") {
  RoundFixture f;
  const auto& p = f.people;
  auto r = f.round({{p[0], p[1], p[2]}, {p[3], p[4], p[5]}, {p[6], p[7], p[8]}});
  f.refused(test::broker(), r, "forbidden");
  const auto applied = f.ok(organiser(), r);
  const auto id = std::get<core::PublishTeamRound>(applied.payload).round;
  REQUIRE(f.state.rounds.count(id));
  CHECK(f.state.rounds.at(id).teams.size() == 3);
  CHECK(f.state.rounds.at(id).published_at == applied.at);
  const auto locked = f.refused(organiser(), f.round({{p[0], p[1]}}), "round_locked");
  CHECK(locked.message.find("locked") != std::string::npos);
}

TEST_CASE("team round refusals") {
  RoundFixture f;
  const auto& p = f.people;
  auto twice = f.round({{p[0], p[1]}, {p[1], p[2]}});
  CHECK(f.refused(organiser(), twice, "duplicate").message.find("two teams") != std::string::npos);
  auto alone = f.round({{p[0]}});
  f.refused(organiser(), alone, "invalid");
  auto crowded = f.round({{p[0], p[1], p[2], p[3], p[4], p[5]}});
  f.refused(organiser(), crowded, "too_small");
  auto same_table = f.round({{p[0], p[1]}, {p[2], p[3]}});
  same_table.teams[1].table = same_table.teams[0].table;
  f.refused(organiser(), same_table, "duplicate");
  auto unknown = f.round({{p[0], 999}});
  f.refused(organiser(), unknown, "not_found");
  auto wrong_session = f.round({{p[0], p[1]}});
  wrong_session.session = f.morning;
  f.refused(organiser(), wrong_session, "wrong_session");
  auto no_name = f.round({{p[0], p[1]}});
  no_name.name = "";
  f.refused(organiser(), no_name, "required");
  f.refused(organiser(), core::PublishTeamRound{.name = "Empty", .session = f.round_session},
            "invalid");
}

TEST_CASE("a team round and meetings never overlap for a person") {
  RoundFixture f;
  const auto& p = f.people;
  f.ok(organiser(), core::DefineTable{.name = "Meeting table"});
  // An afternoon session that overlaps nothing, and the round 11:00-12:00 against a late-morning
  // slot.
  f.ok(organiser(), f.define_session("Late morning", "2026-05-14", 11 * 60, 12 * 60));
  const auto late = f.state.sessions.rbegin()->first;
  const auto m = f.request(p[0], p[1]);
  f.ok(participant(p[1]), core::AcceptMeeting{.meeting = m, .slot = core::SlotRef{late, 1}});
  const auto e = f.refused(organiser(), f.round({{p[0], p[2]}}), "conflict");
  CHECK(e.message.find("during the round") != std::string::npos);
  f.ok(organiser(), f.round({{p[2], p[3]}, {p[4], p[5]}}));
  // Once the round is published, its members cannot be booked during it.
  const auto m2 = f.request(p[2], p[6]);
  const auto busy = f.refused(participant(p[6]),
                              core::AcceptMeeting{.meeting = m2, .slot = core::SlotRef{late, 0}},
                              "slot_unavailable");
  CHECK(busy.message.find("team round") != std::string::npos);
}

TEST_CASE("an auto-schedule is applied as one operation") {
  test::EventFixture f;
  f.set_up(2);
  core::EventSettings s = f.state.event.settings;
  s.booking = core::BookingMode::Deferred;
  f.ok(organiser(), core::SetSettings{.settings = s});
  const auto p = f.register_people(4);
  std::vector<core::MeetingId> m;
  for (auto [a, b] : {std::pair{0, 1}, std::pair{2, 3}, std::pair{0, 2}}) {
    const auto id = f.request(p[a], p[b]);
    f.ok(participant(p[b]), core::AcceptMeeting{.meeting = id});
    m.push_back(id);
  }
  const core::SessionId S = f.morning;
  core::ApplySchedule schedule{
      {S}, false, {{m[0], {{S, 0}, 1}}, {m[1], {{S, 0}, 2}}, {m[2], {{S, 1}, 1}}}};
  f.refused(participant(p[0]), schedule, "forbidden");

  auto person_twice = schedule;
  person_twice.placements[2].second.slot = {S, 0};
  person_twice.placements[2].second.table = 2;
  f.refused(organiser(), person_twice, "conflict");
  auto table_twice = schedule;
  table_twice.placements[1].second.table = 1;
  f.refused(organiser(), table_twice, "conflict");
  auto bad_slot = schedule;
  bad_slot.placements[0].second.slot = {f.afternoon, 0};
  f.refused(organiser(), bad_slot, "not_found");
  auto twice = schedule;
  twice.placements.push_back(twice.placements[0]);
  f.refused(organiser(), twice, "duplicate");

  f.ok(organiser(), schedule);
  CHECK(f.meeting(m[0]).placement->slot == core::SlotRef{S, 0});
  CHECK(f.meeting(m[2]).placement->slot == core::SlotRef{S, 1});

  // Booked meetings stay unless moves are allowed; with moves, two may trade places.
  core::ApplySchedule swap{
      {S}, false, {{m[0], {{S, 1}, 1}}, {m[2], {{S, 0}, 1}}, {m[1], {{S, 2}, 2}}}};
  f.refused(organiser(), swap, "moves_not_allowed");
  swap.moves_allowed = true;
  f.ok(organiser(), swap);
  CHECK(f.meeting(m[0]).placement->slot == core::SlotRef{S, 1});
  CHECK(f.meeting(m[2]).placement->slot == core::SlotRef{S, 0});
  CHECK(f.state.meeting_at(p[0], {S, 0}) == m[2]);
  CHECK(f.state.meeting_at(p[0], {S, 1}) == m[0]);
  CHECK(f.state.meeting_at(p[1], {S, 0}) == 0);

  // Unavailability is respected.
  const auto extra = f.request(p[1], p[3]);
  f.ok(participant(p[3]), core::AcceptMeeting{.meeting = extra});
  f.ok(participant(p[3]), core::SetAvailability{.participant = p[3],
                                                .availability = {{{S, 4}}, core::TimeOfDay::Any}});
  const auto e = f.refused(
      organiser(), core::ApplySchedule{.sessions = {S}, .placements = {{extra, {{S, 4}, 1}}}},
      "conflict");
  CHECK(e.message.find("unavailable") != std::string::npos);
}
