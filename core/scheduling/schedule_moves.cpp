#include "core/scheduling/schedule_moves.hpp"

#include <algorithm>
#include <bit>

namespace crossmatch::core::scheduling {

namespace {

// The exchange's knapsack grows with the square of the two slots' meetings; above this it is
// skipped (large events have plenty of other moves).
constexpr std::size_t kMostExchangeMeetings = 64;
constexpr long long kBlocked = 1'000'000'000;

}  // namespace

ScheduleMoves::ScheduleMoves(const Model& model, ScheduleState& state, Rng& rng,
                             const CostWeights& weights)
    : model_(model),
      state_(state),
      rng_(rng),
      weights_(weights),
      mark_(static_cast<std::size_t>(model.meetings), 0) {
  day_first_.assign(static_cast<std::size_t>(model.days), 0);
  for (int s = model.slots - 1; s >= 0; --s) {
    day_first_[static_cast<std::size_t>(model.slot_day[static_cast<std::size_t>(s)])] = s;
  }
}

long long ScheduleMoves::cost() const {
  const auto score = state_.score();
  return weights_.unplaced * score.unplaced + weights_.unfairness * score.unfairness +
         weights_.breaks * score.breaks + weights_.idle * state_.total_idle();
}

long long ScheduleMoves::day_cost(std::uint64_t mask) const {
  return weights_.breaks * day_breaks(mask) + weights_.idle * day_idle(mask);
}

// Change in p's cost if p became busy in slot s.
long long ScheduleMoves::join_cost(int p, int s) const {
  const int day = model_.slot_day[static_cast<std::size_t>(s)];
  const std::uint64_t before = state_.mask(p, day);
  return day_cost(before | model_.slot_bit[static_cast<std::size_t>(s)]) - day_cost(before);
}

// Change in p's cost if their meeting in `from` moved to `to`.
long long ScheduleMoves::move_cost(int p, int from, int to) const {
  const int day_from = model_.slot_day[static_cast<std::size_t>(from)];
  const int day_to = model_.slot_day[static_cast<std::size_t>(to)];
  const std::uint64_t bit_from = model_.slot_bit[static_cast<std::size_t>(from)];
  const std::uint64_t bit_to = model_.slot_bit[static_cast<std::size_t>(to)];
  if (day_from == day_to) {
    const std::uint64_t before = state_.mask(p, day_from);
    return day_cost((before & ~bit_from) | bit_to) - day_cost(before);
  }
  const std::uint64_t source = state_.mask(p, day_from);
  const std::uint64_t target = state_.mask(p, day_to);
  return day_cost(source & ~bit_from) - day_cost(source) + day_cost(target | bit_to) -
         day_cost(target);
}

int ScheduleMoves::best_free_slot(int m) {
  int best = -1;
  long long best_cost = 0;
  int ties = 0;
  const int k = model_.meeting_class[static_cast<std::size_t>(m)];
  for (const int s : model_.domain_of(m)) {
    bool free = true;
    long long added = 0;
    for (const int p : model_.people_of(m)) {
      if (state_.occupant(p, s) >= 0) {
        free = false;
        break;
      }
      added += join_cost(p, s);
    }
    if (!free || !state_.fits(s, k)) continue;
    if (best < 0 || added < best_cost) {
      best = s;
      best_cost = added;
      ties = 1;
    } else if (added == best_cost && rng_.below(static_cast<std::uint64_t>(++ties)) == 0) {
      best = s;
    }
  }
  return best;
}

int ScheduleMoves::slot_next_to_partners(int m) {
  const auto people = model_.people_of(m);
  const int p = people[rng_.below(people.size())];
  const int now = state_.slot_of(m);
  int chosen = -1;
  int seen = 0;
  for (int d = 0; d < model_.days; ++d) {
    std::uint64_t busy = state_.mask(p, d);
    if (now >= 0 && model_.slot_day[static_cast<std::size_t>(now)] == d) {
      busy &= ~model_.slot_bit[static_cast<std::size_t>(now)];
    }
    if (busy == 0) continue;
    std::uint64_t next_to = ((busy << 1) | (busy >> 1)) & ~busy;
    while (next_to != 0) {
      const int bit = std::countr_zero(next_to);
      next_to &= next_to - 1;
      const int s = day_first_[static_cast<std::size_t>(d)] + bit;
      if (s >= model_.slots || model_.slot_day[static_cast<std::size_t>(s)] != d) continue;
      if (s == now || !model_.is_allowed(m, s)) continue;
      if (rng_.below(static_cast<std::uint64_t>(++seen)) == 0) chosen = s;
    }
  }
  return chosen;
}

int ScheduleMoves::pick_member(int s, int level) {
  const auto& in_slot = state_.members(s);
  if (in_slot.empty()) return -1;
  const std::size_t start = rng_.below(in_slot.size());
  for (std::size_t i = 0; i < in_slot.size(); ++i) {
    const int m = in_slot[(start + i) % in_slot.size()];
    if (model_.meeting_class[static_cast<std::size_t>(m)] >= level) return m;
  }
  return -1;
}

// Makes room for unplaced meeting m in slot s: its people's meetings there leave, then meetings
// holding the tables m needs. False when a kept meeting is in the way.
bool ScheduleMoves::eject_for(int m, int s) {
  for (const int p : model_.people_of(m)) {
    const int other = state_.occupant(p, s);
    if (other < 0) continue;
    if (model_.fixed[static_cast<std::size_t>(other)]) return false;
    state_.unplace(other);
    ejected_.push_back(other);
  }
  const int k = model_.meeting_class[static_cast<std::size_t>(m)];
  for (int level = state_.full_level(s, k); level >= 0; level = state_.full_level(s, k)) {
    const int other = pick_member(s, level);
    if (other < 0) return false;
    state_.unplace(other);
    ejected_.push_back(other);
  }
  return true;
}

void ScheduleMoves::reinsert_ejected() {
  if (ejected_.size() > 1) rng_.shuffle(ejected_);
  for (const int other : ejected_) {
    if (state_.slot_of(other) >= 0) continue;
    const int to = best_free_slot(other);
    if (to >= 0) state_.place(other, to);
  }
}

bool ScheduleMoves::relocate(int m, int s) {
  ejected_.clear();
  if (state_.slot_of(m) >= 0) state_.unplace(m);
  if (!eject_for(m, s)) return false;
  state_.place(m, s);
  reinsert_ejected();
  return true;
}

bool ScheduleMoves::kempe(int m, int b) {
  const int a = state_.slot_of(m);
  chain_.clear();
  chain_.push_back(m);
  ++stamp_;
  mark_[static_cast<std::size_t>(m)] = stamp_;
  for (std::size_t i = 0; i < chain_.size(); ++i) {
    const int x = chain_[i];
    const int to = state_.slot_of(x) == a ? b : a;
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

bool ScheduleMoves::exchange_slots(int a, int b) {
  if (model_.classes > kLevels || a == b) return false;
  if (state_.members(a).size() + state_.members(b).size() > kMostExchangeMeetings) return false;
  ++stamp_;
  components_.clear();
  component_members_.clear();
  for (const int side : {a, b}) {
    for (const int start : state_.members(side)) {
      if (mark_[static_cast<std::size_t>(start)] == stamp_) continue;
      Component component;
      component.begin = static_cast<int>(component_members_.size());
      mark_[static_cast<std::size_t>(start)] = stamp_;
      component_members_.push_back(start);
      for (auto i = static_cast<std::size_t>(component.begin); i < component_members_.size(); ++i) {
        const int x = component_members_[i];
        const int from = state_.slot_of(x);
        const int to = from == a ? b : a;
        if (!model_.is_allowed(x, to)) component.frozen = true;
        const int sign = from == a ? 1 : -1;
        for (int j = 0; j <= model_.meeting_class[static_cast<std::size_t>(x)]; ++j) {
          component.net[static_cast<std::size_t>(j)] += sign;
        }
        for (const int p : model_.people_of(x)) {
          const int y = state_.occupant(p, to);
          if (y < 0) {
            // Only people busy in one of the two slots change; their change is the component's.
            component.delta += move_cost(p, from, to);
          } else if (model_.fixed[static_cast<std::size_t>(y)]) {
            component.frozen = true;
          } else if (mark_[static_cast<std::size_t>(y)] != stamp_) {
            mark_[static_cast<std::size_t>(y)] = stamp_;
            component_members_.push_back(y);
          }
        }
      }
      component.end = static_cast<int>(component_members_.size());
      if (!component.frozen) components_.push_back(component);
    }
  }
  if (components_.empty()) return false;

  // Knapsack over the components: one entry per net change of the slots' loads.
  layers_.resize(components_.size() + 1);
  layers_[0].assign(1, KnapsackEntry{});
  for (std::size_t c = 0; c < components_.size(); ++c) {
    auto& next = layers_[c + 1];
    next.clear();
    const auto& component = components_[c];
    for (std::size_t i = 0; i < layers_[c].size(); ++i) {
      for (const bool take : {false, true}) {
        KnapsackEntry candidate = layers_[c][i];
        candidate.previous = static_cast<int>(i);
        candidate.took = take;
        if (take) {
          candidate.cost += component.delta;
          for (std::size_t j = 0; j < kLevels; ++j) candidate.net[j] += component.net[j];
        }
        const auto same = std::find_if(next.begin(), next.end(), [&](const KnapsackEntry& e) {
          return e.net == candidate.net;
        });
        if (same == next.end()) {
          next.push_back(candidate);
        } else if (candidate.cost < same->cost) {
          *same = candidate;
        }
      }
    }
  }
  int best = -1;
  long long best_cost = 0;
  const auto& last = layers_[components_.size()];
  for (std::size_t i = 0; i < last.size(); ++i) {
    bool fits = true;
    for (int j = 0; j < model_.classes; ++j) {
      const int net = last[i].net[static_cast<std::size_t>(j)];
      if (state_.load(a, j) - net > model_.cap(a, j) ||
          state_.load(b, j) + net > model_.cap(b, j)) {
        fits = false;
      }
    }
    if (fits && last[i].cost < best_cost) {
      best = static_cast<int>(i);
      best_cost = last[i].cost;
    }
  }
  if (best < 0) return false;
  chain_.clear();
  for (std::size_t c = components_.size(); c > 0; --c) {
    const auto& entry = layers_[c][static_cast<std::size_t>(best)];
    if (entry.took) {
      const auto& component = components_[c - 1];
      for (int i = component.begin; i < component.end; ++i) {
        chain_.push_back(component_members_[static_cast<std::size_t>(i)]);
      }
    }
    best = entry.previous;
  }
  moved_to_.clear();
  for (const int x : chain_) {
    moved_to_.push_back(state_.slot_of(x) == a ? b : a);
    state_.unplace(x);
  }
  for (std::size_t i = 0; i < chain_.size(); ++i) state_.place(chain_[i], moved_to_[i]);
  return true;
}

bool ScheduleMoves::repack(int p) {
  packed_.clear();
  for (const int x : model_.meetings_of(p)) {
    if (model_.fixed[static_cast<std::size_t>(x)]) return false;
    if (!model_.domain_of(x).empty()) packed_.push_back(x);
  }
  const int n = static_cast<int>(packed_.size());
  if (n < 2) return false;
  // A run of n slots of one day, all allowed for some meeting of p (reservoir sampling).
  int start = -1;
  int seen = 0;
  for (int first = 0; first + n <= model_.slots; ++first) {
    const int day = model_.slot_day[static_cast<std::size_t>(first)];
    if (model_.slot_day[static_cast<std::size_t>(first + n - 1)] != day) continue;
    bool open = true;
    for (int s = first; s < first + n && open; ++s) {
      open = std::any_of(packed_.begin(), packed_.end(),
                         [&](int x) { return model_.is_allowed(x, s); });
    }
    if (open && rng_.below(static_cast<std::uint64_t>(++seen)) == 0) start = first;
  }
  if (start < 0) return false;
  for (const int x : packed_) {
    if (state_.slot_of(x) >= 0) state_.unplace(x);
  }
  // Cost of meeting i in slot start + j: its partners' added cost, or an ejection's price when
  // a partner is busy there or the tables are taken.
  pack_cost_.assign(static_cast<std::size_t>(n) * static_cast<std::size_t>(n), kBlocked);
  for (int i = 0; i < n; ++i) {
    const int x = packed_[static_cast<std::size_t>(i)];
    const int k = model_.meeting_class[static_cast<std::size_t>(x)];
    for (int j = 0; j < n; ++j) {
      const int s = start + j;
      if (!model_.is_allowed(x, s)) continue;
      long long c = state_.fits(s, k) ? 0 : weights_.unplaced;
      for (const int q : model_.people_of(x)) {
        if (q == p) continue;
        c += state_.occupant(q, s) >= 0 ? weights_.unplaced : join_cost(q, s);
      }
      pack_cost_[static_cast<std::size_t>(i * n + j)] = c;
    }
  }
  const auto& column_of = assignment_.solve(pack_cost_, n);
  for (int i = 0; i < n; ++i) {
    const auto cell = static_cast<std::size_t>(i * n + column_of[static_cast<std::size_t>(i)]);
    if (pack_cost_[cell] >= kBlocked) return false;
  }
  ejected_.clear();
  for (int i = 0; i < n; ++i) {
    const int x = packed_[static_cast<std::size_t>(i)];
    const int s = start + column_of[static_cast<std::size_t>(i)];
    if (!eject_for(x, s)) return false;
    state_.place(x, s);
  }
  reinsert_ejected();
  return true;
}

}  // namespace crossmatch::core::scheduling
