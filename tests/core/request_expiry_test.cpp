// Request expiry: the organiser's setting (off, 15 minutes to 3 days), the hub's expire_request
// checked against its own time, what an expired request frees and who is told, and properties
// over random walks: an expiry is applied once, never early, and frees the pair's slot.
#include <doctest/doctest.h>

#include <random>

#include "core/event/operation_catalogue.hpp"
#include "core/event/privacy.hpp"
#include "core/event/request_expiry.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

namespace {

constexpr std::int64_t kMinuteMs = 60'000;

struct ExpiryFixture : test::EventFixture {
  std::vector<core::ParticipantId> p;
  explicit ExpiryFixture(int minutes = 60) {
    set_up();
    p = register_people(6);
    set_expiry(minutes);
  }
  void set_expiry(int minutes) {
    core::EventSettings s = state.event.settings;
    s.request_expiry_minutes = minutes;
    ok(organiser(), core::SetSettings{.settings = s});
  }
  // The hub's expiry at `at` (unix ms).
  core::Result<core::Operation> expire_at(core::MeetingId meeting, std::int64_t at) {
    core::Operation op;
    op.id = "hub-expire-" + std::to_string(meeting) + "-" + std::to_string(at);
    op.actor = organiser();
    op.at = at;
    op.payload = core::ExpireRequest{meeting};
    return core::apply_operation(state, test::taxonomy(), op);
  }
};

}  // namespace

TEST_CASE("request expiry: the setting is off or 15 minutes to 3 days") {
  ExpiryFixture f(0);
  CHECK(f.state.event.settings.request_expiry_minutes == 0);
  for (const int minutes : core::kRequestExpiryChoices) f.set_expiry(minutes);
  f.set_expiry(45);  // any minute in the range, though the screen offers the choices
  for (const int bad : {-1, 1, 14, 3 * 24 * 60 + 1}) {
    core::EventSettings s = f.state.event.settings;
    s.request_expiry_minutes = bad;
    const core::Error e = f.refused(organiser(), core::SetSettings{.settings = s}, "out_of_range");
    CHECK(e.field == "settings.request_expiry_minutes");
  }
  CHECK(core::format_expiry(0) == "off");
  CHECK(core::format_expiry(15) == "15 min");
  CHECK(core::format_expiry(120) == "2 h");
  CHECK(core::format_expiry(90) == "1 h 30 min");
  CHECK(core::format_expiry(1440) == "1 day");
  CHECK(core::format_expiry(4320) == "3 days");
}

TEST_CASE("request expiry: a pending request expires at its deadline, not before") {
  ExpiryFixture f(60);
  const core::MeetingId id = f.request(f.p[0], f.p[1]);
  const std::int64_t deadline = f.meeting(id).requested_at + 60 * kMinuteMs;
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
  CHECK(m.close_reason.find("1 h") != std::string::npos);
  CHECK(core::due_expiries(f.state, deadline + 1000 * kMinuteMs, 100).empty());
  // The sender's allowance is back, and the pair may ask again.
  CHECK(f.state.index.open_requests[f.p[0]] == 0);
  CHECK(f.state.index.incoming_requests[f.p[1]] == 0);
  f.request(f.p[0], f.p[1]);
}

TEST_CASE(
    "request expiry: only the organiser (the hub) sends it; answered requests and "
    "introductions do not expire; off means never") {
  ExpiryFixture f(15);
  const core::MeetingId id = f.request(f.p[0], f.p[1]);
  f.clock += 16 * kMinuteMs;
  f.refused(participant(f.p[1]), core::ExpireRequest{id}, "forbidden");
  f.refused(participant(f.p[0]), core::ExpireRequest{id}, "forbidden");

  const core::MeetingId answered = f.request(f.p[2], f.p[3]);
  f.ok(participant(f.p[3]), core::AcceptMeeting{.meeting = answered});
  const auto intro =
      f.ok(test::broker(), core::Introduce{.first = f.p[4], .second = f.p[5], .note = "Meet"});
  const core::MeetingId introduced = std::get<core::Introduce>(intro.payload).meeting;
  f.clock += 60 * kMinuteMs;
  f.refused(organiser(), core::ExpireRequest{answered}, "not_pending");
  f.refused(organiser(), core::ExpireRequest{introduced}, "not_a_request");
  f.refused(organiser(), core::ExpireRequest{9999}, "not_found");
  CHECK(core::due_expiries(f.state, f.clock, 100) == std::vector<core::MeetingId>{id});

  f.set_expiry(0);
  CHECK(core::due_expiries(f.state, f.clock + 1000 * kMinuteMs, 100).empty());
  f.refused(organiser(), core::ExpireRequest{id}, "expiry_off");
}

TEST_CASE("request expiry: the sender is told it expired, the person asked too, nobody else") {
  ExpiryFixture f(30);
  const core::MeetingId id = f.request(f.p[0], f.p[1]);
  f.clock += 31 * kMinuteMs;
  const core::Operation applied = f.ok(organiser(), core::ExpireRequest{id});
  const auto notice_for = [&](core::ParticipantId me) {
    return core::notice(applied, f.state, core::Role::Participant, me);
  };
  const auto sender = notice_for(f.p[0]);
  REQUIRE(sender);
  CHECK(sender->text == "Your request to {person} expired");
  CHECK(sender->person == f.p[1]);
  const auto asked = notice_for(f.p[1]);
  REQUIRE(asked);
  CHECK(asked->person == f.p[0]);
  CHECK_FALSE(notice_for(f.p[2]));
  // Only its two people (and organisers and brokers) get a copy.
  CHECK(
      core::view_operation(applied, f.state, core::Viewer{core::Role::Participant, f.p[0]}, false));
  CHECK_FALSE(
      core::view_operation(applied, f.state, core::Viewer{core::Role::Participant, f.p[2]}, false));
}

TEST_CASE(
    "request expiry property: over random walks an expiry applies once, never early, and "
    "frees the pair's slot") {
  int total_expired = 0;
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    CAPTURE(seed);
    ExpiryFixture f(15 * (1 + static_cast<int>(seed % 4)));
    std::mt19937 rng(seed);
    const int minutes = f.state.event.settings.request_expiry_minutes;
    const auto pick = [&] { return f.p[std::uniform_int_distribution<std::size_t>(0, 5)(rng)]; };
    int expired = 0;
    for (int step = 0; step < 80; ++step) {
      f.clock += std::uniform_int_distribution<std::int64_t>(0, minutes / 3)(rng) * kMinuteMs;
      const int action = std::uniform_int_distribution<int>(0, 9)(rng);
      if (action < 4) {
        const auto a = pick(), b = pick();
        const core::SlotRef slot{f.morning, std::uniform_int_distribution<int>(0, 5)(rng)};
        (void)f.apply(participant(a),
                      core::RequestMeeting{.from = a, .to = b, .preferred = {slot}});
      } else if (action < 6) {
        for (const auto& [id, m] : f.state.meetings) {
          if (m.status != core::MeetingStatus::Requested) continue;
          (void)f.apply(participant(m.invitee),
                        action == 4 ? core::OperationPayload{core::AcceptMeeting{.meeting = id}}
                                    : core::OperationPayload{core::DeclineMeeting{.meeting = id}});
          break;
        }
      } else {
        // The hub's look for due requests, now.
        const std::int64_t now = f.clock;
        for (const core::MeetingId id : core::due_expiries(f.state, now, 1000)) {
          const core::Meeting before = f.meeting(id);
          REQUIRE(before.status == core::MeetingStatus::Requested);
          REQUIRE(before.requested_at + minutes * kMinuteMs <= now);
          REQUIRE(f.expire_at(id, now).ok());
          ++expired;
          // Once: a second expiry is refused and changes nothing.
          const core::EventState after = f.state;
          auto again = f.expire_at(id, now + kMinuteMs);
          CHECK_FALSE(again.ok());
          CHECK(f.state == after);
          // Its preferred slot is free for the two, as far as this request goes.
          for (const core::SlotRef s : before.preferred) {
            CHECK(f.state.meeting_at(before.requester, s) != id);
            CHECK(f.state.meeting_at(before.invitee, s) != id);
          }
        }
        // Nothing pending is past its deadline; nothing that is not due was expired.
        for (const auto& [id, m] : f.state.meetings) {
          if (m.status == core::MeetingStatus::Requested && !m.introduced)
            CHECK(m.requested_at + minutes * kMinuteMs > now);
        }
      }
    }
    // Replaying nothing new: the walk's state is consistent with the index.
    core::EventState rebuilt = f.state;
    core::rebuild_index(rebuilt, test::taxonomy());
    CHECK(rebuilt.index.pending == f.state.index.pending);
    CHECK(rebuilt.index.cancelled == f.state.index.cancelled);
    total_expired += expired;
  }
  CHECK(total_expired > 10);  // the walks did expire requests
}
