#include <doctest/doctest.h>

#include "core/event/booking.hpp"
#include "core/event/operation_catalogue.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

TEST_CASE("requesting a meeting") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(5);
  const auto m = f.request(p[0], p[1], {{f.morning, 2}});
  const core::Meeting& meeting = f.meeting(m);
  CHECK(meeting.requester == p[0]);
  CHECK(meeting.invitee == p[1]);
  CHECK(meeting.status == core::MeetingStatus::Requested);
  CHECK(meeting.message == "Shall we meet?");
  CHECK(meeting.requested_at == f.clock);
  CHECK(core::statistics(f.state).pending == 1);

  f.refused(participant(p[2]), core::RequestMeeting{.from = p[0], .to = p[3]}, "forbidden");
  f.refused(participant(p[0]), core::RequestMeeting{.from = p[0], .to = p[0]}, "invalid");
  f.refused(participant(p[0]), core::RequestMeeting{.from = p[0], .to = 999}, "not_found");
  const auto dup = f.refused(participant(p[1]), core::RequestMeeting{.from = p[1], .to = p[0]},
                             "already_requested");
  CHECK(dup.message.find("meeting " + std::to_string(m)) != std::string::npos);
  f.refused(participant(p[0]),
            core::RequestMeeting{.from = p[0], .to = p[2], .message = std::string(1001, 'a')},
            "too_long");
  f.refused(
      participant(p[0]),
      core::RequestMeeting{.from = p[0], .to = p[2], .preferred = {{f.morning, 1}, {f.morning, 1}}},
      "duplicate");
  f.refused(participant(p[0]),
            core::RequestMeeting{.from = p[0], .to = p[2], .preferred = {{f.morning, 40}}},
            "not_found");
  f.ok(organiser(),
       f.define_session("Pitches", "2026-05-15", 9 * 60, 10 * 60, core::SessionKind::Pitching));
  const auto pitches = f.state.sessions.rbegin()->first;
  f.refused(participant(p[0]),
            core::RequestMeeting{.from = p[0], .to = p[2], .preferred = {{pitches, 0}}},
            "wrong_session");
  // A message may have several lines.
  f.ok(participant(p[0]),
       core::RequestMeeting{.from = p[0], .to = p[2], .message = "Hello,\nlet's talk."});
}

TEST_CASE("the organiser caps open outgoing requests") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(6);
  core::EventSettings s = f.state.event.settings;
  CHECK(s.max_open_requests == 10);  // the default
  s.max_open_requests = 3;
  f.ok(organiser(), core::SetSettings{.settings = s});
  const auto first = f.request(p[0], p[1]);
  f.request(p[0], p[2]);
  f.request(p[0], p[3]);
  const auto e =
      f.refused(participant(p[0]), core::RequestMeeting{.from = p[0], .to = p[4]}, "request_cap");
  CHECK(e.message.find("3 open requests") != std::string::npos);
  // An answered request is no longer open.
  f.ok(participant(p[1]), core::AcceptMeeting{.meeting = first});
  f.request(p[0], p[4]);
  // Incoming requests do not count against the cap.
  f.request(p[5], p[0]);
}

TEST_CASE("accepting books a slot and a table free for both, preferring the requested slots") {
  test::EventFixture f;
  f.set_up(1);  // one table: the table is the bottleneck
  const auto p = f.register_people(4);
  const auto m1 = f.request(p[0], p[1], {{f.morning, 3}, {f.morning, 4}});
  f.ok(participant(p[1]), core::AcceptMeeting{.meeting = m1});
  REQUIRE(f.meeting(m1).placement);
  CHECK(f.meeting(m1).placement->slot == core::SlotRef{f.morning, 3});
  CHECK(f.meeting(m1).status == core::MeetingStatus::Accepted);
  CHECK(f.meeting(m1).accepted_at == f.clock);

  // Same preferred slot, other people: the only table is taken, so the next preferred slot.
  const auto m2 = f.request(p[2], p[3], {{f.morning, 3}, {f.morning, 4}});
  f.ok(participant(p[3]), core::AcceptMeeting{.meeting = m2});
  CHECK(f.meeting(m2).placement->slot == core::SlotRef{f.morning, 4});

  // No preference: the earliest common free slot.
  const auto m3 = f.request(p[0], p[2]);
  f.ok(participant(p[2]), core::AcceptMeeting{.meeting = m3});
  CHECK(f.meeting(m3).placement->slot == core::SlotRef{f.morning, 0});
}

TEST_CASE("a slot whose tables are all booked is passed over, and a cancellation frees its table") {
  test::EventFixture f;
  f.set_up(2);  // two tables
  const auto p = f.register_people(8);
  const core::SlotRef first{f.morning, 0};
  const auto m1 = f.request(p[0], p[1]);
  f.ok(participant(p[1]), core::AcceptMeeting{.meeting = m1, .slot = first});
  const auto m2 = f.request(p[2], p[3]);
  f.ok(participant(p[3]), core::AcceptMeeting{.meeting = m2, .slot = first});
  CHECK(core::free_table(f.state, first, 2) == 0);
  CHECK(core::free_table(f.state, first, 2, m2) ==
        f.meeting(m2).placement->table);  // its own table
  // Both tables are taken at 09:00, so two free people land at the next slot.
  const auto m3 = f.request(p[4], p[5]);
  f.ok(participant(p[5]), core::AcceptMeeting{.meeting = m3});
  CHECK(f.meeting(m3).placement->slot == core::SlotRef{f.morning, 1});
  const core::TableId freed = f.meeting(m2).placement->table;
  f.ok(participant(p[2]), core::CancelMeeting{.meeting = m2});
  CHECK(core::free_table(f.state, first, 2) == freed);
  const auto m4 = f.request(p[6], p[7]);
  f.ok(participant(p[7]), core::AcceptMeeting{.meeting = m4});
  CHECK(f.meeting(m4).placement->slot == first);
  CHECK(f.meeting(m4).placement->table == freed);
  // The count kept while applying equals the one rebuilt from the meetings.
  const auto kept = f.state.index.slot_tables_booked;
  core::rebuild_index(f.state, test::taxonomy());
  CHECK(f.state.index.slot_tables_booked == kept);
}

TEST_CASE("the smallest free table that seats everyone, across more than 64 tables") {
  test::EventFixture f;
  f.set_up(0);
  f.ok(organiser(), core::DefineTable{.name = "Round table", .seats = 4});
  const core::TableId round_table = f.state.tables.rbegin()->first;
  for (int t = 1; t <= 70; ++t)
    f.ok(organiser(), core::DefineTable{.name = "Table " + std::to_string(t)});
  const auto p = f.register_people(142);
  const core::SlotRef first{f.morning, 0};
  CHECK(core::free_table(f.state, first, 3) == round_table);
  CHECK(core::free_table(f.state, first, 5) == 0);
  for (int i = 0; i < 70; ++i) {
    CHECK(core::free_table(f.state, first, 2) ==
          round_table + 1 + i);  // the two-seat tables in order
    const auto m = f.request(p[2 * i], p[2 * i + 1]);
    f.ok(participant(p[2 * i + 1]), core::AcceptMeeting{.meeting = m, .slot = first});
  }
  // Every two-seat table is booked: the four-seat one is next, then none.
  CHECK(core::free_table(f.state, first, 2) == round_table);
  const auto last = f.request(p[140], p[141]);
  f.ok(participant(p[141]), core::AcceptMeeting{.meeting = last, .slot = first});
  CHECK(f.meeting(last).placement->table == round_table);
  CHECK(core::free_table(f.state, first, 2) == 0);
  CHECK(core::free_table(f.state, core::SlotRef{f.morning, 1}, 2) == round_table + 1);
  // Reseated to two, the round table is the smallest with the lowest id: first at a free slot.
  f.ok(organiser(), core::DefineTable{.table = round_table, .name = "Round table"});
  CHECK(core::free_table(f.state, core::SlotRef{f.morning, 1}, 3) == 0);
  CHECK(core::free_table(f.state, core::SlotRef{f.morning, 1}, 2) == round_table);
  CHECK(core::free_table(f.state, first, 2) == 0);
}

TEST_CASE("a taken slot is refused with the nearest alternatives") {
  test::EventFixture f;
  f.set_up(2);
  const auto p = f.register_people(3);
  const auto m1 = f.request(p[0], p[1]);
  f.ok(participant(p[1]), core::AcceptMeeting{.meeting = m1, .slot = core::SlotRef{f.morning, 2}});
  const auto m2 = f.request(p[2], p[0]);
  const auto e = f.refused(participant(p[0]),
                           core::AcceptMeeting{.meeting = m2, .slot = core::SlotRef{f.morning, 2}},
                           "slot_unavailable");
  CHECK(e.field == "slot");
  CHECK(e.message.find("has a meeting with") != std::string::npos);
  // 09:40 is taken; the nearest free ones are 09:20 and 10:00, then 09:00.
  CHECK(e.message.find("Nearest free for both: Thu 14 May 09:20 (Morning meetings), Thu 14 May "
                       "10:00 (Morning meetings), Thu 14 May 09:00") != std::string::npos);
  f.ok(participant(p[0]), core::AcceptMeeting{.meeting = m2, .slot = core::SlotRef{f.morning, 3}});
}

TEST_CASE("no common free slot") {
  test::EventFixture f;
  f.set_up(2, 2);  // two sessions of two slots
  const auto p = f.register_people(4);
  // p[0] is unavailable in the morning; p[1] fills the afternoon with others.
  f.ok(participant(p[0]), core::SetAvailability{.participant = p[0],
                                                .availability = {{}, core::TimeOfDay::Afternoon}});
  for (const auto other : {p[2], p[3]}) {
    const auto m = f.request(p[1], other);
    f.ok(participant(other),
         core::AcceptMeeting{.meeting = m,
                             .slot = core::SlotRef{f.afternoon, other == p[2] ? 0 : 1}});
  }
  const auto m = f.request(p[0], p[1]);
  const auto e = f.refused(participant(p[1]), core::AcceptMeeting{.meeting = m}, "no_common_slot");
  CHECK(e.message.find("no common free slot") != std::string::npos);
  const auto morning = f.refused(
      participant(p[1]), core::AcceptMeeting{.meeting = m, .slot = core::SlotRef{f.morning, 0}},
      "slot_unavailable");
  CHECK(morning.message.find("attends only in the afternoon") != std::string::npos);
  CHECK(morning.message.find("no other common free slot") != std::string::npos);
}

TEST_CASE("who may accept, and deferred booking") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(4);
  const auto m = f.request(p[0], p[1]);
  f.refused(participant(p[0]), core::AcceptMeeting{.meeting = m}, "already_accepted");
  f.refused(participant(p[2]), core::AcceptMeeting{.meeting = m}, "forbidden");
  f.refused(test::broker(), core::AcceptMeeting{.meeting = m}, "forbidden");
  f.refused(participant(p[1]), core::AcceptMeeting{.meeting = 999}, "not_found");
  // A client cannot choose the placement: the hub decides it.
  const auto applied =
      f.ok(participant(p[1]),
           core::AcceptMeeting{.meeting = m, .placement = core::Placement{{f.afternoon, 5}, 3}});
  CHECK(std::get<core::AcceptMeeting>(applied.payload).placement == f.meeting(m).placement);
  CHECK(f.meeting(m).placement->slot == core::SlotRef{f.morning, 0});
  f.refused(participant(p[1]), core::AcceptMeeting{.meeting = m}, "not_pending");

  core::EventSettings s = f.state.event.settings;
  s.booking = core::BookingMode::Deferred;
  f.ok(organiser(), core::SetSettings{.settings = s});
  const auto later = f.request(p[2], p[3]);
  f.ok(organiser(), core::AcceptMeeting{.meeting = later});  // on their behalf
  CHECK(f.meeting(later).status == core::MeetingStatus::Accepted);
  CHECK_FALSE(f.meeting(later).placement.has_value());
}

TEST_CASE("declining, and a declined pair is never matched again") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(3);
  const auto m = f.request(p[0], p[1]);
  const auto cancel_instead =
      f.refused(participant(p[0]), core::DeclineMeeting{.meeting = m}, "not_yours_to_answer");
  CHECK(cancel_instead.message.find("cancel") != std::string::npos);
  f.refused(participant(p[1]), core::DeclineMeeting{.meeting = m, .reason = std::string(201, 'r')},
            "too_long");
  f.ok(participant(p[1]), core::DeclineMeeting{.meeting = m, .reason = "Not our field"});
  CHECK(f.meeting(m).status == core::MeetingStatus::Declined);
  CHECK(f.meeting(m).closed_by == p[1]);
  CHECK(f.state.declined_pair(p[0], p[1]));
  CHECK(f.state.declined_pair(p[1], p[0]));
  CHECK_FALSE(f.state.declined_pair(p[0], p[2]));
  f.refused(participant(p[0]), core::RequestMeeting{.from = p[0], .to = p[1]}, "declined_pair");
  f.refused(participant(p[1]), core::RequestMeeting{.from = p[1], .to = p[0]}, "declined_pair");
  f.refused(test::broker(), core::Introduce{.first = p[0], .second = p[1]}, "declined_pair");
  f.refused(participant(p[1]), core::DeclineMeeting{.meeting = m}, "not_pending");
  CHECK(core::statistics(f.state).declined == 1);
}

TEST_CASE("proposing another slot") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(3);
  const auto m = f.request(p[0], p[1], {{f.morning, 0}});
  f.ok(participant(p[1]), core::ProposeSlot{.meeting = m, .slot = {f.afternoon, 2}});
  CHECK(f.meeting(m).preferred == std::vector<core::SlotRef>{{f.afternoon, 2}});
  // Now the requester answers the proposal.
  f.refused(participant(p[1]), core::AcceptMeeting{.meeting = m}, "already_accepted");
  f.refused(participant(p[2]), core::ProposeSlot{.meeting = m, .slot = {f.afternoon, 3}},
            "forbidden");
  f.refused(organiser(), core::ProposeSlot{.meeting = m, .slot = {f.afternoon, 3}}, "forbidden");
  f.refused(participant(p[0]), core::ProposeSlot{.meeting = m, .slot = {f.afternoon, 99}},
            "not_found");
  f.ok(participant(p[0]), core::AcceptMeeting{.meeting = m});
  CHECK(f.meeting(m).placement->slot == core::SlotRef{f.afternoon, 2});
  f.refused(participant(p[0]), core::ProposeSlot{.meeting = m, .slot = {f.afternoon, 3}},
            "not_pending");
  // A proposal of a slot where someone is busy is refused with alternatives.
  const auto m2 = f.request(p[2], p[0]);
  const auto e =
      f.refused(participant(p[0]), core::ProposeSlot{.meeting = m2, .slot = {f.afternoon, 2}},
                "slot_unavailable");
  CHECK(e.message.find("Nearest free for both") != std::string::npos);
}

TEST_CASE("cancelling") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(4);
  const auto pending = f.request(p[0], p[1]);
  f.refused(participant(p[1]), core::CancelMeeting{.meeting = pending}, "not_yours_to_cancel");
  f.refused(participant(p[2]), core::CancelMeeting{.meeting = pending}, "forbidden");
  f.ok(participant(p[0]), core::CancelMeeting{.meeting = pending, .reason = "Changed plans"});
  CHECK(f.meeting(pending).status == core::MeetingStatus::Cancelled);
  f.refused(participant(p[0]), core::CancelMeeting{.meeting = pending}, "not_open");
  // After a cancellation the pair may try again.
  const auto again = f.request(p[1], p[0]);
  f.ok(participant(p[0]), core::AcceptMeeting{.meeting = again});
  const auto slot = f.meeting(again).placement->slot;
  f.ok(participant(p[0]),
       core::CancelMeeting{.meeting = again});  // either person cancels an accepted one
  CHECK(f.state.meeting_at(p[0], slot) == 0);
  CHECK(f.state.meeting_at(p[1], slot) == 0);
  const auto by_organiser = f.request(p[2], p[3]);
  f.ok(organiser(), core::CancelMeeting{.meeting = by_organiser, .reason = "Table problem"});
  CHECK(f.meeting(by_organiser).closed_by == 0);
}

TEST_CASE("a broker's introduction needs both to accept") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(4);
  f.refused(participant(p[2]),
            core::Introduce{.first = p[0], .second = p[1], .note = "You two should talk"},
            "forbidden");
  const auto applied =
      f.ok(test::broker(),
           core::Introduce{.first = p[0], .second = p[1], .note = "You two should talk"});
  const auto m = std::get<core::Introduce>(applied.payload).meeting;
  CHECK(f.meeting(m).introduced);
  CHECK(f.meeting(m).message == "You two should talk");
  f.ok(participant(p[0]), core::AcceptMeeting{.meeting = m});
  CHECK(f.meeting(m).status == core::MeetingStatus::Requested);  // still waiting for the second
  CHECK_FALSE(f.meeting(m).placement.has_value());
  f.ok(participant(p[1]), core::AcceptMeeting{.meeting = m});
  CHECK(f.meeting(m).status == core::MeetingStatus::Accepted);
  CHECK(f.meeting(m).placement.has_value());
  // An introduction may be declined by either, and does not count against the request cap.
  const auto second =
      std::get<core::Introduce>(
          f.ok(test::broker(), core::Introduce{.first = p[2], .second = p[3]}).payload)
          .meeting;
  CHECK(f.state.index.open_requests.count(p[2]) == 0);
  f.ok(participant(p[2]), core::DeclineMeeting{.meeting = second});
  CHECK(f.state.declined_pair(p[2], p[3]));
  f.refused(test::broker(), core::Introduce{.first = p[0], .second = p[0]}, "invalid");
}

TEST_CASE("an introduction is withdrawn while it awaits an answer, by a broker or the organiser") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(4);
  const auto introduce = [&](core::ParticipantId a, core::ParticipantId b) {
    return std::get<core::Introduce>(
               f.ok(test::broker(), core::Introduce{.first = a, .second = b}).payload)
        .meeting;
  };
  const auto m = introduce(p[0], p[1]);
  f.ok(participant(p[0]), core::AcceptMeeting{.meeting = m});  // one answer: still pending
  // Neither of the two people, nor anyone else, withdraws it.
  f.refused(participant(p[0]), core::WithdrawIntroduction{.first = p[0], .second = p[1]},
            "forbidden");
  f.refused(participant(p[2]), core::WithdrawIntroduction{.first = p[0], .second = p[1]},
            "forbidden");
  f.refused(test::broker(), core::WithdrawIntroduction{.first = p[0], .second = p[2]}, "not_found");
  f.refused(test::broker(), core::WithdrawIntroduction{.first = p[0], .second = p[0]}, "invalid");
  // Named by the pair in either order; the hub finds the meeting.
  const auto withdrawn =
      f.ok(test::broker(), core::WithdrawIntroduction{.first = p[1], .second = p[0]});
  CHECK(std::get<core::WithdrawIntroduction>(withdrawn.payload).meeting == m);
  CHECK(f.meeting(m).status == core::MeetingStatus::Cancelled);
  CHECK(f.meeting(m).close_reason == "The introduction was withdrawn.");
  CHECK_FALSE(f.state.declined_pair(p[0], p[1]));  // they may be introduced again
  f.refused(test::broker(), core::WithdrawIntroduction{.first = p[0], .second = p[1]}, "not_found");
  const auto again = introduce(p[0], p[1]);
  f.ok(organiser(), core::WithdrawIntroduction{.first = p[0], .second = p[1], .reason = "Later"});
  CHECK(f.meeting(again).close_reason == "Later");
  // Once both accepted, the meeting is theirs: it stands.
  const auto accepted = introduce(p[2], p[3]);
  f.ok(participant(p[2]), core::AcceptMeeting{.meeting = accepted});
  f.ok(participant(p[3]), core::AcceptMeeting{.meeting = accepted});
  f.refused(test::broker(), core::WithdrawIntroduction{.first = p[2], .second = p[3]},
            "already_accepted");
  CHECK(f.meeting(accepted).status == core::MeetingStatus::Accepted);
  // A request the two made themselves is not an introduction.
  f.request(p[0], p[3]);
  f.refused(test::broker(), core::WithdrawIntroduction{.first = p[0], .second = p[3]}, "not_found");
}

TEST_CASE("a withdrawn introduction tells both people, and only them") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(3);
  f.ok(test::broker(), core::Introduce{.first = p[0], .second = p[1]});
  const auto applied =
      f.ok(test::broker(), core::WithdrawIntroduction{.first = p[0], .second = p[1]});
  const auto to_first = core::notice(applied, f.state, core::Role::Participant, p[0]);
  REQUIRE(to_first.has_value());
  CHECK(to_first->text == "The introduction to {person} was withdrawn");
  CHECK(to_first->person == p[1]);
  CHECK(core::notice(applied, f.state, core::Role::Participant, p[1])->person == p[0]);
  CHECK_FALSE(core::notice(applied, f.state, core::Role::Participant, p[2]).has_value());
  CHECK_FALSE(core::notice(applied, f.state, core::Role::Broker, 0).has_value());
}

TEST_CASE("feedback: held or not, and a rating") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(3);
  const auto m = f.request(p[0], p[1]);
  f.refused(participant(p[0]),
            core::GiveFeedback{.meeting = m, .held = core::HeldState::Held, .rating = 4},
            "not_accepted");
  f.ok(participant(p[1]), core::AcceptMeeting{.meeting = m});
  f.refused(participant(p[2]),
            core::GiveFeedback{.meeting = m, .held = core::HeldState::Held, .rating = 4},
            "forbidden");
  f.refused(participant(p[0]),
            core::GiveFeedback{.meeting = m, .held = core::HeldState::Held, .rating = 6},
            "out_of_range");
  f.refused(organiser(),
            core::GiveFeedback{.meeting = m, .held = core::HeldState::Held, .rating = 3},
            "forbidden");
  f.refused(participant(p[0]), core::GiveFeedback{.meeting = m}, "invalid");
  f.ok(participant(p[0]),
       core::GiveFeedback{
           .meeting = m, .held = core::HeldState::Held, .rating = 4, .comment = "Useful"});
  CHECK(f.meeting(m).held == core::HeldState::Held);
  CHECK(f.meeting(m).requester_feedback.rating == 4);
  CHECK(f.meeting(m).requester_feedback.comment == "Useful");
  f.ok(participant(p[1]), core::GiveFeedback{.meeting = m, .rating = 5});
  CHECK(f.meeting(m).invitee_feedback.rating == 5);
  CHECK(f.meeting(m).held == core::HeldState::Held);
  CHECK(core::statistics(f.state).held == 1);
  f.ok(organiser(), core::GiveFeedback{.meeting = m, .held = core::HeldState::NotHeld});
  CHECK(core::statistics(f.state).held == 0);
  CHECK(core::statistics(f.state).not_held == 1);
  // A rating is refused with the rater's own "not held"; after the organiser's verdict, the
  // person who says they met still rates, and the verdict stays.
  f.refused(participant(p[0]),
            core::GiveFeedback{.meeting = m, .held = core::HeldState::NotHeld, .rating = 3},
            "not_held");
  f.ok(participant(p[0]), core::GiveFeedback{.meeting = m, .rating = 3});
  CHECK(f.meeting(m).requester_feedback.rating == 3);
  CHECK(f.meeting(m).held == core::HeldState::NotHeld);
}

TEST_CASE("statistics: cross-sector, cross-border and new relationships") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(4);
  const auto set = [&](core::ParticipantId id, const char* sector, const char* city,
                       const char* country) {
    auto profile = f.state.participants.at(id).profile;
    profile.sector = sector;
    profile.city = city;
    profile.country = country;
    f.ok(participant(id), core::EditProfile{.participant = id, .profile = profile});
  };
  set(p[0], "architecture", "lisbon", "PT");
  set(p[1], "construction", "stockholm", "SE");
  set(p[2], "construction", "porto", "PT");
  set(p[3], "design", "berlin", "DE");
  const auto meet = [&](core::ParticipantId a, core::ParticipantId b, bool held) {
    const auto m = f.request(a, b);
    f.ok(participant(b), core::AcceptMeeting{.meeting = m});
    if (held)
      f.ok(participant(a),
           core::GiveFeedback{.meeting = m, .held = core::HeldState::Held, .comment = "ok"});
  };
  meet(p[0], p[1], true);   // CCI x growth, PT x SE: a new relationship
  meet(p[0], p[2], true);   // CCI x growth, same country
  meet(p[3], p[0], false);  // CCI x CCI, cross-border, not held
  const auto s = core::statistics(f.state);
  CHECK(s.accepted == 3);
  CHECK(s.accepted_cross_sector == 2);
  CHECK(s.accepted_cross_border == 2);
  CHECK(s.share_cross_sector() == doctest::Approx(2.0 / 3));
  CHECK(s.held == 2);
  CHECK(s.relationships == 1);
  CHECK(s == core::recount_statistics(f.state, test::taxonomy()));
}
