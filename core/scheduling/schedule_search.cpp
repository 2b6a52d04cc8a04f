#include "core/scheduling/schedule_search.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/random.hpp"
#include "core/scheduling/restart_point.hpp"
#include "core/scheduling/schedule_lns.hpp"
#include "core/scheduling/schedule_sat.hpp"
#include "core/scheduling/scheduler.hpp"

namespace crossmatch::core::scheduling {

namespace {

// A bound on breaks no schedule reaches: the clauses then bound each person's breaks only.
constexpr int kNoBreakBound = 1 << 30;

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
        moves_(model, state_, rng_, settings.weights),
        lower_bound_(settings.breaks_lower_bound) {}

  SearchResult run() {
    construct();
    remember_best();
    if (!done() && !model_.movable.empty()) anneal();
    // Reaching a lower bound the exact search raised proves the best optimal too.
    if (best_.unplaced == 0 && best_.unfairness == 0 &&
        lower_bound_ > settings_.breaks_lower_bound && best_.breaks <= lower_bound_) {
      proven_ = true;
    }
    if (proven_ && best_.unplaced == 0 && best_.unfairness == 0)
      lower_bound_ = std::max(lower_bound_, best_.breaks);
    return {best_slots_, best_, budget_.steps(), proven_, lower_bound_};
  }

 private:
  bool done() const {
    return proven_ ||
           (best_.unplaced == 0 && best_.unfairness == 0 && best_.breaks <= lower_bound_);
  }

  void remember_best() {
    const auto score = state_.score();
    if (!best_slots_.empty() && !score.better_than(best_)) return;
    best_ = score;
    best_slots_ = state_.slots();
    restart_.start(best_slots_, moves_.cost());
    improved_at_ = budget_.steps();
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
      if (warm >= 0 && fits_without_moving(m, warm) &&
          model_.order_allows(m, warm, state_.slots())) {
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
      if (s >= 0 && model_.order_allows(m, s, state_.slots())) state_.place(m, s);
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

  // Whether the meetings the tried move placed keep their precedences (the moves themselves
  // know nothing of them).
  bool order_kept() const {
    if (!model_.has_precedences()) return true;
    bool kept = true;
    state_.for_each_change([&](int m) {
      const int s = state_.slot_of(m);
      if (kept && s >= 0 && !model_.order_allows(m, s, state_.slots())) kept = false;
    });
    return kept;
  }

  bool exact_fits() const {
    std::size_t cells = 0;
    for (const int m : model_.movable) cells += model_.domain_of(m).size();
    return cells <= settings_.exact_most_cells;
  }

  // One slice of the exact search: a fair schedule with at most `target` breaks, where the
  // target is the lower bound once the best is near it, else one break fewer than the best. The
  // solver keeps what it learnt from slice to slice (bounds only tighten). A refuted target
  // proves the best optimal, or raises the lower bound, as long as somebody cannot have a break
  // at all: the fairness rule is then exactly "at most kMaxBreakSpread breaks each", which is
  // what the clauses say.
  void exact_slice() {
    near_bound_ = best_.breaks - lower_bound_ <= settings_.exact_near_bound;
    const int target = near_bound_ ? lower_bound_ : best_.breaks - 1;
    if (!exact_) {
      exact_ = std::make_unique<ScheduleSat>(model_, kMaxBreakSpread, target, settings_.engine);
      exact_preferred_ = -1;
    }
    // From the best schedule, when it is new: else the solver goes on from its own phases.
    if (exact_preferred_ != best_.breaks) {
      exact_->prefer(best_slots_);
      exact_preferred_ = best_.breaks;
    }
    const auto found = exact_->solve(target, budget_, settings_.exact_conflicts);
    if (found) {
      // The annealing goes on from the schedule found.
      state_.assign(*found);
      if (state_.score().better_than(best_)) remember_best();
      return;
    }
    if (!exact_->refuted()) return;
    exact_.reset();
    if (!nobody_has_breaks_to_spare()) {
      exact_off_ = true;
    } else if (target >= best_.breaks - 1) {
      proven_ = true;
    } else {
      lower_bound_ = target + 1;
    }
  }

  // While some meetings are left out (pinned meetings and precedences leave the annealing little
  // room): one slice of the exact search for a schedule placing every meeting, with no bound on
  // breaks (the annealing then makes it fair). A refutation shows that no schedule places every
  // meeting, and ends these slices.
  void complete_slice() {
    if (!complete_) {
      complete_ = std::make_unique<ScheduleSat>(model_, model_.slots, 0, settings_.engine);
      complete_->prefer(best_slots_);
    }
    const auto found = complete_->solve(kNoBreakBound, budget_, settings_.exact_conflicts);
    if (found) {
      state_.assign(*found);
      if (state_.score().better_than(best_)) remember_best();
      complete_.reset();
      complete_off_ = true;
      return;
    }
    if (complete_->refuted()) {
      complete_.reset();
      complete_off_ = true;
    }
  }

  // Large-neighbourhood search from the best schedule for one break fewer, for
  // `lns_conflicts` conflicts; each schedule it finds becomes the best and the next start.
  void lns_slice() {
    if (lns_off_ || settings_.lns_conflicts == 0 || best_.breaks == 0 || near_bound_ ||
        budget_.steps() - improved_at_ < settings_.exact_long_stall) {
      return;
    }
    if (!lns_)
      lns_ = std::make_unique<ScheduleLns>(model_, kMaxBreakSpread, best_.breaks - 1,
                                           settings_.engine);
    std::uint64_t spent = 0;
    while (spent < settings_.lns_conflicts && !done() && !budget_.exhausted()) {
      const std::uint64_t before = budget_.steps();
      const auto found = lns_->improve(best_slots_, best_.breaks - 1, rng_, budget_,
                                       settings_.lns_conflicts - spent);
      spent += budget_.steps() - before;
      if (found) {
        state_.assign(*found);
        if (state_.score().better_than(best_)) remember_best();
        continue;
      }
      if (lns_->refuted()) {
        // No schedule at all has fewer breaks (see exact_slice()).
        lns_off_ = true;
        if (nobody_has_breaks_to_spare()) proven_ = true;
      }
      return;
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
    // Once the annealing has found nothing better for `exact_after_stall` moves, it takes turns
    // with the exact search, by work done: `exact_conflicts` conflicts, then `anneal_slice` moves.
    std::uint64_t exact_at = 0;
    while (!done() && !budget_.step()) {
      if (exact && !exact_off_ && best_.unplaced == 0 && best_.unfairness == 0 &&
          budget_.steps() >= exact_at &&
          budget_.steps() - annealing_improved_at_ >= settings_.exact_after_stall) {
        exact_slice();
        if (done()) return;
        lns_slice();
        if (done()) return;
        exact_at = budget_.steps() + settings_.anneal_slice;
        current = moves_.cost();
        continue;
      }
      if (exact && !complete_off_ && best_.unplaced > 0 && budget_.steps() >= exact_at &&
          budget_.steps() - annealing_improved_at_ >= settings_.exact_after_stall) {
        complete_slice();
        if (done()) return;
        exact_at = budget_.steps() + settings_.anneal_slice;
        current = moves_.cost();
        continue;
      }
      if (++step_in_cycle >= cycle) {
        step_in_cycle = 0;
        state_.assign(restart_.slots());
        current = moves_.cost();
      }
      const double temperature = settings_.start_temperature * std::exp(cooling * step_in_cycle);
      const int m = pick_meeting();
      state_.begin();
      if (!try_move(m) || !order_kept()) {
        state_.rollback();
        continue;
      }
      const long long next = moves_.cost();
      const long long delta = next - current;
      if (delta <= 0 || rng_.unit() < std::exp(-static_cast<double>(delta) / temperature)) {
        state_.commit();
        current = next;
        const auto score = state_.score();
        if (score.better_than(best_)) {
          remember_best();
          annealing_improved_at_ = budget_.steps();
        } else if (score == best_) {
          restart_.offer(state_.slots(), current);
        }
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
  RestartPoint restart_;  // where each cycle starts: the best, or a later equal schedule
  std::unique_ptr<ScheduleSat> exact_;
  std::unique_ptr<ScheduleLns> lns_;
  std::unique_ptr<ScheduleSat> complete_;  // the search for a schedule placing every meeting
  bool complete_off_ = false;
  int lower_bound_;
  std::uint64_t improved_at_ = 0;
  // The last improvement the annealing found itself: the exact search's turns begin once the
  // annealing stalls, and go on after schedules the exact search found.
  std::uint64_t annealing_improved_at_ = 0;
  bool exact_off_ = false;
  bool lns_off_ = false;
  bool near_bound_ = false;   // the exact search aims at the lower bound
  int exact_preferred_ = -1;  // breaks of the schedule the solver was last pointed at
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
