#include "core/scheduling/schedule_search.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/random.hpp"
#include <cstdlib>
static int g_retarget = std::getenv("SCH_RT") ? std::atoi(std::getenv("SCH_RT")) : 0;

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
        mark_(static_cast<std::size_t>(model.meetings), 0) {}

  SearchResult run() {
    construct();
    remember_best();
    if (!done() && !model_.movable.empty()) anneal();
    return {best_slots_, best_, budget_.steps()};
  }

 private:
  bool done() const {
    return best_.unplaced == 0 && best_.unfairness == 0 &&
           best_.breaks <= settings_.breaks_lower_bound;
  }

  long long cost() const {
    return state_.cost(settings_.unplaced_weight, settings_.unfairness_weight,
                       settings_.break_weight, settings_.idle_weight);
  }

  void remember_best() {
    const auto score = state_.score();
    if (!best_slots_.empty() && !score.better_than(best_)) return;
    best_ = score;
    best_slots_ = state_.slots();
    if (on_improvement_) on_improvement_(best_, budget_.steps());
  }

  // Best slot for m where it fits without moving anyone (fewest new breaks, ties at random).
  int best_free_slot(int m) {
    int best = -1;
    int best_delta = 0;
    int ties = 0;
    const int k = model_.meeting_class[static_cast<std::size_t>(m)];
    for (const int s : model_.domain_of(m)) {
      bool free = true;
      int delta = 0;
      for (const int p : model_.people_of(m)) {
        if (state_.occupant(p, s) >= 0) {
          free = false;
          break;
        }
        delta += static_cast<int>(settings_.break_weight) * state_.breaks_delta(p, s, true) +
                 static_cast<int>(settings_.idle_weight) * state_.idle_delta(p, s, true);
      }
      if (!free || !state_.fits(s, k)) continue;
      if (best < 0 || delta < best_delta) {
        best = s;
        best_delta = delta;
        ties = 1;
      } else if (delta == best_delta && rng_.below(static_cast<std::uint64_t>(++ties)) == 0) {
        best = s;
      }
    }
    return best;
  }

  // A greedy start: existing placements first (when moves are allowed), then the meetings with
  // the fewest allowed slots and the busiest people, each where it adds the fewest breaks.
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
      for (const int p : model_.people_of(m)) load += static_cast<long long>(model_.meetings_of(p).size());
      const auto domain = static_cast<long long>(model_.domain_of(m).size());
      key[static_cast<std::size_t>(m)] = domain * 1'000'000 - load;
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return key[static_cast<std::size_t>(a)] < key[static_cast<std::size_t>(b)];
    });
    for (const int m : order) {
      budget_.step();
      const int s = best_free_slot(m);
      if (s >= 0) state_.place(m, s);
    }
  }

  bool fits_without_moving(int m, int s) const {
    for (const int p : model_.people_of(m)) {
      if (state_.occupant(p, s) >= 0) return false;
    }
    return state_.fits(s, model_.meeting_class[static_cast<std::size_t>(m)]);
  }

  // Moves m to slot s; whoever is in the way (a person's other meeting, or a meeting taking the
  // last table) leaves and goes to its best free slot, or stays unplaced. False when a kept
  // meeting is in the way. Changes are journaled by the caller.
  bool relocate(int m, int s) {
    ejected_.clear();
    for (const int p : model_.people_of(m)) {
      const int other = state_.occupant(p, s);
      if (other < 0 || other == m) continue;
      if (model_.fixed[static_cast<std::size_t>(other)]) return false;
      if (std::find(ejected_.begin(), ejected_.end(), other) == ejected_.end()) {
        ejected_.push_back(other);
      }
    }
    if (state_.slot_of(m) >= 0) state_.unplace(m);
    for (const int other : ejected_) state_.unplace(other);
    const int k = model_.meeting_class[static_cast<std::size_t>(m)];
    for (int level = state_.full_level(s, k); level >= 0; level = state_.full_level(s, k)) {
      const int other = pick_member(s, level);
      if (other < 0) return false;
      state_.unplace(other);
      ejected_.push_back(other);
    }
    state_.place(m, s);
    if (ejected_.size() > 1) rng_.shuffle(ejected_);
    for (const int other : ejected_) {
      const int to = best_free_slot(other);
      if (to >= 0) state_.place(other, to);
    }
    return true;
  }

  // A random meeting in slot s of class at least `level`, or -1.
  int pick_member(int s, int level) {
    const auto& in_slot = state_.members(s);
    if (in_slot.empty()) return -1;
    const std::size_t start = rng_.below(in_slot.size());
    for (std::size_t i = 0; i < in_slot.size(); ++i) {
      const int m = in_slot[(start + i) % in_slot.size()];
      if (model_.meeting_class[static_cast<std::size_t>(m)] >= level) return m;
    }
    return -1;
  }

  // Swaps slots a (of m) and b for m and every meeting linked to it through a shared person in
  // either slot, so nobody is double-booked afterwards. False when the chain holds a kept
  // meeting, a meeting not allowed in its new slot, or does not fit the tables.
  bool kempe(int m, int b) {
    const int a = state_.slot_of(m);
    chain_.clear();
    chain_.push_back(m);
    ++stamp_;
    mark_[static_cast<std::size_t>(m)] = stamp_;
    for (std::size_t i = 0; i < chain_.size(); ++i) {
      const int x = chain_[i];
      const int from = state_.slot_of(x);
      const int to = from == a ? b : a;
      if (model_.fixed[static_cast<std::size_t>(x)] || !model_.is_allowed(x, to)) return false;
      for (const int p : model_.people_of(x)) {
        const int y = state_.occupant(p, to);
        if (y >= 0 && mark_[static_cast<std::size_t>(y)] != stamp_) {
          mark_[static_cast<std::size_t>(y)] = stamp_;
          chain_.push_back(y);
        }
      }
    }
    std::array<int, kMaxMeetingSize + 1> into_a{};
    for (const int x : chain_) {
      const int sign = state_.slot_of(x) == a ? -1 : 1;
      for (int j = 0; j <= model_.meeting_class[static_cast<std::size_t>(x)]; ++j) {
        into_a[static_cast<std::size_t>(j)] += sign;
      }
    }
    for (int j = 0; j < model_.classes; ++j) {
      const int change = into_a[static_cast<std::size_t>(j)];
      if (state_.load(a, j) + change > model_.cap(a, j)) return false;
      if (state_.load(b, j) - change > model_.cap(b, j)) return false;
    }
    moved_to_.clear();
    for (const int x : chain_) {
      moved_to_.push_back(state_.slot_of(x) == a ? b : a);
      state_.unplace(x);
    }
    for (std::size_t i = 0; i < chain_.size(); ++i) state_.place(chain_[i], moved_to_[i]);
    return true;
  }

  bool has_idle(int m) const {
    const int s = state_.slot_of(m);
    if (s < 0) return true;
    const int day = model_.slot_day[static_cast<std::size_t>(s)];
    for (const int p : model_.people_of(m)) {
      if (day_idle(state_.mask(p, day)) > 0) return true;
    }
    return false;
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

  void anneal() {
    const auto& movable = model_.movable;
    const double cycle = std::max(1000.0, settings_.cycle_moves_per_meeting *
                                              static_cast<double>(movable.size()));
    const double cooling =
        std::log(settings_.end_temperature / settings_.start_temperature) / cycle;
    long long current = cost();
    double step_in_cycle = 0;
    while (!done() && !budget_.step()) {
      const double temperature = settings_.start_temperature * std::exp(cooling * step_in_cycle);
      if (++step_in_cycle >= cycle) {
        step_in_cycle = 0;
        state_.assign(best_slots_);
        current = cost();
      }
      const auto& unplaced = state_.unplaced_meetings();
      int m;
      if (!unplaced.empty() && rng_.chance(0.5)) {
        m = unplaced[rng_.below(unplaced.size())];
      } else {
        m = movable[rng_.below(movable.size())];
        for (int tries = 0; tries < g_retarget && !has_idle(m); ++tries) {
          m = movable[rng_.below(movable.size())];
        }
      }
      const int s = random_other_slot(m);
      if (s < 0) continue;
      state_.begin();
      const bool use_kempe = state_.slot_of(m) >= 0 && rng_.chance(settings_.kempe_share);
      const bool made = use_kempe ? kempe(m, s) : relocate(m, s);
      if (!made) {
        state_.rollback();
        continue;
      }
      const long long next = cost();
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
  ScheduleScore best_;
  std::vector<int> best_slots_;
  std::vector<int> ejected_;
  std::vector<int> chain_;
  std::vector<int> moved_to_;
  std::vector<std::uint32_t> mark_;
  std::uint32_t stamp_ = 0;
};

}  // namespace

SearchResult search_schedule(
    const Model& model, const SearchSettings& settings, SearchBudget& budget,
    const std::function<void(const ScheduleScore&, std::uint64_t steps)>& on_improvement) {
  Annealer annealer(model, settings, budget, on_improvement);
  return annealer.run();
}

}  // namespace crossmatch::core::scheduling
