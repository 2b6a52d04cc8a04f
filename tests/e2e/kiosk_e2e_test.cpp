// Kiosks over real connections: a kiosk signed in with the helper token says hello with a
// participant's check-in code (as typed, in any case and with or without the dash) and acts as
// that person with a participant's view, for answers only; a participant's token, an unknown code
// and a withdrawn person's code are refused with reasons, and the connection is not retried.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

#include "core/event/check_in_code.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/e2e/sync_client.hpp"

using namespace crossmatch;
using namespace std::chrono_literals;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The first problem's code ("unknown_check_in_code: No one ..." -> "unknown_check_in_code").
std::string refusal_of(test::SyncClient& kiosk) {
  REQUIRE(kiosk.wait_for([&] { return !kiosk.problems.empty(); }, 20s));
  return kiosk.problems.front().substr(0, kiosk.problems.front().find(':'));
}

}  // namespace

TEST_CASE("kiosk: a badge's code signs its person in at a helper's kiosk, for answers only") {
  const auto dir = test::fresh_folder("kiosk");
  test::HubProcess hub(dir / "event.db", {"--demo", "12"});
  net::MemoryOutbox organiser_outbox;
  test::SyncClient organiser(hub, "", hub.organiser(), organiser_outbox);
  REQUIRE(organiser.wait_for([&] { return organiser.online; }));
  const core::EventState& seen = organiser.replica.state();
  REQUIRE(seen.participants.size() >= 3);
  auto it = seen.participants.begin();
  const core::ParticipantId person = it->first;
  const std::string code = it->second.check_in_code;
  ++it;
  const core::ParticipantId other = it->first;
  const std::string other_code = it->second.check_in_code;
  ++it;
  const core::ParticipantId leaving = it->first;
  const std::string leaving_code = it->second.check_in_code;
  REQUIRE(core::is_check_in_code(code));

  {
    // Typed in lower case with the dash: the same code.
    net::MemoryOutbox outbox;
    test::SyncClient kiosk(hub, "", hub.helper(), outbox, std::nullopt, std::nullopt,
                           lower(core::format_check_in_code(code)));
    REQUIRE(kiosk.wait_for([&] { return kiosk.online; }));
    CHECK(kiosk.participant == person);
    // A participant's view: their own code, nobody else's.
    CHECK(kiosk.replica.state().participants.at(person).check_in_code == code);
    CHECK(kiosk.replica.state().participants.at(other).check_in_code.empty());

    // Answers go through, as the person; anything else is refused.
    auto standby = kiosk.submit(core::SetStandby{.participant = person, .on = true});
    REQUIRE(standby.ok());
    REQUIRE(kiosk.wait_for([&] { return kiosk.answered(*standby); }));
    CHECK(kiosk.done.count(*standby) == 1);
    REQUIRE(organiser.wait_for([&] { return seen.participants.at(person).standby; }));
    core::Profile changed = seen.participants.at(person).profile;
    changed.organisation = "Changed at a kiosk";
    auto edit = kiosk.submit(core::EditProfile{.participant = person, .profile = changed});
    REQUIRE(kiosk.wait_for([&] { return kiosk.answered(*edit); }));
    REQUIRE(kiosk.refused.count(*edit) == 1);
    CHECK(kiosk.refused.at(*edit).code == "kiosk");
    auto ask = kiosk.submit(core::RequestMeeting{.from = person, .to = other});
    REQUIRE(kiosk.wait_for([&] { return kiosk.answered(*ask); }));
    REQUIRE(kiosk.refused.count(*ask) == 1);
    CHECK(kiosk.refused.at(*ask).code == "kiosk");
    CHECK(kiosk.problems.empty());
    kiosk.stop();
  }
  {
    // A participant's own token cannot sign others in.
    net::MemoryOutbox outbox;
    test::SyncClient member(hub, hub.code(), "", outbox);
    REQUIRE(member.wait_for([&] { return member.online; }));
    auto reg = member.submit(core::Register{.profile = test::test_profile(7)});
    REQUIRE(member.wait_for([&] { return member.answered(*reg) && !member.token.empty(); }));
    member.stop();
    net::MemoryOutbox kiosk_outbox;
    test::SyncClient kiosk(hub, "", member.token, kiosk_outbox, std::nullopt, std::nullopt,
                           other_code);
    CHECK(refusal_of(kiosk) == "not_a_kiosk");
    CHECK_FALSE(kiosk.online);
    kiosk.stop();
  }
  {
    net::MemoryOutbox outbox;
    test::SyncClient kiosk(hub, "", hub.helper(), outbox, std::nullopt, std::nullopt, "ZZZZ-ZZZZ");
    CHECK(refusal_of(kiosk) == "unknown_check_in_code");
    CHECK(kiosk.problems.front().find("ZZZZ-ZZZZ") != std::string::npos);
    kiosk.stop();
  }
  {
    auto withdrawn = organiser.submit(core::Withdraw{.participant = leaving});
    REQUIRE(organiser.wait_for([&] { return organiser.answered(*withdrawn); }));
    REQUIRE(organiser.done.count(*withdrawn) == 1);
    net::MemoryOutbox outbox;
    test::SyncClient kiosk(hub, "", hub.organiser(), outbox, std::nullopt, std::nullopt,
                           leaving_code);
    CHECK(refusal_of(kiosk) == "withdrawn");
    kiosk.stop();
  }
  CHECK(organiser.problems.empty());
  organiser.stop();
  CHECK(hub.stop(SIGTERM) == 0);
  std::filesystem::remove_all(dir);
}
