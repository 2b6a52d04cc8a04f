#include "core/scheduling/schedule_search.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/random.hpp"
#include "core/scheduling/schedule_sat.hpp"
#include "core/scheduling/scheduler.hpp"

namespace crossmatch::core::scheduling {

namespace {

class Annealer {
 public:
  Annealer(const Model& model, const SearchSettings& settings, SearchBudget& budget,
           const std::function<void(const ScheduleScore&, std::uint64_t)>& on_improvement)
      : model_(model),
        settings_(settings),
        budget_(budget),
        on_improvement_(on_improvement),
        state_(model),
        rng_(settings.seed),
        moves_(model, state_, rng_, settings.weights) {}

  SearchResult run() {
    construct();
    remember_best();
    if (!done() && !model_.movable.empty()) anneal();
    return {best_slots_, best_, budget_.steps(), proven_};
  }

 private:
  bool done() const {
    return proven_ || (best_.unplaced == 0 && best_.unfairness == 0 &&
                       best_.breaks <= settings_.breaks_lower_bound);
  }

  void remember_best() {
    const auto score = state_.score();
    if (!best_slots_.empty() && !score.better_than(best_)) return;
    best_ = score;
    best_slots_ = state_.slots();
    if (on_improvement_) on_improvement_(best_, budget_.steps());
  }

  bool fits_without_moving(int m, int s) const {
    for (const int p : model_.people_of(m)) {
      if (state_.occupant(p, s) >= 0) return false;
    }
    return state_.fits(s, model_.meeting_class[static_cast<std::size_t>(m)]);
  }

  // A greedy start: existing placements first (when moves are allowed), then the meetings with
  // the fewest allowed slots and the busiest people, each where it adds least.
  void construct() {
    std::vector<int> order;
    for (const int m : model_.movable) {
      const int warm = model_.warm_slot[static_cast<std::size_t>(m)];
      if (warm >= 0 && fits_without_moving(m, warm)) {
        state_.place(m, warm);
      } else {
        order.push_back(m);
      }
    }
    std::vector<long long> key(static_cast<std::size_t>(model_.meetings), 0);
    for (const int m : order) {
      long long load = 0;
      for (const int p : model_.people_of(m)) {
        load += static_cast<long long>(model_.meetings_of(p).size());
      }
      const auto domain = static_cast<long long>(model_.domain_of(m).size());
      key[static_cast<std::size_t>(m)] = domain * 1'000'000 - load;
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return key[static_cast<std::size_t>(a)] < key[static_cast<std::size_t>(b)];
    });
    for (const int m : order) {
      budget_.step();
      const int s = moves_.best_free_slot(m);
      if (s >= 0) state_.place(m, s);
    }
  }

  int random_other_slot(int m) {
    const auto domain = model_.domain_of(m);
    const int now = state_.slot_of(m);
    if (domain.size() == 1) return domain[0] == now ? -1 : domain[0];
    for (;;) {
      const int s = domain[rng_.below(domain.size())];
      if (s != now) return s;
    }
  }

  // Which meeting to move: often an unplaced one while there are any, sometimes one of a
  // participant with the most breaks while the schedule is unfair, else any.
  int pick_meeting() {
    const auto& unplaced = state_.unplaced_meetings();
    if (!unplaced.empty() && rng_.chance(0.5)) return unplaced[rng_.below(unplaced.size())];
    if (state_.spread() > kMaxBreakSpread && rng_.chance(0.3)) {
      const auto& worst = state_.participants_with(state_.max_breaks());
      const int p = worst[rng_.below(worst.size())];
      const auto mine = model_.meetings_of(p);
      const int m = mine[rng_.below(mine.size())];
      if (!model_.fixed[static_cast<std::size_t>(m)] && !model_.domain_of(m).empty()) return m;
    }
    return model_.movable[rng_.below(model_.movable.size())];
  }

  // Half the time a participant with breaks, else one of m's people.
  int repack_target(int m) {
    if (state_.max_breaks() > 0 && rng_.chance(0.5)) {
      const int b =
          1 + static_cast<int>(rng_.below(static_cast<std::uint64_t>(state_.max_breaks())));
      const auto& with = state_.participants_with(b);
      if (!with.empty()) return with[rng_.below(with.size())];
    }
    const auto people = model_.people_of(m);
    return people[rng_.below(people.size())];
  }

  bool try_move(int m) {
    int s = -1;
    if (rng_.chance(settings_.next_to_partners_share)) s = moves_.slot_next_to_partners(m);
    if (s < 0) s = random_other_slot(m);
    if (s < 0) return false;
    const bool placed = state_.slot_of(m) >= 0;
    const double pick = rng_.unit();
    double share = settings_.repack_share;
    if (pick < share) return moves_.repack(repack_target(m));
    share += settings_.exchange_share;
    if (placed && pick < share) return moves_.exchange_slots(state_.slot_of(m), s);
    share += settings_.kempe_share;
    if (placed && pick < share) return moves_.kempe(m, s);
    return moves_.relocate(m, s);
  }

  bool exact_fits() const {
    std::size_t cells = 0;
    for (const int m : model_.movable) cells += model_.domain_of(m).size();
    return cells <= settings_.exact_most_cells;
  }

  // Asks the exact search for a fair schedule with one break fewer than the best: mostly with
  // much of the best schedule kept (large neighbourhoods, quick to answer), now and then with
  // nothing kept. Ends when the budget is spent, or when the clauses alone refute one break
  // fewer (the best is then optimal: when somebody cannot have a break at all, the fairness rule
  // is exactly "at most kMaxBreakSpread breaks each").
  void exact_search() {
    if (!exact_) exact_ = std::make_unique<ScheduleSat>(model_, kMaxBreakSpread, best_.breaks - 1);
    // A slice of the search for a schedule at the lower bound; the solver keeps what it learnt
    // for the next slice.
    free_.assign(static_cast<std::size_t>(model_.meetings), 1);
    exact_->prefer(best_slots_);
    const auto found = exact_->solve_around(best_slots_, free_, settings_.breaks_lower_bound, budget_,
                                            settings_.exact_conflicts);
    if (found) {
      state_.assign(*found);
      if (state_.score().better_than(best_)) remember_best();
    }
    state_.assign(best_slots_);
  }

  // The meetings an exact step may move: everything, the meetings of people reached from someone
  // with breaks through their meetings, or the meetings in a window of slots.
  void choose_free(bool whole) {
    free_.assign(static_cast<std::size_t>(model_.meetings), whole ? 1 : 0);
    if (whole) return;
    const auto target = static_cast<std::size_t>(free_share_ * static_cast<double>(model_.movable.size()));
    std::size_t freed = 0;
    if (rng_.chance(0.5)) {
      const int width = std::max(2, static_cast<int>(free_share_ * model_.slots));
      const int first = static_cast<int>(rng_.below(static_cast<std::uint64_t>(std::max(1, model_.slots - width + 1))));
      for (const int m : model_.movable) {
        const int s = best_slots_[static_cast<std::size_t>(m)];
        if (s >= first && s < first + width) free_[static_cast<std::size_t>(m)] = 1;
      }
      return;
    }
    std::vector<int> queue;
    std::vector<char> reached(static_cast<std::size_t>(model_.participants), 0);
    const auto reach = [&](int p) {
      if (!reached[static_cast<std::size_t>(p)]) {
        reached[static_cast<std::size_t>(p)] = 1;
        queue.push_back(p);
      }
    };
    reach(repack_target(model_.movable[rng_.below(model_.movable.size())]));
    for (std::size_t at = 0; at < queue.size() && freed < target; ++at) {
      if (at + 1 == queue.size() && rng_.chance(0.3)) reach(repack_target(model_.movable[rng_.below(model_.movable.size())]));
      const int p = queue[at];
      const auto mine = model_.meetings_of(p);
      for (const int m : mine) {
        if (free_[static_cast<std::size_t>(m)] || model_.fixed[static_cast<std::size_t>(m)]) continue;
        free_[static_cast<std::size_t>(m)] = 1;
        ++freed;
      }
      // Partners in random order, so that the neighbourhood is not always the same.
      std::vector<int> partners;
      for (const int m : mine) {
        for (const int q : model_.people_of(m)) {
          if (q != p) partners.push_back(q);
        }
      }
      rng_.shuffle(partners);
      for (const int q : partners) reach(q);
    }
  }

  // True when some participant with meetings cannot have a break (at most one meeting).
  bool nobody_has_breaks_to_spare() const {
    for (int p = 0; p < model_.participants; ++p) {
      if (model_.meetings_of(p).size() <= 1) return true;
    }
    return false;
  }

  void anneal() {
    const double cycle =
        std::clamp(settings_.cycle_moves_per_meeting * static_cast<double>(model_.movable.size()),
                   settings_.shortest_cycle, settings_.longest_cycle);
    const double cooling =
        std::log(settings_.end_temperature / settings_.start_temperature) / cycle;
    long long current = moves_.cost();
    double step_in_cycle = 0;
    const bool exact = exact_fits();
    std::uint64_t improved_at = budget_.steps();
    ScheduleScore seen = best_;
    while (!done() && !budget_.step()) {
      if (!(seen == best_)) {
        seen = best_;
        improved_at = budget_.steps();
      }
      if (exact && (!exact_ || !exact_->refuted()) && best_.unplaced == 0 && best_.unfairness == 0 &&
          budget_.steps() - improved_at >= settings_.exact_after_stall) {
        exact_search();
        if (done()) return;
        step_in_cycle = 0;
        current = moves_.cost();
        seen = best_;
        improved_at = budget_.steps();
        continue;
      }
      if (++step_in_cycle >= cycle) {
        step_in_cycle = 0;
        state_.assign(best_slots_);
        current = moves_.cost();
      }
      const double temperature = settings_.start_temperature * std::exp(cooling * step_in_cycle);
      const int m = pick_meeting();
      state_.begin();
      if (!try_move(m)) {
        state_.rollback();
        continue;
      }
      const long long next = moves_.cost();
      const long long delta = next - current;
      if (delta <= 0 || rng_.unit() < std::exp(-static_cast<double>(delta) / temperature)) {
        state_.commit();
        current = next;
        if (state_.score().better_than(best_)) remember_best();
      } else {
        state_.rollback();
      }
    }
  }

  const Model& model_;
  const SearchSettings& settings_;
  SearchBudget& budget_;
  const std::function<void(const ScheduleScore&, std::uint64_t)>& on_improvement_;
  ScheduleState state_;
  Rng rng_;
  ScheduleMoves moves_;
  ScheduleScore best_;
  std::vector<int> best_slots_;
  std::unique_ptr<ScheduleSat> exact_;
  std::vector<char> free_;
  double free_share_ = 0.3;
  bool proven_ = false;
};

}  // namespace

SearchResult search_schedule(
    const Model& model, const SearchSettings& settings, SearchBudget& budget,
    const std::function<void(const ScheduleScore&, std::uint64_t steps)>& on_improvement) {
  Annealer annealer(model, settings, budget, on_improvement);
  return annealer.run();
}

}  // namespace crossmatch::core::scheduling
