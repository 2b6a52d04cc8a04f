// The check-in desk: codes typed or scanned check people in once; unknown codes, withdrawn people
// and second check-ins are refused with what the desk tells the person; helpers check in and
// register walk-ins and do nothing else; arrivals count in the statistics; everyone learns who
// arrived, only the desk and the person see the code.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

#include "core/event/check_in_code.hpp"
#include "core/event/json_codec.hpp"
#include "core/event/operation_catalogue.hpp"
#include "core/event/privacy.hpp"
#include "core/event/statistics.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using test::broker;
using test::helper;
using test::newcomer;
using test::organiser;
using test::participant;

namespace {

struct DeskFixture : test::EventFixture {
  std::vector<core::ParticipantId> p;
  DeskFixture() {
    set_up();
    p = register_people(4);
  }
  const std::string& code_of(core::ParticipantId id) const {
    return state.participants.at(id).check_in_code;
  }
  core::Profile walk_in_profile() {
    auto people =
        core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {1, 977});
    REQUIRE(people.ok());
    core::Profile profile = (*people)[0].profile;
    profile.email = "walk.in@example.org";
    return profile;
  }
};

}  // namespace

TEST_CASE("check-in codes: drawn from 40 bits, read back however they are typed") {
  const std::array<std::uint8_t, core::kCheckInCodeBytes> zero{}, ones{255, 255, 255, 255, 255};
  CHECK(core::check_in_code_from_bytes(zero) == "00000000");
  CHECK(core::check_in_code_from_bytes(ones) == "ZZZZZZZZ");
  const std::string code = core::check_in_code_from_bytes({0x12, 0x34, 0x56, 0x78, 0x9A});
  REQUIRE(core::is_check_in_code(code));
  CHECK(core::normalise_check_in_code(code) == code);
  CHECK(core::normalise_check_in_code(core::format_check_in_code(code)) == code);
  std::string lower = core::format_check_in_code(code);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(core::normalise_check_in_code(" " + lower + "\n") == code);
  // Letters people mistake for digits read as the digits.
  CHECK(core::normalise_check_in_code("OIL0-1234") == "01101234");
  CHECK(core::normalise_check_in_code("ABCD-EFG").empty());     // too short
  CHECK(core::normalise_check_in_code("ABCD-EFGU").empty());    // U is not in the alphabet
  CHECK(core::normalise_check_in_code("ABCD-EFGH-J").empty());  // too long
  CHECK(core::normalise_check_in_code(std::string(200, 'A')).empty());
  CHECK(core::format_check_in_code("ABCDEFGH") == "ABCD-EFGH");
}

TEST_CASE("a code checks its person in once; the second time is refused and changes nothing") {
  DeskFixture f;
  const core::ParticipantId who = f.p[1];
  CHECK_FALSE(f.state.participants.at(who).arrived());
  CHECK(core::statistics(f.state).arrived == 0);
  const std::string typed = core::format_check_in_code(f.code_of(who));
  const auto applied = f.ok(organiser(), core::CheckIn{.code = typed});
  const auto& check_in = std::get<core::CheckIn>(applied.payload);
  CHECK(check_in.participant == who);
  CHECK(check_in.code == f.code_of(who));  // normalised
  CHECK(f.state.participants.at(who).arrived_at == applied.at);
  CHECK(core::statistics(f.state).arrived == 1);
  const auto again =
      f.refused(test::helper(), core::CheckIn{.code = f.code_of(who)}, "already_arrived");
  CHECK(again.field == "code");
  CHECK(again.message.find(f.state.participants.at(who).profile.display_name) != std::string::npos);
}

TEST_CASE("unknown, malformed and withdrawn people's codes get clear refusals") {
  DeskFixture f;
  const auto unknown = f.refused(organiser(), core::CheckIn{.code = "ZZZZ-ZZZZ"}, "unknown_code");
  CHECK(unknown.message.find("ZZZZ-ZZZZ") != std::string::npos);
  const auto bad = f.refused(organiser(), core::CheckIn{.code = "hello"}, "invalid");
  CHECK(bad.message.find("hello") != std::string::npos);
  f.ok(participant(f.p[2]), core::Withdraw{.participant = f.p[2]});
  const auto gone = f.refused(organiser(), core::CheckIn{.code = f.code_of(f.p[2])}, "withdrawn");
  CHECK(gone.message.find(f.state.participants.at(f.p[2]).profile.display_name) !=
        std::string::npos);
  // A client cannot name the person: the hub finds them by the code.
  f.refused(organiser(), core::CheckIn{.code = "", .participant = f.p[0]}, "invalid");
}

TEST_CASE("helpers check people in and register walk-ins, and nothing else") {
  DeskFixture f;
  f.ok(helper(), core::CheckIn{.code = f.code_of(f.p[0])});
  f.refused(broker(), core::CheckIn{.code = f.code_of(f.p[1])}, "forbidden");
  f.refused(participant(f.p[1]), core::CheckIn{.code = f.code_of(f.p[1])}, "forbidden");
  f.refused(helper(), core::Announce{.text = "Free coffee"}, "forbidden");
  f.refused(helper(), core::Withdraw{.participant = f.p[3]}, "forbidden");
  f.refused(helper(), core::RequestMeeting{.from = f.p[0], .to = f.p[1]}, "forbidden");
  f.refused(helper(), core::SetRegistration{.open = false}, "forbidden");
  // A walk-in is at the desk: registered as arrived, with a code of their own.
  const core::Profile profile = f.walk_in_profile();
  f.refused(helper(), core::Register{.profile = profile}, "forbidden");
  const auto applied = f.ok(
      helper(),
      core::Register{.profile = profile, .check_in_code = f.next_check_in_code(), .arrived = true});
  const core::ParticipantId walk_in = std::get<core::Register>(applied.payload).participant;
  CHECK(f.state.participants.at(walk_in).arrived_at == applied.at);
  CHECK(core::statistics(f.state).arrived == 2);
  f.refused(helper(), core::CheckIn{.code = f.code_of(walk_in)}, "already_arrived");
  // A newcomer registering from their own app is not at the desk.
  core::Profile other = f.walk_in_profile();
  other.email = "someone.else@example.org";
  f.refused(newcomer(), core::Register{.profile = other, .arrived = true}, "forbidden");
}

TEST_CASE("a registration's check-in code must be well formed and nobody else's") {
  DeskFixture f;
  core::Profile profile = f.walk_in_profile();
  f.refused(organiser(), core::Register{.profile = profile, .check_in_code = "abc"}, "invalid");
  f.refused(organiser(), core::Register{.profile = profile, .check_in_code = f.code_of(f.p[0])},
            "code_in_use");
}

TEST_CASE(
    "check-ins survive JSON; arrivals are everyone's, codes only the desk's and the owner's") {
  DeskFixture f;
  const auto applied = f.ok(organiser(), core::CheckIn{.code = f.code_of(f.p[0])});
  auto back = core::operation_from_json(core::operation_to_json(applied));
  REQUIRE(back.ok());
  CHECK(*back == applied);
  // State JSON keeps codes and arrival times.
  auto state_back = core::state_from_json(core::state_to_json(f.state), test::taxonomy());
  REQUIRE(state_back.ok());
  CHECK(state_back->participants.at(f.p[0]).arrived_at ==
        f.state.participants.at(f.p[0]).arrived_at);
  CHECK(state_back->participants.at(f.p[1]).check_in_code == f.code_of(f.p[1]));

  const core::Viewer other{core::Role::Participant, f.p[1]};
  const core::Viewer self{core::Role::Participant, f.p[0]};
  const auto others_copy = core::view_operation(applied, f.state, other, false);
  REQUIRE(others_copy.has_value());
  CHECK(std::get<core::CheckIn>(others_copy->op.payload).code.empty());
  CHECK(std::get<core::CheckIn>(others_copy->op.payload).participant == f.p[0]);
  const auto own_copy = core::view_operation(applied, f.state, self, false);
  REQUIRE(own_copy.has_value());
  CHECK(std::get<core::CheckIn>(own_copy->op.payload).code == f.code_of(f.p[0]));
  CHECK(core::view_operation(applied, f.state, core::Viewer{core::Role::Helper, 0}, false)
            .has_value());
  const core::EventState seen = core::view_state(f.state, other);
  CHECK(seen.participants.at(f.p[0]).check_in_code.empty());
  CHECK(seen.participants.at(f.p[0]).arrived());
  CHECK(seen.participants.at(f.p[1]).check_in_code == f.code_of(f.p[1]));  // their own
  const core::EventState desk = core::view_state(f.state, core::Viewer{core::Role::Helper, 0});
  CHECK(desk.participants.at(f.p[0]).arrived());
  CHECK(desk.participants.at(f.p[2]).check_in_code == f.code_of(f.p[2]));
  // The person's app welcomes them; nobody else's says anything.
  CHECK(core::notice(applied, f.state, core::Role::Participant, f.p[0]).has_value());
  CHECK_FALSE(core::notice(applied, f.state, core::Role::Participant, f.p[1]).has_value());
}

TEST_CASE("property: checking in is idempotent, whatever the order of codes") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    test::EventFixture f;
    f.set_up();
    const auto people = f.register_people(12, seed);
    std::mt19937_64 rng(seed);
    std::vector<std::string> codes;
    for (const auto id : people) codes.push_back(f.state.participants.at(id).check_in_code);
    // Each code once, some twice (a second scan), in a random order.
    std::vector<std::string> scans = codes;
    for (int i = 0; i < 8; ++i) scans.push_back(codes[rng() % codes.size()]);
    std::shuffle(scans.begin(), scans.end(), rng);
    std::set<std::string> seen;
    for (const std::string& code : scans) {
      const core::EventState before = f.state;
      auto r = f.apply(test::helper(), core::CheckIn{.code = code});
      if (seen.insert(code).second) {
        REQUIRE(r.ok());
      } else {
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "already_arrived");
        CHECK(f.state == before);
      }
    }
    CHECK(core::statistics(f.state).arrived == static_cast<int>(people.size()));
    CHECK(core::statistics(f.state) == core::recount_statistics(f.state, test::taxonomy()));
  }
}
