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

TEST_CASE("operation ids belong to their actor: another's id is refused, not acknowledged") {
  core::Sequencer sequencer(test::taxonomy());
  core::Operation create;
  create.id = "org:1";
  create.payload = core::CreateEvent{.name = "Event", .time_zone = "UTC", .join_code = "CODE-1"};
  REQUIRE(sequencer.submit(create, test::organiser(), 1000).ok());
  core::Operation open;
  open.id = "org:2";
  open.payload = core::SetRegistration{.open = true};
  REQUIRE(sequencer.submit(open, test::organiser(), 1100).ok());

  // Participant 3 sends the organiser's id: refused, nothing about the organiser's operation.
  core::Operation withdraw;
  withdraw.id = "org:1";
  withdraw.payload = core::Withdraw{.participant = 3};
  auto stolen = sequencer.submit(withdraw, test::participant(3), 2000);
  REQUIRE_FALSE(stolen.ok());
  CHECK(stolen.error().code == "id_in_use");
  CHECK(stolen.error().field == "op.id");
  CHECK(sequencer.last_sequence() == 2);
  // A broker or a newcomer neither.
  CHECK(sequencer.submit(open, test::broker(), 2100).error().code == "id_in_use");
  CHECK(sequencer.submit(open, test::newcomer(), 2200).error().code == "id_in_use");
  // The organiser's own resend is still a duplicate.
  auto own = sequencer.submit(open, test::organiser(), 2300);
  REQUIRE(own.ok());
  CHECK(own->duplicate);
  CHECK(own->applied.sequence == 2);
}
