#include "core/scheduling/scheduler.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "core/random.hpp"
#include "core/scheduling/schedule_bound.hpp"
#include "core/scheduling/schedule_model.hpp"
#include "core/scheduling/schedule_reasons.hpp"
#include "core/scheduling/schedule_search.hpp"

namespace crossmatch::core::scheduling {

namespace {

// Gives every placed meeting of each slot a table. Kept meetings hold theirs; the others go
// largest first, each to its previous table when that is free and large enough, else to the
// smallest free table that seats it. Largest-first always succeeds when the slot's meetings of
// each size class fit the tables with that many seats, which the search guarantees.
std::vector<int> assign_tables(const Problem& problem, const Model& model,
                               const std::vector<int>& slot_of) {
  const auto meeting_count = problem.meetings.size();
  std::vector<int> table_of(meeting_count, -1);
  std::vector<std::vector<int>> in_slot(problem.slots.size());
  for (std::size_t m = 0; m < meeting_count; ++m) {
    if (slot_of[m] < 0) continue;
    if (model.fixed[m]) {
      table_of[m] = problem.meetings[m].existing->table;
    } else {
      in_slot[static_cast<std::size_t>(slot_of[m])].push_back(static_cast<int>(m));
    }
  }
  std::vector<char> taken(problem.tables.size(), 0);
  std::vector<int> by_seats(problem.tables.size());
  std::iota(by_seats.begin(), by_seats.end(), 0);
  std::stable_sort(by_seats.begin(), by_seats.end(), [&](int a, int b) {
    return problem.tables[static_cast<std::size_t>(a)].seats <
           problem.tables[static_cast<std::size_t>(b)].seats;
  });
  for (std::size_t s = 0; s < in_slot.size(); ++s) {
    auto& meetings = in_slot[s];
    if (meetings.empty()) continue;
    std::fill(taken.begin(), taken.end(), 0);
    for (std::size_t m = 0; m < meeting_count; ++m) {
      if (model.fixed[m] && slot_of[m] == static_cast<int>(s)) {
        taken[static_cast<std::size_t>(table_of[m])] = 1;
      }
    }
    const auto size_of = [&](int m) {
      return static_cast<int>(problem.meetings[static_cast<std::size_t>(m)].people.size());
    };
    const auto wants_back = [&](int m) {
      const auto& existing = problem.meetings[static_cast<std::size_t>(m)].existing;
      return existing && existing->slot == static_cast<int>(s);
    };
    // Within one size, those returning to their own table choose first.
    std::stable_sort(meetings.begin(), meetings.end(), [&](int a, int b) {
      if (size_of(a) != size_of(b)) return size_of(a) > size_of(b);
      return wants_back(a) && !wants_back(b);
    });
    for (const int m : meetings) {
      const int size = size_of(m);
      int chosen = -1;
      if (wants_back(m)) {
        const int own = problem.meetings[static_cast<std::size_t>(m)].existing->table;
        if (!taken[static_cast<std::size_t>(own)] &&
            problem.tables[static_cast<std::size_t>(own)].seats >= size) {
          chosen = own;
        }
      }
      for (std::size_t i = 0; chosen < 0 && i < by_seats.size(); ++i) {
        const int t = by_seats[i];
        if (!taken[static_cast<std::size_t>(t)] &&
            problem.tables[static_cast<std::size_t>(t)].seats >= size) {
          chosen = t;
        }
      }
      if (chosen < 0)
        throw std::logic_error("scheduler: a slot holds more meetings than its tables");
      taken[static_cast<std::size_t>(chosen)] = 1;
      table_of[static_cast<std::size_t>(m)] = chosen;
    }
  }
  return table_of;
}

// The seed of the i-th of several searches: the first keeps the caller's seed, the others take
// the numbers the caller's seed generates.
std::uint64_t search_seed(std::uint64_t seed, int i) {
  Rng derived(seed);
  std::uint64_t out = seed;
  for (int k = 0; k < i; ++k) out = derived.next();
  return out;
}

// Nothing better can come: proven, or every meeting placed, fair, and at the lower bound.
bool settled(const SearchResult& r) {
  return r.proven_optimal || (r.score.unplaced == 0 && r.score.unfairness == 0 &&
                              r.score.breaks <= r.breaks_lower_bound);
}

using Report = std::function<void(const ScheduleScore&, std::uint64_t)>;

// Several independent searches at once; the best result (the first search's among equals), with
// the highest lower bound any of them proved and the steps of all.
SearchResult search_side_by_side(const Model& model, const SearchSettings& settings,
                                 SearchBudget& budget, const Report& report, int searches,
                                 const RunTogether& run_together) {
  std::atomic<bool> finished{false};
  std::mutex reporting;
  std::optional<ScheduleScore> reported;
  const Report report_best = [&](const ScheduleScore& score, std::uint64_t steps) {
    const std::lock_guard lock(reporting);
    if (reported && !score.better_than(*reported)) return;
    reported = score;
    report(score, steps);
  };
  const auto count = static_cast<std::size_t>(searches);
  std::vector<SearchBudget> budgets;
  for (std::size_t i = 0; i < count; ++i) budgets.push_back(budget.beside(finished));
  std::vector<SearchResult> results(count);
  std::vector<std::exception_ptr> failures(count);
  std::vector<std::function<void()>> tasks;
  for (std::size_t i = 0; i < count; ++i) {
    tasks.emplace_back([&, i] {
      try {
        SearchSettings mine = settings;
        mine.seed = search_seed(settings.seed, static_cast<int>(i));
        results[i] = search_schedule(model, mine, budgets[i], report_best);
        if (settled(results[i])) finished.store(true);
      } catch (...) {
        failures[i] = std::current_exception();
        finished.store(true);
      }
    });
  }
  run_together(tasks);
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  std::size_t best = 0;
  std::uint64_t steps = 0;
  int bound = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (results[i].score.better_than(results[best].score)) best = i;
    steps += results[i].steps;
    bound = std::max(bound, results[i].breaks_lower_bound);
  }
  budget.spend(steps);
  SearchResult out = std::move(results[best]);
  out.steps = steps;
  out.breaks_lower_bound = bound;
  return out;
}

}  // namespace

Result<Schedule> schedule_meetings(const Problem& problem, SearchBudget& budget,
                                   const ScheduleOptions& options) {
  if (auto status = validate(problem); !status) return status.error();
  const Model model = build_model(problem);
  const auto meeting_count = problem.meetings.size();

  int fixed_count = 0;
  int placeable = 0;
  for (std::size_t m = 0; m < meeting_count; ++m) fixed_count += model.fixed[m] ? 1 : 0;
  placeable = fixed_count + static_cast<int>(model.movable.size());

  SearchSettings settings;
  settings.seed = options.seed;
  settings.engine = options.engine;
  settings.breaks_lower_bound = breaks_lower_bound(model);
  const auto report = [&](const ScheduleScore& score, std::uint64_t steps) {
    if (!options.on_improvement) return;
    options.on_improvement(
        ScheduleProgress{placeable - score.unplaced, score.breaks, score.spread, steps});
  };
  const int searches = options.run_together ? std::max(1, options.searches) : 1;
  const SearchResult found = searches == 1 ? search_schedule(model, settings, budget, report)
                                           : search_side_by_side(model, settings, budget, report,
                                                                 searches, options.run_together);
  const std::vector<int> table_of = assign_tables(problem, model, found.slot_of);

  Schedule schedule;
  schedule.meetings.resize(meeting_count);
  std::vector<std::optional<Placement>> before(meeting_count);
  std::vector<std::optional<Placement>> after(meeting_count);
  std::vector<int> load(
      static_cast<std::size_t>(model.slots) * static_cast<std::size_t>(model.classes), 0);
  for (std::size_t m = 0; m < meeting_count; ++m) {
    const int s = found.slot_of[m];
    if (s < 0 || model.fixed[m]) continue;
    for (int j = 0; j <= model.meeting_class[m]; ++j) {
      ++load[static_cast<std::size_t>(s) * static_cast<std::size_t>(model.classes) +
             static_cast<std::size_t>(j)];
    }
  }
  for (std::size_t m = 0; m < meeting_count; ++m) {
    const auto& existing = problem.meetings[m].existing;
    before[m] = existing;
    auto& outcome = schedule.meetings[m];
    const int s = found.slot_of[m];
    if (s < 0) {
      outcome.status = MeetingStatus::not_placed;
      const bool possible = model.fixed[m] || !model.domain_of(static_cast<int>(m)).empty();
      outcome.reason =
          possible ? crowded_out_reason(problem, model, static_cast<int>(m), found.slot_of, load)
                   : unplaceable_reason(problem, model, static_cast<int>(m));
      ++schedule.not_placed;
      continue;
    }
    const Placement at{s, table_of[m]};
    outcome.placement = at;
    after[m] = at;
    ++schedule.placed;
    if (!existing) {
      outcome.status = MeetingStatus::placed;
    } else {
      outcome.status = (*existing == at) ? MeetingStatus::kept : MeetingStatus::moved;
    }
  }

  const auto breaks_before = participant_breaks(problem, before);
  schedule.breaks_before = std::accumulate(breaks_before.begin(), breaks_before.end(), 0);
  schedule.participant_breaks = participant_breaks(problem, after);
  schedule.breaks_after =
      std::accumulate(schedule.participant_breaks.begin(), schedule.participant_breaks.end(), 0);
  if (!schedule.participant_breaks.empty()) {
    const auto [low, high] =
        std::minmax_element(schedule.participant_breaks.begin(), schedule.participant_breaks.end());
    schedule.max_minus_min_breaks = *high - *low;
  }
  schedule.fairness_met = schedule.max_minus_min_breaks <= kMaxBreakSpread;
  schedule.breaks_lower_bound = std::max(settings.breaks_lower_bound, found.breaks_lower_bound);
  // The exact search refuted every fair schedule with fewer breaks.
  if (found.proven_optimal && schedule.placed == placeable) {
    schedule.breaks_lower_bound = std::max(schedule.breaks_lower_bound, schedule.breaks_after);
  }
  schedule.proven_optimal = schedule.placed == placeable && schedule.fairness_met &&
                            schedule.breaks_after <= schedule.breaks_lower_bound;
  schedule.steps = found.steps;
  return schedule;
}

}  // namespace crossmatch::core::scheduling
