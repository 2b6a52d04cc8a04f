// Where the annealing's cycles start again: the best schedule found, or a later schedule as good
// as it (same score) at no higher weighted cost. Restarting from the latest of equal schedules
// walks the cycles across a plateau of them instead of sending every cycle back to the first one
// found, whose basin they may never leave. Internal to the scheduler.
#pragma once

#include <vector>

namespace crossmatch::core::scheduling {

class RestartPoint {
 public:
  // A better schedule than any before: the restarts begin there.
  void start(const std::vector<int>& slot_of, long long cost) {
    slot_of_ = slot_of;
    cost_ = cost;
  }
  // A schedule with the same score as the one given to start(): it becomes the restart point
  // when its weighted cost is at most the current restart point's. Returns whether it did.
  bool offer(const std::vector<int>& slot_of, long long cost) {
    if (slot_of_.empty() || cost > cost_) return false;
    slot_of_ = slot_of;
    cost_ = cost;
    return true;
  }
  const std::vector<int>& slots() const { return slot_of_; }
  long long cost() const { return cost_; }

 private:
  std::vector<int> slot_of_;
  long long cost_ = 0;
};

}  // namespace crossmatch::core::scheduling
