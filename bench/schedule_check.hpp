// Checks a schedule against its instance with code of its own: it reads only the instance and
// the `meeting slot table` lines the benchmark writes, never the scheduler's state.
#pragma once

#include <string>
#include <vector>

#include "bench/b2b_instance.hpp"
#include "core/scheduling/schedule_problem.hpp"

namespace crossmatch::bench {

// One line of a schedule file: meeting, slot and table, all from 1.
struct ScheduledMeeting {
  int meeting = 0;
  int slot = 0;
  int table = 0;
};

struct CheckReport {
  bool valid = false;  // every rule kept and every meeting scheduled
  int scheduled = 0;
  int breaks = 0;
  int max_minus_min_breaks = 0;
  std::string reason;  // the first rule broken, or what is missing
};

CheckReport check_b2b_schedule(const B2bInstance& instance,
                               const std::vector<ScheduledMeeting>& schedule);

// For generated events: the problem's own rules (days, seats, time of day, unavailability, and
// meetings that must stay where they are). `expected` is how many meetings must be scheduled.
CheckReport check_event_schedule(const core::scheduling::Problem& problem,
                                 const std::vector<ScheduledMeeting>& schedule, int expected);

}  // namespace crossmatch::bench
