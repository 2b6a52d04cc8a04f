#include <doctest/doctest.h>

#include "core/event/sequencer.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;

TEST_CASE("the sequencer numbers applied operations and applies a resend once") {
  core::Sequencer sequencer(test::taxonomy());
  core::Operation create;
  create.id = "org:1";
  create.payload = core::CreateEvent{.name = "Event", .time_zone = "UTC", .join_code = "CODE-1"};
  // The actor and the time are the hub's, whatever the client claims.
  create.actor = test::participant(5);
  create.at = 42;
  auto first = sequencer.submit(create, test::organiser(), 1000);
  REQUIRE(first.ok());
  CHECK(first->applied.sequence == 1);
  CHECK(first->applied.at == 1000);
  CHECK(first->applied.actor == test::organiser());
  CHECK_FALSE(first->duplicate);

  auto resend = sequencer.submit(create, test::organiser(), 2000);
  REQUIRE(resend.ok());
  CHECK(resend->duplicate);
  CHECK(resend->applied.sequence == 1);
  CHECK(sequencer.last_sequence() == 1);

  core::Operation open;
  open.id = "org:2";
  open.payload = core::SetRegistration{.open = true};
  auto refused = sequencer.submit(open, test::broker(), 3000);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "forbidden");
  CHECK(sequencer.last_sequence() == 1);  // a refusal takes no number
  auto applied = sequencer.submit(open, test::organiser(), 3000);
  REQUIRE(applied.ok());
  CHECK(applied->applied.sequence == 2);
  CHECK(sequencer.state().event.registration_open);
}
