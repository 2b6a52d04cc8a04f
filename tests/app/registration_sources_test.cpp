// The organiser's view of where newcomers registered from, and removing a flood in one action.
#include <doctest/doctest.h>

#include "app/client/state/registration_sources.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

TEST_CASE("registrations by address: the flood shows first; removing it erases exactly those") {
  test::EventFixture f;
  f.set_up();
  const auto people = f.register_people(9);
  std::map<core::ParticipantId, std::string> from;
  for (int i = 0; i < 6; ++i) from[people[i]] = "198.51.100.7";  // one device, six accounts
  from[people[6]] = "192.0.2.10";
  from[people[7]] = "192.0.2.11";
  from[people[8]] = "192.0.2.11";
  from[999] = "203.0.113.1";  // not in the replica yet: left out

  auto rows = client::registrations_by_address(f.state, from);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].address == "198.51.100.7");
  CHECK(rows[0].people.size() == 6);
  CHECK(rows[1].address == "192.0.2.11");
  CHECK(rows[1].people.size() == 2);
  CHECK(rows[2].people.size() == 1);

  // The fake accounts piled requests on a real person.
  for (int i = 0; i < 6; ++i) f.request(people[i], people[8]);
  auto plan = client::plan_address_removal(f.state, from, "198.51.100.7", 4);
  REQUIRE(plan);
  CHECK(plan->question == "Remove the 6 people registered from 198.51.100.7?");
  CHECK(plan->confirm_label == "Remove 6");
  // Who will be removed is named (here the first four), then how many more.
  const std::string first = f.state.participant(people[0])->profile.display_name;
  CHECK(plan->consequences[1].find(first) == 0);
  CHECK(plan->consequences.back() == "... and 2 more");
  REQUIRE(plan->operations.size() == 6);
  for (const core::OperationPayload& op : plan->operations) {
    REQUIRE(std::holds_alternative<core::Erase>(op));
    f.ok(organiser(), op);
  }
  for (int i = 0; i < 6; ++i)
    CHECK(f.state.participant(people[i])->status == core::ParticipantStatus::Erased);
  CHECK(f.state.participant(people[6])->status == core::ParticipantStatus::Active);
  // The person they buried has no request waiting any more.
  CHECK(f.state.index.incoming_requests.count(people[8]) == 0);
  rows = client::registrations_by_address(f.state, from);
  CHECK(rows.size() == 2);
  CHECK_FALSE(client::plan_address_removal(f.state, from, "198.51.100.7"));
}
