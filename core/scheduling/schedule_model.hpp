// The scheduling problem compiled for the search: flat arrays of people, allowed slots per
// meeting and free table capacity per slot. Internal to the scheduler.
#pragma once

#include <bit>
#include <cstdint>
#include <span>
#include <vector>

#include "core/scheduling/schedule_problem.hpp"

namespace crossmatch::core::scheduling {

struct Model {
  int participants = 0;
  int slots = 0;
  int days = 0;
  int meetings = 0;
  int classes = 0;  // distinct sizes of the meetings the search places

  std::vector<int> slot_day;            // compacted day index of each slot
  std::vector<std::uint64_t> slot_bit;  // the slot's bit in its day's mask
  std::vector<int> class_size;          // ascending
  // capacity[slot * classes + k]: tables free of kept meetings with at least class_size[k]
  // seats. A slot can hold its meetings iff, for every k, the meetings of class >= k fit.
  std::vector<int> capacity;

  std::vector<int> people_begin, people;  // meeting m's people: [people_begin[m], [m + 1])
  std::vector<int> meeting_class;         // -1 for kept meetings and meetings no table fits
  std::vector<char> fixed;                // kept where it is (moves not allowed)
  std::vector<int> fixed_slot;            // slot of a fixed meeting, else -1
  std::vector<int> warm_slot;             // existing slot to start from when moves are allowed
  std::vector<int> domain_begin, domain;  // slots the search may give meeting m
  std::vector<unsigned char> allowed;     // [m * slots + s]: s is in m's domain
  std::vector<int> person_meetings_begin, person_meetings;  // meetings of each participant
  std::vector<int> movable;  // meetings with a non-empty domain, not fixed
  // Precedences: the meetings that must take place in an earlier slot than m, and those in a
  // later one (a pair holds vacuously while either meeting is not placed).
  std::vector<int> earlier_begin, earlier, later_begin, later;

  std::span<const int> people_of(int m) const {
    return {people.data() + people_begin[static_cast<std::size_t>(m)],
            people.data() + people_begin[static_cast<std::size_t>(m) + 1]};
  }
  std::span<const int> domain_of(int m) const {
    return {domain.data() + domain_begin[static_cast<std::size_t>(m)],
            domain.data() + domain_begin[static_cast<std::size_t>(m) + 1]};
  }
  std::span<const int> meetings_of(int p) const {
    return {person_meetings.data() + person_meetings_begin[static_cast<std::size_t>(p)],
            person_meetings.data() + person_meetings_begin[static_cast<std::size_t>(p) + 1]};
  }
  std::span<const int> earlier_than(int m) const {
    return {earlier.data() + earlier_begin[static_cast<std::size_t>(m)],
            earlier.data() + earlier_begin[static_cast<std::size_t>(m) + 1]};
  }
  std::span<const int> later_than(int m) const {
    return {later.data() + later_begin[static_cast<std::size_t>(m)],
            later.data() + later_begin[static_cast<std::size_t>(m) + 1]};
  }
  bool has_precedences() const { return !earlier.empty(); }
  // Whether meeting m in slot s keeps every precedence with the meetings' slots in `slot_of`
  // (-1: not placed).
  bool order_allows(int m, int s, const std::vector<int>& slot_of) const {
    for (const int a : earlier_than(m)) {
      const int at = slot_of[static_cast<std::size_t>(a)];
      if (at >= 0 && at >= s) return false;
    }
    for (const int b : later_than(m)) {
      const int at = slot_of[static_cast<std::size_t>(b)];
      if (at >= 0 && at <= s) return false;
    }
    return true;
  }
  bool is_allowed(int m, int s) const {
    return allowed[static_cast<std::size_t>(m) * static_cast<std::size_t>(slots) +
                   static_cast<std::size_t>(s)] != 0;
  }
  int cap(int s, int k) const {
    return capacity[static_cast<std::size_t>(s) * static_cast<std::size_t>(classes) +
                    static_cast<std::size_t>(k)];
  }
};

// Whether a participant may meet in slot s at all: available, and the slot matches their and
// the meeting's time of day.
bool time_of_day_fits(TimeOfDay need, const Slot& slot);

// Compiles a validated problem.
Model build_model(const Problem& problem);

// Bit count without a library call: the baseline x86-64 target has no popcnt instruction, and
// std::popcount then calls a helper that dominated the search's profile.
inline int bit_count(std::uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
}

// Breaks in one day of one participant whose busy slots are the set bits of `mask`.
inline int day_breaks(std::uint64_t mask) {
  return mask == 0 ? 0 : bit_count(mask & ~(mask << 1)) - 1;
}

// Idle slots between the first and the last meeting of the day.
inline int day_idle(std::uint64_t mask) {
  return mask == 0 ? 0 : 64 - std::countl_zero(mask) - std::countr_zero(mask) - bit_count(mask);
}

}  // namespace crossmatch::core::scheduling
