// The heads of the hub's "op" lines (net/wire_head.cpp), read without decoding the operation:
// the same as the whole decoder reads, for every kind of operation, whatever the order of the
// fields and whatever the texts hold.
#include <doctest/doctest.h>

#include <set>

#include "net/messages.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

net::AppliedHead head(std::string_view line) {
  auto message = net::parse_hub_message_head(line);
  REQUIRE_MESSAGE(message.ok(), message.error().code << " " << message.error().field << ": "
                                                     << message.error().message);
  const auto* h = std::get_if<net::AppliedHead>(&*message);
  REQUIRE(h != nullptr);
  return *h;
}

}  // namespace

TEST_CASE("the head of every operation of a random event is what the whole decoder reads") {
  test::EventScript script(91);
  std::vector<core::Operation> ops = script.set_up(12);
  for (int i = 0; i < 4000; ++i) {
    if (auto op = script.random_operation(true)) ops.push_back(*op);
  }
  std::set<int> kinds;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const core::Operation& op = ops[i];
    std::vector<net::Contact> contacts;
    if (i % 3 == 0) contacts.push_back({7, "seven@example.org"});
    const std::string line = net::encode_applied(op, contacts);
    CAPTURE(line);
    const net::AppliedHead h = head(line);
    auto whole = net::parse_hub_message(line);
    REQUIRE(whole.ok());
    CHECK(h == net::head_of(std::get<net::Applied>(*whole).op));
    CHECK(h == net::head_of(op));
    CHECK(h.seq == op.sequence);
    kinds.insert(h.kind);
  }
  // The script makes most kinds: requests, answers, edits, registrations, the organiser's.
  CHECK(kinds.size() >= 15);
  CHECK(kinds.count(static_cast<int>(core::OperationPayload(core::RequestMeeting{}).index())) == 1);
  CHECK(kinds.count(static_cast<int>(core::OperationPayload(core::EditProfile{}).index())) == 1);
}

TEST_CASE("a head does not depend on the order of fields, spaces or what texts hold") {
  // A request whose message holds what an operation's end looks like, in another order.
  const std::string tricky =
      R"( { "type" : "op", "op" : { "type":"request_meeting", "message":"\"type\":\"edit_profile\"}},{\\ \u00e9 }",)"
      R"( "to" : 6789, "preferred":[{"session":1,"slot":2}], "from":12345, "meeting":4567, "seq":99,)"
      R"( "id":"x", "at":1790000000000, "actor":{"role":"participant","participant":12345} } } )";
  const net::AppliedHead h = head(tricky);
  CHECK(h.is<core::RequestMeeting>());
  CHECK(h.seq == 99);
  CHECK(h.meeting == 4567);
  CHECK(h.from == 12345);
  CHECK(h.to == 6789);
  CHECK(h.participant == 0);
}

TEST_CASE("lines that are not plain op lines are read as the whole decoder reads them") {
  auto pong = net::parse_hub_message_head(R"({"seq":12,"type":"pong"})");
  REQUIRE(pong.ok());
  CHECK(std::get<net::Pong>(*pong).seq == 12);
  auto ack = net::parse_hub_message_head(net::encode(net::Ack{"c-1", 44, false, 9, "tok"}));
  REQUIRE(ack.ok());
  CHECK(std::get<net::Ack>(*ack).id == "c-1");
  CHECK(std::get<net::Ack>(*ack).participant == 9);
  auto refused = net::parse_hub_message_head(
      net::encode(net::Refused{"c-2", core::make_error("rate_limited", "", "Slow down.")}));
  REQUIRE(refused.ok());
  CHECK(std::get<net::Refused>(*refused).error.code == "rate_limited");

  // What the whole decoder refuses, refused the same.
  for (const std::string& line :
       {std::string("hello there"), std::string(R"({"type":"op"})"),
        std::string(R"({"type":"op","op":{"type":"fly","seq":1}})"),
        std::string(R"({"type":"op","op":{"type":"withdraw","participant":1,"seq":1},"shoe":1})"),
        std::string(R"({"type":"op","op":{"type":"withdraw","participant":1,"seq":1})"),
        std::string(
            R"({"type":"op","op":{"type":"withdraw","participant":1,"seq":1}} trailing)")}) {
    CAPTURE(line);
    auto fast = net::parse_hub_message_head(line);
    auto whole = net::parse_hub_message(line);
    REQUIRE_FALSE(fast.ok());
    REQUIRE_FALSE(whole.ok());
    CHECK(fast.error() == whole.error());
  }
}
