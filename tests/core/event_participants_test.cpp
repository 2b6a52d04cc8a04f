#include <doctest/doctest.h>

#include "core/event/json_codec.hpp"
#include "core/text.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::organiser;
using test::participant;

namespace {

core::Profile demo_profile(std::uint64_t seed, int index = 0) {
  auto people = core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(),
                                                 {index + 1, seed});
  REQUIRE(people.ok());
  return (*people)[static_cast<std::size_t>(index)].profile;
}

}  // namespace

TEST_CASE("registering") {
  test::EventFixture f;
  f.set_up();
  const auto profile = demo_profile(5);
  const auto applied =
      f.ok(test::newcomer(), core::Register{.participant = 77, .profile = profile});
  const auto id = std::get<core::Register>(applied.payload).participant;
  CHECK(id == 1);  // the hub decides the number, whatever the client sent
  const core::Participant& p = f.state.participants.at(id);
  CHECK(p.profile == profile);
  CHECK(p.active());
  CHECK(core::statistics(f.state).participants == 1);

  f.refused(test::broker(), core::Register{.profile = demo_profile(6)}, "forbidden");
  f.refused(participant(1), core::Register{.profile = demo_profile(6)}, "forbidden");
  auto bad = demo_profile(6);
  bad.email = "not an address";
  CHECK(f.refused(test::newcomer(), core::Register{.profile = bad}, "invalid_email").field ==
        "profile.email");
  bad = demo_profile(6);
  bad.sector = "alchemy";
  CHECK(f.refused(test::newcomer(), core::Register{.profile = bad}, "unknown_sector").field ==
        "profile.sector");
  auto same_email = demo_profile(6);
  same_email.email =
      core::ascii_lower(profile.email) == profile.email ? profile.email : profile.email;
  const auto e = f.refused(test::newcomer(), core::Register{.profile = same_email}, "email_taken");
  CHECK(e.field == "profile.email");
  auto shouting = demo_profile(6);
  shouting.email = profile.email;
  for (auto& c : shouting.email) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  f.refused(test::newcomer(), core::Register{.profile = shouting}, "email_taken");
  core::Availability nowhere{{{99, 0}}, core::TimeOfDay::Any};
  f.refused(test::newcomer(), core::Register{.profile = demo_profile(6), .availability = nowhere},
            "not_found");
  core::Availability messy{{{f.morning, 3}, {f.morning, 1}, {f.morning, 3}},
                           core::TimeOfDay::Morning};
  const auto with_availability =
      f.ok(test::newcomer(), core::Register{.profile = demo_profile(6), .availability = messy});
  const auto& stored = std::get<core::Register>(with_availability.payload).availability;
  CHECK(stored.unavailable ==
        std::vector<core::SlotRef>{{f.morning, 1}, {f.morning, 3}});  // sorted, unique
  CHECK(f.state.participants.at(2).availability == stored);
}

TEST_CASE("editing a profile") {
  test::EventFixture f;
  f.set_up();
  const auto people = f.register_people(3);
  auto edited = f.state.participants.at(people[0]).profile;
  edited.job_title = "Chief Explorer";
  f.ok(participant(people[0]), core::EditProfile{.participant = people[0], .profile = edited});
  CHECK(f.state.participants.at(people[0]).profile.job_title == "Chief Explorer");
  f.refused(participant(people[1]), core::EditProfile{.participant = people[0], .profile = edited},
            "forbidden");
  f.refused(test::broker(), core::EditProfile{.participant = people[0], .profile = edited},
            "forbidden");
  f.refused(organiser(), core::EditProfile{.participant = 99, .profile = edited}, "not_found");
  edited.display_name = "";
  f.refused(participant(people[0]), core::EditProfile{.participant = people[0], .profile = edited},
            "required");
  edited = f.state.participants.at(people[0]).profile;
  edited.email = f.state.participants.at(people[1]).profile.email;
  f.refused(participant(people[0]), core::EditProfile{.participant = people[0], .profile = edited},
            "email_taken");
  edited.display_name = "Changed by the organiser";
  edited.email = "new.address@example.org";
  f.ok(organiser(), core::EditProfile{.participant = people[0], .profile = edited});
  // The old address is free again.
  auto other = f.state.participants.at(people[1]).profile;
  other.email = f.state.participants.at(people[0]).profile.email;
  f.refused(participant(people[1]), core::EditProfile{.participant = people[1], .profile = other},
            "email_taken");
}

TEST_CASE("a profile edit updates the cross-sector statistics of accepted meetings") {
  test::EventFixture f;
  f.set_up();
  const auto people = f.register_people(2);
  auto a = f.state.participants.at(people[0]).profile;
  auto b = f.state.participants.at(people[1]).profile;
  a.sector = "architecture";
  b.sector = "construction";
  f.ok(participant(people[0]), core::EditProfile{.participant = people[0], .profile = a});
  f.ok(participant(people[1]), core::EditProfile{.participant = people[1], .profile = b});
  const auto m = f.request(people[0], people[1]);
  f.ok(participant(people[1]), core::AcceptMeeting{.meeting = m});
  CHECK(core::statistics(f.state).accepted_cross_sector == 1);
  b.sector = "design";
  f.ok(participant(people[1]), core::EditProfile{.participant = people[1], .profile = b});
  CHECK(core::statistics(f.state).accepted_cross_sector == 0);
  CHECK(core::statistics(f.state) == core::recount_statistics(f.state, test::taxonomy()));
}

TEST_CASE("availability") {
  test::EventFixture f;
  f.set_up();
  const auto people = f.register_people(2);
  const auto m = f.request(people[0], people[1]);
  f.ok(participant(people[1]),
       core::AcceptMeeting{.meeting = m, .slot = core::SlotRef{f.afternoon, 0}});
  const auto busy =
      f.refused(participant(people[0]),
                core::SetAvailability{.participant = people[0],
                                      .availability = {{{f.afternoon, 0}}, core::TimeOfDay::Any}},
                "busy");
  CHECK(busy.message.find("cancel it") != std::string::npos);
  f.refused(participant(people[0]),
            core::SetAvailability{.participant = people[0],
                                  .availability = {{}, core::TimeOfDay::Morning}},
            "busy");
  f.ok(participant(people[0]),
       core::SetAvailability{.participant = people[0],
                             .availability = {{{f.morning, 0}}, core::TimeOfDay::Afternoon}});
  f.refused(participant(people[1]), core::SetAvailability{.participant = people[0]}, "forbidden");
  f.refused(participant(people[0]),
            core::SetAvailability{.participant = people[0],
                                  .availability = {{{f.morning, 99}}, core::TimeOfDay::Any}},
            "not_found");
}

TEST_CASE("withdrawing frees slots and keeps the history") {
  test::EventFixture f;
  f.set_up();
  const auto people = f.register_people(4);
  const auto accepted = f.request(people[0], people[1]);
  f.ok(participant(people[1]), core::AcceptMeeting{.meeting = accepted});
  const auto pending = f.request(people[2], people[0]);
  const auto declined = f.request(people[0], people[3]);
  f.ok(participant(people[3]), core::DeclineMeeting{.meeting = declined});
  const core::SlotRef slot = f.meeting(accepted).placement->slot;

  f.refused(participant(people[1]), core::Withdraw{.participant = people[0]}, "forbidden");
  f.ok(participant(people[0]), core::Withdraw{.participant = people[0]});
  CHECK(f.state.participants.at(people[0]).status == core::ParticipantStatus::Withdrawn);
  CHECK(f.meeting(accepted).status == core::MeetingStatus::Cancelled);
  CHECK_FALSE(f.meeting(accepted).placement.has_value());
  CHECK(f.meeting(pending).status == core::MeetingStatus::Cancelled);
  CHECK(f.meeting(declined).status == core::MeetingStatus::Declined);  // history kept
  CHECK(f.state.meeting_at(people[1], slot) == 0);                     // the slot is free again
  const auto stats = core::statistics(f.state);
  CHECK(stats.participants == 3);
  CHECK(stats.withdrawn == 1);
  CHECK(stats.requests == 3);
  f.refused(participant(people[0]), core::Withdraw{.participant = people[0]}, "withdrawn");
  f.refused(participant(people[1]), core::RequestMeeting{.from = people[1], .to = people[0]},
            "withdrawn");
  f.refused(participant(people[0]),
            core::EditProfile{.participant = people[0],
                              .profile = f.state.participants.at(people[0]).profile},
            "withdrawn");
}

TEST_CASE("erasing removes personal data for good and keeps meetings anonymised") {
  test::EventFixture f;
  f.set_up();
  const auto people = f.register_people(3);
  const auto held = f.request(people[0], people[1]);
  f.ok(participant(people[1]), core::AcceptMeeting{.meeting = held});
  f.ok(participant(people[1]), core::GiveFeedback{.meeting = held,
                                                  .held = core::HeldState::Held,
                                                  .rating = 5,
                                                  .comment = "Great talk with them"});
  const auto open = f.request(people[2], people[0]);
  const auto before = core::statistics(f.state);
  const std::string email = f.state.participants.at(people[0]).profile.email;
  const auto original = f.state.participants.at(people[0]).profile;

  f.refused(participant(people[1]), core::Erase{.participant = people[0]}, "forbidden");
  f.refused(test::broker(), core::Erase{.participant = people[0]}, "forbidden");
  f.ok(participant(people[0]), core::Erase{.participant = people[0]});
  const core::Participant& p = f.state.participants.at(people[0]);
  CHECK(p.status == core::ParticipantStatus::Erased);
  CHECK(p.profile.display_name.empty());
  CHECK(p.profile.organisation.empty());
  CHECK(p.profile.email.empty());
  CHECK(p.profile.offers.empty());
  CHECK(p.profile.answers.empty());
  CHECK(p.profile.sector == original.sector);  // not personal: counted in the statistics
  CHECK(p.profile.country == original.country);
  // Meetings kept, without what was written in them.
  CHECK(f.meeting(held).status == core::MeetingStatus::Accepted);
  CHECK(f.meeting(held).message.empty());
  CHECK(f.meeting(held).invitee_feedback.comment.empty());
  CHECK(f.meeting(held).invitee_feedback.rating == 5);
  CHECK(f.meeting(open).status == core::MeetingStatus::Cancelled);
  const auto after = core::statistics(f.state);
  CHECK(after.held == before.held);
  CHECK(after.relationships == before.relationships);
  CHECK(after.erased == 1);
  CHECK(after == core::recount_statistics(f.state, test::taxonomy()));
  // Nothing of theirs is left anywhere in the state.
  const std::string all = core::state_to_json(f.state);
  CHECK(all.find(email) == std::string::npos);
  CHECK(all.find(original.display_name) == std::string::npos);
  CHECK(all.find("Great talk") == std::string::npos);
  // Their address is free to register again.
  auto again = demo_profile(99);
  again.email = email;
  f.ok(test::newcomer(), core::Register{.profile = again});
  f.refused(organiser(), core::Erase{.participant = people[0]}, "erased");
  f.refused(organiser(), core::Erase{.participant = 404}, "not_found");
}
