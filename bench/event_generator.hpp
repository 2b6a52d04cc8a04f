// Generated brokerage events for the scheduling benchmark at scale: popular and quiet
// participants, a few three-person meetings, unavailable stretches and time-of-day requirements.
#pragma once

#include <cstdint>

#include "core/error.hpp"
#include "core/scheduling/schedule_problem.hpp"

namespace crossmatch::bench {

struct EventShape {
  int participants = 1000;
  int meetings = 10000;
  int days = 2;
  int slots_per_day = 24;  // the first half of each day is the morning
  int tables = 0;          // 0: a quarter more than the meetings per slot need
  std::uint64_t seed = 1;
};

core::Result<core::scheduling::Problem> generate_event(const EventShape& shape);

}  // namespace crossmatch::bench
