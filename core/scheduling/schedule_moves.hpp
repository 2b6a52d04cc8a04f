// The moves of the scheduling search. Each changes a valid partial schedule into another one
// through the state's journal, so the caller can measure the change and keep or undo it.
// Internal to the scheduler.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/random.hpp"
#include "core/scheduling/min_cost_assignment.hpp"
#include "core/scheduling/schedule_model.hpp"
#include "core/scheduling/schedule_state.hpp"

namespace crossmatch::core::scheduling {

// Weights of the search's cost. Idle slots inside a day count too: they give the search a slope
// towards closing breaks where the count of breaks alone is flat.
struct CostWeights {
  long long unplaced = 5;
  long long unfairness = 6;
  long long breaks = 2;
  long long idle = 1;
};

class ScheduleMoves {
 public:
  ScheduleMoves(const Model& model, ScheduleState& state, Rng& rng, const CostWeights& weights);

  long long cost() const;

  // Best slot for m where it fits without moving anyone (least added cost, ties at random), or
  // -1.
  int best_free_slot(int m);
  // A slot in a gap or at an end of a run of one of m's people, allowed for m, or -1.
  int slot_next_to_partners(int m);

  // Moves m to slot s; whoever is in the way (a person's other meeting, or a meeting holding the
  // last fitting table) leaves for its best free slot, or stays unplaced. False when a kept
  // meeting is in the way.
  bool relocate(int m, int s);
  // Swaps slots a (m's) and b for m and every meeting linked to it through people busy in both
  // slots (a Kempe chain), so nobody is double-booked. False when the chain holds a kept meeting
  // or a meeting not allowed in its new slot, or does not fit the tables.
  bool kempe(int m, int b);
  // The best exchange between slots a and b: the Kempe components of their meetings change
  // sides independently, so a knapsack over the components finds the cheapest set that still
  // fits the tables. False when no exchange lowers the cost or the slots are too full to try.
  bool exchange_slots(int a, int b);
  // Puts all meetings of participant p into one run of consecutive slots of a day (chosen at
  // random among those p can attend), each to the slot that suits its partners best (an
  // assignment problem); whoever is in the way leaves for its best free slot.
  bool repack(int p);

 private:
  long long day_cost(std::uint64_t mask) const;
  long long move_cost(int p, int from, int to) const;
  long long join_cost(int p, int s) const;
  int pick_member(int s, int level);
  bool eject_for(int m, int s);
  void reinsert_ejected();

  static constexpr int kLevels = 4;  // size classes the exchange's knapsack handles
  struct Component {
    long long delta = 0;
    std::array<int, kLevels> net{};  // meetings per class level moving from a to b
    bool frozen = false;
    int begin = 0;
    int end = 0;
  };
  struct KnapsackEntry {
    std::array<int, kLevels> net{};
    long long cost = 0;
    int previous = -1;
    bool took = false;
  };

  const Model& model_;
  ScheduleState& state_;
  Rng& rng_;
  CostWeights weights_;
  std::vector<int> day_first_;
  std::vector<int> ejected_;
  std::vector<int> chain_;
  std::vector<int> moved_to_;
  std::vector<std::uint32_t> mark_;
  std::uint32_t stamp_ = 0;
  std::vector<Component> components_;
  std::vector<int> component_members_;
  std::vector<std::vector<KnapsackEntry>> layers_;
  std::vector<int> packed_;
  std::vector<long long> pack_cost_;
  MinCostAssignment assignment_;
};

}  // namespace crossmatch::core::scheduling
