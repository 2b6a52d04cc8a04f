// The event day over real connections. The check-in desk: a helper signs in with the helper
// token, checks people in by the codes the hub drew, is told of a second scan, may do nothing
// else, and registers a walk-in; the organiser's replica counts the arrivals; a participant's
// replica holds their own code only, and learns who else arrived. Attendance: both people of a
// meeting answer whether it took place; one "no" marks it not held.
#include <doctest/doctest.h>

#include "core/event/check_in_code.hpp"
#include "core/event/statistics.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/e2e/sync_client.hpp"

using namespace crossmatch;
using namespace std::chrono_literals;

TEST_CASE("the check-in desk over real connections: codes, second scans, a walk-in, counts") {
  const auto dir = test::fresh_folder("check-in");
  test::HubProcess hub(dir / "event.db", {"--demo", "12"});
  REQUIRE_FALSE(hub.helper().empty());
  CHECK(hub.helper() != hub.organiser());

  net::MemoryOutbox helper_outbox, organiser_outbox, newcomer_outbox;
  test::SyncClient desk(hub, "", hub.helper(), helper_outbox);
  test::SyncClient organiser(hub, "", hub.organiser(), organiser_outbox);
  REQUIRE(desk.wait_for([&] { return desk.online; }));
  REQUIRE(organiser.wait_for([&] { return organiser.online; }));

  // A newcomer registers from their app: the hub draws their code; they see it, and no one
  // else's.
  test::SyncClient newcomer(hub, hub.code(), "", newcomer_outbox);
  REQUIRE(newcomer.wait_for([&] { return newcomer.online; }));
  auto reg = newcomer.submit(core::Register{.profile = test::test_profile(3),
                                            .check_in_code = "00000000",  // the hub's to draw
                                            .arrived = false});
  REQUIRE(reg.ok());
  REQUIRE(newcomer.wait_for([&] { return newcomer.answered(*reg); }));
  REQUIRE(newcomer.done.count(*reg) == 1);
  const core::ParticipantId me = newcomer.participant;
  REQUIRE(desk.wait_for([&] { return desk.replica.state().participant(me) != nullptr; }));

  // Every participant the desk sees has a well-formed code of their own, all different.
  std::set<std::string> codes;
  for (const auto& [id, p] : desk.replica.state().participants) {
    CHECK(core::is_check_in_code(p.check_in_code));
    codes.insert(p.check_in_code);
  }
  CHECK(codes.size() == desk.replica.state().participants.size());
  const std::string my_code = desk.replica.state().participants.at(me).check_in_code;
  CHECK(my_code != "00000000");
  REQUIRE(newcomer.wait_for([&] {
    const auto* self = newcomer.replica.state().participant(me);
    return self != nullptr && self->check_in_code == my_code;
  }));
  for (const auto& [id, p] : newcomer.replica.state().participants) {
    if (id != me) CHECK(p.check_in_code.empty());
  }

  // The desk scans someone from the demo, then the newcomer, then the newcomer again.
  const core::ParticipantId first = desk.replica.state().participants.begin()->first;
  const std::string first_code = desk.replica.state().participants.at(first).check_in_code;
  auto scanned = desk.submit(core::CheckIn{.code = core::format_check_in_code(first_code)});
  REQUIRE(scanned.ok());
  REQUIRE(desk.wait_for([&] { return desk.answered(*scanned); }));
  CHECK(desk.done.count(*scanned) == 1);
  auto mine = desk.submit(core::CheckIn{.code = my_code});
  REQUIRE(desk.wait_for([&] { return desk.answered(*mine); }));
  CHECK(desk.done.count(*mine) == 1);
  auto again = desk.submit(core::CheckIn{.code = my_code});
  REQUIRE(desk.wait_for([&] { return desk.answered(*again); }));
  REQUIRE(desk.refused.count(*again) == 1);
  CHECK(desk.refused.at(*again).code == "already_arrived");
  auto unknown = desk.submit(core::CheckIn{.code = "ZZZZ-ZZZZ"});
  REQUIRE(desk.wait_for([&] { return desk.answered(*unknown); }));
  REQUIRE(desk.refused.count(*unknown) == 1);
  CHECK(desk.refused.at(*unknown).code == "unknown_code");

  // A helper may do nothing else.
  auto announce = desk.submit(core::Announce{.text = "Coffee is ready"});
  REQUIRE(desk.wait_for([&] { return desk.answered(*announce); }));
  REQUIRE(desk.refused.count(*announce) == 1);
  CHECK(desk.refused.at(*announce).code == "forbidden");

  // A walk-in registered at the desk arrives as they register.
  auto walk_in = desk.submit(core::Register{.profile = test::test_profile(5), .arrived = true});
  REQUIRE(desk.wait_for([&] { return desk.answered(*walk_in); }));
  REQUIRE(desk.done.count(*walk_in) == 1);

  // The organiser's replica counts three arrivals; the newcomer's knows of them too.
  REQUIRE(
      organiser.wait_for([&] { return core::statistics(organiser.replica.state()).arrived == 3; }));
  REQUIRE(newcomer.wait_for([&] {
    const auto* self = newcomer.replica.state().participant(me);
    return self != nullptr && self->arrived();
  }));
  CHECK(
      newcomer.wait_for([&] { return newcomer.replica.state().participants.at(first).arrived(); }));
  CHECK(newcomer.replica.state().participants.at(first).check_in_code.empty());
  CHECK(newcomer.problems.empty());
  CHECK(desk.problems.empty());
  CHECK(organiser.problems.empty());
  desk.stop();
  organiser.stop();
  newcomer.stop();
  CHECK(hub.stop(SIGTERM) == 0);

  // The arrivals are stored: the hub started again on the same file still has them.
  test::HubProcess again_hub(dir / "event.db", {});
  net::MemoryOutbox later_outbox;
  test::SyncClient later(again_hub, "", hub.organiser(), later_outbox);
  REQUIRE(later.wait_for([&] { return later.online; }));
  CHECK(core::statistics(later.replica.state()).arrived == 3);
  CHECK(later.replica.state().participants.at(me).check_in_code == my_code);
  later.stop();
  CHECK(again_hub.stop(SIGTERM) == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("attendance over real connections: both asked, one \"no\" marks the meeting not held") {
  const auto dir = test::fresh_folder("attendance");
  test::HubProcess hub(dir / "event.db", {"--demo", "6"});
  net::MemoryOutbox a_outbox, b_outbox, organiser_outbox;
  const auto join = [&](net::MemoryOutbox& outbox, int index) {
    auto c = std::make_unique<test::SyncClient>(hub, hub.code(), "", outbox);
    REQUIRE(c->wait_for([&] { return c->online; }));
    auto id = c->submit(core::Register{.profile = test::test_profile(index)});
    REQUIRE(id.ok());
    REQUIRE(c->wait_for([&] { return c->answered(*id); }));
    REQUIRE(c->participant != 0);
    return c;
  };
  auto a = join(a_outbox, 11);
  auto b = join(b_outbox, 12);
  test::SyncClient organiser(hub, "", hub.organiser(), organiser_outbox);
  REQUIRE(organiser.wait_for([&] { return organiser.online; }));

  auto asked = a->submit(core::RequestMeeting{.from = a->participant, .to = b->participant});
  REQUIRE(a->wait_for([&] { return a->answered(*asked); }));
  REQUIRE(a->done.count(*asked) == 1);
  REQUIRE(b->wait_for([&] { return !b->replica.state().meetings.empty(); }));
  const core::MeetingId meeting = b->replica.state().meetings.begin()->first;
  auto accepted = b->submit(core::AcceptMeeting{.meeting = meeting});
  REQUIRE(b->wait_for([&] { return b->answered(*accepted); }));
  REQUIRE(b->done.count(*accepted) == 1);

  // A says it took place, B says it did not: not held, and each answer kept and seen by both.
  auto yes = a->submit(core::GiveFeedback{.meeting = meeting, .held = core::HeldState::Held});
  REQUIRE(a->wait_for([&] { return a->answered(*yes); }));
  REQUIRE(a->done.count(*yes) == 1);
  auto no = b->submit(core::GiveFeedback{.meeting = meeting, .held = core::HeldState::NotHeld});
  REQUIRE(b->wait_for([&] { return b->answered(*no); }));
  REQUIRE(b->done.count(*no) == 1);
  const auto verdict = [&](const test::SyncClient& c) {
    const core::Meeting* m = c.replica.state().meeting(meeting);
    return m == nullptr ? core::HeldState::Unknown : m->held;
  };
  REQUIRE(organiser.wait_for([&] { return verdict(organiser) == core::HeldState::NotHeld; }));
  REQUIRE(a->wait_for([&] { return verdict(*a) == core::HeldState::NotHeld; }));
  const core::Meeting& seen_by_a = *a->replica.state().meeting(meeting);
  CHECK(seen_by_a.requester_feedback.held == core::HeldState::Held);
  CHECK(seen_by_a.invitee_feedback.held == core::HeldState::NotHeld);
  CHECK(a->problems.empty());
  CHECK(b->problems.empty());
  CHECK(organiser.problems.empty());
  a->stop();
  b->stop();
  organiser.stop();
  CHECK(hub.stop(SIGTERM) == 0);
  std::filesystem::remove_all(dir);
}
