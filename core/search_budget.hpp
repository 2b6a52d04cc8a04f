// How long a search may run. core reads no clock: the caller decides when time is up (a deadline
// on a real clock in the programs, a step count in tests), and searches poll `exhausted()`.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>

namespace crossmatch::core {

class SearchBudget {
 public:
  // At most `max_steps` calls of `step()`; `out_of_time`, when given, is asked every
  // `poll_every` steps and ends the search when it says so. A search under a step budget alone
  // is deterministic for its seed.
  explicit SearchBudget(std::uint64_t max_steps = std::numeric_limits<std::uint64_t>::max(),
                        std::function<bool()> out_of_time = {}, std::uint64_t poll_every = 256)
      : max_steps_(max_steps), out_of_time_(std::move(out_of_time)), poll_every_(poll_every) {}

  // Counts one unit of work; true when the search must stop.
  bool step() {
    ++steps_;
    if (steps_ >= max_steps_) stopped_ = true;
    if (!stopped_ && out_of_time_ && steps_ % poll_every_ == 0 && out_of_time_()) stopped_ = true;
    return stopped_;
  }

  // True once the budget is spent (asks the clock now, not only every poll_every steps).
  bool exhausted() {
    if (!stopped_ && out_of_time_ && out_of_time_()) stopped_ = true;
    return stopped_ || steps_ >= max_steps_;
  }

  std::uint64_t steps() const { return steps_; }

  // A budget for one of several searches the caller runs at once: the steps left and the same
  // clock, and it also ends once `stop` is set. `out_of_time` is then asked from several threads
  // at once, so it must be safe to call that way (a clock, an atomic flag).
  SearchBudget beside(const std::atomic<bool>& stop) const {
    const std::uint64_t left = steps_ < max_steps_ ? max_steps_ - steps_ : 0;
    return SearchBudget(
        left,
        [clock = out_of_time_, &stop] {
          return stop.load(std::memory_order_relaxed) || (clock && clock());
        },
        poll_every_);
  }

  // Counts steps that searches run beside this one used.
  void spend(std::uint64_t steps) {
    steps_ += steps;
    if (steps_ >= max_steps_) stopped_ = true;
  }

 private:
  std::uint64_t max_steps_;
  std::function<bool()> out_of_time_;
  std::uint64_t poll_every_;
  std::uint64_t steps_ = 0;
  bool stopped_ = false;
};

}  // namespace crossmatch::core
