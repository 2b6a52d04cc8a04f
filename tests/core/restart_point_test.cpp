#include <doctest/doctest.h>

#include <vector>

#include "core/scheduling/restart_point.hpp"

using crossmatch::core::scheduling::RestartPoint;

TEST_CASE("restarts move along schedules as good as the best, never to a costlier one") {
  RestartPoint restart;
  // Nothing to restart from before a best schedule exists.
  CHECK_FALSE(restart.offer({0, 1}, 0));
  CHECK(restart.slots().empty());

  const std::vector<int> best{0, 1, 2};
  restart.start(best, 10);
  CHECK(restart.slots() == best);
  CHECK(restart.cost() == 10);

  // An equal schedule at a higher cost is no restart point; at the same or a lower cost it is.
  CHECK_FALSE(restart.offer({2, 1, 0}, 11));
  CHECK(restart.slots() == best);
  CHECK(restart.offer({1, 2, 0}, 10));
  CHECK(restart.slots() == std::vector<int>{1, 2, 0});
  CHECK(restart.offer({2, 0, 1}, 7));
  CHECK(restart.cost() == 7);
  // The bar is the latest restart point's cost, not the best's.
  CHECK_FALSE(restart.offer({0, 2, 1}, 9));
  CHECK(restart.slots() == std::vector<int>{2, 0, 1});

  // A better schedule starts over, whatever its cost.
  restart.start({3, 3, 3}, 20);
  CHECK(restart.slots() == std::vector<int>{3, 3, 3});
  CHECK(restart.offer({4, 4, 4}, 20));
}
