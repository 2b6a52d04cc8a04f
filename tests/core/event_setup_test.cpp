#include <doctest/doctest.h>

#include "core/event/session_rules.hpp"
#include "core/event/session_slots.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

TEST_CASE("creating the event") {
  test::EventFixture f;
  f.refused(test::broker(),
            core::CreateEvent{.name = "X", .time_zone = "UTC", .join_code = "CODE1"}, "forbidden");
  f.refused(participant(0), core::SetRegistration{.open = true}, "no_event");
  f.refused(organiser(), core::CreateEvent{.time_zone = "UTC", .join_code = "CODE1"}, "required");
  f.refused(
      organiser(),
      core::CreateEvent{.name = std::string(121, 'a'), .time_zone = "UTC", .join_code = "CODE1"},
      "too_long");
  f.refused(organiser(),
            core::CreateEvent{.name = "Event", .time_zone = "Europe//Lisbon", .join_code = "CODE1"},
            "invalid");
  f.refused(organiser(), core::CreateEvent{.name = "Event", .time_zone = "UTC", .join_code = "no"},
            "invalid");
  f.refused(organiser(),
            core::CreateEvent{.name = "Event", .time_zone = "UTC", .join_code = "with space"},
            "invalid");
  f.ok(organiser(),
       core::CreateEvent{
           .name = "Demo Day", .time_zone = "Europe/Amsterdam", .join_code = "DEMO-DAY"});
  CHECK(f.state.event.created);
  CHECK(f.state.event.name == "Demo Day");
  CHECK_FALSE(f.state.event.registration_open);
  const auto e = f.refused(
      organiser(), core::CreateEvent{.name = "Again", .time_zone = "UTC", .join_code = "CODE2"},
      "already_created");
  CHECK(e.message.find("Demo Day") != std::string::npos);
}

TEST_CASE("opening and closing registration") {
  test::EventFixture f;
  f.set_up();
  f.refused(participant(0), core::SetRegistration{}, "forbidden");
  f.refused(test::broker(), core::SetRegistration{}, "forbidden");
  f.ok(organiser(), core::SetRegistration{});
  CHECK_FALSE(f.state.event.registration_open);
  auto people = core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {1, 3});
  const auto e = f.refused(test::newcomer(), core::Register{.profile = (*people)[0].profile},
                           "registration_closed");
  CHECK(e.message.find("closed") != std::string::npos);
  // The organiser still registers people (pre-registration).
  f.ok(organiser(), core::Register{.profile = (*people)[0].profile});
}

TEST_CASE("matching settings") {
  test::EventFixture f;
  f.set_up();
  core::EventSettings s;
  s.matching.weights.sector = 0.5;
  s.matching.team_min = 4;
  s.matching.team_max = 6;
  s.max_open_requests = 3;
  s.booking = core::BookingMode::Deferred;
  f.refused(test::broker(), core::SetSettings{.settings = s}, "forbidden");
  f.ok(organiser(), core::SetSettings{.settings = s});
  CHECK(f.state.event.settings == s);

  auto bad = s;
  bad.matching.weights.working_style = -1;
  CHECK(f.refused(organiser(), core::SetSettings{.settings = bad}, "out_of_range").field ==
        "settings.matching.weights.working_style");
  bad = s;
  bad.matching.weights = {0, 0, 0, 0, 0, 0};
  f.refused(organiser(), core::SetSettings{.settings = bad}, "invalid");
  bad = s;
  bad.matching.weights.participant_types = 11;
  CHECK(f.refused(organiser(), core::SetSettings{.settings = bad}, "out_of_range").field ==
        "settings.matching.weights.participant_types");
  bad = s;
  bad.matching.team_min = 6;
  bad.matching.team_max = 4;
  f.refused(organiser(), core::SetSettings{.settings = bad}, "out_of_range");
  bad = s;
  bad.max_open_requests = 0;
  CHECK(f.refused(organiser(), core::SetSettings{.settings = bad}, "out_of_range").field ==
        "settings.max_open_requests");
  bad = s;
  bad.afternoon_start = 25 * 60;
  f.refused(organiser(), core::SetSettings{.settings = bad}, "out_of_range");
}

TEST_CASE("sessions: slots, breaks and the rules for changing them") {
  test::EventFixture f;
  f.ok(organiser(), core::CreateEvent{.name = "Event", .time_zone = "UTC", .join_code = "CODE-1"});
  auto d = f.define_session("Day one", "2026-05-14", 9 * 60, 12 * 60);
  d.breaks = {{10 * 60 + 30, 10 * 60 + 45}};
  f.ok(organiser(), d);
  const core::Session& s = f.state.sessions.begin()->second;
  CHECK(s.id == 1);
  CHECK(s.slot_minutes == 20);
  // 09:00 .. 10:20 (4 slots); 10:20 would run into the coffee break, so the next starts at 10:45;
  // then 10:45 .. 11:45 (3 slots); 11:45 would end after noon.
  CHECK(s.slot_starts == std::vector<int>{540, 560, 580, 600, 645, 665, 685});
  CHECK(core::describe_slot(f.state, {1, 4}) == "Thu 14 May 10:45");

  // One-to-one sessions may not overlap; other kinds may.
  f.refused(organiser(), f.define_session("Overlap", "2026-05-14", 11 * 60, 13 * 60), "overlap");
  f.ok(organiser(),
       f.define_session("Pitches", "2026-05-14", 11 * 60, 13 * 60, core::SessionKind::Pitching));
  f.ok(organiser(), f.define_session("Next day", "2026-05-15", 9 * 60, 12 * 60));

  f.refused(participant(1), f.define_session("X", "2026-05-16", 9 * 60, 10 * 60), "forbidden");
  f.refused(organiser(), f.define_session("", "2026-05-16", 9 * 60, 10 * 60), "required");
  f.refused(organiser(), f.define_session("Backwards", "2026-05-16", 10 * 60, 9 * 60), "invalid");
  f.refused(organiser(), f.define_session("Too short", "2026-05-16", 9 * 60, 9 * 60 + 10),
            "invalid");
  auto long_slots = f.define_session("Long", "2026-05-16", 9 * 60, 10 * 60);
  long_slots.slot_minutes = 500;
  f.refused(organiser(), long_slots, "out_of_range");
  auto outside_break = f.define_session("Break outside", "2026-05-16", 9 * 60, 10 * 60);
  outside_break.breaks = {{8 * 60, 9 * 60 + 30}};
  f.refused(organiser(), outside_break, "invalid");
  auto edit = f.define_session("Renamed", "2026-05-14", 9 * 60, 12 * 60);
  edit.session = 99;
  f.refused(organiser(), edit, "not_found");

  // An exact duplicate is refused whatever its kind; the same times under another name are not.
  const auto twice = f.refused(
      organiser(),
      f.define_session("Pitches", "2026-05-14", 11 * 60, 13 * 60, core::SessionKind::Pitching),
      "duplicate");
  CHECK(twice.message == "There is already a session 'Pitches' on 2026-05-14 from 11:00 to 13:00.");
  f.ok(organiser(), f.define_session("Pitches, room B", "2026-05-14", 11 * 60, 13 * 60,
                                     core::SessionKind::Pitching));
  // A duplicate of a one-to-one session is said to be one, not an overlap.
  f.refused(organiser(), f.define_session("Day one", "2026-05-14", 9 * 60, 12 * 60), "duplicate");
  const auto overlap =
      f.refused(organiser(), f.define_session("Late", "2026-05-14", 11 * 60, 13 * 60), "overlap");
  CHECK(overlap.message.find("overlaps 'Day one' (09:00-12:00)") != std::string::npos);
}

TEST_CASE("sessions: the form's checks are the hub's") {
  test::EventFixture f;
  f.set_up();
  // What checked_session refuses, apply refuses with the same error, and the other way round.
  const core::DefineSession cases[] = {
      f.define_session("Backwards", "2026-05-16", 10 * 60, 9 * 60),
      f.define_session("Morning meetings", "2026-05-14", 9 * 60, 11 * 60),
      f.define_session("Overlapping", "2026-05-14", 10 * 60, 11 * 60),
      f.define_session("Fine", "2026-05-16", 9 * 60, 10 * 60),
  };
  for (const auto& d : cases) {
    CAPTURE(d.name);
    const auto checked = core::checked_session(f.state, d);
    core::EventState copy = f.state;
    core::Operation op;
    op.id = "check";
    op.actor = organiser();
    op.payload = d;
    const auto applied = core::apply_operation(copy, test::taxonomy(), op);
    REQUIRE(checked.ok() == applied.ok());
    if (!checked.ok()) CHECK(checked.error() == applied.error());
  }
}

TEST_CASE("a session with booked meetings keeps its slots") {
  test::EventFixture f;
  f.set_up();
  const auto people = f.register_people(2);
  const auto m = f.request(people[0], people[1]);
  f.ok(participant(people[1]),
       core::AcceptMeeting{.meeting = m, .slot = core::SlotRef{f.morning, 2}});
  auto change = f.define_session("Morning meetings", "2026-05-14", 9 * 60 + 10, 11 * 60);
  change.session = f.morning;
  const auto e = f.refused(organiser(), change, "in_use");
  CHECK(e.message.find("1 meeting is booked") != std::string::npos);
  // Renaming changes no slot and is fine.
  auto rename = f.define_session("Morning one-to-ones", "2026-05-14", 9 * 60, 11 * 60);
  rename.session = f.morning;
  f.ok(organiser(), rename);
  CHECK(f.state.sessions.at(f.morning).name == "Morning one-to-ones");
  f.refused(organiser(), core::RemoveSession{.session = f.morning}, "in_use");
  f.refused(organiser(), core::RemoveSession{.session = 42}, "not_found");
  f.ok(participant(people[0]), core::CancelMeeting{.meeting = m});
  f.ok(organiser(), core::RemoveSession{.session = f.morning});
  CHECK(f.state.session(f.morning) == nullptr);
}

TEST_CASE("removing a session drops preferences and unavailability in it") {
  test::EventFixture f;
  f.set_up();
  const auto people = f.register_people(2);
  f.ok(participant(people[0]),
       core::SetAvailability{
           .participant = people[0],
           .availability = {{{f.morning, 1}, {f.afternoon, 0}}, core::TimeOfDay::Any}});
  const auto m = f.request(people[0], people[1], {{f.morning, 3}, {f.afternoon, 2}});
  f.ok(organiser(), core::RemoveSession{.session = f.morning});
  CHECK(f.state.participants.at(people[0]).availability.unavailable ==
        std::vector<core::SlotRef>{{f.afternoon, 0}});
  CHECK(f.meeting(m).preferred == std::vector<core::SlotRef>{{f.afternoon, 2}});
}

TEST_CASE("tables") {
  test::EventFixture f;
  f.set_up(0);
  f.ok(organiser(), core::DefineTable{.name = "Table A", .seats = 4});
  CHECK(f.state.tables.at(1).seats == 4);
  f.refused(organiser(), core::DefineTable{.name = "Table A"}, "duplicate");
  f.refused(organiser(), core::DefineTable{.name = "Table B", .seats = 1}, "out_of_range");
  f.refused(organiser(), core::DefineTable{.name = "Table B", .seats = 51}, "out_of_range");
  f.refused(organiser(), core::DefineTable{}, "required");
  f.refused(organiser(), core::DefineTable{.table = 7, .name = "Table Z"}, "not_found");
  f.refused(test::broker(), core::DefineTable{.name = "Table B"}, "forbidden");
  f.ok(organiser(), core::DefineTable{.table = 1, .name = "Table A (window)", .seats = 6});
  CHECK(f.state.tables.at(1).name == "Table A (window)");
  f.refused(organiser(), core::RemoveTable{.table = 9}, "not_found");

  const auto people = f.register_people(2);
  const auto m = f.request(people[0], people[1]);
  f.ok(participant(people[1]), core::AcceptMeeting{.meeting = m});
  f.refused(organiser(), core::RemoveTable{.table = 1}, "in_use");
  f.ok(participant(people[1]), core::CancelMeeting{.meeting = m, .reason = "sorry"});
  f.ok(organiser(), core::RemoveTable{.table = 1});
  CHECK(f.state.tables.empty());
}

TEST_CASE("announcements") {
  test::EventFixture f;
  f.set_up();
  const auto applied =
      f.ok(organiser(), core::Announce{.text = "Lunch is served in the atrium.\nEnjoy!"});
  CHECK(std::get<core::Announce>(applied.payload).announcement == 1);
  REQUIRE(f.state.announcements.size() == 1);
  CHECK(f.state.announcements[0].at == applied.at);
  f.refused(test::broker(), core::Announce{.text = "Hi"}, "forbidden");
  f.refused(participant(1), core::Announce{.text = "Hi"}, "forbidden");
  f.refused(organiser(), core::Announce{}, "required");
  f.refused(organiser(), core::Announce{.text = std::string(1001, 'x')}, "too_long");
  f.refused(organiser(), core::Announce{.text = "bell\x07"}, "control_character");
}

TEST_CASE("operation ids are checked") {
  test::EventFixture f;
  core::Operation op;
  op.actor = organiser();
  op.payload = core::CreateEvent{.name = "E", .time_zone = "UTC", .join_code = "CODE-1"};
  op.id = "";
  CHECK(core::apply_operation(f.state, test::taxonomy(), op).error().field == "id");
  op.id = std::string(65, 'a');
  CHECK(core::apply_operation(f.state, test::taxonomy(), op).error().field == "id");
  op.id = "bad id";
  CHECK(core::apply_operation(f.state, test::taxonomy(), op).error().field == "id");
  op.id = "client-7:42";
  CHECK(core::apply_operation(f.state, test::taxonomy(), op).ok());
}
