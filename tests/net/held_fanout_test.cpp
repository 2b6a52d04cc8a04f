// The held fan-out's interval: the configured one while few connections are written at its end,
// longer as more are (at most HeldFanout::kHeldWritesPerSecond writes a second), never past
// HeldFanout::kLongestHold, and 0 (no holding) stays 0.
#include <doctest/doctest.h>

#include <chrono>

#include "net/held_fanout.hpp"

using namespace crossmatch;
using std::chrono::milliseconds;

TEST_CASE("held fan-out: the interval grows with the connections written, within its bounds") {
  using net::HeldFanout;
  const milliseconds shortest(20);
  // Few connections: the configured interval.
  CHECK(HeldFanout::next_hold(0, shortest) == shortest);
  CHECK(HeldFanout::next_hold(100, shortest) == shortest);
  CHECK(HeldFanout::next_hold(HeldFanout::kHeldWritesPerSecond / 50, shortest) == shortest);
  // More: as long as writing them takes at the allowed rate.
  CHECK(HeldFanout::next_hold(HeldFanout::kHeldWritesPerSecond / 20, shortest) == milliseconds(50));
  CHECK(HeldFanout::next_hold(HeldFanout::kHeldWritesPerSecond / 10, shortest) ==
        milliseconds(100));
  // Everyone at a 15,000-person event: 375 ms; more: the longest interval, not more.
  CHECK(HeldFanout::next_hold(15000, shortest) == milliseconds(375));
  CHECK(HeldFanout::next_hold(20000, shortest) == HeldFanout::kLongestHold);
  CHECK(HeldFanout::next_hold(1000000, shortest) == HeldFanout::kLongestHold);
  // An organiser's longer interval is kept; none stays none.
  CHECK(HeldFanout::next_hold(15000, milliseconds(600)) == milliseconds(600));
  CHECK(HeldFanout::next_hold(0, milliseconds(0)) == milliseconds(0));
}
