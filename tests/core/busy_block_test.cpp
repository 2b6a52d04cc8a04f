// Busy blocks: a plenary session (a keynote) closes every meeting slot that overlaps it. Booking
// at such a slot is refused saying which plenary, the hub's placement and the auto-schedule pass
// over it, a plenary cannot be laid over meetings already booked, and over random walks of
// requests, answers, other slots and auto-schedules nothing is ever booked during one.
#include <doctest/doctest.h>

#include <random>

#include "core/event/auto_schedule.hpp"
#include "core/event/busy_blocks.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

namespace {

// The morning session runs 9:00-11:00 in slots of 20 minutes; the keynote 9:00-9:45 closes the
// first three (9:40-10:00 overlaps it).
struct KeynoteFixture : test::EventFixture {
  std::vector<core::ParticipantId> p;
  core::SessionId keynote = 0;
  explicit KeynoteFixture(core::BookingMode booking = core::BookingMode::Instant) {
    set_up(3, 6);
    if (booking != core::BookingMode::Instant) {
      core::EventSettings s = state.event.settings;
      s.booking = booking;
      ok(organiser(), core::SetSettings{.settings = s});
    }
    p = register_people(8);
    ok(organiser(),
       define_session("Opening", "2026-05-14", 9 * 60, 9 * 60 + 45, core::SessionKind::Plenary));
    keynote = state.sessions.rbegin()->first;
  }
  bool in_keynote(const core::Placement& placement) const {
    return core::busy_block_at(state, placement.slot) != nullptr;
  }
};

}  // namespace

TEST_CASE("busy blocks: the slots a plenary session overlaps") {
  KeynoteFixture f;
  for (int i = 0; i < 6; ++i) {
    CAPTURE(i);
    const core::Session* block = core::busy_block_at(f.state, {f.morning, i});
    CHECK((block != nullptr) == (i < 3));
    if (block != nullptr) CHECK(block->id == f.keynote);
    CHECK(core::busy_block_at(f.state, {f.afternoon, i}) == nullptr);
  }
  CHECK(core::describe_busy_block(f.state.sessions.at(f.keynote)) ==
        "the plenary session 'Opening', Thu 14 May 09:00-09:45");
}

TEST_CASE("busy blocks: booking at a slot during the keynote is refused, saying which") {
  KeynoteFixture f;
  const core::MeetingId id = f.request(f.p[0], f.p[1]);
  const core::Error e = f.refused(
      participant(f.p[1]), core::AcceptMeeting{.meeting = id, .slot = core::SlotRef{f.morning, 1}},
      "slot_unavailable");
  CHECK(e.message.find("overlaps the plenary session 'Opening', Thu 14 May 09:00-09:45") !=
        std::string::npos);
  // The nearest free slots it offers are after the keynote.
  CHECK(e.message.find("10:00") != std::string::npos);
  f.refused(participant(f.p[1]), core::ProposeSlot{.meeting = id, .slot = {f.morning, 0}},
            "slot_unavailable");
  // Accepting without a slot books the first one after the keynote.
  f.ok(participant(f.p[1]), core::AcceptMeeting{.meeting = id});
  REQUIRE(f.meeting(id).placement);
  CHECK(f.meeting(id).placement->slot == core::SlotRef{f.morning, 3});
  // Even a preferred slot during the keynote is passed over.
  const core::MeetingId asked = f.request(f.p[2], f.p[3], {{f.morning, 2}, {f.morning, 4}});
  f.ok(participant(f.p[3]), core::AcceptMeeting{.meeting = asked});
  CHECK(f.meeting(asked).placement->slot == core::SlotRef{f.morning, 4});
}

TEST_CASE("busy blocks: a plenary session is not laid over meetings already booked") {
  KeynoteFixture f;
  const core::MeetingId id = f.request(f.p[0], f.p[1]);
  f.ok(participant(f.p[1]), core::AcceptMeeting{.meeting = id});  // 10:00
  const core::Error e = f.refused(organiser(),
                                  f.define_session("Lunch keynote", "2026-05-14", 9 * 60 + 50,
                                                   10 * 60 + 30, core::SessionKind::Plenary),
                                  "in_use");
  CHECK(e.message.find("1 meeting is booked during") != std::string::npos);
  // Another day, or once the meeting is cancelled, it is fine.
  f.ok(organiser(), f.define_session("Day two keynote", "2026-05-15", 9 * 60, 10 * 60,
                                     core::SessionKind::Plenary));
  f.ok(participant(f.p[0]), core::CancelMeeting{.meeting = id});
  f.ok(organiser(), f.define_session("Lunch keynote", "2026-05-14", 9 * 60 + 50, 10 * 60 + 30,
                                     core::SessionKind::Plenary));
}

TEST_CASE("busy blocks: the auto-schedule and the organiser's placements keep out of them") {
  KeynoteFixture f(core::BookingMode::Deferred);
  std::vector<core::MeetingId> ids;
  for (auto [a, b] : {std::pair{0, 1}, {0, 2}, {0, 3}, {1, 2}, {4, 5}, {6, 7}, {4, 6}, {5, 7}}) {
    const auto m = f.request(f.p[a], f.p[b]);
    f.ok(participant(f.p[b]), core::AcceptMeeting{.meeting = m});
    ids.push_back(m);
  }
  core::SearchBudget budget(200000);
  auto plan = core::plan_auto_schedule(f.state, {f.morning}, false, budget);
  REQUIRE(plan.ok());
  CHECK(plan->report.placed > 0);
  for (const auto& [id, placement] : plan->operation.placements)
    CHECK_FALSE(f.in_keynote(placement));
  f.ok(organiser(), plan->operation);
  // Placed (or moved) by hand during the keynote: refused.
  core::MeetingId unplaced = ids[0];
  for (const auto id : ids) {
    if (!f.meeting(id).placement) unplaced = id;
  }
  const core::Error e =
      f.refused(organiser(),
                core::ApplySchedule{.sessions = {f.morning},
                                    .moves_allowed = true,
                                    .placements = {{unplaced, core::Placement{{f.morning, 0}, 1}}}},
                "conflict");
  CHECK(e.message.find("plenary session 'Opening'") != std::string::npos);
}

TEST_CASE("busy blocks property: over random walks nothing is booked during a plenary") {
  int booked = 0;
  for (std::uint32_t seed = 1; seed <= 10; ++seed) {
    CAPTURE(seed);
    KeynoteFixture f(seed % 2 == 0 ? core::BookingMode::Deferred : core::BookingMode::Instant);
    // A second block in the afternoon, inside the session (14:20-14:50).
    f.ok(organiser(), f.define_session("Panel", "2026-05-14", 14 * 60 + 20, 14 * 60 + 50,
                                       core::SessionKind::Plenary));
    std::mt19937 rng(seed);
    const auto pick = [&] { return f.p[std::uniform_int_distribution<std::size_t>(0, 7)(rng)]; };
    const auto any_slot = [&] {
      return core::SlotRef{rng() % 2 == 0 ? f.morning : f.afternoon,
                           std::uniform_int_distribution<int>(0, 5)(rng)};
    };
    for (int step = 0; step < 120; ++step) {
      const int action = std::uniform_int_distribution<int>(0, 9)(rng);
      if (action < 4) {
        const auto a = pick(), b = pick();
        (void)f.apply(participant(a),
                      core::RequestMeeting{.from = a, .to = b, .preferred = {any_slot()}});
      } else if (action < 8) {
        std::vector<core::MeetingId> pending;
        for (const auto& [id, m] : f.state.meetings) {
          if (m.status == core::MeetingStatus::Requested) pending.push_back(id);
        }
        if (pending.empty()) continue;
        const core::Meeting& m = f.meeting(pending[rng() % pending.size()]);
        if (action == 4) {
          (void)f.apply(participant(m.invitee), core::ProposeSlot{m.id, any_slot()});
        } else {
          const core::ParticipantId who = m.invitee_accepted ? m.requester : m.invitee;
          std::optional<core::SlotRef> slot;
          if (action == 5) slot = any_slot();
          (void)f.apply(participant(who), core::AcceptMeeting{.meeting = m.id, .slot = slot});
        }
      } else if (action == 8) {
        core::SearchBudget budget(20000);
        auto plan =
            core::plan_auto_schedule(f.state, {f.morning, f.afternoon}, rng() % 2 == 0, budget);
        if (plan.ok()) (void)f.apply(organiser(), plan->operation);
      } else {
        for (const auto& [id, m] : f.state.meetings) {
          if (m.open() && rng() % 4 == 0) {
            (void)f.apply(participant(m.requester), core::CancelMeeting{.meeting = id});
            break;
          }
        }
      }
      for (const auto& [id, m] : f.state.meetings) {
        if (!m.placement) continue;
        CHECK_FALSE(f.in_keynote(*m.placement));
        booked += m.status == core::MeetingStatus::Accepted;
      }
    }
  }
  CHECK(booked > 100);  // the walks did book meetings, around the blocks
}
