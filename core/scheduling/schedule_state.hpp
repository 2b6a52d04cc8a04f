// A partial schedule kept valid at every step, with its breaks, fairness and slot loads updated
// incrementally, and a journal to take back a tried move. Internal to the scheduler.
#pragma once

#include <cstdint>
#include <vector>

#include "core/scheduling/schedule_model.hpp"

namespace crossmatch::core::scheduling {

// The search's objective: unplaced meetings first, then unfairness, then breaks.
struct ScheduleScore {
  int unplaced = 0;
  int unfairness = 0;  // how far the spread of breaks exceeds kMaxBreakSpread
  int breaks = 0;
  int spread = 0;  // most breaks of anyone minus fewest (reported, not compared)
  bool operator==(const ScheduleScore&) const = default;
  bool better_than(const ScheduleScore& other) const {
    if (unplaced != other.unplaced) return unplaced < other.unplaced;
    if (unfairness != other.unfairness) return unfairness < other.unfairness;
    return breaks < other.breaks;
  }
};

class ScheduleState {
 public:
  explicit ScheduleState(const Model& model);

  // Puts an unplaced meeting into slot s: the caller has made sure nobody is busy there and the
  // slot has room. Kept meetings are placed once at construction and never moved.
  void place(int m, int s);
  void unplace(int m);
  void move(int m, int s) {
    unplace(m);
    place(m, s);
  }

  int slot_of(int m) const { return slot_of_[static_cast<std::size_t>(m)]; }
  // The meeting of participant p in slot s, or -1.
  int occupant(int p, int s) const {
    return occupant_[static_cast<std::size_t>(p) * slots_ + static_cast<std::size_t>(s)];
  }
  // Whether one more meeting of class k fits in slot s; else the highest class level that is
  // full (a meeting of class >= that level must leave to make room).
  int full_level(int s, int k) const {
    for (int j = k; j >= 0; --j) {
      if (load(s, j) >= model_->cap(s, j)) return j;
    }
    return -1;
  }
  bool fits(int s, int k) const { return full_level(s, k) < 0; }
  int load(int s, int k) const {
    return load_[static_cast<std::size_t>(s) * classes_ + static_cast<std::size_t>(k)];
  }
  std::uint64_t mask(int p, int day) const {
    return mask_[static_cast<std::size_t>(p) * days_ + static_cast<std::size_t>(day)];
  }
  // Change in participant p's breaks if slot s became busy (true) or free (false) for them.
  int breaks_delta(int p, int s, bool busy) const {
    const auto day = model_->slot_day[static_cast<std::size_t>(s)];
    const std::uint64_t before = mask(p, day);
    const std::uint64_t bit = model_->slot_bit[static_cast<std::size_t>(s)];
    return day_breaks(busy ? (before | bit) : (before & ~bit)) - day_breaks(before);
  }
  int idle_delta(int p, int s, bool busy) const {
    const auto day = model_->slot_day[static_cast<std::size_t>(s)];
    const std::uint64_t before = mask(p, day);
    const std::uint64_t bit = model_->slot_bit[static_cast<std::size_t>(s)];
    return day_idle(busy ? (before | bit) : (before & ~bit)) - day_idle(before);
  }

  const std::vector<int>& members(int s) const { return members_[static_cast<std::size_t>(s)]; }
  const std::vector<int>& unplaced_meetings() const { return unplaced_; }
  int breaks_of(int p) const { return breaks_[static_cast<std::size_t>(p)]; }
  int total_breaks() const { return total_breaks_; }
  int total_idle() const { return total_idle_; }
  int spread() const { return max_breaks_ - min_breaks_; }
  int max_breaks() const { return max_breaks_; }
  int min_breaks() const { return min_breaks_; }
  // Participants with exactly b breaks (b <= max_breaks()).
  const std::vector<int>& participants_with(int b) const {
    return with_breaks_[static_cast<std::size_t>(b)];
  }
  ScheduleScore score() const;

  // Journal: `begin()` starts recording changes, `rollback()` undoes them, `commit()` keeps them.
  void begin() {
    journal_.clear();
    recording_ = true;
  }
  void rollback();
  void commit() { recording_ = false; }
  // Calls f(meeting) for each change recorded since begin() (a meeting may come more than once).
  template <class F>
  void for_each_change(F f) const {
    for (const auto& change : journal_) f(change.meeting);
  }

  const std::vector<int>& slots() const { return slot_of_; }
  // Replaces the whole assignment (for restarting from the best schedule).
  void assign(const std::vector<int>& slot_of);

 private:
  void set_busy(int p, int s, int m);
  void set_free(int p, int s);
  void change_breaks(int p, int delta);

  const Model* model_;
  std::size_t slots_, days_, classes_;
  std::vector<int> slot_of_;
  std::vector<int> occupant_;
  std::vector<std::uint64_t> mask_;
  std::vector<int> breaks_;
  std::vector<std::vector<int>> with_breaks_;  // participants by number of breaks
  std::vector<int> with_breaks_index_;
  int max_breaks_ = 0;
  int min_breaks_ = 0;
  int total_breaks_ = 0;
  int total_idle_ = 0;
  std::vector<int> load_;
  std::vector<std::vector<int>> members_;  // movable meetings per slot
  std::vector<int> member_index_;
  std::vector<int> unplaced_;  // movable meetings without a slot
  std::vector<int> unplaced_index_;
  struct Change {
    int meeting;
    int previous_slot;
  };
  std::vector<Change> journal_;
  bool recording_ = false;
};

}  // namespace crossmatch::core::scheduling
