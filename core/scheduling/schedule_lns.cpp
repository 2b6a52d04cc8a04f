#include "core/scheduling/schedule_lns.hpp"

#include <algorithm>

namespace crossmatch::core::scheduling {

namespace {

// Conflicts one neighbourhood may take: small neighbourhoods are settled (a schedule, or none)
// in a few dozen, and the size adapts so that most are.
constexpr std::uint64_t kNeighbourhoodConflicts = 300;
constexpr double kGrow = 1.05;
constexpr double kShrink = 0.93;
constexpr std::size_t kSmallest = 8;

}  // namespace

ScheduleLns::ScheduleLns(const Model& model, int most_per_person, int most_breaks,
                         sat::Engine engine)
    : model_(model),
      sat_(model, most_per_person, most_breaks, engine),
      size_(std::max(static_cast<double>(kSmallest),
                     0.15 * static_cast<double>(model.movable.size()))) {}

void ScheduleLns::find_breaks(const std::vector<int>& slot_of) {
  const auto days = static_cast<std::size_t>(model_.days);
  masks_.assign(static_cast<std::size_t>(model_.participants) * days, 0);
  for (int m = 0; m < model_.meetings; ++m) {
    const int s = slot_of[static_cast<std::size_t>(m)];
    if (s < 0) continue;
    const auto day = static_cast<std::size_t>(model_.slot_day[static_cast<std::size_t>(s)]);
    for (const int p : model_.people_of(m))
      masks_[static_cast<std::size_t>(p) * days + day] |=
          model_.slot_bit[static_cast<std::size_t>(s)];
  }
  with_breaks_.clear();
  break_slots_.clear();
  for (int p = 0; p < model_.participants; ++p) {
    bool any = false;
    for (int s = 1; s < model_.slots; ++s) {
      const auto here = static_cast<std::size_t>(s);
      const int day = model_.slot_day[here];
      if (model_.slot_day[here - 1] != day) continue;
      const std::uint64_t mask =
          masks_[static_cast<std::size_t>(p) * days + static_cast<std::size_t>(day)];
      const std::uint64_t bit = model_.slot_bit[here];
      const std::uint64_t later = ~((bit << 1) - 1);
      if ((mask & model_.slot_bit[here - 1]) != 0 && (mask & bit) == 0 && (mask & later) != 0) {
        break_slots_.push_back(s);
        any = true;
      }
    }
    if (any) with_breaks_.push_back(p);
  }
}

void ScheduleLns::grow_by_people(const std::vector<int>& slot_of, std::size_t size, Rng& rng,
                                 std::vector<char>& free) {
  std::vector<char> in(static_cast<std::size_t>(model_.participants), 0);
  std::vector<int> chosen;
  std::size_t count = 0;
  const auto add = [&](int p) {
    if (in[static_cast<std::size_t>(p)]) return;
    in[static_cast<std::size_t>(p)] = 1;
    chosen.push_back(p);
    for (const int m : model_.meetings_of(p)) {
      if (model_.fixed[static_cast<std::size_t>(m)] || free[static_cast<std::size_t>(m)]) continue;
      if (slot_of[static_cast<std::size_t>(m)] < 0 && model_.domain_of(m).empty()) continue;
      free[static_cast<std::size_t>(m)] = 1;
      ++count;
    }
  };
  if (with_breaks_.empty()) {
    add(static_cast<int>(rng.below(static_cast<std::uint64_t>(model_.participants))));
  } else {
    add(with_breaks_[rng.below(with_breaks_.size())]);
  }
  // Partners of the people chosen, or more people with breaks; bounded tries, since a small
  // event may hold fewer meetings than asked.
  for (int tries = 0; count < size && tries < 8 * model_.participants; ++tries) {
    if (!with_breaks_.empty() && rng.chance(0.3)) {
      add(with_breaks_[rng.below(with_breaks_.size())]);
      continue;
    }
    const int p = chosen[rng.below(chosen.size())];
    const auto mine = model_.meetings_of(p);
    if (mine.empty()) continue;
    const auto people = model_.people_of(mine[rng.below(mine.size())]);
    add(people[rng.below(people.size())]);
  }
}

void ScheduleLns::grow_by_window(const std::vector<int>& slot_of, std::size_t size, Rng& rng,
                                 std::vector<char>& free) {
  const int centre = break_slots_.empty()
                         ? static_cast<int>(rng.below(static_cast<std::uint64_t>(model_.slots)))
                         : break_slots_[rng.below(break_slots_.size())];
  const int day = model_.slot_day[static_cast<std::size_t>(centre)];
  std::vector<std::vector<int>> in_slot(static_cast<std::size_t>(model_.slots));
  for (const int m : model_.movable) {
    const int s = slot_of[static_cast<std::size_t>(m)];
    if (s >= 0) in_slot[static_cast<std::size_t>(s)].push_back(m);
  }
  std::size_t count = 0;
  const auto take = [&](int s) {
    for (const int m : in_slot[static_cast<std::size_t>(s)]) {
      free[static_cast<std::size_t>(m)] = 1;
      ++count;
    }
  };
  take(centre);
  int lo = centre;
  int hi = centre;
  const auto same_day = [&](int s) {
    return s >= 0 && s < model_.slots && model_.slot_day[static_cast<std::size_t>(s)] == day;
  };
  while (count < size && (same_day(lo - 1) || same_day(hi + 1))) {
    const bool left = same_day(lo - 1) && (!same_day(hi + 1) || rng.chance(0.5));
    take(left ? --lo : ++hi);
  }
}

std::vector<char> ScheduleLns::neighbourhood(const std::vector<int>& slot_of, std::size_t size,
                                             Rng& rng) {
  find_breaks(slot_of);
  std::vector<char> free(static_cast<std::size_t>(model_.meetings), 0);
  const auto kind = rng.below(3);
  if (kind == 0) {
    grow_by_people(slot_of, size, rng, free);
  } else if (kind == 1) {
    grow_by_window(slot_of, size, rng, free);
  } else {
    // Any meetings: neighbourhoods with no structure diversify the search best when large.
    const double q = static_cast<double>(size) / static_cast<double>(model_.movable.size());
    for (const int m : model_.movable) free[static_cast<std::size_t>(m)] = rng.chance(q) ? 1 : 0;
  }
  return free;
}

std::optional<std::vector<int>> ScheduleLns::improve(const std::vector<int>& best, int target,
                                                     Rng& rng, SearchBudget& budget,
                                                     std::uint64_t conflicts) {
  const std::size_t most = model_.movable.size();
  // A neighbourhood settled without a conflict counts as one, so that the loop ends.
  std::uint64_t spent = 0;
  while (spent < conflicts && !sat_.refuted()) {
    // One step of work per neighbourhood too, for the same reason.
    if (budget.step()) break;
    const auto size = std::min(most, std::max(kSmallest, static_cast<std::size_t>(size_)));
    const auto free = neighbourhood(best, size, rng);
    const std::uint64_t before = sat_.conflicts();
    const std::uint64_t limit = std::min(kNeighbourhoodConflicts, conflicts - spent);
    auto found = sat_.solve_within(target, best, free, budget, limit);
    const std::uint64_t used = sat_.conflicts() - before;
    spent += std::max<std::uint64_t>(used, 1);
    if (found) return found;
    if (used < limit) {
      size_ = std::min(static_cast<double>(most), size_ * kGrow);
    } else {
      size_ = std::max(static_cast<double>(kSmallest), size_ * kShrink);
    }
  }
  return std::nullopt;
}

}  // namespace crossmatch::core::scheduling
