#include <doctest/doctest.h>

#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

namespace {

struct PitchFixture : test::EventFixture {
  core::SessionId pitches = 0;
  std::vector<core::ParticipantId> people;
  PitchFixture() {
    set_up();
    ok(organiser(), define_session("Demo Day pitches", "2026-05-14", 16 * 60, 17 * 60,
                                   core::SessionKind::Pitching));
    pitches = state.sessions.rbegin()->first;
    people = register_people(8);
    for (const auto id : people) {  // everyone a company unless a test says otherwise
      auto profile = state.participants.at(id).profile;
      profile.type = core::ParticipantType::Company;
      ok(participant(id), core::EditProfile{.participant = id, .profile = profile});
    }
  }
  const core::PitchSession& session() const { return state.pitching.at(pitches); }
  void control(core::PitchAction action) {
    ok(organiser(), core::ControlPitch{.session = pitches, .action = action});
  }
  void interested(core::ParticipantId who, core::ParticipantId pitcher) {
    ok(participant(who), core::MarkInterested{.session = pitches, .pitcher = pitcher});
  }
};

}  // namespace

TEST_CASE("a whole pitching session driven by operations") {
  PitchFixture f;
  const auto& p = f.people;
  // The order: three companies, minutes each.
  f.refused(test::broker(), core::SetPitchOrder{.session = f.pitches, .pitches = {{p[0], 5}}},
            "forbidden");
  f.refused(organiser(),
            core::SetPitchOrder{.session = f.pitches, .pitches = {{p[0], 5}, {p[0], 5}}},
            "duplicate");
  f.refused(organiser(), core::SetPitchOrder{.session = f.pitches, .pitches = {{p[0], 0}}},
            "out_of_range");
  f.refused(organiser(), core::SetPitchOrder{.session = f.morning, .pitches = {{p[0], 5}}},
            "wrong_session");
  f.refused(organiser(), core::ControlPitch{.session = f.pitches}, "no_pitch_order");
  f.ok(organiser(),
       core::SetPitchOrder{.session = f.pitches, .pitches = {{p[0], 5}, {p[1], 3}, {p[2], 4}}});
  CHECK(f.session().status == core::PitchStatus::NotStarted);
  CHECK(f.session().next_pending() == 0);

  // Start: p0 pitches; time runs from the operation's time.
  f.refused(organiser(),
            core::ControlPitch{.session = f.pitches, .action = core::PitchAction::Pause},
            "not_pitching");
  f.control(core::PitchAction::Start);
  const std::int64_t started = f.clock;
  CHECK(f.session().status == core::PitchStatus::Pitching);
  CHECK(f.session().current == 0);
  CHECK(f.session().next_pending() == 1);
  CHECK(f.session().elapsed(started + 60'000) == 60'000);
  f.refused(organiser(), core::SetPitchOrder{.session = f.pitches, .pitches = {{p[3], 5}}},
            "pitching_started");
  f.refused(organiser(), core::ControlPitch{.session = f.pitches}, "already_pitching");

  // Interested: anyone but the pitcher, only while that company pitches.
  f.interested(p[3], p[0]);
  f.interested(p[4], p[0]);
  f.refused(participant(p[3]), core::MarkInterested{.session = f.pitches, .pitcher = p[0]},
            "already_interested");
  f.refused(participant(p[0]), core::MarkInterested{.session = f.pitches, .pitcher = p[0]},
            "invalid");
  f.refused(participant(p[5]), core::MarkInterested{.session = f.pitches, .pitcher = p[1]},
            "not_pitching");
  f.refused(organiser(), core::MarkInterested{.session = f.pitches, .pitcher = p[0]}, "forbidden");
  f.ok(participant(p[4]),
       core::MarkInterested{
           .session = f.pitches, .pitcher = p[0], .interested = false});  // taken back
  f.interested(p[5], p[0]);
  CHECK(f.session().pitches[0].interested == std::vector<core::ParticipantId>{p[3], p[5]});
  CHECK(f.state.interested_pair(p[0], p[3]));
  CHECK(f.state.interested_pair(p[3], p[0]));
  CHECK_FALSE(f.state.interested_pair(p[0], p[4]));

  // Pause stops the clock; resume goes on.
  f.control(core::PitchAction::Pause);
  const std::int64_t ran = f.clock - started;
  CHECK(f.session().status == core::PitchStatus::Paused);
  CHECK(f.session().elapsed(f.clock + 500'000) == ran);  // the clock stands still while paused
  f.interested(p[6], p[0]);                              // a paused pitch still takes interest
  f.control(core::PitchAction::Resume);
  CHECK(f.session().elapsed(f.clock + 2000) == ran + 2000);

  // End: between pitches, the next shown; start the next; skip it; start the last.
  f.control(core::PitchAction::End);
  CHECK(f.session().status == core::PitchStatus::Between);
  CHECK(f.session().pitches[0].outcome == core::PitchOutcome::Done);
  CHECK(f.session().current == -1);
  CHECK(f.session().next_pending() == 1);
  f.refused(participant(p[3]), core::MarkInterested{.session = f.pitches, .pitcher = p[0]},
            "not_pitching");  // too late
  f.control(core::PitchAction::Start);
  CHECK(f.session().current == 1);
  f.interested(p[0], p[1]);
  f.control(core::PitchAction::Skip);
  CHECK(f.session().pitches[1].outcome == core::PitchOutcome::Skipped);
  f.control(core::PitchAction::Start);
  CHECK(f.session().current == 2);
  f.control(core::PitchAction::End);
  CHECK(f.session().status == core::PitchStatus::Finished);
  f.refused(organiser(), core::ControlPitch{.session = f.pitches}, "pitching_finished");

  // After the session the pitcher sees who was interested and requests them in one go, beyond
  // the request cap: they asked for it.
  core::EventSettings s = f.state.event.settings;
  s.max_open_requests = 1;
  f.ok(organiser(), core::SetSettings{.settings = s});
  for (const auto who : f.session().pitches[0].interested) f.request(p[0], who);
  CHECK(f.state.index.open_requests.at(p[0]) == 3);
  f.refused(participant(p[0]), core::RequestMeeting{.from = p[0], .to = p[7]}, "request_cap");
}

TEST_CASE("pitching: only companies pitch; absent pitchers are skipped; finish ends all") {
  PitchFixture f;
  const auto& p = f.people;
  auto profile = f.state.participants.at(p[1]).profile;
  profile.type = core::ParticipantType::PolicyMaker;
  f.ok(participant(p[1]), core::EditProfile{.participant = p[1], .profile = profile});
  const auto e = f.refused(
      organiser(), core::SetPitchOrder{.session = f.pitches, .pitches = {{p[0], 5}, {p[1], 5}}},
      "not_a_company");
  CHECK(e.message.find("Policy maker") != std::string::npos);
  f.ok(organiser(),
       core::SetPitchOrder{.session = f.pitches, .pitches = {{p[0], 5}, {p[2], 5}, {p[3], 5}}});
  f.ok(participant(p[0]), core::Withdraw{.participant = p[0]});
  f.control(core::PitchAction::Start);
  CHECK(f.session().pitches[0].outcome == core::PitchOutcome::Skipped);
  CHECK(f.session().current == 1);
  f.control(core::PitchAction::Finish);
  CHECK(f.session().status == core::PitchStatus::Finished);
  CHECK(f.session().pitches[1].outcome == core::PitchOutcome::Done);
  CHECK(f.session().pitches[2].outcome == core::PitchOutcome::Skipped);
}

TEST_CASE("a policy clinic: themes, seating, outcomes") {
  test::EventFixture f;
  f.set_up(0);
  for (int t = 1; t <= 3; ++t)
    f.ok(organiser(), core::DefineTable{.name = "Workshop " + std::to_string(t), .seats = 4});
  f.ok(organiser(), f.define_session("Policy clinic", "2026-05-15", 10 * 60, 12 * 60,
                                     core::SessionKind::PolicyClinic));
  const auto clinic = f.state.sessions.rbegin()->first;
  const auto p = f.register_people(8);

  f.refused(participant(p[0]),
            core::DefineClinicTable{.session = clinic, .table = 1, .theme = "Mobility vouchers"},
            "forbidden");
  f.refused(organiser(),
            core::DefineClinicTable{.session = f.morning, .table = 1, .theme = "Mobility vouchers"},
            "wrong_session");
  f.refused(organiser(),
            core::DefineClinicTable{.session = clinic, .table = 9, .theme = "Mobility vouchers"},
            "not_found");
  f.refused(organiser(), core::DefineClinicTable{.session = clinic, .table = 1}, "required");
  f.ok(organiser(),
       core::DefineClinicTable{
           .session = clinic, .table = 1, .theme = "Mobility vouchers for creative companies"});
  f.ok(organiser(), core::DefineClinicTable{
                        .session = clinic, .table = 2, .theme = "Affordable space for start-ups"});
  f.refused(organiser(), core::DefineClinicTable{.session = clinic, .table = 2, .theme = "Another"},
            "duplicate");
  REQUIRE(f.state.clinic_tables.size() == 2);
  const core::ClinicTableId vouchers = 1, space = 2;

  f.ok(participant(p[0]), core::PickThemes{.participant = p[0], .themes = {space, vouchers}});
  CHECK(f.state.clinic_themes.at(p[0]) == std::vector<core::ClinicTableId>{space, vouchers});
  f.refused(participant(p[1]), core::PickThemes{.participant = p[0], .themes = {space}},
            "forbidden");
  f.refused(participant(p[1]), core::PickThemes{.participant = p[1], .themes = {space, space}},
            "duplicate");
  f.refused(participant(p[1]), core::PickThemes{.participant = p[1], .themes = {77}}, "not_found");

  core::FormClinicTables seating{
      clinic,
      {{vouchers, {p[0], p[1], p[2]}, "A policy maker, a company and a researcher"},
       {space, {p[3], p[4], p[5], p[6]}, ""}}};
  auto twice = seating;
  twice.seating[1].members[0] = p[0];
  f.refused(organiser(), twice, "duplicate");
  auto crowded = seating;
  crowded.seating[1].members.push_back(p[7]);
  f.refused(organiser(), crowded, "too_small");
  f.refused(participant(p[0]), seating, "forbidden");
  f.refused(organiser(), core::RecordClinicOutcome{.clinic_table = vouchers, .outcome = "Vouchers"},
            "not_formed");
  f.ok(organiser(), seating);
  CHECK(f.state.clinic_tables.at(vouchers).members ==
        std::vector<core::ParticipantId>{p[0], p[1], p[2]});
  f.refused(organiser(), seating, "clinic_locked");

  f.refused(participant(p[3]),
            core::RecordClinicOutcome{.clinic_table = vouchers, .outcome = "Not my table"},
            "forbidden");
  f.ok(participant(p[1]),
       core::RecordClinicOutcome{
           .clinic_table = vouchers,
           .outcome = "1. A voucher for cross-sector pilots\n2. Fast-track approval"});
  CHECK(f.state.clinic_tables.at(vouchers).outcome.find("voucher") != std::string::npos);
  f.ok(organiser(),
       core::RecordClinicOutcome{.clinic_table = space,
                                 .outcome = "Open the old tram depot as shared studios"});
  f.refused(organiser(), core::RemoveTable{.table = 1}, "in_use");
  f.refused(organiser(), core::RemoveSession{.session = clinic}, "in_use");
}

TEST_CASE("pitching: a skipped pitch re-opens and comes next; a given one does not") {
  PitchFixture f;
  const auto& p = f.people;
  const auto reopen = [&](core::ParticipantId who) {
    return core::ReopenPitch{.session = f.pitches, .pitcher = who};
  };
  f.refused(organiser(), reopen(p[0]), "no_pitch_order");
  f.ok(organiser(),
       core::SetPitchOrder{.session = f.pitches, .pitches = {{p[0], 5}, {p[1], 5}, {p[2], 5}}});
  f.control(core::PitchAction::Start);
  f.refused(organiser(), reopen(p[0]), "not_skipped");  // pitching now
  f.interested(p[5], p[0]);
  f.control(core::PitchAction::Skip);  // a mistaken skip of the one pitching
  CHECK(f.session().pitches[0].outcome == core::PitchOutcome::Skipped);
  CHECK(f.session().next_pending() == 1);
  f.refused(test::broker(), reopen(p[0]), "forbidden");
  f.refused(participant(p[0]), reopen(p[0]), "forbidden");
  f.refused(organiser(), reopen(p[6]), "not_found");  // not in the order
  f.refused(organiser(), core::ReopenPitch{.session = f.morning, .pitcher = p[0]}, "wrong_session");
  f.ok(organiser(), reopen(p[0]));
  CHECK(f.session().pitches[0].outcome == core::PitchOutcome::Pending);
  CHECK(f.session().status == core::PitchStatus::Between);
  CHECK(f.session().next_pending() == 0);  // its turn again
  CHECK(f.session().pitches[0].interested == std::vector<core::ParticipantId>{p[5]});
  f.refused(organiser(), reopen(p[0]), "not_skipped");
  f.control(core::PitchAction::Start);
  CHECK(f.session().current == 0);
  f.control(core::PitchAction::End);
  f.refused(organiser(), reopen(p[0]), "not_skipped");  // given

  // Skipping the last ones ends the session; re-opening one lets it go on.
  f.control(core::PitchAction::Finish);
  CHECK(f.session().status == core::PitchStatus::Finished);
  f.ok(organiser(), reopen(p[2]));
  CHECK(f.session().status == core::PitchStatus::Between);
  CHECK(f.session().pitches[1].outcome == core::PitchOutcome::Skipped);
  CHECK(f.session().next_pending() == 2);
  f.control(core::PitchAction::Start);
  CHECK(f.session().current == 2);

  // A company that has left does not come back.
  f.control(core::PitchAction::End);
  f.ok(participant(p[1]), core::Withdraw{.participant = p[1]});
  f.refused(organiser(), reopen(p[1]), "withdrawn");
  CHECK(f.session().status == core::PitchStatus::Finished);
}
