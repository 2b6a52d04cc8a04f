// What each role's replica receives: random operations at the hub, every viewer's replica fed the
// copies it gets, and at the end each replica equals what a snapshot of that viewer would hold,
// and holds nothing a participant may not see.
#include <doctest/doctest.h>

#include "core/event/event_index.hpp"
#include "core/event/sequencer.hpp"
#include "core/random.hpp"
#include "net/messages.hpp"
#include "net/operation_lines.hpp"
#include "net/replica.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using core::Viewer;

namespace {

struct ViewerReplica {
  Viewer viewer;
  net::Replica replica;
};

// Draws operations of participants, the organiser and a broker against the current state.
core::Operation random_operation(core::Rng& rng, const core::EventState& s, int n, int count) {
  core::Operation op;
  op.id = "r";
  op.id += std::to_string(count);
  const auto person = [&] { return static_cast<core::ParticipantId>(rng.between(1, n)); };
  std::vector<core::MeetingId> meetings;
  for (const auto& [id, m] : s.meetings) meetings.push_back(id);
  const auto meeting = [&]() -> const core::Meeting* {
    return meetings.empty() ? nullptr : &s.meetings.at(rng.pick(meetings));
  };
  const int roll = static_cast<int>(rng.below(100));
  const core::ParticipantId p = person();
  op.actor = {core::Role::Participant, p};
  if (roll < 30) {
    op.payload = core::RequestMeeting{.from = p, .to = person(), .message = "Shall we meet?"};
  } else if (roll < 50 && meeting()) {
    const core::Meeting* m = meeting();
    op.actor = {core::Role::Participant, m->invitee};
    op.payload = core::AcceptMeeting{.meeting = m->id};
  } else if (roll < 57 && meeting()) {
    const core::Meeting* m = meeting();
    op.actor = {core::Role::Participant, m->invitee};
    op.payload = core::DeclineMeeting{.meeting = m->id, .reason = "No time"};
  } else if (roll < 64 && meeting()) {
    const core::Meeting* m = meeting();
    op.actor = {core::Role::Participant, rng.chance(0.5) ? m->requester : m->invitee};
    op.payload = core::CancelMeeting{.meeting = m->id, .reason = "Sorry"};
  } else if (roll < 72 && meeting() && rng.chance(0.35)) {
    // Follow-up rounds and answers: an answer is its author's alone.
    const core::Meeting* m = meeting();
    if (s.follow_ups.empty() || rng.chance(0.15)) {
      op.actor = {core::Role::Organiser, 0};
      op.payload = core::DefineFollowUp{.name = "Follow-up " + std::to_string(count)};
    } else {
      // Mostly a held meeting, when there is one.
      std::vector<core::MeetingId> held;
      for (const auto& [id, h] : s.meetings) {
        if (h.held == core::HeldState::Held) held.push_back(id);
      }
      if (!held.empty() && rng.chance(0.9)) m = &s.meetings.at(rng.pick(held));
      const core::ParticipantId whose = rng.chance(0.5) ? m->requester : m->invitee;
      if (rng.chance(0.3))
        op.actor = {core::Role::Organiser, 0};
      else
        op.actor = {core::Role::Participant, whose};
      op.payload = core::RateFollowUp{.follow_up = s.follow_ups.rbegin()->first,
                                      .meeting = m->id,
                                      .participant = whose,
                                      .outcome = core::FollowUpOutcome::Valuable,
                                      .note = "Met again"};
    }
  } else if (roll < 72 && meeting()) {
    const core::Meeting* m = meeting();
    op.actor = {core::Role::Participant, rng.chance(0.5) ? m->requester : m->invitee};
    op.payload = core::GiveFeedback{
        .meeting = m->id,
        .held = rng.chance(0.5) ? core::HeldState::Held : core::HeldState::Unknown,
        .rating = rng.between(1, 5),
        .comment = "Good talk"};
  } else if (roll < 84) {
    const core::Participant* who = s.participant(p);
    if (who == nullptr) return op;
    core::Profile profile = who->profile;
    profile.consent.share_contact = rng.chance(0.6);
    profile.consent.suggestions = rng.chance(0.7);
    profile.email = "person" + std::to_string(p) + "." + std::to_string(count) + "@example.eu";
    op.payload = core::EditProfile{.participant = p, .profile = profile};
  } else if (roll < 88) {
    // A slot of the morning session (1, 8 slots): availability is the person's own business.
    const core::SlotRef slot{.session = 1, .index = static_cast<int>(rng.below(8))};
    op.payload = core::SetAvailability{.participant = p, .availability = {.unavailable = {slot}}};
  } else if (roll < 91) {
    op.payload = core::Withdraw{.participant = p};
  } else if (roll < 93) {
    op.payload = core::Erase{.participant = p};
  } else if (roll < 96) {
    op.actor = {core::Role::Broker, 0};
    op.payload =
        core::Introduce{.first = person(), .second = person(), .note = "You two should talk"};
  } else if (roll < 98 && meeting()) {
    // The organiser's pins and orders: organisers and brokers see them, participants never.
    const core::Meeting* m = meeting();
    const core::Meeting* other = meeting();
    op.actor = {core::Role::Organiser, 0};
    if (rng.chance(0.4)) {
      const core::SlotRef slot{.session = 1, .index = static_cast<int>(rng.below(8))};
      op.payload = core::PinMeeting{.meeting = m->id, .slot = slot};
    } else if (rng.chance(0.6)) {
      op.payload = core::AddPrecedence{.before = other->id, .after = m->id};
    } else if (!m->after.empty()) {
      op.payload = core::RemovePrecedence{.before = m->after.front(), .after = m->id};
    } else {
      op.payload = core::UnpinMeeting{.meeting = m->id};
    }
  } else {
    op.actor = {core::Role::Organiser, 0};
    op.payload = core::Announce{.text = "Coffee is served " + std::to_string(count)};
  }
  return op;
}

}  // namespace

TEST_CASE("every role's replica, fed its filtered operations, equals its filtered snapshot") {
  std::size_t answers = 0;      // follow-up answers over every seed: the walk reaches them
  std::size_t constrained = 0;  // pins and orders at the end of every seed: the walk sets some
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    test::EventFixture f;
    f.set_up(6, 8);
    const int n = 14;
    f.register_people(n, seed);
    core::Sequencer hub(test::taxonomy());
    hub.restore(f.state, 1000, {});

    std::vector<ViewerReplica> replicas;
    std::vector<Viewer> viewers{
        {core::Role::Organiser, 0}, {core::Role::Broker, 0}, {core::Role::Participant, 0}};
    for (core::ParticipantId p = 1; p <= static_cast<core::ParticipantId>(n); ++p)
      viewers.push_back({core::Role::Participant, p});
    for (const Viewer& v : viewers) {
      ViewerReplica r{v, net::Replica(test::taxonomy())};
      r.replica.restore(core::view_state(hub.state(), v), 1000);
      replicas.push_back(std::move(r));
    }

    core::Rng rng(seed);
    int applied = 0;
    for (int step = 0; step < 1200; ++step) {
      core::Operation op = random_operation(rng, hub.state(), n, step);
      if (op.payload.index() == 0) continue;
      const core::Actor actor = op.actor;
      auto outcome = hub.submit(op, actor, 1'780'000'000'000 + step);
      if (!outcome) continue;
      ++applied;
      const core::Operation& done = outcome->applied;
      for (ViewerReplica& r : replicas) {
        auto viewed =
            core::view_operation(done, hub.state(), r.viewer, core::is_own(done, r.viewer));
        if (!viewed) continue;
        const core::Status s = r.replica.apply(*viewed);
        REQUIRE_MESSAGE(s.ok(), "viewer " << int(r.viewer.role) << "/" << r.viewer.participant
                                          << " step " << step << ": "
                                          << (s.ok() ? "" : s.error().message));
        CHECK(viewed->op.id ==
              (core::is_own(done, r.viewer) ? done.id : "s" + std::to_string(done.sequence)));
      }
    }
    CHECK(applied > 100);
    for (const auto& [id, round] : hub.state().follow_ups) answers += round.answers.size();
    for (const auto& [id, m] : hub.state().meetings)
      constrained += (m.pinned ? 1 : 0) + m.after.size();

    for (ViewerReplica& r : replicas) {
      CAPTURE(r.viewer.participant);
      const core::EventState expected = core::view_state(hub.state(), r.viewer);
      CHECK(r.replica.state() == expected);
      // What a snapshot's beginning is made of, without the records.
      const core::EventState header = core::view_header(hub.state(), r.viewer);
      CHECK(header.event == expected.event);
      CHECK(header.participants.empty());
      CHECK(header.meetings.empty());
      CHECK((header.next_participant == expected.next_participant &&
             header.next_meeting == expected.next_meeting &&
             header.next_session == expected.next_session &&
             header.next_table == expected.next_table && header.next_round == expected.next_round &&
             header.next_announcement == expected.next_announcement &&
             header.next_clinic_table == expected.next_clinic_table &&
             header.next_follow_up == expected.next_follow_up));
      if (r.viewer.privileged()) {
        CHECK(r.replica.state() == hub.state());
        continue;
      }
      // Nothing a participant may not see.
      const core::ParticipantId me = r.viewer.participant;
      for (const auto& [id, round] : r.replica.state().follow_ups) {
        for (const auto& [key, answer] : round.answers) CHECK(key.second == me);
      }
      for (const auto& [id, p] : r.replica.state().participants) {
        if (id == me) continue;
        CHECK(p.availability == core::Availability{});
        // Nobody's consent to share their contact, and of someone who withheld consent to
        // appear in suggestions, only who they are.
        const core::Profile& full = hub.state().participants.at(id).profile;
        CHECK_FALSE(p.profile.consent.share_contact);
        CHECK(p.profile.consent.suggestions == full.consent.suggestions);
        if (!full.consent.suggestions) {
          CHECK(p.profile.display_name == full.display_name);
          CHECK(p.profile.sector == full.sector);
          CHECK((p.profile.offers.empty() && p.profile.seeks.empty() &&
                 p.profile.languages.empty() && p.profile.answers.empty() &&
                 p.profile.job_title.empty() && p.profile.target_markets.empty() &&
                 p.profile.known_markets.empty()));
        }
        const std::string& real = full.email;
        if (!p.profile.email.empty()) {
          CHECK(p.profile.email == real);
          CHECK(hub.state().participants.at(id).profile.consent.share_contact);
          bool accepted = false;
          for (const auto& [mid, m] : hub.state().meetings)
            accepted |=
                m.involves(me) && m.involves(id) && m.status == core::MeetingStatus::Accepted;
          CHECK(accepted);
        }
      }
      for (const auto& [id, m] : r.replica.state().meetings) {
        CHECK_FALSE(m.pinned);  // the organiser's pins and orders are never a participant's
        CHECK(m.after.empty());
        CHECK(m.involves(me));
        const core::MeetingFeedback& theirs =
            m.requester == me ? m.invitee_feedback : m.requester_feedback;
        // Their rating and comment stay theirs; their answer on whether it took place is shared.
        CHECK(theirs.rating == 0);
        CHECK(theirs.comment.empty());
        const core::Meeting& real = hub.state().meetings.at(id);
        CHECK(theirs.held ==
              (real.requester == me ? real.invitee_feedback.held : real.requester_feedback.held));
      }
      // The snapshot a hub sends a participant: the public items with their own laid over them.
      core::EventState assembled =
          core::view_state(hub.state(), Viewer{core::Role::Participant, 0});
      const core::EventState mine = core::personal_view(hub.state(), me);
      for (const auto& [id, p] : mine.participants) assembled.participants[id] = p;
      for (const auto& [id, m] : mine.meetings) assembled.meetings[id] = m;
      for (const auto& [id, round] : mine.follow_ups) assembled.follow_ups[id] = round;
      assembled.next_meeting = header.next_meeting;
      CHECK(assembled == expected);
    }
  }
  CHECK(answers > 0);
  CHECK(constrained > 0);
}

TEST_CASE("an e-mail appears with an accepted meeting and consent, and goes with the meeting") {
  test::EventFixture f;
  f.set_up();
  const auto ids = f.register_people(2);
  const core::ParticipantId a = ids[0], b = ids[1];
  core::Profile pb = f.state.participants.at(b).profile;
  pb.consent.share_contact = true;
  f.ok(test::participant(b), core::EditProfile{.participant = b, .profile = pb});
  core::Profile pa = f.state.participants.at(a).profile;
  pa.consent.share_contact = false;
  f.ok(test::participant(a), core::EditProfile{.participant = a, .profile = pa});
  const core::MeetingId m = f.request(a, b);
  CHECK(core::visible_email(f.state, a, b).empty());
  const auto accepted = f.ok(test::participant(b), core::AcceptMeeting{.meeting = m});
  CHECK(core::visible_email(f.state, a, b) == pb.email);
  CHECK(core::visible_email(f.state, b, a).empty());  // a did not consent
  auto seen = core::view_operation(accepted, f.state, Viewer{core::Role::Participant, a}, false);
  REQUIRE(seen);
  CHECK(seen->contacts == std::vector<net::Contact>{{b, pb.email}});
  // Someone else sees nothing of it.
  CHECK_FALSE(core::view_operation(accepted, f.state, Viewer{core::Role::Participant, 0}, false));
  const auto cancelled = f.ok(test::participant(a), core::CancelMeeting{.meeting = m});
  seen = core::view_operation(cancelled, f.state, Viewer{core::Role::Participant, a}, false);
  REQUIRE(seen);
  CHECK(seen->contacts == std::vector<net::Contact>{{b, ""}});
}

TEST_CASE("fan-out lines are shared: one for everyone, others only where they differ") {
  test::EventFixture f;
  f.set_up();
  const auto ids = f.register_people(3);
  core::Profile p = f.state.participants.at(ids[0]).profile;
  p.job_title = "Founder";
  core::Operation edit =
      f.ok(test::participant(ids[0]), core::EditProfile{.participant = ids[0], .profile = p});
  edit.sequence = 77;
  const auto lines = net::render_operation(edit, f.state);
  REQUIRE(lines.own);
  REQUIRE(lines.everyone);
  CHECK(lines.own->find(edit.id) != std::string::npos);
  CHECK(lines.everyone->find(edit.id) == std::string::npos);
  CHECK(lines.everyone->find("\"s77\"") != std::string::npos);
  CHECK(lines.everyone->find(p.email) == std::string::npos);
  CHECK(lines.privileged->find(p.email) != std::string::npos);
  CHECK(lines.for_viewer(Viewer{core::Role::Participant, ids[2]}, false) == lines.everyone);

  const core::MeetingId m = f.request(ids[1], ids[2]);
  core::Operation request = f.state.meetings.count(m) ? core::Operation{} : core::Operation{};
  request.id = "mine";
  request.sequence = 78;
  request.actor = test::participant(ids[1]);
  request.payload =
      core::RequestMeeting{.meeting = m, .from = ids[1], .to = ids[2], .message = "Hello"};
  const auto private_lines = net::render_operation(request, f.state);
  CHECK_FALSE(private_lines.everyone);
  CHECK(private_lines.for_viewer(Viewer{core::Role::Participant, ids[0]}, false) == nullptr);
  CHECK(private_lines.for_viewer(Viewer{core::Role::Participant, ids[2]}, false) != nullptr);
}

TEST_CASE(
    "a participant's snapshot holds the pitching sessions and policy clinics their replica "
    "follows") {
  test::EventFixture f;
  f.set_up(3, 3);
  const auto people = f.register_people(12);
  core::Sequencer hub(test::taxonomy());
  hub.restore(f.state, 1000, {});
  std::int64_t at = 1'780'000'000'000;
  const auto submit = [&](const core::Actor& actor, core::OperationPayload payload) {
    core::Operation op;
    op.id = "c" + std::to_string(at);
    op.payload = std::move(payload);
    auto outcome = hub.submit(op, actor, at += 1000);
    REQUIRE_MESSAGE(outcome.ok(), (outcome.ok() ? "" : outcome.error().message));
    return outcome->applied;
  };
  const core::Actor organiser{core::Role::Organiser, 0};
  // Replicas made now: one of a participant who follows along, one of the organiser.
  const Viewer watcher{core::Role::Participant, people.back()};
  net::Replica live(test::taxonomy()), whole(test::taxonomy());
  live.restore(core::view_state(hub.state(), watcher), 1000);
  whole.restore(core::view_state(hub.state(), Viewer{core::Role::Organiser, 0}), 1000);
  std::vector<core::Operation> done;
  done.push_back(submit(organiser, f.define_session("Pitches", "2026-05-14", 16 * 60, 17 * 60,
                                                    core::SessionKind::Pitching)));
  const core::SessionId pitching = hub.state().sessions.rbegin()->first;
  done.push_back(submit(organiser, f.define_session("Clinic", "2026-05-14", 17 * 60, 18 * 60,
                                                    core::SessionKind::PolicyClinic)));
  const core::SessionId clinic = hub.state().sessions.rbegin()->first;
  std::vector<core::ParticipantId> companies, others;
  for (const auto p : people) {
    (hub.state().participant(p)->profile.type == core::ParticipantType::Company ? companies
                                                                                : others)
        .push_back(p);
  }
  REQUIRE(companies.size() >= 3);

  done.push_back(submit(
      organiser,
      core::SetPitchOrder{.session = pitching, .pitches = {{companies[0], 5}, {companies[1], 4}}}));
  done.push_back(submit(organiser, core::ControlPitch{.session = pitching}));
  done.push_back(submit({core::Role::Participant, companies[2]},
                        core::MarkInterested{.session = pitching, .pitcher = companies[0]}));
  done.push_back(
      submit(organiser,
             core::DefineClinicTable{.session = clinic, .table = 1, .theme = "Mobility vouchers"}));
  const core::ClinicTableId table = hub.state().clinic_tables.rbegin()->first;
  done.push_back(submit({core::Role::Participant, people[0]},
                        core::PickThemes{.participant = people[0], .themes = {table}}));
  done.push_back(submit(
      organiser, core::FormClinicTables{.session = clinic,
                                        .seating = {{table, {people[0], people[1]}, "a mix"}}}));
  for (const core::Operation& op : done) {
    for (auto* r : {&live, &whole}) {
      const Viewer v = r == &live ? watcher : Viewer{core::Role::Organiser, 0};
      auto viewed = core::view_operation(op, hub.state(), v, false);
      if (!viewed) continue;
      REQUIRE(r->apply(*viewed).ok());
    }
  }
  CHECK(live.state() == core::view_state(hub.state(), watcher));
  CHECK(live.state().pitching == hub.state().pitching);
  CHECK(live.state().clinic_tables == hub.state().clinic_tables);
  CHECK(whole.state() == hub.state());

  // One who joins now gets it all in the snapshot, and follows the next operation.
  net::Replica late(test::taxonomy());
  late.restore(core::view_state(hub.state(), watcher), done.back().sequence);
  CHECK(late.state().pitching.at(pitching).pitches[0].interested ==
        std::vector<core::ParticipantId>{companies[2]});
  CHECK(late.state().clinic_tables.at(table).members ==
        std::vector<core::ParticipantId>{people[0], people[1]});
  CHECK(late.state().clinic_themes.at(people[0]) == std::vector<core::ClinicTableId>{table});
  const auto outcome =
      submit({core::Role::Participant, people[1]},
             core::RecordClinicOutcome{.clinic_table = table, .outcome = "Vouchers for pilots"});
  auto viewed = core::view_operation(outcome, hub.state(), watcher, false);
  REQUIRE(viewed);
  CHECK(late.apply(*viewed).ok());
  CHECK(late.state().clinic_tables.at(table).outcome == "Vouchers for pilots");
}

TEST_CASE(
    "someone who withholds consent to appear in suggestions is, to others, only who they are") {
  test::EventFixture f;
  f.set_up();
  const auto ids = f.register_people(3);
  const core::ParticipantId shy = ids[0], other = ids[1];
  core::Profile profile = f.state.participants.at(shy).profile;
  REQUIRE_FALSE(profile.offers.empty());
  profile.consent = core::Consent{.suggestions = false, .share_contact = true};
  const auto edit =
      f.ok(test::participant(shy), core::EditProfile{.participant = shy, .profile = profile});
  for (const Viewer viewer :
       {Viewer{core::Role::Participant, other}, Viewer{core::Role::Participant, 0}}) {
    CAPTURE(viewer.participant);
    // In a snapshot...
    const core::EventState view = core::view_state(f.state, viewer);
    const core::Profile& seen = view.participants.at(shy).profile;
    CHECK(seen.display_name == profile.display_name);
    CHECK(seen.organisation == profile.organisation);
    CHECK(seen.city == profile.city);
    CHECK(seen.sector == profile.sector);
    CHECK(seen.offers.empty());
    CHECK(seen.seeks.empty());
    CHECK(seen.languages.empty());
    CHECK(seen.answers.empty());
    CHECK(seen.consent == core::Consent{.suggestions = false, .share_contact = false});
    // ... and in the edit that withheld it.
    auto op = core::view_operation(edit, f.state, viewer, false);
    REQUIRE(op);
    CHECK(std::get<core::EditProfile>(op->op.payload).profile == seen);
  }
  // Themself, the organiser and brokers see it all.
  CHECK(core::view_state(f.state, Viewer{core::Role::Participant, shy})
            .participants.at(shy)
            .profile == profile);
  CHECK(core::view_state(f.state, Viewer{core::Role::Broker, 0}).participants.at(shy).profile ==
        profile);
  // Giving consent again shows the whole public profile again, with the next edit.
  profile.consent.suggestions = true;
  const auto again =
      f.ok(test::participant(shy), core::EditProfile{.participant = shy, .profile = profile});
  auto op = core::view_operation(again, f.state, Viewer{core::Role::Participant, other}, false);
  REQUIRE(op);
  CHECK(std::get<core::EditProfile>(op->op.payload).profile.offers == profile.offers);
  CHECK_FALSE(std::get<core::EditProfile>(op->op.payload).profile.consent.share_contact);
}
