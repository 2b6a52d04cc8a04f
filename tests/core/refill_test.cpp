// Refilling freed slots: the standby list is the person's own; an offer goes to two standby
// people free then, the better-matched pair with fewer meetings first; both accept and it is
// booked at that slot at once; a decline keeps no one apart; and over random walks of bookings,
// cancellations, withdrawals and refills nothing is ever double-booked and a refill never moves
// another meeting.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>

#include "core/event/privacy.hpp"
#include "core/event/refill.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

namespace {

struct RefillFixture : test::EventFixture {
  std::vector<core::ParticipantId> p;
  explicit RefillFixture(int people = 8, int tables = 4) {
    set_up(tables, 6);
    p = register_people(people);
  }
  void standby(core::ParticipantId id, bool on = true) {
    ok(participant(id), core::SetStandby{.participant = id, .on = on});
  }
  core::MeetingId booked(core::ParticipantId a, core::ParticipantId b,
                         std::optional<core::SlotRef> slot = std::nullopt) {
    const auto id = request(a, b);
    ok(participant(b), core::AcceptMeeting{.meeting = id, .slot = slot});
    return id;
  }
  core::MeetingId offer(core::ParticipantId a, core::ParticipantId b, core::SlotRef slot) {
    const auto applied = ok(organiser(), core::OfferSlot{.first = a, .second = b, .slot = slot});
    return std::get<core::OfferSlot>(applied.payload).meeting;
  }
  std::optional<core::RefillPick> pick(core::SlotRef slot) const {
    const core::EventPopulation people = core::event_population(state, test::taxonomy());
    const core::PairScorer scorer(people.population, state.event.settings.matching.weights);
    return core::pick_refill(state, people, scorer, slot);
  }
};

}  // namespace

TEST_CASE("standby: people join and leave it themselves; others do not learn of it") {
  RefillFixture f;
  f.standby(f.p[0]);
  CHECK(f.state.participants.at(f.p[0]).standby);
  const core::Viewer self{core::Role::Participant, f.p[0]}, other{core::Role::Participant, f.p[1]};
  CHECK(core::view_state(f.state, self).participants.at(f.p[0]).standby);
  CHECK_FALSE(core::view_state(f.state, other).participants.at(f.p[0]).standby);
  f.refused(participant(f.p[0]), core::SetStandby{.participant = f.p[0], .on = true}, "unchanged");
  f.refused(participant(f.p[1]), core::SetStandby{.participant = f.p[0], .on = false}, "forbidden");
  f.ok(organiser(), core::SetStandby{.participant = f.p[0], .on = false});
  CHECK_FALSE(f.state.participants.at(f.p[0]).standby);
}

TEST_CASE("offers: only to two standby people free then; accepted by both, booked at the slot") {
  RefillFixture f;
  const core::SlotRef slot{f.morning, 2};
  f.refused(organiser(), core::OfferSlot{.first = f.p[0], .second = f.p[1], .slot = slot},
            "not_free");  // not on standby
  f.standby(f.p[0]);
  f.standby(f.p[1]);
  f.standby(f.p[2]);
  f.booked(f.p[2], f.p[3], slot);
  f.refused(organiser(), core::OfferSlot{.first = f.p[0], .second = f.p[2], .slot = slot},
            "not_free");  // p2 has a meeting then
  f.refused(participant(f.p[0]), core::OfferSlot{.first = f.p[0], .second = f.p[1], .slot = slot},
            "forbidden");
  const core::MeetingId id = f.offer(f.p[0], f.p[1], slot);
  CHECK(f.meeting(id).offered);
  CHECK(f.meeting(id).status == core::MeetingStatus::Requested);
  // One offer at a time per person.
  f.refused(organiser(), core::OfferSlot{.first = f.p[0], .second = f.p[2], .slot = {f.morning, 3}},
            "not_free");
  f.ok(participant(f.p[0]), core::AcceptMeeting{.meeting = id});
  CHECK(f.meeting(id).status == core::MeetingStatus::Requested);
  f.ok(participant(f.p[1]), core::AcceptMeeting{.meeting = id});
  REQUIRE(f.meeting(id).placement);
  CHECK(f.meeting(id).placement->slot == slot);
}

TEST_CASE("offers: booked at once even with deferred booking; refused when the slot went") {
  RefillFixture f;
  core::EventSettings s = f.state.event.settings;
  s.booking = core::BookingMode::Deferred;
  f.ok(organiser(), core::SetSettings{.settings = s});
  for (int i = 0; i < 4; ++i) f.standby(f.p[i]);
  const core::SlotRef slot{f.morning, 1};
  const core::MeetingId id = f.offer(f.p[0], f.p[1], slot);
  f.ok(participant(f.p[0]), core::AcceptMeeting{.meeting = id});
  // Meanwhile p1 is booked at that slot by the organiser's schedule.
  const auto other = f.request(f.p[1], f.p[5]);
  f.ok(participant(f.p[5]), core::AcceptMeeting{.meeting = other});
  f.ok(organiser(), core::ApplySchedule{.sessions = {f.morning},
                                        .placements = {{other, core::Placement{slot, 1}}}});
  const core::Error e =
      f.refused(participant(f.p[1]), core::AcceptMeeting{.meeting = id}, "slot_taken");
  CHECK(e.message.find("no longer free") != std::string::npos);
  // The other offer is booked at once though booking is deferred.
  const core::MeetingId next = f.offer(f.p[2], f.p[3], {f.morning, 4});
  f.ok(participant(f.p[2]), core::AcceptMeeting{.meeting = next});
  f.ok(participant(f.p[3]), core::AcceptMeeting{.meeting = next});
  REQUIRE(f.meeting(next).placement);
  CHECK(f.meeting(next).placement->slot == core::SlotRef{f.morning, 4});
}

TEST_CASE("offers: declining one keeps no one apart") {
  RefillFixture f;
  f.standby(f.p[0]);
  f.standby(f.p[1]);
  const core::MeetingId id = f.offer(f.p[0], f.p[1], {f.morning, 0});
  f.ok(participant(f.p[1]), core::DeclineMeeting{.meeting = id});
  CHECK(f.meeting(id).status == core::MeetingStatus::Cancelled);
  CHECK_FALSE(f.state.declined_pair(f.p[0], f.p[1]));
  f.offer(f.p[0], f.p[1], {f.morning, 1});  // may be offered again
}

TEST_CASE("refill picks: standby people free then, fewer meetings first, then the matching") {
  RefillFixture f(10, 6);
  const core::SlotRef slot{f.morning, 3};
  CHECK_FALSE(f.pick(slot));  // nobody on standby
  for (int i = 0; i < 6; ++i) f.standby(f.p[i]);
  // p0 and p1 already have two meetings each; p2..p5 none.
  f.booked(f.p[0], f.p[6], core::SlotRef{f.morning, 0});
  f.booked(f.p[0], f.p[7], core::SlotRef{f.morning, 1});
  f.booked(f.p[1], f.p[8], core::SlotRef{f.morning, 0});
  f.booked(f.p[1], f.p[9], core::SlotRef{f.morning, 1});
  const auto pick = f.pick(slot);
  REQUIRE(pick);
  // The pick is the best priority over every pair, computed here by brute force.
  const core::EventPopulation people = core::event_population(f.state, test::taxonomy());
  const core::PairScorer scorer(people.population, f.state.event.settings.matching.weights);
  double best = -1;
  for (int i = 0; i < 6; ++i) {
    for (int j = i + 1; j < 6; ++j) {
      const int a = people.index(f.p[i]), b = people.index(f.p[j]);
      if (!scorer.allowed(a, b)) continue;
      const int meetings =
          core::meetings_so_far(f.state, f.p[i]) + core::meetings_so_far(f.state, f.p[j]);
      best = std::max(best, scorer.score(a, b) / (1.0 + meetings / 2.0));
    }
  }
  CHECK(pick->priority == doctest::Approx(best));
  // Someone with a meeting at the slot is not picked; nor is anyone once the desk is in use and
  // they have not arrived.
  f.booked(pick->first, pick->second, slot);
  const auto next = f.pick(slot);
  if (next) {
    CHECK(f.state.meeting_at(next->first, slot) == 0);
    CHECK(f.state.meeting_at(next->second, slot) == 0);
  }
  f.ok(organiser(), core::CheckIn{.code = f.state.participants.at(f.p[9]).check_in_code});
  CHECK_FALSE(f.pick({f.morning, 4}));  // the desk is in use and no one on standby arrived
}

TEST_CASE("refill property: a refill never double-books and never moves another meeting") {
  int refilled = 0;
  for (std::uint32_t seed = 1; seed <= 8; ++seed) {
    CAPTURE(seed);
    RefillFixture f(14, 3);
    std::mt19937 rng(seed);
    const auto pick_person = [&] {
      return f.p[std::uniform_int_distribution<std::size_t>(0, f.p.size() - 1)(rng)];
    };
    for (const auto id : f.p) {
      if (rng() % 3 != 0) f.standby(id);
    }
    for (int step = 0; step < 120; ++step) {
      const int action = std::uniform_int_distribution<int>(0, 9)(rng);
      std::vector<core::Placement> freed;
      if (action < 5) {
        const auto a = pick_person(), b = pick_person();
        auto r = f.apply(participant(a), core::RequestMeeting{.from = a, .to = b});
        if (r.ok())
          (void)f.apply(
              participant(b),
              core::AcceptMeeting{.meeting = std::get<core::RequestMeeting>(r->payload).meeting});
        continue;
      }
      core::Operation op;
      op.actor = organiser();
      if (action < 9) {
        std::vector<core::MeetingId> booked;
        for (const auto& [id, m] : f.state.meetings) {
          if (m.status == core::MeetingStatus::Accepted && m.placement) booked.push_back(id);
        }
        if (booked.empty()) continue;
        op.payload = core::CancelMeeting{.meeting = booked[rng() % booked.size()]};
      } else {
        op.payload = core::Withdraw{.participant = pick_person()};
      }
      freed = core::placements_freed(f.state, op);
      if (!f.apply(op.actor, op.payload).ok()) continue;
      for (const core::Placement& slot : freed) {
        const auto pick = f.pick(slot.slot);
        if (!pick) continue;
        // Everything booked before the refill, as it stands.
        std::map<core::MeetingId, std::optional<core::Placement>> before;
        for (const auto& [id, m] : f.state.meetings) {
          if (m.status == core::MeetingStatus::Accepted) before[id] = m.placement;
        }
        auto offered = f.apply(
            organiser(),
            core::OfferSlot{.first = pick->first, .second = pick->second, .slot = slot.slot});
        REQUIRE_MESSAGE(offered.ok(), offered.error().message);
        const core::MeetingId id = std::get<core::OfferSlot>(offered->payload).meeting;
        REQUIRE(f.apply(participant(pick->first), core::AcceptMeeting{.meeting = id}).ok());
        REQUIRE(f.apply(participant(pick->second), core::AcceptMeeting{.meeting = id}).ok());
        REQUIRE(f.meeting(id).placement);
        CHECK(f.meeting(id).placement->slot == slot.slot);
        ++refilled;
        for (const auto& [mid, placement] : before) {
          CHECK(f.meeting(mid).status == core::MeetingStatus::Accepted);
          CHECK(f.meeting(mid).placement == placement);
        }
      }
      // No one and no table twice at a slot.
      std::set<std::pair<core::ParticipantId, core::SlotRef>> people;
      std::set<std::pair<core::TableId, core::SlotRef>> tables;
      for (const auto& [id, m] : f.state.meetings) {
        if (m.status != core::MeetingStatus::Accepted || !m.placement) continue;
        CHECK(people.insert({m.requester, m.placement->slot}).second);
        CHECK(people.insert({m.invitee, m.placement->slot}).second);
        CHECK(tables.insert({m.placement->table, m.placement->slot}).second);
      }
    }
  }
  CHECK(refilled > 20);  // the walks did refill slots
}
