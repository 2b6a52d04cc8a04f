// A demo event for the client's tests: built with the hub's own event set-up and the apply
// function every replica uses, then handed to a ClientSession as if the hub had sent it. The
// session's connection is never started, so what the views submit stays in its outbox, where
// the tests read it.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "app/hub/event_setup.hpp"
#include "core/event/apply.hpp"
#include "core/event/auto_schedule.hpp"
#include "core/event/calendar.hpp"
#include "tests/test_assets.hpp"

namespace crossmatch::test {

// The first operation of type T among those a screen sent, if any.
template <class T>
std::optional<T> find_payload(const std::vector<core::OperationPayload>& payloads) {
  for (const auto& p : payloads) {
    if (const T* t = std::get_if<T>(&p)) return *t;
  }
  return std::nullopt;
}

class ClientFixture {
 public:
  core::EventState state;
  std::int64_t clock = 1'780'000'000'000;
  std::uint64_t seq = 0;
  net::MemoryOutbox outbox;

  explicit ClientFixture(int participants = 40) {
    hub::EventSetup setup;
    setup.name = "Cross Innovation Lisbon";
    setup.time_zone = "Europe/Lisbon";
    setup.first_day = core::days_from_civil(2026, 5, 14);
    setup.demo_participants = participants;
    auto demo = core::generate_demo_participants(taxonomy(), demo_vocabulary(), {participants, 1});
    REQUIRE(demo.ok());
    for (auto& op : hub::event_operations(setup, "LISBON-2026", *demo, clock)) apply(std::move(op));
  }

  // Applies as the hub does; requires success; returns the applied operation.
  core::Operation apply(core::Operation op) {
    op.at = (clock += 1000);
    op.sequence = ++seq;
    if (op.id.empty()) op.id = "t-" + std::to_string(seq);
    auto r = core::apply_operation(state, taxonomy(), op);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().message));
    return *r;
  }
  core::Operation apply(const core::Actor& actor, core::OperationPayload payload) {
    core::Operation op;
    op.actor = actor;
    op.payload = std::move(payload);
    return apply(std::move(op));
  }
  static core::Actor person(core::ParticipantId id) { return {core::Role::Participant, id}; }
  core::MeetingId request(core::ParticipantId from, core::ParticipantId to,
                          std::string message = "Shall we meet?") {
    auto op = apply(person(from),
                    core::RequestMeeting{.from = from, .to = to, .message = std::move(message)});
    return std::get<core::RequestMeeting>(op.payload).meeting;
  }
  void accept(core::ParticipantId who, core::MeetingId meeting) {
    apply(person(who), core::AcceptMeeting{.meeting = meeting});
  }

  // A session over this state for `role` (and participant `me`), working offline.
  std::unique_ptr<client::ClientSession> session(core::Role role, core::ParticipantId me = 0) {
    auto s = std::make_unique<client::ClientSession>(taxonomy(), outbox);
    s->restore(state, seq, role, me);
    net::ClientOptions options;
    options.port = 1;
    s->use_offline_connection(options);
    return s;
  }

  // Marks a session's connection online, as the hub's welcome does: what needs the hub (a plan)
  // may then be asked for; it goes nowhere until a test answers it.
  static void go_online(client::ClientSession& session) {
    session.handle(net::StateChanged{net::ConnectionState::Online, "", 0}, 0);
  }

  // Answers the session's plan requests as the hub does: plans each on this state (at most
  // `steps` search steps) and hands the plan back, as stopped early when `stopped`.
  void answer_plans(client::ClientSession& session, bool stopped = false,
                    std::uint64_t steps = 2'000'000) {
    for (const net::PlanSchedule& request : session.pending_plans()) {
      core::SearchBudget budget(steps);
      auto plan = core::plan_auto_schedule(state, request.sessions, request.allow_moves, budget);
      net::SchedulePlanned planned;
      planned.id = request.id;
      planned.as_of = seq;
      planned.seconds = 1.5;
      planned.stopped = stopped;
      if (plan) {
        planned.plan = std::move(*plan);
        planned.plan.report.seconds = planned.seconds;
      } else {
        planned.error = plan.error();
      }
      session.handle(net::ClientEvent{std::move(planned)}, clock);
    }
  }

  // The payloads waiting in the outbox, in order.
  std::vector<core::OperationPayload> submitted() {
    auto pending = outbox.pending();
    REQUIRE(pending.ok());
    std::vector<core::OperationPayload> out;
    for (auto& op : *pending) out.push_back(op.payload);
    return out;
  }
};

}  // namespace crossmatch::test
