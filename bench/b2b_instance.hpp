// Real brokerage-event instances of the B2B meeting scheduling problem, read from MiniZinc data
// files (.dzn) as published with Bofill et al. (JAIR 2022).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/scheduling/schedule_problem.hpp"

namespace crossmatch::bench {

struct B2bInstance {
  std::string name;  // the file name without ".original.dzn" / ".dzn"
  int businesses = 0;
  int tables = 0;
  int slots = 0;          // slots are 1..slots
  int morning_slots = 0;  // the morning is 1..morning_slots
  struct Request {
    int first = 0;  // businesses, from 1
    int second = 0;
    int code = 3;  // 1 morning, 2 afternoon, 3 any time
  };
  std::vector<Request> requested;           // meetings, in file order
  std::vector<std::vector<int>> forbidden;  // per business, slots from 1 (filler 0 dropped)
  // The organiser's constraints of the crafted variants (empty when the file has none): per
  // meeting, the slot (from 1) it is fixed to or 0; and the meetings (from 1, in the order of
  // `requested`) that must take place in an earlier slot than it.
  std::vector<int> fixed;
  std::vector<std::vector<int>> precedences;
};

// Tolerant of spacing, line breaks, comments, trailing commas and filler entries; an error names
// the field and what is wrong with it.
core::Result<B2bInstance> parse_b2b_dzn(std::string_view text, std::string name);
core::Result<B2bInstance> read_b2b_dzn(const std::string& path);

// The instance as a scheduling problem: one day, 2-seat tables, slots and people from 0.
core::scheduling::Problem b2b_problem(const B2bInstance& instance);

}  // namespace crossmatch::bench
