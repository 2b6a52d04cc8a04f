// The matcher's cues: which applied operations change the teams, and the participant as the
// matcher's copy receives them.
#include <doctest/doctest.h>

#include "app/hub/team_matcher.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;

TEST_CASE("changes to people and settings cue the matcher; meetings and announcements do not") {
  test::EventFixture f;
  f.set_up();
  const auto ids = f.register_people(4);
  const auto impact = [&](const core::Operation& op) { return hub::team_impact(op, f.state); };

  const core::Operation edit = f.ok(
      test::participant(ids[0]),
      core::EditProfile{.participant = ids[0], .profile = f.state.participants.at(ids[0]).profile});
  CHECK(impact(edit).affects);
  CHECK(impact(edit).participants == std::vector<core::ParticipantId>{ids[0]});
  CHECK_FALSE(impact(edit).settings);

  const core::Operation settings =
      f.ok(test::organiser(), core::SetSettings{.settings = f.state.event.settings});
  CHECK(impact(settings).affects);
  CHECK(impact(settings).settings);

  const core::MeetingId m = f.request(ids[1], ids[2]);
  core::Operation request;
  request.payload = core::RequestMeeting{.meeting = m, .from = ids[1], .to = ids[2]};
  CHECK_FALSE(impact(request).affects);
  const core::Operation declined =
      f.ok(test::participant(ids[2]), core::DeclineMeeting{.meeting = m, .reason = "No"});
  CHECK(impact(declined).participants == std::vector<core::ParticipantId>{ids[1], ids[2]});
  const core::Operation announced = f.ok(test::organiser(), core::Announce{.text = "Lunch"});
  CHECK_FALSE(impact(announced).affects);

  // The copy the matcher gets: the profile, the declined partner, withdrawn or erased.
  const hub::MemberUpdate u = hub::member_update(f.state, ids[2]);
  CHECK_FALSE(u.erased);
  CHECK(u.active);
  CHECK(u.profile == f.state.participants.at(ids[2]).profile);
  CHECK(u.declined == std::vector<core::ParticipantId>{ids[1]});
  f.ok(test::participant(ids[3]), core::Withdraw{.participant = ids[3]});
  CHECK_FALSE(hub::member_update(f.state, ids[3]).active);
  f.ok(test::organiser(), core::Erase{.participant = ids[0]});
  CHECK(hub::member_update(f.state, ids[0]).erased);
  CHECK(hub::member_update(f.state, 999).erased);
}
