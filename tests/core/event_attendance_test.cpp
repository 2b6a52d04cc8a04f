// Attendance: after each meeting both people are asked whether it took place; one "no" marks it
// not held, and each person's own answer is kept; the organiser's word is the verdict; a rating
// is for a meeting the rater says took place.
#include <doctest/doctest.h>

#include "core/event/privacy.hpp"
#include "core/event/statistics.hpp"
#include "core/random.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using core::HeldState;
using test::organiser;
using test::participant;

namespace {

struct MetFixture : test::EventFixture {
  std::vector<core::ParticipantId> p;
  core::MeetingId met = 0;
  MetFixture() {
    set_up();
    p = register_people(3);
    met = request(p[0], p[1]);
    ok(participant(p[1]), core::AcceptMeeting{.meeting = met});
  }
  void answer(core::ParticipantId who, HeldState held) {
    ok(participant(who), core::GiveFeedback{.meeting = met, .held = held});
  }
};

}  // namespace

TEST_CASE("attendance: one \"no\" marks the meeting not held; both answers are kept") {
  MetFixture f;
  f.answer(f.p[0], HeldState::Held);
  CHECK(f.meeting(f.met).held == HeldState::Held);
  f.answer(f.p[1], HeldState::NotHeld);
  CHECK(f.meeting(f.met).held == HeldState::NotHeld);
  CHECK(f.meeting(f.met).requester_feedback.held == HeldState::Held);
  CHECK(f.meeting(f.met).invitee_feedback.held == HeldState::NotHeld);
  // A later "yes" from the first does not undo the other's "no".
  f.answer(f.p[0], HeldState::Held);
  CHECK(f.meeting(f.met).held == HeldState::NotHeld);
  // The one who said "no" changes their mind: now it was held.
  f.answer(f.p[1], HeldState::Held);
  CHECK(f.meeting(f.met).held == HeldState::Held);
  CHECK(core::statistics(f.state) == core::recount_statistics(f.state, test::taxonomy()));
}

TEST_CASE("attendance: the organiser's word is the verdict; the people's answers stay") {
  MetFixture f;
  f.answer(f.p[0], HeldState::NotHeld);
  f.ok(organiser(), core::GiveFeedback{.meeting = f.met, .held = HeldState::Held});
  CHECK(f.meeting(f.met).held == HeldState::Held);
  CHECK(f.meeting(f.met).requester_feedback.held == HeldState::NotHeld);
  CHECK(f.meeting(f.met).invitee_feedback.held == HeldState::Unknown);
}

TEST_CASE("attendance: a rating is for a meeting the rater says took place") {
  MetFixture f;
  f.refused(participant(f.p[0]),
            core::GiveFeedback{.meeting = f.met, .held = HeldState::NotHeld, .rating = 4},
            "not_held");
  f.answer(f.p[1], HeldState::NotHeld);
  // The other person met someone and rates it: their rating is kept, the verdict stays "no".
  f.ok(participant(f.p[0]),
       core::GiveFeedback{.meeting = f.met, .held = HeldState::Held, .rating = 4});
  CHECK(f.meeting(f.met).requester_feedback.rating == 4);
  CHECK(f.meeting(f.met).held == HeldState::NotHeld);
  f.refused(participant(f.p[2]), core::GiveFeedback{.meeting = f.met, .held = HeldState::Held},
            "forbidden");
}

TEST_CASE("attendance: each sees the other's answer, never their rating or comment") {
  MetFixture f;
  f.ok(participant(f.p[0]),
       core::GiveFeedback{
           .meeting = f.met, .held = HeldState::Held, .rating = 5, .comment = "Great"});
  const core::EventState seen = core::view_state(f.state, {core::Role::Participant, f.p[1]});
  const core::Meeting& m = seen.meetings.at(f.met);
  CHECK(m.requester_feedback.held == HeldState::Held);
  CHECK(m.requester_feedback.rating == 0);
  CHECK(m.requester_feedback.comment.empty());
  CHECK(m.held == HeldState::Held);
}

TEST_CASE("property: the verdict is \"not held\" exactly when one of the two last said no") {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    MetFixture f;
    core::Rng rng(seed);
    HeldState last[2] = {HeldState::Unknown, HeldState::Unknown};
    for (int step = 0; step < 12; ++step) {
      const int who = static_cast<int>(rng.below(2));
      const HeldState said = rng.chance(0.5) ? HeldState::Held : HeldState::NotHeld;
      f.answer(f.p[who], said);
      last[who] = said;
      const bool any_no = last[0] == HeldState::NotHeld || last[1] == HeldState::NotHeld;
      CHECK(f.meeting(f.met).held == (any_no ? HeldState::NotHeld : HeldState::Held));
      CHECK(f.meeting(f.met).requester_feedback.held == last[0]);
      CHECK(f.meeting(f.met).invitee_feedback.held == last[1]);
    }
    CHECK(core::statistics(f.state) == core::recount_statistics(f.state, test::taxonomy()));
  }
}
