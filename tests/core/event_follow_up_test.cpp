// Follow-up rounds after the event: the organiser opens and closes them; each person answers for
// their own held meetings while a round is open; the pair's outcome is the better answer.
#include <doctest/doctest.h>

#include "core/event/follow_up_outcome.hpp"
#include "core/event/operation_catalogue.hpp"
#include "core/event/privacy.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using core::FollowUpOutcome;
using test::organiser;
using test::participant;

namespace {

// Two people who met (held), two whose meeting was accepted but not marked held, and a fifth.
struct FollowUpFixture : test::EventFixture {
  std::vector<core::ParticipantId> p;
  core::MeetingId held = 0, unmarked = 0;
  FollowUpFixture() {
    set_up();
    p = register_people(5);
    held = request(p[0], p[1]);
    ok(participant(p[1]), core::AcceptMeeting{.meeting = held});
    ok(participant(p[0]), core::GiveFeedback{.meeting = held, .held = core::HeldState::Held});
    unmarked = request(p[2], p[3]);
    ok(participant(p[3]), core::AcceptMeeting{.meeting = unmarked});
  }
  core::FollowUpId open_round(const std::string& name) {
    ok(organiser(), core::DefineFollowUp{.name = name});
    return state.next_follow_up - 1;
  }
};

}  // namespace

TEST_CASE("the organiser opens, renames and closes follow-up rounds") {
  FollowUpFixture f;
  f.refused(participant(f.p[0]), core::DefineFollowUp{.name = "3 months"}, "forbidden");
  f.refused(test::broker(), core::DefineFollowUp{.name = "3 months"}, "forbidden");
  f.refused(organiser(), core::DefineFollowUp{.name = ""}, "required");
  f.refused(organiser(), core::DefineFollowUp{.follow_up = 7, .name = "x"}, "not_found");
  const auto first = f.open_round("3 months");
  CHECK(first == 1);
  REQUIRE(f.state.follow_ups.count(first) == 1);
  CHECK(f.state.follow_ups.at(first).open);
  CHECK(f.state.follow_ups.at(first).opened_at == f.clock);
  const std::int64_t opened = f.clock;
  f.ok(organiser(),
       core::DefineFollowUp{.follow_up = first, .name = "Three months", .open = false});
  CHECK_FALSE(f.state.follow_ups.at(first).open);
  CHECK(f.state.follow_ups.at(first).name == "Three months");
  CHECK(f.state.follow_ups.at(first).opened_at == opened);
  CHECK(f.open_round("6 months") == 2);
}

TEST_CASE("answers: only held meetings, by their people, while a round is open") {
  FollowUpFixture f;
  const auto r = core::RateFollowUp{.follow_up = 1,
                                    .meeting = f.held,
                                    .participant = f.p[0],
                                    .outcome = FollowUpOutcome::Valuable};
  f.refused(participant(f.p[0]), r, "not_found");  // no round yet
  const auto round = f.open_round("3 months");
  CHECK(round == 1);
  // Not for someone else, not by a broker, not by someone outside the meeting.
  f.refused(participant(f.p[1]), r, "forbidden");
  f.refused(test::broker(), r, "forbidden");
  auto outsider = r;
  outsider.participant = f.p[4];
  f.refused(participant(f.p[4]), outsider, "not_in_meeting");
  // Not on a meeting that was not held.
  auto not_held = r;
  not_held.meeting = f.unmarked;
  not_held.participant = f.p[2];
  f.refused(participant(f.p[2]), not_held, "not_held");
  auto missing = r;
  missing.meeting = 99;
  f.refused(participant(f.p[0]), missing, "not_found");
  auto long_note = r;
  long_note.note = std::string(core::kMaxMessageLength + 1, 'a');
  f.refused(participant(f.p[0]), long_note, "too_long");

  f.ok(participant(f.p[0]), r);
  CHECK(core::meeting_outcome(f.state, f.held) == FollowUpOutcome::Valuable);
  // The organiser answers for the other person (a CSV sent back); the better answer counts,
  // both are kept.
  f.ok(organiser(), core::RateFollowUp{.follow_up = round,
                                       .meeting = f.held,
                                       .participant = f.p[1],
                                       .outcome = FollowUpOutcome::Knowledge,
                                       .note = "Learnt about grants"});
  const auto& answers = f.state.follow_ups.at(round).answers;
  REQUIRE(answers.size() == 2);
  CHECK(answers.at({f.held, f.p[0]}).outcome == FollowUpOutcome::Valuable);
  CHECK(answers.at({f.held, f.p[1]}).outcome == FollowUpOutcome::Knowledge);
  CHECK(answers.at({f.held, f.p[1]}).note == "Learnt about grants");
  CHECK(core::meeting_outcome(f.state, f.held) == FollowUpOutcome::Valuable);
  CHECK_FALSE(core::meeting_outcome(f.state, f.unmarked).has_value());
  // A second answer replaces the first.
  auto better = r;
  better.outcome = FollowUpOutcome::Negotiation;
  f.ok(participant(f.p[0]), better);
  CHECK(answers.at({f.held, f.p[0]}).outcome == FollowUpOutcome::Negotiation);
  // A later round's agreement is the pair's outcome; an earlier better answer stays counted.
  f.ok(organiser(), core::DefineFollowUp{.follow_up = round, .name = "3 months", .open = false});
  f.refused(participant(f.p[0]), better, "closed");
  const auto later = f.open_round("6 months");
  f.ok(participant(f.p[1]), core::RateFollowUp{.follow_up = later,
                                               .meeting = f.held,
                                               .participant = f.p[1],
                                               .outcome = FollowUpOutcome::NoContact});
  CHECK(core::meeting_outcome(f.state, f.held) == FollowUpOutcome::Negotiation);
  f.ok(participant(f.p[0]), core::RateFollowUp{.follow_up = later,
                                               .meeting = f.held,
                                               .participant = f.p[0],
                                               .outcome = FollowUpOutcome::Agreement});
  CHECK(core::meeting_outcome(f.state, f.held) == FollowUpOutcome::Agreement);
}

TEST_CASE("an answer is its author's: the other person neither gets it nor sees it") {
  FollowUpFixture f;
  const auto round = f.open_round("3 months");
  const core::Operation done =
      f.ok(organiser(), core::RateFollowUp{.follow_up = round,
                                           .meeting = f.held,
                                           .participant = f.p[0],
                                           .outcome = FollowUpOutcome::Agreement,
                                           .note = "Signed"});
  CHECK(core::view_operation(done, f.state, core::Viewer{core::Role::Participant, f.p[0]}, false)
            .has_value());
  CHECK_FALSE(
      core::view_operation(done, f.state, core::Viewer{core::Role::Participant, f.p[1]}, false)
          .has_value());
  const core::EventState theirs =
      core::view_state(f.state, core::Viewer{core::Role::Participant, f.p[1]});
  REQUIRE(theirs.follow_ups.count(round) == 1);
  CHECK(theirs.follow_ups.at(round).answers.empty());
  const core::EventState mine =
      core::view_state(f.state, core::Viewer{core::Role::Participant, f.p[0]});
  CHECK(mine.follow_ups.at(round).answers.size() == 1);
  // A participant's app asks them to answer when a round opens.
  const core::Operation opened = f.ok(organiser(), core::DefineFollowUp{.name = "6 months"});
  const auto told = core::notice(opened, f.state, core::Role::Participant, f.p[2]);
  REQUIRE(told.has_value());
  CHECK(told->text.find("6 months") != std::string::npos);
}

TEST_CASE("erasure takes the notes of follow-up answers on the person's meetings") {
  FollowUpFixture f;
  const auto round = f.open_round("3 months");
  f.ok(participant(f.p[0]), core::RateFollowUp{.follow_up = round,
                                               .meeting = f.held,
                                               .participant = f.p[0],
                                               .outcome = FollowUpOutcome::Valuable,
                                               .note = "Call Ana"});
  f.ok(participant(f.p[1]), core::RateFollowUp{.follow_up = round,
                                               .meeting = f.held,
                                               .participant = f.p[1],
                                               .outcome = FollowUpOutcome::Agreement,
                                               .note = "Contract"});
  f.ok(participant(f.p[1]), core::Erase{.participant = f.p[1]});
  const auto& answers = f.state.follow_ups.at(round).answers;
  CHECK(answers.at({f.held, f.p[0]}).note.empty());
  CHECK(answers.at({f.held, f.p[1]}).note.empty());
  // The outcome still counts in the totals.
  CHECK(core::meeting_outcome(f.state, f.held) == FollowUpOutcome::Agreement);
  // An erased person answers no more.
  f.refused(organiser(),
            core::RateFollowUp{.follow_up = round,
                               .meeting = f.held,
                               .participant = f.p[1],
                               .outcome = FollowUpOutcome::NoContact},
            "erased");
}
