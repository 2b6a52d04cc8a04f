// Random operations from many actors, with every invariant checked after every step, and a replica
// fed the applied operations (through their JSON) that must end equal to the hub's state.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/event/json_codec.hpp"
#include "core/event/session_slots.hpp"
#include "core/random.hpp"
#include "tests/core/random_operations.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;

namespace {

// The first broken invariant, or empty. Plain checks: this runs after every one of 100,000 steps.
std::string broken_invariant(const core::EventState& s, const core::Taxonomy& taxonomy) {
  std::size_t placed = 0;
  for (const auto& [id, m] : s.meetings) {
    const std::string what = "meeting " + std::to_string(id) + ": ";
    const core::Participant* a = s.participant(m.requester);
    const core::Participant* b = s.participant(m.invitee);
    if (a == nullptr || b == nullptr) return what + "a person does not exist";
    if (m.requester == m.invitee) return what + "meets themself";
    if (m.open() && m.held == core::HeldState::Unknown && (!a->active() || !b->active()))
      return what + "open with someone who is not active";
    if (!m.placement) continue;
    if (m.status != core::MeetingStatus::Accepted) return what + "booked but not accepted";
    if (!core::slot_exists(s, m.placement->slot) || s.table(m.placement->table) == nullptr)
      return what + "booked in a slot or at a table that does not exist";
    ++placed;
    // Each booking's keys lead back to this meeting, and there are exactly as many keys as
    // bookings need: so no person and no table holds two meetings in one slot.
    const auto leads_here = [&](const std::unordered_map<std::uint64_t, core::MeetingId>& index,
                                std::uint64_t key) {
      const auto it = index.find(key);
      return it != index.end() && it->second == id;
    };
    if (!leads_here(s.index.person_slot, core::person_slot_key(m.requester, m.placement->slot)) ||
        !leads_here(s.index.person_slot, core::person_slot_key(m.invitee, m.placement->slot)))
      return what + "a person is double-booked";
    if (!leads_here(s.index.table_slot,
                    core::table_slot_key(m.placement->table, m.placement->slot)))
      return what + "a table is double-booked";
    if (m.held == core::HeldState::Unknown) {
      for (const core::Participant* p : {a, b}) {
        const auto& u = p->availability.unavailable;
        if (std::binary_search(u.begin(), u.end(), m.placement->slot))
          return what + "booked in an unavailable slot";
      }
    }
  }
  if (s.index.person_slot.size() != 2 * placed) return "the person index holds other bookings";
  if (s.index.table_slot.size() != placed) return "the table index holds other bookings";
  if (core::statistics(s) != core::recount_statistics(s, taxonomy))
    return "the statistics differ from a recount";
  return {};
}

void run(std::uint64_t seed, int steps) {
  test::EventFixture hub;
  hub.set_up(4, 6);
  hub.ok(test::organiser(),
         hub.define_session("Teams", "2026-05-15", 9 * 60, 10 * 60, core::SessionKind::TeamRound));
  hub.ok(test::organiser(), core::DefineTable{.name = "Team table A", .seats = 4});
  hub.ok(test::organiser(), core::DefineTable{.name = "Team table B", .seats = 4});
  hub.ok(test::organiser(), hub.define_session("Pitches", "2026-05-15", 10 * 60, 11 * 60,
                                               core::SessionKind::Pitching));
  hub.ok(test::organiser(), hub.define_session("Clinic", "2026-05-15", 11 * 60, 12 * 60,
                                               core::SessionKind::PolicyClinic));
  hub.register_people(24, seed);
  auto pool_people = core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(),
                                                      {60, seed + 1000});
  REQUIRE(pool_people.ok());
  std::vector<core::Profile> pool;
  for (const auto& dp : *pool_people) pool.push_back(dp.profile);

  // The replica starts from the hub's state through JSON, as a client's snapshot would.
  auto replica = core::state_from_json(core::state_to_json(hub.state), test::taxonomy());
  REQUIRE(replica.ok());

  test::OperationSource source(seed, hub.state);
  int applied = 0;
  std::map<std::string, int> refusal_codes;
  for (int step = 0; step < steps; ++step) {
    core::Operation op = source.next(pool);
    op.at = (hub.clock += 500);
    auto result = core::apply_operation(hub.state, test::taxonomy(), op);
    if (result) {
      ++applied;
      auto wire = core::operation_from_json(core::operation_to_json(*result));
      REQUIRE(wire.ok());
      REQUIRE(*wire == *result);
      auto followed =
          core::apply_operation(*replica, test::taxonomy(), *wire, core::ApplyMode::Follow);
      REQUIRE_MESSAGE(followed.ok(), (followed.ok() ? "" : followed.error().message));
    } else {
      ++refusal_codes[result.error().code];
      REQUIRE_FALSE(result.error().message.empty());
    }
    const std::string broken = broken_invariant(hub.state, test::taxonomy());
    if (!broken.empty())
      FAIL("after step " << step << " (" << core::operation_to_json(op) << "): " << broken);
    if (step % 2000 == 0) REQUIRE(*replica == hub.state);
  }
  CHECK(*replica == hub.state);
  CHECK(core::statistics(*replica) == core::statistics(hub.state));
  // The walk did real work and met the rules.
  CHECK(applied > steps / 5);
  CHECK(core::statistics(hub.state).accepted > 0);
  CHECK(refusal_codes.count("forbidden"));
  CHECK(refusal_codes.count("slot_unavailable"));
  std::string codes;
  for (const auto& [code, n] : refusal_codes) codes += code + "=" + std::to_string(n) + " ";
  MESSAGE(codes);
  MESSAGE("active " << core::statistics(hub.state).participants << " seed " << seed << ": "
                    << applied << " of " << steps << " applied, " << hub.state.meetings.size()
                    << " meetings, " << refusal_codes.size() << " kinds of refusal");
}

}  // namespace

TEST_CASE("100,000 random operations keep every invariant, and replicas end equal" *
          doctest::test_suite("slow")) {
  for (const std::uint64_t seed : {1, 2, 3, 4, 5}) {
    CAPTURE(seed);
    run(seed, 20000);
  }
}
