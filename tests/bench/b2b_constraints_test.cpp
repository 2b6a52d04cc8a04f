// The B2B instances' organiser constraints as the benchmark reads and checks them: `fixed` and
// `precedences` from a .dzn file, refused with the field at fault when malformed, and the
// schedule checker's verdict on schedules that break them.
#include <doctest/doctest.h>

#include <string>

#include "bench/b2b_instance.hpp"
#include "bench/schedule_check.hpp"

using namespace crossmatch;

namespace {

// Three businesses, three meetings (1-2, 1-3, 2-3), four slots, one table.
std::string instance_text(const std::string& fixed, const std::string& precedences) {
  return "nBusiness = 3; nMeetings = 3; nTables = 1; nTotalSlots = 4; nMorningSlots = 4;\n"
         "requested = [| 1, 2, 3 | 1, 3, 3 | 2, 3, 3 |];\n"
         "forbidden = [{0}, {}, {}];\n"
         "fixed = [" +
         fixed + "];\nprecedences = [" + precedences + "];\n";
}

}  // namespace

TEST_CASE("fixed slots and precedences are read into pinned slots and orders") {
  const auto instance = bench::parse_b2b_dzn(instance_text("0, 3, 0", "{}, {1}, {1, 2}"), "t");
  REQUIRE(instance.ok());
  const auto problem = bench::b2b_problem(*instance);
  REQUIRE(problem.meetings.size() == 3);
  CHECK(!problem.meetings[0].pinned_slot);
  CHECK(problem.meetings[1].pinned_slot == 2);
  CHECK(problem.meetings[0].after.empty());
  CHECK(problem.meetings[1].after == std::vector<int>{0});
  CHECK(problem.meetings[2].after == std::vector<int>{0, 1});
  // All zero and all empty, as in the original files: no constraint at all.
  const auto plain = bench::parse_b2b_dzn(instance_text("0, 0, 0", "{}, {}, {}"), "t");
  REQUIRE(plain.ok());
  CHECK(plain->fixed.empty());
  CHECK(plain->precedences.empty());
}

TEST_CASE("malformed fixed slots and precedences are refused, naming the field") {
  const auto error_of = [](const std::string& fixed, const std::string& precedences) {
    const auto instance = bench::parse_b2b_dzn(instance_text(fixed, precedences), "t");
    REQUIRE(!instance.ok());
    return instance.error();
  };
  CHECK(error_of("0, 3", "{}, {}, {}").field == "fixed");
  CHECK(error_of("0, 5, 0", "{}, {}, {}").field == "fixed[2]");
  CHECK(error_of("0, 0, 0", "{}, {}").field == "precedences");
  const auto self = error_of("0, 0, 0", "{}, {2}, {}");
  CHECK(self.field == "precedences[2]");
  CHECK(self.message.find("other than itself") != std::string::npos);
  CHECK(error_of("0, 0, 0", "{}, {}, {4}").field == "precedences[3]");
  CHECK(error_of("0, 0, 0", "{}, 1, {}").code == "not_a_set");
}

TEST_CASE("the checker refuses a schedule off a fixed slot or out of order") {
  const auto instance = bench::parse_b2b_dzn(instance_text("0, 3, 0", "{}, {1}, {1, 2}"), "t");
  REQUIRE(instance.ok());
  // Meetings 1, 2, 3 in slots 1, 3, 4: fixed slot kept, each after the ones it follows.
  auto report = bench::check_b2b_schedule(*instance, {{1, 1, 1}, {2, 3, 1}, {3, 4, 1}});
  CHECK(report.valid);
  CHECK(report.reason == "");
  report = bench::check_b2b_schedule(*instance, {{1, 1, 1}, {2, 2, 1}, {3, 4, 1}});
  CHECK(!report.valid);
  CHECK(report.reason == "meeting 2 is fixed to slot 3");
  report = bench::check_b2b_schedule(*instance, {{1, 4, 1}, {2, 3, 1}, {3, 2, 1}});
  CHECK(!report.valid);
  CHECK(report.reason.find("must be before meeting") != std::string::npos);
  // A meeting left out breaks no precedence; the schedule is only incomplete.
  report = bench::check_b2b_schedule(*instance, {{2, 3, 1}, {3, 4, 1}});
  CHECK(!report.valid);
  CHECK(report.reason == "1 meetings not scheduled");
}
