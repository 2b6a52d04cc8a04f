#include <doctest/doctest.h>

#include <algorithm>

#include "core/event/pitch_board.hpp"
#include "core/matching/event_population.hpp"
#include "core/matching/suggestions.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

namespace {

struct LivePitching : test::EventFixture {
  core::SessionId pitches = 0;
  std::vector<core::ParticipantId> people;
  LivePitching() {
    set_up();
    ok(organiser(), define_session("Demo Day pitches", "2026-05-14", 16 * 60, 17 * 60,
                                   core::SessionKind::Pitching));
    pitches = state.sessions.rbegin()->first;
    people = register_people(12);
    for (const auto id :
         people) {  // everyone a company, speaking English, so every pair is allowed
      auto profile = state.participants.at(id).profile;
      profile.type = core::ParticipantType::Company;
      if (std::find(profile.languages.begin(), profile.languages.end(), "en") ==
          profile.languages.end())
        profile.languages.push_back("en");
      ok(participant(id), core::EditProfile{.participant = id, .profile = profile});
    }
  }
  void control(core::PitchAction action) {
    ok(organiser(), core::ControlPitch{.session = pitches, .action = action});
  }
  void interested(core::ParticipantId who, core::ParticipantId pitcher) {
    ok(participant(who), core::MarkInterested{.session = pitches, .pitcher = pitcher});
  }
  core::PitchBoard board(std::int64_t at) {
    auto b = core::pitch_board(state, pitches, at);
    REQUIRE_MESSAGE(b.ok(), b.error().message);
    return *b;
  }
};

// Where `who` stands in `viewer`'s suggestions (all of them), or -1.
int position(const std::vector<core::Suggestion>& list, int who) {
  for (std::size_t k = 0; k < list.size(); ++k) {
    if (list[k].participant == who) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace

TEST_CASE(
    "a pitching session's board: who pitches, the time left, who is next, who is interested") {
  LivePitching f;
  const auto& p = f.people;
  CHECK(core::pitch_board(f.state, f.pitches, f.clock).error().code == "no_pitch_order");
  CHECK(core::pitch_board(f.state, f.morning, f.clock).error().code == "wrong_session");
  CHECK(core::pitch_board(f.state, 999, f.clock).error().code == "not_found");
  f.ok(organiser(), core::SetPitchOrder{.session = f.pitches,
                                        .pitches = {{p[0], 5}, {p[1], 3}, {p[2], 4}, {p[3], 2}}});

  auto b = f.board(f.clock);
  CHECK(b.status == core::PitchStatus::NotStarted);
  CHECK(b.pitching_now == 0);
  CHECK(b.next_pitcher == p[0]);
  CHECK(b.upcoming == std::vector<core::ParticipantId>{p[0], p[1], p[2], p[3]});

  f.control(core::PitchAction::Start);
  const std::int64_t started = f.clock;
  b = f.board(started + 90'000);
  CHECK(b.status == core::PitchStatus::Pitching);
  CHECK(b.pitching_now == p[0]);
  CHECK(b.elapsed_ms == 90'000);
  CHECK(b.time_left_ms == 5 * 60'000 - 90'000);
  CHECK(b.next_pitcher == p[1]);
  CHECK(b.upcoming == std::vector<core::ParticipantId>{p[1], p[2], p[3]});

  f.interested(p[5], p[0]);
  f.interested(p[6], p[0]);
  f.interested(p[7], p[0]);
  f.ok(participant(p[6]),
       core::MarkInterested{
           .session = f.pitches, .pitcher = p[0], .interested = false});  // taken back
  CHECK(f.board(f.clock).interested == std::vector<core::ParticipantId>{p[5], p[7]});

  // Paused: the time left stands still; the company still collects interest.
  f.control(core::PitchAction::Pause);
  const std::int64_t paused_left = f.board(f.clock).time_left_ms;
  CHECK(f.board(f.clock + 600'000).time_left_ms == paused_left);
  CHECK(f.board(f.clock).status == core::PitchStatus::Paused);
  f.interested(p[8], p[0]);
  f.control(core::PitchAction::Resume);
  // Over time: negative time left.
  CHECK(f.board(f.clock + 10 * 60'000).time_left_ms < 0);
  f.control(core::PitchAction::End);

  b = f.board(f.clock);
  CHECK(b.status == core::PitchStatus::Between);
  CHECK(b.pitching_now == 0);
  CHECK(b.interested.empty());
  CHECK(b.next_pitcher == p[1]);
  CHECK(b.done == 1);

  // p2 withdraws: no longer announced as coming.
  f.ok(participant(p[2]), core::Withdraw{.participant = p[2]});
  CHECK(f.board(f.clock).upcoming == std::vector<core::ParticipantId>{p[1], p[3]});
  f.control(core::PitchAction::Start);
  CHECK(f.board(f.clock).pitching_now == p[1]);
  CHECK(f.board(f.clock).next_pitcher == p[3]);
  f.interested(p[9], p[1]);
  f.control(core::PitchAction::Skip);
  b = f.board(f.clock);
  CHECK(b.skipped == 1);
  CHECK(b.next_pitcher == p[3]);
  f.control(core::PitchAction::Start);  // p2 is skipped for being gone; p3 pitches
  b = f.board(f.clock);
  CHECK(b.pitching_now == p[3]);
  CHECK(b.next == -1);
  CHECK(b.upcoming.empty());
  f.control(core::PitchAction::Finish);
  b = f.board(f.clock);
  CHECK(b.status == core::PitchStatus::Finished);
  CHECK(b.done == 2);
  CHECK(b.skipped == 2);

  // After the session: each pitcher's interested list, the ones still here.
  f.ok(participant(p[7]), core::Withdraw{.participant = p[7]});
  auto follow = core::pitch_follow_ups(f.state, f.pitches);
  REQUIRE(follow.ok());
  REQUIRE(follow->size() == 4);
  CHECK((*follow)[0].pitcher == p[0]);
  CHECK((*follow)[0].interested == std::vector<core::ParticipantId>{p[5], p[8]});
  CHECK((*follow)[1].interested == std::vector<core::ParticipantId>{p[9]});
  CHECK((*follow)[2].interested.empty());
}

TEST_CASE("after a pitch, the pitcher sends meeting requests to the interested in one step") {
  LivePitching f;
  const auto& p = f.people;
  f.ok(organiser(), core::SetPitchOrder{.session = f.pitches, .pitches = {{p[0], 5}, {p[1], 5}}});
  f.control(core::PitchAction::Start);
  for (const int i : {4, 5, 6, 7}) f.interested(p[i], p[0]);
  CHECK(core::follow_up_requests(f.state, f.pitches, p[0], {}, "", "x").error().code ==
        "pitch_not_over");
  f.control(core::PitchAction::End);
  CHECK(core::follow_up_requests(f.state, f.pitches, p[9], {}, "", "x").error().code ==
        "not_a_pitcher");
  CHECK(core::follow_up_requests(f.state, f.pitches, p[0], {p[9]}, "", "x").error().code ==
        "not_interested");
  CHECK(core::follow_up_requests(f.state, f.pitches, p[0], {p[4], p[4]}, "", "x").error().code ==
        "duplicate");

  // p5 already asked p0 for a meeting; the cap on open requests is low, but does not hold back
  // requests to people who asked for them.
  f.request(p[5], p[0]);
  core::EventSettings s = f.state.event.settings;
  s.max_open_requests = 1;
  f.ok(organiser(), core::SetSettings{.settings = s});
  auto follow = core::pitch_follow_ups(f.state, f.pitches);
  REQUIRE(follow.ok());
  CHECK((*follow)[0].requestable == std::vector<core::ParticipantId>{p[4], p[6], p[7]});
  CHECK(core::follow_up_requests(f.state, f.pitches, p[0], {p[5]}, "", "x").error().code ==
        "already_requested");

  auto ops = core::follow_up_requests(f.state, f.pitches, p[0], {}, "Thanks for your interest!",
                                      "c7-followup");
  REQUIRE(ops.ok());
  REQUIRE(ops->size() == 3);
  std::vector<std::string> ids;
  for (const auto& op : *ops) {
    ids.push_back(op.id);
    const auto applied = f.ok(op.actor, op.payload);
    const auto& request = std::get<core::RequestMeeting>(applied.payload);
    CHECK(request.from == p[0]);
    CHECK(f.state.meetings.at(request.meeting).message == "Thanks for your interest!");
  }
  CHECK(ids.front() == "c7-followup-" + std::to_string(p[4]));
  CHECK(f.state.index.open_requests.at(p[0]) == 3);
  // Sent: nobody is left to request.
  follow = core::pitch_follow_ups(f.state, f.pitches);
  CHECK((*follow)[0].requestable.empty());
  CHECK(core::follow_up_requests(f.state, f.pitches, p[0], {}, "", "again")->empty());
}

TEST_CASE("\"interested\" lifts the pair in both people's suggestions, with a reason") {
  LivePitching f;
  const auto& p = f.people;
  const auto before = core::event_population(f.state, test::taxonomy());
  const core::PairScorer before_scorer(before.population, f.state.event.settings.matching.weights);
  const int pitcher = before.index(p[0]);
  // The one who ranks the pitcher lowest: the lift shows most.
  const auto initial = core::suggest_partners(before_scorer, pitcher, 100);
  REQUIRE(initial.size() >= 4);
  const core::ParticipantId fan = before.ids[initial.back().participant];
  const int fan_index = before.index(fan);
  const int fan_before = position(initial, fan_index);
  const int pitcher_before =
      position(core::suggest_partners(before_scorer, fan_index, 100), pitcher);

  f.ok(organiser(), core::SetPitchOrder{.session = f.pitches, .pitches = {{p[0], 5}}});
  f.control(core::PitchAction::Start);
  f.interested(fan, p[0]);

  const auto after = core::event_population(f.state, test::taxonomy());
  const core::PairScorer scorer(after.population, f.state.event.settings.matching.weights);
  CHECK(after.population.pitch_interest(pitcher, fan_index) == core::Population::kOtherInterested);
  CHECK(after.population.pitch_interest(fan_index, pitcher) == core::Population::kViewerInterested);
  const auto pitcher_list = core::suggest_partners(scorer, pitcher, 100);
  const auto fan_list = core::suggest_partners(scorer, fan_index, 100);
  const int fan_after = position(pitcher_list, fan_index);
  const int pitcher_after = position(fan_list, pitcher);
  REQUIRE(fan_after >= 0);
  REQUIRE(pitcher_after >= 0);
  CHECK(fan_after < fan_before);
  CHECK(pitcher_after <= pitcher_before);
  const auto& s = pitcher_list[fan_after];
  CHECK(s.rank == doctest::Approx(s.score + core::kPitchInterestLift));
  REQUIRE_FALSE(s.reasons.empty());
  CHECK(s.reasons[0].component == core::ScoreComponent::PitchInterest);
  CHECK(s.reasons[0].text == "interested in your pitch");
  CHECK(fan_list[pitcher_after].reasons[0].text == "you were interested in their pitch");
  // The list stays ordered by rank; everyone else keeps rank == score.
  for (std::size_t k = 1; k < pitcher_list.size(); ++k)
    CHECK(pitcher_list[k - 1].rank >= pitcher_list[k].rank);
  for (const auto& other : pitcher_list) {
    if (other.participant != fan_index) CHECK(other.rank == other.score);
  }

  // Taken back: the lift goes with it.
  f.ok(participant(fan),
       core::MarkInterested{.session = f.pitches, .pitcher = p[0], .interested = false});
  const auto undone = core::event_population(f.state, test::taxonomy());
  CHECK(undone.population.pitch_interest(pitcher, fan_index) == 0);
}

TEST_CASE("the event population mirrors the state: ids, withdrawn, declined pairs") {
  LivePitching f;
  const auto& p = f.people;
  const auto m = f.request(p[1], p[2]);
  f.ok(participant(p[2]), core::DeclineMeeting{.meeting = m, .reason = "Not now"});
  f.ok(participant(p[3]), core::Withdraw{.participant = p[3]});
  f.ok(participant(p[4]), core::Erase{.participant = p[4]});
  const auto ep = core::event_population(f.state, test::taxonomy());
  CHECK(ep.index(p[4]) == -1);
  CHECK(ep.ids.size() == p.size() - 1);
  for (std::size_t i = 0; i < ep.ids.size(); ++i) CHECK(ep.index(ep.ids[i]) == static_cast<int>(i));
  CHECK_FALSE(ep.population.active(ep.index(p[3])));
  CHECK(ep.population.active(ep.index(p[1])));
  CHECK(ep.population.declined(ep.index(p[1]), ep.index(p[2])));
  CHECK(ep.population.display_name(ep.index(p[0])) ==
        f.state.participants.at(p[0]).profile.display_name);
}
