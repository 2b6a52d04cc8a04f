// The protocol's lines: what the hub accepts and refuses, and what clients read back.
#include <doctest/doctest.h>

#include "net/messages.hpp"
#include "tests/event_fixture.hpp"
#include "tests/net/wire_refusal.hpp"

using namespace crossmatch;
using net::parse_client_message;

namespace {

using crossmatch::test::refusal;

}  // namespace

TEST_CASE("a hello with a join code or a token is read") {
  auto m = parse_client_message(
      R"({"type":"hello","protocol":1,"join_code":"K7QF-M2XD","after":12,"client":"py"})");
  REQUIRE(m.ok());
  const auto& h = std::get<net::Hello>(*m);
  CHECK(h.protocol == 1);
  CHECK(h.join_code == "K7QF-M2XD");
  CHECK(h.after == std::optional<std::uint64_t>(12));
  CHECK(h.catch_up == net::CatchUp::Replica);
  auto t = parse_client_message(R"({"type":"hello","protocol":1,"token":"abc","catch_up":"live"})");
  REQUIRE(t.ok());
  CHECK(std::get<net::Hello>(*t).catch_up == net::CatchUp::Live);
  CHECK_FALSE(std::get<net::Hello>(*t).after);
}

TEST_CASE("bad lines are refused with the field named") {
  CHECK(refusal("\xff\xfe{}") == "invalid_utf8 ");
  CHECK(refusal("hello there") == "invalid_json ");
  CHECK(refusal(R"([{"type":"ping"}])") == "invalid_type ");
  CHECK(refusal(R"({"protocol":1})") == "missing_field type");
  CHECK(refusal(R"({"type":7})") == "invalid_type type");
  CHECK(refusal(R"({"type":"dance"})") == "unknown_message type");
  CHECK(refusal(R"({"type":"hello","protocol":"one","token":"t"})") == "invalid_type protocol");
  CHECK(refusal(R"({"type":"hello","protocol":1})") == "missing_field token");
  CHECK(refusal(R"({"type":"hello","protocol":1,"token":"t","join_code":"c"})") ==
        "missing_field token");
  CHECK(
      refusal(
          R"({"type":"hello","protocol":1,"token":"t","after":123456789012345678901234567890})") ==
      "invalid_type after");
  CHECK(refusal(R"({"type":"hello","protocol":1,"token":"t","after":-1})") == "out_of_range after");
  CHECK(refusal(R"({"type":"hello","protocol":1,"token":"t","shoe":1})") == "unknown_field shoe");
  CHECK(refusal(R"({"type":"op"})") == "missing_field op");
  CHECK(refusal(R"({"type":"op","op":{"id":"a","type":"fly"}})") == "unknown_operation op.type");
  CHECK(refusal(R"({"type":"op","op":{"id":"a","type":"withdraw","participant":"me"}})") ==
        "invalid_type op.participant");
  CHECK(
      refusal(
          R"({"type":"op","op":{"id":"a","type":"withdraw","participant":99999999999999999999}})") ==
      "invalid_type op.participant");
  CHECK(refusal(R"({"type":"op","op":{"id":"a","type":"withdraw"}})") ==
        "missing_field op.participant");
  CHECK(refusal(R"({"type":"ping","extra":true})") == "unknown_field extra");
}

TEST_CASE("a line nested deeper than 32 levels is refused before it is decoded") {
  const auto nested = [](int depth) {
    return R"({"type":"op","op":{"id":"n","type":"withdraw","participant":)" +
           std::string(static_cast<std::size_t>(depth), '[') +
           std::string(static_cast<std::size_t>(depth), ']') + "}}";
  };
  auto deep = net::parse_client_message(nested(30000));
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.error().code == "invalid_json");
  CHECK(deep.error().message.find("32 levels") != std::string::npos);
  CHECK(net::peek_operation_id(nested(30000)) == "n");
  // Within the limit it is read, and refused for what it is.
  auto shallow = net::parse_client_message(nested(20));
  REQUIRE_FALSE(shallow.ok());
  CHECK(shallow.error().code == "invalid_type");
  // Brackets inside strings do not count.
  auto text =
      net::parse_client_message(R"({"type":"op","op":{"id":"t","type":"announce","text":")" +
                                std::string(100, '[') + R"("}})");
  CHECK(text.ok());
}

TEST_CASE("the id of an undecodable operation is found for its refusal") {
  CHECK(net::peek_operation_id(R"({"type":"op","op":{"id":"c-1","type":"fly"}})") == "c-1");
  CHECK(net::peek_operation_id(R"({"type":"op","op":{"type":"fly"}})").empty());
  CHECK(net::peek_operation_id("not json").empty());
  // Found where it is: before a broken rest, after other fields, among nested values.
  CHECK(net::peek_operation_id(R"({"type":"op","op":{"id":"c-2","text":[[[[)") == "c-2");
  CHECK(net::peek_operation_id(
            R"({"op":{"sessions":[1,{"id":"no"}],"x":{"id":"no"},"id":"c-3"},"type":"op"})") ==
        "c-3");
  // Only the op's own id, and only a string of an id's length.
  CHECK(net::peek_operation_id(R"({"id":"top","op":{"type":"fly"}})").empty());
  CHECK(net::peek_operation_id(R"({"x":{"id":"other"},"op":{"type":"fly"}})").empty());
  CHECK(net::peek_operation_id(R"({"op":{"id":7,"type":"fly"}})").empty());
  CHECK(net::peek_operation_id(R"({"op":{"id":["c-4"],"type":"fly"}})").empty());
  CHECK(net::peek_operation_id(R"({"op":["id","c-5"]})").empty());
  CHECK(net::peek_operation_id(R"([{"op":{"id":"c-6"}}])").empty());
  CHECK(net::peek_operation_id(R"({"op":{"id":")" + std::string(200, 'a') + R"("}})").empty());
  // A long line is read only as far as the id.
  const std::string long_text =
      R"({"type":"op","op":{"id":"c-7","text":")" + std::string(4'000'000, 'x') + R"("}})";
  CHECK(net::peek_operation_id(long_text) == "c-7");
}

TEST_CASE("operations go out without what the hub sets, and come back as sent") {
  core::Operation op;
  op.id = "c-42";
  op.actor = {core::Role::Organiser, 0};
  op.at = 5;
  op.sequence = 9;
  op.payload = core::Withdraw{.participant = 3};
  const std::string line = net::encode(net::ClientMessage{net::Submit{op}});
  CHECK(line.find("actor") == std::string::npos);
  CHECK(line.find("seq") == std::string::npos);
  auto back = parse_client_message(line);
  REQUIRE(back.ok());
  const auto& sent = std::get<net::Submit>(*back).op;
  CHECK(sent.id == "c-42");
  CHECK(std::get<core::Withdraw>(sent.payload).participant == 3);
}

TEST_CASE("hub messages read back as written") {
  net::Welcome w;
  w.protocol = 1;
  w.event = "Lisbon";
  w.role = core::Role::Broker;
  w.seq = 77;
  w.catch_up = "operations";
  w.hub = "crossmatch-hub";
  w.line_bytes = 65536;
  w.rate_per_second = 20;
  w.rate_burst = 100;
  w.idle_seconds = 90;
  auto m = net::parse_hub_message(net::encode(w));
  REQUIRE(m.ok());
  const auto& back = std::get<net::Welcome>(*m);
  CHECK(back.role == core::Role::Broker);
  CHECK(back.seq == 77);
  CHECK(back.line_bytes == 65536);

  auto ack = net::parse_hub_message(net::encode(net::Ack{"c-1", 5, true, 12, "tok"}));
  REQUIRE(ack.ok());
  CHECK(std::get<net::Ack>(*ack).participant == 12);
  CHECK(std::get<net::Ack>(*ack).token == "tok");
  CHECK(std::get<net::Ack>(*ack).duplicate);

  auto refused = net::parse_hub_message(
      net::encode(net::Refused{"c-2", core::make_error("forbidden", "actor", "No.")}));
  REQUIRE(refused.ok());
  CHECK(std::get<net::Refused>(*refused).error == core::make_error("forbidden", "actor", "No."));

  core::Operation op;
  op.id = "s3";
  op.sequence = 3;
  op.payload = core::Withdraw{.participant = 4};
  auto applied = net::parse_hub_message(net::encode_applied(op, {{4, ""}, {5, "a@b.eu"}}));
  REQUIRE(applied.ok());
  const auto& a = std::get<net::Applied>(*applied);
  CHECK(a.op == op);
  CHECK(a.contacts == std::vector<net::Contact>{{4, ""}, {5, "a@b.eu"}});
}

TEST_CASE("a kiosk's hello carries the badge's check-in code with the kiosk's token") {
  net::Hello hello;
  hello.protocol = 1;
  hello.token = "desk-token";
  hello.check_in_code = "K7QF-M2XD";
  auto back = parse_client_message(net::encode(net::ClientMessage{hello}));
  REQUIRE(back.ok());
  CHECK(std::get<net::Hello>(*back).check_in_code == "K7QF-M2XD");
  CHECK(std::get<net::Hello>(*back).token == "desk-token");
  hello.check_in_code.clear();
  back = parse_client_message(net::encode(net::ClientMessage{hello}));
  REQUIRE(back.ok());
  CHECK(std::get<net::Hello>(*back).check_in_code.empty());
  // With a join code instead of a token: the code alone signs no one in.
  auto alone = parse_client_message(
      R"({"type":"hello","protocol":1,"join_code":"K7QF-M2XD","check_in_code":"ABCD-EFGH"})");
  REQUIRE_FALSE(alone.ok());
  CHECK(alone.error().field == "token");
  auto long_code =
      parse_client_message(R"({"type":"hello","protocol":1,"token":"t","check_in_code":")" +
                           std::string(100, 'A') + R"("})");
  REQUIRE_FALSE(long_code.ok());
  CHECK(long_code.error().field == "check_in_code");
}

TEST_CASE("missed notices: the hello says which the person has seen; missed lines read back") {
  net::Hello hello;
  hello.protocol = 1;
  hello.token = "tok";
  hello.notices_after = 412;
  auto back = parse_client_message(net::encode(net::ClientMessage{hello}));
  REQUIRE(back.ok());
  CHECK(std::get<net::Hello>(*back).notices_after == std::optional<std::uint64_t>(412));
  CHECK_FALSE(std::get<net::Hello>(*back).after.has_value());
  hello.notices_after.reset();
  back = parse_client_message(net::encode(net::ClientMessage{hello}));
  REQUIRE(back.ok());
  CHECK_FALSE(std::get<net::Hello>(*back).notices_after.has_value());
  auto bad =
      parse_client_message(R"({"type":"hello","protocol":1,"token":"t","notices_after":-3})");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().field == "notices_after");

  core::Operation op;
  op.id = "s9";
  op.sequence = 9;
  op.actor = {core::Role::Organiser, 0};
  op.payload = core::Announce{.announcement = 2, .text = "Lunch"};
  auto missed = net::parse_hub_message(net::encode(net::Missed{op}));
  REQUIRE(missed.ok());
  CHECK(std::get<net::Missed>(*missed).op == op);
  CHECK_FALSE(net::parse_hub_message(R"({"type":"missed"})").ok());
}

TEST_CASE("a snapshot in many lines assembles into the same state") {
  test::EventFixture f;
  f.set_up(3);
  const auto people = f.register_people(40);
  f.request(people[0], people[1]);
  const auto lines = net::encode_snapshot(f.state, 123);
  CHECK(lines.size() > 3);  // 40 profiles do not fit one chunk
  for (const std::string& line : lines) CHECK(line.size() <= 64 * 1024);
  net::SnapshotAssembler assembler;
  std::optional<net::Snapshot> done;
  for (const std::string& line : lines) {
    auto m = net::parse_hub_message(line);
    REQUIRE(m.ok());
    REQUIRE(std::holds_alternative<net::SnapshotLine>(*m));
    auto r = assembler.add(line, test::taxonomy());
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    if (*r) done = std::move(**r);
  }
  REQUIRE(done);
  CHECK(done->seq == 123);
  CHECK(done->state == f.state);
  // A part without its beginning is refused.
  net::SnapshotAssembler fresh;
  CHECK_FALSE(fresh.add(lines[1], test::taxonomy()).ok());
}

TEST_CASE("team suggestions in parts assemble in order") {
  net::Teams teams{4, {}};
  for (core::ParticipantId p = 1; p < 3000; p += 3)
    teams.teams.push_back(
        {{p, p + 1, p + 2}, "They share a calm, structured way of working and three countries."});
  const auto lines = net::encode_teams(teams);
  CHECK(lines.size() > 1);
  net::TeamsAssembler assembler;
  std::optional<net::Teams> done;
  for (const std::string& line : lines) {
    auto r = assembler.add(line);
    REQUIRE(r.ok());
    if (*r) done = std::move(**r);
  }
  REQUIRE(done);
  CHECK(done->version == 4);
  CHECK(done->teams == teams.teams);
}
