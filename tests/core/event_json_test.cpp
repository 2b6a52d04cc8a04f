#include <doctest/doctest.h>

#include "core/event/json_codec.hpp"
#include "core/event/json_values.hpp"
#include "core/event/operation_json_writer.hpp"
#include "core/random.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;

namespace {

core::Profile sample_profile() {
  core::Profile p;
  p.display_name = "Tõnis Mägi \"TM\"";
  p.organisation = "Garage48 Ü";
  p.job_title = "Founder";
  p.type = core::ParticipantType::Researcher;
  p.city = "tallinn";
  p.country = "EE";
  p.sector = "software-games";
  p.offers = {"serious games", "VR"};
  p.seeks = {"health partner"};
  p.languages = {"et", "en"};
  p.target_markets = {"SE"};
  p.known_markets = {"FI", "LV"};
  p.size = core::CompanySize::Small;
  p.answers = {5, 4, 3, 2, 1, 5, 4};
  p.consent = {false, true};
  p.email = "tonis@garage.example";
  return p;
}

// One operation of every kind with every field set to something other than its default.
std::vector<core::Operation> one_of_each() {
  std::vector<core::OperationPayload> payloads;
  core::EventSettings settings;
  settings.matching.weights = {0.1, 0.2, 0.3, 0.4, 0.123456789, 0.7};
  settings.matching.team_min = 4;
  settings.matching.team_max = 6;
  settings.max_open_requests = 7;
  settings.booking = core::BookingMode::Deferred;
  settings.afternoon_start = 12 * 60 + 30;
  settings.request_expiry_minutes = 240;
  core::DefineSession session{
      3,   "Morning", core::SessionKind::PolicyClinic, test::date("2026-05-14"), 540,
      720, 15,        {{600, 615}, {660, 675}}};
  core::Team team{{1, 2, 3}, 4, "Like-minded"};
  core::Availability availability{{{1, 2}, {2, 0}}, core::TimeOfDay::Morning};
  payloads = {
      core::CreateEvent{
          .name = "Cross Innovation Day", .time_zone = "Europe/Tallinn", .join_code = "TALLINN-1"},
      core::SetRegistration{.open = true},
      core::SetSettings{.settings = settings},
      session,
      core::RemoveSession{.session = 4},
      core::DefineTable{.table = 5, .name = "Table ☕ 5", .seats = 6},
      core::RemoveTable{.table = 6},
      core::Announce{.announcement = 7, .text = "Lunch!\nNow."},
      core::ApplySchedule{.sessions = {2, 3},
                          .moves_allowed = true,
                          .placements = {{11, {{2, 3}, 4}}, {12, {{2, 4}, 5}}}},
      core::PinMeeting{.meeting = 11, .slot = {2, 5}},
      core::UnpinMeeting{.meeting = 11},
      core::AddPrecedence{.before = 11, .after = 12},
      core::RemovePrecedence{.before = 12, .after = 11},
      core::PublishTeamRound{
          .round = 8, .name = "Round 1", .session = 9, .teams = {team, {{5, 6}, 7, ""}}},
      core::Register{.participant = 13,
                     .profile = sample_profile(),
                     .availability = availability,
                     .check_in_code = "00C0FFEE",
                     .arrived = true},
      core::EditProfile{.participant = 14, .profile = sample_profile()},
      core::SetAvailability{.participant = 15, .availability = availability},
      core::Withdraw{.participant = 16},
      core::Erase{.participant = 17},
      core::RequestMeeting{
          .meeting = 18, .from = 1, .to = 2, .message = "Hello 👋", .preferred = {{1, 0}, {1, 1}}},
      core::Introduce{
          .meeting = 19, .first = 3, .second = 4, .note = "Meet!", .preferred = {{2, 2}}},
      core::AcceptMeeting{
          .meeting = 20, .slot = core::SlotRef{1, 3}, .placement = core::Placement{{1, 3}, 2}},
      core::DeclineMeeting{.meeting = 21, .reason = "No"},
      core::ProposeSlot{.meeting = 22, .slot = {3, 4}},
      core::CancelMeeting{.meeting = 23, .reason = "Sorry"},
      core::WithdrawIntroduction{.meeting = 31, .first = 3, .second = 4, .reason = "Mistake"},
      core::GiveFeedback{
          .meeting = 24, .held = core::HeldState::NotHeld, .rating = 2, .comment = "Late"},
      core::SetPitchOrder{.session = 25, .pitches = {{1, 4}, {2, 6}}},
      core::ControlPitch{.session = 26, .action = core::PitchAction::Skip},
      core::MarkInterested{.session = 27, .pitcher = 3, .interested = false},
      core::ReopenPitch{.session = 27, .pitcher = 4},
      core::DefineClinicTable{.clinic_table = 28,
                              .session = 29,
                              .table = 30,
                              .theme = "Affordable space for start-ups"},
      core::PickThemes{.participant = 31, .themes = {1, 2, 3}},
      core::FormClinicTables{
          .session = 32, .seating = {{1, {4, 5, 6}, "Policy, company, research"}, {2, {7, 8}, ""}}},
      core::RecordClinicOutcome{.clinic_table = 33,
                                .outcome = "1. Mobility vouchers\n2. Shared studios"},
      core::DefineFollowUp{.follow_up = 2, .name = "Six months after", .open = false},
      core::RateFollowUp{.follow_up = 1,
                         .meeting = 34,
                         .participant = 35,
                         .outcome = core::FollowUpOutcome::Negotiation,
                         .note = "Talking about a joint tender"},
      core::CheckIn{.code = "7K3M9QXD", .participant = 36},
      core::ExpireRequest{.meeting = 37},
      core::SetStandby{.participant = 38, .on = false},
      core::OfferSlot{.meeting = 39, .first = 40, .second = 41, .slot = {2, 3}},
  };
  std::vector<core::Operation> ops;
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    core::Operation op;
    op.id = "client-1:" + std::to_string(i);
    op.actor = i % 3 == 0 ? test::organiser() : i % 3 == 1 ? test::broker() : test::participant(42);
    op.at = 1'780'000'000'000 + static_cast<std::int64_t>(i);
    op.sequence = 1000 + i;
    op.payload = payloads[i];
    ops.push_back(op);
  }
  return ops;
}

}  // namespace

TEST_CASE("every kind of operation survives the JSON round trip") {
  const auto ops = one_of_each();
  REQUIRE(ops.size() == std::variant_size_v<core::OperationPayload>);
  for (const auto& op : ops) {
    CAPTURE(core::operation_type(op.payload));
    const std::string text = core::operation_to_json(op);
    CHECK(text.find('\n') == std::string::npos);
    auto back = core::operation_from_json(text);
    REQUIRE_MESSAGE(back.ok(), (back.ok() ? std::string() : back.error().message));
    CHECK(*back == op);
    CHECK(core::operation_to_json(*back) == text);
  }
}

TEST_CASE("the direct writer writes exactly the general codec's text, or leaves it to the codec") {
  // Texts with everything JSON escapes, multi-byte UTF-8 of every length, and broken UTF-8.
  const std::vector<std::string> texts = {
      "",
      "plain",
      "quote \" and \\ back",
      "tab\tnew\nline\rcr\bbs\fff",
      std::string("nul\0x", 5),
      "\x01\x1f\x7f"
      " del",
      "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x91\x8b \xed\x9f\xbf \xf4\x8f\xbf\xbf",
      "slash / <b>",
      "overlong \xc0\xaf",
      "surrogate \xed\xa0\x80",
      "cut \xe2\x82",
      "past \xf4\x90\x80\x80",
      "lone \x80",
      "\xff"};
  core::Rng rng(7);
  const auto text = [&] { return rng.pick(texts); };
  const auto slot = [&] {
    return core::SlotRef{static_cast<core::SessionId>(rng.below(5)), rng.between(-1, 30)};
  };
  int direct = 0, general = 0;
  for (int i = 0; i < 3000; ++i) {
    std::vector<core::SlotRef> slots;
    for (int k = rng.between(0, 3); k > 0; --k) slots.push_back(slot());
    std::vector<core::OperationPayload> payloads = {
        core::RequestMeeting{.meeting = static_cast<core::MeetingId>(rng.below(1u << 31)),
                             .from = 1,
                             .to = 4294967295u,
                             .message = text(),
                             .preferred = slots},
        core::Introduce{.meeting = static_cast<core::MeetingId>(rng.below(100)),
                        .first = 3,
                        .second = 4,
                        .note = text(),
                        .preferred = slots},
        core::AcceptMeeting{.meeting = 5,
                            .slot = rng.chance(0.5) ? std::optional(slot()) : std::nullopt,
                            .placement = rng.chance(0.5) ? std::optional(core::Placement{slot(), 9})
                                                         : std::nullopt},
        core::DeclineMeeting{.meeting = 6, .reason = text()},
        core::ProposeSlot{.meeting = 7, .slot = slot()},
        core::CancelMeeting{.meeting = 8, .reason = text()},
        core::WithdrawIntroduction{.meeting = static_cast<core::MeetingId>(rng.below(100)),
                                   .first = 5,
                                   .second = 6,
                                   .reason = text()},
        core::GiveFeedback{.meeting = 9,
                           .held = static_cast<core::HeldState>(rng.below(3)),
                           .rating = rng.between(-1000, 1000),
                           .comment = text()},
        core::ControlPitch{.session = 10, .action = static_cast<core::PitchAction>(rng.below(6))},
        core::MarkInterested{.session = 11, .pitcher = 12, .interested = rng.chance(0.5)},
        core::ReopenPitch{.session = 11, .pitcher = 12},
        core::Withdraw{.participant = 13},
        core::Erase{.participant = 14},
        core::SetRegistration{.open = rng.chance(0.5)},
        core::Announce{.announcement = 15, .text = text()},  // left to the general codec
    };
    core::Operation op;
    op.id = rng.chance(0.2) ? text() : "client-" + std::to_string(rng.next());
    op.actor = {static_cast<core::Role>(rng.below(3)),
                static_cast<core::ParticipantId>(rng.below(3))};
    op.at = static_cast<std::int64_t>(rng.next() >> rng.below(64)) * (rng.chance(0.1) ? -1 : 1);
    op.sequence = rng.chance(0.1) ? 0 : rng.next() >> rng.below(64);
    op.payload = rng.pick(payloads);
    CAPTURE(core::operation_type(op.payload));
    std::string fast = "untouched";
    if (core::detail::write_operation_json(op, fast)) {
      ++direct;
      std::string codec;
      REQUIRE_NOTHROW(codec = core::json::to_json(op).dump());
      CHECK(fast == "untouched" + codec);
      CHECK(core::operation_to_json(op) == codec);
    } else {
      ++general;
      CHECK(fast == "untouched");
      // What the direct writer leaves is a kind it does not cover or text the codec refuses.
      const bool covered =
          !std::holds_alternative<core::Announce>(op.payload) && op.sequence <= INT64_MAX;
      if (covered) CHECK_THROWS(core::json::to_json(op).dump());
    }
  }
  CHECK(direct > 2000);
  CHECK(general > 200);
}

TEST_CASE("operation JSON is strict and says what is wrong") {
  const auto check = [](const std::string& text, const std::string& code,
                        const std::string& field) {
    CAPTURE(text);
    auto r = core::operation_from_json(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code);
    CHECK(r.error().field == field);
    CHECK_FALSE(r.error().message.empty());
  };
  const std::string base = R"("id":"c:1","actor":{"role":"participant","participant":3})";
  check("\xff\xfe", "invalid_utf8", "");
  check("{not json", "invalid_json", "");
  check("[1,2,3]", "invalid_type", "");
  check("{" + base + "}", "missing_field", "type");
  check("{" + base + R"(,"type":"teleport"})", "unknown_operation", "type");
  check("{" + base + R"(,"type":"request_meeting","from":3})", "missing_field", "to");
  check("{" + base + R"(,"type":"request_meeting","from":3,"to":"four"})", "invalid_type", "to");
  check("{" + base + R"(,"type":"request_meeting","from":3,"to":4.5})", "invalid_type", "to");
  check("{" + base + R"(,"type":"request_meeting","from":3,"to":99999999999999999999999})",
        "invalid_type", "to");
  check("{" + base + R"(,"type":"request_meeting","from":3,"to":-4})", "out_of_range", "to");
  check("{" + base + R"(,"type":"request_meeting","from":3,"to":4,"colour":"red"})",
        "unknown_field", "colour");
  check("{" + base + R"(,"type":"request_meeting","from":3,"to":4,"preferred":[{"session":1}]})",
        "missing_field", "preferred[0].index");
  check(R"({"id":"c:1","type":"withdraw","participant":1,"actor":{"role":"king"}})", "invalid",
        "actor.role");
  check(R"({"id":"c:1","type":"withdraw","participant":1})", "missing_field", "actor");
  check("{" + base + R"(,"type":"register","profile":{"display_name":"A"}})", "missing_field",
        "profile.organisation");
  check("{" + base + R"(,"type":"register","profile":[]})", "invalid_type", "profile");
  check(
      "{" + base +
          R"(,"type":"define_session","name":"S","kind":"meetings","date":"2026-02-30","start":"09:00","end":"10:00"})",
      "invalid", "date");
  check(
      "{" + base +
          R"(,"type":"define_session","name":"S","kind":"meetings","date":"2026-02-03","start":"9am","end":"10:00"})",
      "invalid", "start");
  check("{" + base + R"(,"type":"give_feedback","meeting":1,"held":"maybe"})", "invalid", "held");
  check(
      "{" + base +
          R"(,"type":"rate_follow_up","follow_up":1,"meeting":1,"participant":2,"outcome":"great"})",
      "invalid", "outcome");
  check(std::string(5 * 1024 * 1024, ' '), "too_long", "");
}

TEST_CASE("a whole state survives the JSON round trip, indexes rebuilt") {
  test::EventFixture f;
  f.set_up();
  const auto p = f.register_people(6);
  const auto m1 = f.request(p[0], p[1]);
  f.ok(test::participant(p[1]), core::AcceptMeeting{.meeting = m1});
  f.ok(test::participant(p[0]),
       core::GiveFeedback{
           .meeting = m1, .held = core::HeldState::Held, .rating = 4, .comment = "Good"});
  const auto m2 = f.request(p[2], p[3]);
  f.ok(test::participant(p[3]), core::DeclineMeeting{.meeting = m2, .reason = "No time"});
  f.request(p[4], p[5]);
  f.ok(test::organiser(), core::Announce{.text = "Welcome"});
  f.ok(test::participant(p[5]), core::Withdraw{.participant = p[5]});

  const std::string text = core::state_to_json(f.state);
  auto back = core::state_from_json(text, test::taxonomy());
  REQUIRE_MESSAGE(back.ok(), (back.ok() ? std::string() : back.error().message));
  CHECK(*back == f.state);
  CHECK(core::statistics(*back) == core::statistics(f.state));
  CHECK(back->meeting_at(p[0], f.meeting(m1).placement->slot) == m1);
  CHECK(back->declined_pair(p[2], p[3]));
  CHECK(core::state_to_json(*back) == text);

  auto broken = core::state_from_json(R"({"event":{}})", test::taxonomy());
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().field == "event.created");
}

TEST_CASE(
    "participant types survive the profile JSON round trip; a bad type says what is allowed") {
  using T = core::ParticipantType;
  for (const T type : {T::Company, T::PolicyMaker, T::Intermediary, T::Researcher}) {
    auto p = sample_profile();
    p.type = type;
    const std::string text = core::profile_to_json(p);
    CHECK(text.find(std::string("\"type\":\"") + core::to_string(type) + "\"") !=
          std::string::npos);
    auto back = core::profile_from_json(text);
    REQUIRE_MESSAGE(back.ok(), (back.ok() ? std::string() : back.error().message));
    CHECK(*back == p);
  }
  // A profile without a type is a company (files from before types existed).
  std::string text = core::profile_to_json(sample_profile());
  const std::string type_field = ",\"type\":\"researcher\"";
  const auto at = text.find(type_field);
  REQUIRE(at != std::string::npos);
  text.erase(at, type_field.size());
  auto untyped = core::profile_from_json(text);
  REQUIRE(untyped.ok());
  CHECK(untyped->type == T::Company);
  std::string bad = core::profile_to_json(sample_profile());
  bad.replace(bad.find("\"researcher\""), std::string("\"researcher\"").size(), "\"minister\"");
  auto refused = core::profile_from_json(bad);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().field == "profile.type");
  CHECK(refused.error().message.find("company, policy-maker, intermediary or researcher") !=
        std::string::npos);
}
