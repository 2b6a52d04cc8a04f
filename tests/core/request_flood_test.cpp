// Floods of requests: a cap on the requests awaiting one person's answer, and on how often one
// person may ask the same person.
#include <doctest/doctest.h>

#include "core/event/event_index.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

TEST_CASE("a person's incoming requests are capped: new ones wait until some are answered") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(7);
  core::EventSettings s = f.state.event.settings;
  CHECK(s.max_incoming_requests == 20);  // the default
  s.max_incoming_requests = 3;
  f.ok(organiser(), core::SetSettings{.settings = s});
  const auto first = f.request(p[1], p[0]);
  f.request(p[2], p[0]);
  f.request(p[3], p[0]);
  const auto e = f.refused(participant(p[4]), core::RequestMeeting{.from = p[4], .to = p[0]},
                           "incoming_request_cap");
  CHECK(e.field == "to");
  CHECK(e.message.find("waiting for an answer") != std::string::npos);
  // Nothing of the earlier requests expired.
  CHECK(f.meeting(first).status == core::MeetingStatus::Requested);
  // The organiser, acting for people, may go past the cap.
  f.ok(organiser(), core::RequestMeeting{.from = p[5], .to = p[0]});
  // Once the person answers one, a new one may come.
  f.ok(participant(p[0]), core::DeclineMeeting{.meeting = first});
  f.refused(participant(p[4]), core::RequestMeeting{.from = p[4], .to = p[0]},
            "incoming_request_cap");  // the organiser's request filled the place
  f.ok(participant(p[0]), core::AcceptMeeting{.meeting = f.state.next_meeting - 1});
  f.ok(participant(p[4]), core::RequestMeeting{.from = p[4], .to = p[0]});
  // Others are not affected.
  f.request(p[6], p[1]);
  // The count kept while applying equals the one rebuilt from the meetings.
  const auto kept = f.state.index.incoming_requests;
  core::rebuild_index(f.state, test::taxonomy());
  CHECK(f.state.index.incoming_requests == kept);
  s.max_incoming_requests = 0;
  f.refused(organiser(), core::SetSettings{.settings = s}, "out_of_range");
}

TEST_CASE("requesting and cancelling the same person again and again is capped") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(3);
  CHECK(f.state.event.settings.max_requests_per_pair == 3);  // the default
  for (int i = 0; i < 3; ++i) {
    const auto m = f.request(p[0], p[1]);
    f.ok(participant(p[0]), core::CancelMeeting{.meeting = m});
  }
  const auto e = f.refused(participant(p[0]), core::RequestMeeting{.from = p[0], .to = p[1]},
                           "repeat_request_cap");
  CHECK(e.message.find("3 times already") != std::string::npos);
  // The other way round, and to someone else, is still open.
  const auto back = f.request(p[1], p[0]);
  f.request(p[0], p[2]);
  f.ok(participant(p[1]), core::CancelMeeting{.meeting = back});
  core::EventSettings s = f.state.event.settings;
  s.max_requests_per_pair = 4;
  f.ok(organiser(), core::SetSettings{.settings = s});
  f.request(p[0], p[1]);
  s.max_requests_per_pair = 101;
  f.refused(organiser(), core::SetSettings{.settings = s}, "out_of_range");
}
