// Large-neighbourhood search with the exact solver: keep part of the best schedule, free the
// meetings of some people, of a window of slots or at random, and ask for fewer breaks. Internal to
// the scheduler.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/random.hpp"
#include "core/scheduling/schedule_model.hpp"
#include "core/scheduling/schedule_sat.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::core::scheduling {

class ScheduleLns {
 public:
  // Schedules with at most `most_per_person` breaks for anyone and, in total, at most
  // `most_breaks` (the first target; later targets may only be lower).
  ScheduleLns(const Model& model, int most_per_person, int most_breaks,
              sat::Engine engine = sat::Engine::cdcl);

  // Neighbourhoods of `best` (every movable meeting placed) one after another, each for a few
  // hundred conflicts, until one holds a schedule with at most `target` breaks or `conflicts`
  // conflicts are spent. The schedule found differs from `best` only in the meetings of its
  // neighbourhood.
  std::optional<std::vector<int>> improve(const std::vector<int>& best, int target, Rng& rng,
                                          SearchBudget& budget, std::uint64_t conflicts);
  // True once the solver showed that no schedule at all has at most the last target's breaks.
  bool refuted() const { return sat_.refuted(); }

  // The meetings (free[m] != 0) of one neighbourhood of `slot_of`, about `size` of them: all
  // meetings of some people with breaks and of people they meet, all meetings in a window of
  // slots around a break, or meetings picked at random (a third each).
  std::vector<char> neighbourhood(const std::vector<int>& slot_of, std::size_t size, Rng& rng);

 private:
  void grow_by_people(const std::vector<int>& slot_of, std::size_t size, Rng& rng,
                      std::vector<char>& free);
  void grow_by_window(const std::vector<int>& slot_of, std::size_t size, Rng& rng,
                      std::vector<char>& free);
  // Participants with breaks in `slot_of` and, per participant, the slots where a break starts.
  void find_breaks(const std::vector<int>& slot_of);

  const Model& model_;
  ScheduleSat sat_;
  double size_;  // meetings per neighbourhood: grows while neighbourhoods are settled in time
  std::vector<int> with_breaks_;
  std::vector<int> break_slots_;      // slots where some participant's break starts
  std::vector<std::uint64_t> masks_;  // scratch: [p * days + day]
};

}  // namespace crossmatch::core::scheduling
