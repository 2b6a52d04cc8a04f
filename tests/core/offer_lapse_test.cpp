// Offers of freed slots lapse when their slot starts, whatever the request-expiry setting: the
// hub's expire_request is refused before that moment (in the event's time zone) and applied at
// it; a lapsed offer frees its slot and its people for other offers; an accepted offer never
// lapses. And what the hub offers by itself once a slot is freed: only slots not yet started,
// only to people on standby, never again to someone who turned that slot down.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>

#include "core/event/booking.hpp"
#include "core/event/operation_catalogue.hpp"
#include "core/event/refill.hpp"
#include "core/event/request_expiry.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

namespace {

constexpr std::int64_t kMinute = 60'000;

struct LapseFixture : test::EventFixture {
  std::vector<core::ParticipantId> p;
  explicit LapseFixture(int people = 8) {
    // The morning before the sessions (2026-05-14 from 09:00).
    clock = test::date("2026-05-14") * 1440 * kMinute + 7 * 60 * kMinute;
    set_up(4, 6);
    p = register_people(people);
  }
  void standby(core::ParticipantId id) {
    ok(participant(id), core::SetStandby{.participant = id, .on = true});
  }
  core::MeetingId offer(core::ParticipantId a, core::ParticipantId b, core::SlotRef slot) {
    const auto applied = ok(organiser(), core::OfferSlot{.first = a, .second = b, .slot = slot});
    return std::get<core::OfferSlot>(applied.payload).meeting;
  }
  // The hub's expiry at `at` (unix ms), deciding with `local_to_utc`.
  core::Result<core::Operation> expire_at(core::MeetingId meeting, std::int64_t at,
                                          const core::LocalToUtc& local_to_utc = {}) {
    core::Operation op;
    op.id = "hub-expire-" + std::to_string(meeting) + "-" + std::to_string(at);
    op.actor = organiser();
    op.at = at;
    op.payload = core::ExpireRequest{meeting};
    return core::apply_operation(state, test::taxonomy(), op, core::ApplyMode::Decide,
                                 local_to_utc ? &local_to_utc : nullptr);
  }
  std::int64_t starts(core::SlotRef slot, const core::LocalToUtc& local_to_utc = {}) const {
    return core::slot_start_ms(state, slot, local_to_utc);
  }
};

// Lisbon in May: an hour ahead of UTC.
std::int64_t summer_lisbon(std::string_view zone, std::int64_t local) {
  CHECK(zone == "Europe/Lisbon");
  return local - 3600;
}

}  // namespace

TEST_CASE("offer lapse: an offer not answered lapses exactly when its slot starts, not before") {
  LapseFixture f;
  CHECK(f.state.event.settings.request_expiry_minutes == 0);  // expiry off: offers lapse anyway
  f.standby(f.p[0]);
  f.standby(f.p[1]);
  const core::SlotRef slot{f.morning, 2};  // 09:40
  const core::MeetingId id = f.offer(f.p[0], f.p[1], slot);
  f.ok(participant(f.p[0]), core::AcceptMeeting{.meeting = id});  // one of two: still open
  const std::int64_t deadline = f.starts(slot);
  CHECK(deadline == (test::date("2026-05-14") * 1440 + 9 * 60 + 40) * kMinute);
  CHECK(core::lapses(f.meeting(id)));
  CHECK(core::expiry_deadline(f.state, f.meeting(id)) == deadline);
  CHECK(core::due_expiries(f.state, deadline - 1, 100).empty());
  REQUIRE(core::due_expiries(f.state, deadline, 100) == std::vector<core::MeetingId>{id});

  const core::EventState before = f.state;
  auto early = f.expire_at(id, deadline - 1);
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().code == "not_due");
  CHECK(f.state == before);

  REQUIRE(f.expire_at(id, deadline).ok());
  const core::Meeting& m = f.meeting(id);
  CHECK(m.status == core::MeetingStatus::Cancelled);
  CHECK(m.closed_by == 0);
  CHECK(m.close_reason.find("slot started") != std::string::npos);
  CHECK(core::due_expiries(f.state, deadline + 1000 * kMinute, 100).empty());
  CHECK_FALSE(f.expire_at(id, deadline + kMinute).ok());  // once
}

TEST_CASE("offer lapse: the slot's start is in the event's time zone") {
  LapseFixture f;
  f.standby(f.p[0]);
  f.standby(f.p[1]);
  const core::SlotRef slot{f.morning, 0};  // 09:00 in Lisbon, 08:00 UTC
  const core::MeetingId id = f.offer(f.p[0], f.p[1], slot);
  const core::LocalToUtc lisbon = summer_lisbon;
  const std::int64_t deadline = f.starts(slot, lisbon);
  CHECK(deadline == f.starts(slot) - 60 * kMinute);
  CHECK(core::expiry_deadline(f.state, f.meeting(id), lisbon) == deadline);
  CHECK(core::due_expiries(f.state, deadline - 1, 100, lisbon).empty());
  CHECK(core::due_expiries(f.state, deadline, 100, lisbon) == std::vector<core::MeetingId>{id});
  CHECK(f.expire_at(id, deadline - 1, lisbon).error().code == "not_due");
  REQUIRE(f.expire_at(id, deadline, lisbon).ok());
  // A replica takes the hub's word for it: following, it applies the lapse as given.
  LapseFixture g;
  g.standby(g.p[0]);
  g.standby(g.p[1]);
  const core::MeetingId same = g.offer(g.p[0], g.p[1], slot);
  core::Operation lapse;
  lapse.id = "hub-expire";
  lapse.actor = organiser();
  lapse.at = deadline;
  lapse.payload = core::ExpireRequest{same};
  REQUIRE(core::apply_operation(g.state, test::taxonomy(), lapse, core::ApplyMode::Follow).ok());
  CHECK(g.meeting(same).status == core::MeetingStatus::Cancelled);
}

TEST_CASE("offer lapse: both people are told the slot started; nobody else") {
  LapseFixture f;
  f.standby(f.p[0]);
  f.standby(f.p[1]);
  const core::SlotRef slot{f.morning, 1};
  const core::MeetingId id = f.offer(f.p[0], f.p[1], slot);
  f.clock = f.starts(slot);
  const core::Operation applied = f.ok(organiser(), core::ExpireRequest{id});
  for (const auto& [me, other] : {std::pair{f.p[0], f.p[1]}, std::pair{f.p[1], f.p[0]}}) {
    const auto told = core::notice(applied, f.state, core::Role::Participant, me);
    REQUIRE(told);
    CHECK(told->text.find("lapsed") != std::string::npos);
    CHECK(told->text.find("started") != std::string::npos);
    CHECK(told->person == other);
  }
  CHECK_FALSE(core::notice(applied, f.state, core::Role::Participant, f.p[2]));
}

TEST_CASE("offer lapse: a lapsed offer frees the slot, and its people are offered other slots") {
  LapseFixture f;
  f.standby(f.p[0]);
  f.standby(f.p[1]);
  const core::SlotRef slot{f.morning, 1};
  const core::MeetingId id = f.offer(f.p[0], f.p[1], slot);
  // While it is open, neither is offered another slot.
  CHECK(core::refill_problem(f.state, f.p[0], {f.morning, 4}) == "has an offer awaiting an answer");
  REQUIRE(f.expire_at(id, f.starts(slot)).ok());
  CHECK(f.state.meeting_at(f.p[0], slot) != id);
  CHECK(f.state.meeting_at(f.p[1], slot) != id);
  CHECK_FALSE(core::has_open_offer(f.state, f.p[0]));
  CHECK(core::refill_problem(f.state, f.p[0], {f.morning, 4}).empty());
  CHECK(core::refill_problem(f.state, f.p[1], {f.morning, 4}).empty());
  // The lapse was nobody's no: the pair may be offered a later slot, and book it.
  CHECK(core::standby_free_at(f.state, {f.morning, 4}) ==
        std::vector<core::ParticipantId>{f.p[0], f.p[1]});
  const core::MeetingId later = f.offer(f.p[0], f.p[1], {f.morning, 4});
  f.ok(participant(f.p[0]), core::AcceptMeeting{.meeting = later});
  f.ok(participant(f.p[1]), core::AcceptMeeting{.meeting = later});
  REQUIRE(f.meeting(later).placement);
  CHECK(f.meeting(later).placement->slot == core::SlotRef{f.morning, 4});
}

TEST_CASE("offer lapse: an accepted offer never lapses") {
  LapseFixture f;
  f.standby(f.p[0]);
  f.standby(f.p[1]);
  const core::SlotRef slot{f.morning, 3};
  const core::MeetingId id = f.offer(f.p[0], f.p[1], slot);
  f.ok(participant(f.p[0]), core::AcceptMeeting{.meeting = id});
  f.ok(participant(f.p[1]), core::AcceptMeeting{.meeting = id});
  REQUIRE(f.meeting(id).status == core::MeetingStatus::Accepted);
  CHECK_FALSE(core::lapses(f.meeting(id)));
  CHECK(core::expiry_deadline(f.state, f.meeting(id)) == 0);
  CHECK(core::due_expiries(f.state, f.starts(slot) + 1000 * kMinute, 100).empty());
  CHECK(f.expire_at(id, f.starts(slot) + kMinute).error().code == "not_pending");
  CHECK(f.meeting(id).placement->slot == slot);
}

TEST_CASE(
    "offer lapse property: over random walks of offers, answers and time, an offer lapses at "
    "its slot's start and never before, and an accepted one stays booked") {
  int lapsed = 0, booked = 0;
  for (std::uint32_t seed = 1; seed <= 10; ++seed) {
    CAPTURE(seed);
    LapseFixture f(12);
    std::mt19937 rng(seed);
    for (const auto id : f.p) {
      if (rng() % 4 != 0) f.standby(id);
    }
    const auto slots = core::meeting_slots(f.state);
    std::map<core::MeetingId, core::Placement> accepted;
    for (int step = 0; step < 150; ++step) {
      f.clock += std::uniform_int_distribution<std::int64_t>(0, 6)(rng) * kMinute;
      const int action = std::uniform_int_distribution<int>(0, 9)(rng);
      if (action < 3) {
        // The organiser offers a slot that has not started.
        std::vector<core::SlotRef> ahead;
        for (const core::SlotRef s : slots) {
          if (f.starts(s) > f.clock) ahead.push_back(s);
        }
        if (ahead.empty()) continue;
        const auto offers =
            core::plan_refill_offers(f.state, test::taxonomy(), {ahead[rng() % ahead.size()]});
        for (const core::OfferSlot& o : offers) f.ok(organiser(), o);
      } else if (action < 7) {
        // Someone answers an open offer.
        std::vector<core::MeetingId> open;
        for (const auto& [id, m] : f.state.meetings) {
          if (core::lapses(m)) open.push_back(id);
        }
        if (open.empty()) continue;
        const core::Meeting& m = f.meeting(open[rng() % open.size()]);
        const core::ParticipantId who = rng() % 2 ? m.requester : m.invitee;
        if (action < 6) {
          (void)f.apply(participant(who), core::AcceptMeeting{.meeting = m.id});
          if (m.status == core::MeetingStatus::Accepted && m.placement) {
            accepted[m.id] = *m.placement;
            ++booked;
          }
        } else {
          (void)f.apply(participant(who), core::DeclineMeeting{.meeting = m.id});
        }
      } else {
        // The hub's look for due ones, now.
        const std::int64_t now = f.clock;
        const auto due = core::due_expiries(f.state, now, 1000);
        for (const core::MeetingId id : due) {
          const core::Meeting before = f.meeting(id);
          REQUIRE(core::lapses(before));
          const std::int64_t deadline = f.starts(before.preferred.front());
          REQUIRE(deadline <= now);
          CHECK(f.expire_at(id, deadline - 1).error().code == "not_due");
          REQUIRE(f.expire_at(id, now).ok());
          ++lapsed;
        }
        for (const auto& [id, m] : f.state.meetings) {
          if (core::lapses(m)) CHECK(f.starts(m.preferred.front()) > now);
        }
      }
      for (const auto& [id, placement] : accepted) {
        CHECK(f.meeting(id).status == core::MeetingStatus::Accepted);
        CHECK(f.meeting(id).placement == placement);
      }
    }
  }
  CHECK(lapsed > 5);
  CHECK(booked > 5);
}

TEST_CASE("hub offers: a freed slot not yet started goes to a pair on standby") {
  LapseFixture f;
  const core::SlotRef slot{f.morning, 2};
  const std::vector<core::Placement> freed = {{slot, 1}, {slot, 2}};  // one slot, twice
  // Nobody on standby: nothing.
  CHECK(core::offers_for_freed(f.state, test::taxonomy(), freed, f.clock).empty());
  for (int i = 0; i < 6; ++i) f.standby(f.p[i]);
  const auto offers = core::offers_for_freed(f.state, test::taxonomy(), freed, f.clock);
  REQUIRE(offers.size() == 1);
  CHECK(offers[0].slot == slot);
  CHECK(offers ==
        core::plan_refill_offers(f.state, test::taxonomy(), std::vector<core::SlotRef>{slot}));
  // A slot that has started is not offered.
  CHECK(core::offers_for_freed(f.state, test::taxonomy(), freed, f.starts(slot)).empty());
  CHECK(core::offers_for_freed(f.state, test::taxonomy(), freed, f.starts(slot) - 1).size() == 1);
  // In the event's time zone: 09:40 in Lisbon is 08:40 UTC.
  const core::LocalToUtc lisbon = summer_lisbon;
  CHECK(core::offers_for_freed(f.state, test::taxonomy(), freed, f.starts(slot, lisbon), lisbon)
            .empty());
}

TEST_CASE("hub offers: whoever declines an offer of a slot is not offered that slot again") {
  LapseFixture f;
  for (int i = 0; i < 6; ++i) f.standby(f.p[i]);
  const core::SlotRef slot{f.morning, 2};
  const auto first = core::offers_for_freed(f.state, test::taxonomy(), {{slot, 0}}, f.clock);
  REQUIRE(first.size() == 1);
  const auto applied = f.ok(organiser(), first[0]);
  const core::MeetingId id = std::get<core::OfferSlot>(applied.payload).meeting;
  const core::Operation decline{.id = "d",
                                .actor = participant(first[0].second),
                                .payload = core::DeclineMeeting{.meeting = id}};
  const auto freed = core::placements_freed(f.state, decline);
  REQUIRE(freed.size() == 1);
  f.ok(decline.actor, decline.payload);
  CHECK(core::turned_down_slot(f.state, first[0].second, slot));
  CHECK_FALSE(core::turned_down_slot(f.state, first[0].first, slot));
  CHECK(core::refill_problem(f.state, first[0].second, slot) == "turned this slot down");
  CHECK(core::refill_problem(f.state, first[0].second, {f.morning, 3}).empty());
  const auto again = core::offers_for_freed(f.state, test::taxonomy(), freed, f.clock);
  REQUIRE(again.size() == 1);
  CHECK(again[0].slot == slot);
  CHECK(again[0].first != first[0].second);
  CHECK(again[0].second != first[0].second);
  f.ok(organiser(), again[0]);
}
