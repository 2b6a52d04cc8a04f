// A small event for tests: created, with sessions, tables and participants from the demo
// generator, driven through the same apply function the hub uses.
#pragma once

#include <doctest/doctest.h>
#include <array>

#include <string>

#include "core/demo_event.hpp"
#include "core/event/apply.hpp"
#include "core/event/calendar.hpp"
#include "core/event/check_in_code.hpp"
#include "core/event/event_index.hpp"
#include "core/event/statistics.hpp"
#include "tests/test_assets.hpp"

namespace crossmatch::test {

inline core::Actor organiser() {
  return {core::Role::Organiser, 0};
}
inline core::Actor broker() {
  return {core::Role::Broker, 0};
}
inline core::Actor helper() {
  return {core::Role::Helper, 0};
}
inline core::Actor participant(core::ParticipantId id) {
  return {core::Role::Participant, id};
}
inline core::Actor newcomer() {
  return {core::Role::Participant, 0};
}

inline std::int64_t date(const char* text) {
  std::int64_t days = 0;
  REQUIRE(core::parse_date(text, days));
  return days;
}

class EventFixture {
 public:
  core::EventState state;
  std::int64_t clock = 1'780'000'000'000;  // unix ms, advanced per operation

  // Applies as the hub does; the result as returned by apply_operation.
  core::Result<core::Operation> apply(const core::Actor& actor, core::OperationPayload payload) {
    core::Operation op;
    op.id = "op-" + std::to_string(++counter_);
    op.actor = actor;
    op.at = (clock += 1000);
    op.payload = std::move(payload);
    return core::apply_operation(state, taxonomy(), op);
  }

  // Applies and requires success.
  core::Operation ok(const core::Actor& actor, core::OperationPayload payload) {
    auto r = apply(actor, std::move(payload));
    REQUIRE_MESSAGE(r.ok(),
                    (r.ok() ? std::string()
                            : r.error().code + " " + r.error().field + ": " + r.error().message));
    return *r;
  }

  // Applies, requires refusal with `code`, and checks the state did not change.
  core::Error refused(const core::Actor& actor, core::OperationPayload payload,
                      const std::string& code) {
    const core::EventState before = state;
    const auto stats_before = core::statistics(state);
    auto r = apply(actor, std::move(payload));
    REQUIRE_FALSE_MESSAGE(r.ok(), "expected refusal " << code);
    CHECK_MESSAGE(r.error().code == code,
                  r.error().code << " " << r.error().field << ": " << r.error().message);
    CHECK_FALSE(r.error().message.empty());
    CHECK(state == before);
    CHECK(core::statistics(state) == stats_before);
    return r.error();
  }

  // Creates the event, opens registration, a two-day meeting session layout and tables.
  void set_up(int tables = 4, int slots_per_session = 6) {
    ok(organiser(), core::CreateEvent{.name = "Cross Innovation Lisbon",
                                      .time_zone = "Europe/Lisbon",
                                      .join_code = "LISBON-2026"});
    ok(organiser(), core::SetRegistration{.open = true});
    const int minutes = 20;
    ok(organiser(), define_session("Morning meetings", "2026-05-14", 9 * 60,
                                   9 * 60 + slots_per_session * minutes));
    morning = state.sessions.rbegin()->first;
    ok(organiser(), define_session("Afternoon meetings", "2026-05-14", 14 * 60,
                                   14 * 60 + slots_per_session * minutes));
    afternoon = state.sessions.rbegin()->first;
    for (int t = 1; t <= tables; ++t)
      ok(organiser(), core::DefineTable{.name = "Table " + std::to_string(t)});
  }

  core::DefineSession define_session(const std::string& name, const char* day, int start, int end,
                                     core::SessionKind kind = core::SessionKind::Meetings) {
    core::DefineSession d;
    d.name = name;
    d.kind = kind;
    d.date = date(day);
    d.start = start;
    d.end = end;
    d.slot_minutes = 20;
    return d;
  }

  // Registers `n` demo participants (seeded) and returns their ids.
  std::vector<core::ParticipantId> register_people(int n, std::uint64_t seed = 11) {
    auto people = core::generate_demo_participants(taxonomy(), demo_vocabulary(), {n, seed});
    REQUIRE(people.ok());
    std::vector<core::ParticipantId> ids;
    for (auto& dp : *people) {
      dp.profile.consent.suggestions = true;
      auto applied = ok(
          newcomer(), core::Register{.profile = dp.profile, .check_in_code = next_check_in_code()});
      ids.push_back(std::get<core::Register>(applied.payload).participant);
    }
    return ids;
  }

  // A check-in code as the hub would draw one: distinct for each call in this fixture.
  std::string next_check_in_code() {
    const std::uint64_t n = 0x5A5A5A5A5AULL + 7919 * ++codes_drawn_;
    std::array<std::uint8_t, core::kCheckInCodeBytes> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i)
      bytes[i] = static_cast<std::uint8_t>(n >> (8 * (bytes.size() - 1 - i)));
    return core::check_in_code_from_bytes(bytes);
  }
  std::uint64_t codes_drawn_ = 0;

  core::MeetingId request(core::ParticipantId from, core::ParticipantId to,
                          std::vector<core::SlotRef> preferred = {}) {
    auto applied = ok(participant(from), core::RequestMeeting{.from = from,
                                                              .to = to,
                                                              .message = "Shall we meet?",
                                                              .preferred = std::move(preferred)});
    return std::get<core::RequestMeeting>(applied.payload).meeting;
  }

  const core::Meeting& meeting(core::MeetingId id) const { return state.meetings.at(id); }

  core::SessionId morning = 0;
  core::SessionId afternoon = 0;

 private:
  int counter_ = 0;
};

}  // namespace crossmatch::test
