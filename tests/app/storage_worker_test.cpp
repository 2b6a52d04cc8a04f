// The hub's storage thread: operations prepared on the network thread as the hub server hands
// them over (before_apply, the sequencer, append) end stored exactly as the sequencer's state.
#include <doctest/doctest.h>

#include <asio.hpp>

#include "app/hub/storage_worker.hpp"
#include "tests/storage/storage_fixture.hpp"

namespace crossmatch::test {
namespace {

TEST_CASE(
    "the storage thread stores what the sequencer applied, from rows read on the network thread") {
  TempDir dir;
  const auto file = dir / "event.db";
  EventScript script(41);
  const auto setup = script.set_up(10);
  auto store = open_store(file);
  REQUIRE(store->append(setup));
  REQUIRE(store->load());

  // Where the worker reports durability; not run here (the hub's network thread runs it), so its
  // reports are dropped with it, and what is durable is read from the store itself.
  asio::io_context network;
  hub::StorageWorker worker(*store, network);
  worker.start();
  core::Sequencer& sequencer = script.sequencer();
  std::int64_t clock = 1'790'000'000'000;
  int count = 0;
  // As the hub server submits: the log sees the state before and after each operation.
  const auto submit = [&](const core::Actor& actor, core::OperationPayload payload) {
    core::Operation op;
    op.id = "worker-" + std::to_string(++count);
    op.payload = std::move(payload);
    worker.before_apply(sequencer.state(), op);
    auto outcome = sequencer.submit(std::move(op), actor, clock += 1000);
    REQUIRE_MESSAGE(outcome, outcome.error().message);
    worker.append(outcome->applied, std::nullopt, sequencer.state());
    return outcome->applied;
  };

  const core::ParticipantId a = 1, b = 2, c = 3;
  // Someone unavailable in the autumn session, which is then removed: their row changes without
  // an operation of theirs (only the state before the removal says whose).
  const auto autumn =
      std::find_if(sequencer.state().sessions.begin(), sequencer.state().sessions.end(),
                   [](const auto& s) { return s.second.name == "Autumn meetings"; });
  REQUIRE(autumn != sequencer.state().sessions.end());
  const core::SessionId autumn_id = autumn->first;
  submit(participant(c), core::SetAvailability{.participant = c,
                                               .availability = {{{autumn_id, 0}, {autumn_id, 1}},
                                                                core::TimeOfDay::Any}});
  const auto request =
      submit(participant(a),
             core::RequestMeeting{.from = a, .to = b, .message = "Shall we talk about tiles?"});
  const core::MeetingId meeting = std::get<core::RequestMeeting>(request.payload).meeting;
  submit(participant(b), core::AcceptMeeting{.meeting = meeting});
  submit(participant(a), core::GiveFeedback{.meeting = meeting,
                                            .held = core::HeldState::Held,
                                            .rating = 5,
                                            .comment = "Very useful"});
  submit(organiser(), core::RemoveSession{.session = autumn_id});
  submit(participant(b), core::Erase{.participant = b});
  CHECK(sequencer.state().participants.at(c).availability.unavailable.empty());

  worker.stop();
  CHECK(worker.commits() >= 1);
  CHECK(store->last_sequence() == sequencer.last_sequence());
  auto loaded = store->load();
  REQUIRE(loaded);
  check_same_state(loaded->state, sequencer.state());
  check_same_state(replay_log(*store), sequencer.state());
  // And the same from the file alone, as a restarted hub reads it.
  store.reset();
  auto reopened = open_store(file, false);
  auto again = reopened->load();
  REQUIRE(again);
  check_same_state(again->state, sequencer.state());
}

}  // namespace
}  // namespace crossmatch::test
