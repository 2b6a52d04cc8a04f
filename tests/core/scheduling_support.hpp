// Small scheduling instances for the tests, an independent check of a schedule, and the fewest
// breaks found by trying every assignment.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/random.hpp"
#include "core/scheduling/scheduler.hpp"

namespace crossmatch::test {

namespace sched = core::scheduling;

struct InstanceShape {
  int participants = 6;
  int meetings = 8;
  int days = 1;
  int slots_per_day = 6;
  int tables = 3;
  double trio_share = 0.15;
  double unavailable_share = 0.1;
  double time_of_day_share = 0.15;
  double existing_share = 0.0;  // meetings given an existing placement (kept when valid)
  bool allow_moves = false;
  double pinned_share = 0.0;      // meetings pinned to a random slot
  double precedence_share = 0.0;  // of the pairs of meetings sharing someone: ordered
};

// A random instance; existing placements never collide with one another.
inline sched::Problem random_instance(const InstanceShape& shape, std::uint64_t seed) {
  core::Rng rng(seed);
  sched::Problem problem;
  for (int d = 0; d < shape.days; ++d) {
    for (int s = 0; s < shape.slots_per_day; ++s) {
      problem.slots.push_back({d, s < (shape.slots_per_day + 1) / 2, {}});
    }
  }
  const int slot_count = static_cast<int>(problem.slots.size());
  for (int t = 0; t < shape.tables; ++t) problem.tables.push_back({t == 0 ? 3 : 2, {}});
  problem.participants.resize(static_cast<std::size_t>(shape.participants));
  for (auto& participant : problem.participants) {
    for (int s = 0; s < slot_count; ++s) {
      if (rng.chance(shape.unavailable_share)) participant.unavailable.push_back(s);
    }
    if (rng.chance(shape.time_of_day_share / 2)) {
      participant.time_of_day =
          rng.chance(0.5) ? sched::TimeOfDay::morning : sched::TimeOfDay::afternoon;
    }
  }
  std::set<std::pair<int, int>> table_used;
  std::set<std::pair<int, int>> person_used;
  for (int m = 0; m < shape.meetings; ++m) {
    sched::Meeting meeting;
    const int a = rng.between(0, shape.participants - 1);
    int b = rng.between(0, shape.participants - 2);
    if (b >= a) ++b;
    meeting.people = {a, b};
    if (shape.participants > 2 && rng.chance(shape.trio_share)) {
      int c = rng.between(0, shape.participants - 1);
      while (c == a || c == b) c = rng.between(0, shape.participants - 1);
      meeting.people.push_back(c);
    }
    if (rng.chance(shape.time_of_day_share)) {
      meeting.time_of_day =
          rng.chance(0.5) ? sched::TimeOfDay::morning : sched::TimeOfDay::afternoon;
    }
    if (rng.chance(shape.existing_share)) {
      const int s = rng.between(0, slot_count - 1);
      const int t = rng.between(0, shape.tables - 1);
      bool free = !table_used.count({s, t}) && problem.tables[static_cast<std::size_t>(t)].seats >=
                                                   static_cast<int>(meeting.people.size());
      for (const int p : meeting.people) free = free && !person_used.count({p, s});
      if (free) {
        meeting.existing = sched::Placement{s, t};
        table_used.insert({s, t});
        for (const int p : meeting.people) person_used.insert({p, s});
      }
    }
    if (shape.pinned_share > 0 && rng.chance(shape.pinned_share))
      meeting.pinned_slot = rng.between(0, slot_count - 1);
    problem.meetings.push_back(meeting);
  }
  // Precedences, as the organiser sets them: among one participant's meetings, either way round
  // (so a cycle, which no schedule keeps, can occur).
  for (std::size_t a = 0; a < problem.meetings.size(); ++a) {
    for (std::size_t b = a + 1; b < problem.meetings.size(); ++b) {
      bool share = false;
      for (const int p : problem.meetings[a].people) {
        const auto& other = problem.meetings[b].people;
        share = share || std::count(other.begin(), other.end(), p) > 0;
      }
      if (!share || shape.precedence_share <= 0 || !rng.chance(shape.precedence_share)) continue;
      if (rng.chance(0.5)) {
        problem.meetings[b].after.push_back(static_cast<int>(a));
      } else {
        problem.meetings[a].after.push_back(static_cast<int>(b));
      }
    }
  }
  problem.allow_moves = shape.allow_moves;
  return problem;
}

inline bool time_fits(sched::TimeOfDay need, const sched::Slot& slot) {
  return need == sched::TimeOfDay::any || (need == sched::TimeOfDay::morning) == slot.morning;
}

// Breaks per participant, counted here without the library's help.
inline std::vector<int> count_breaks(const sched::Problem& problem,
                                     const std::vector<std::optional<sched::Placement>>& at) {
  std::vector<int> breaks(problem.participants.size(), 0);
  for (std::size_t p = 0; p < problem.participants.size(); ++p) {
    std::vector<int> busy;
    for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
      const auto& people = problem.meetings[m].people;
      if (at[m] && std::find(people.begin(), people.end(), static_cast<int>(p)) != people.end()) {
        busy.push_back(at[m]->slot);
      }
    }
    std::sort(busy.begin(), busy.end());
    for (std::size_t i = 1; i < busy.size(); ++i) {
      const auto& before = problem.slots[static_cast<std::size_t>(busy[i - 1])];
      const auto& after = problem.slots[static_cast<std::size_t>(busy[i])];
      if (busy[i] > busy[i - 1] + 1 && before.day == after.day) ++breaks[p];
    }
  }
  return breaks;
}

// What is wrong with `slot_of` (every meeting placed), checked here without the library's help.
inline std::string slots_violation(const sched::Problem& problem, const std::vector<int>& slot_of) {
  std::set<std::pair<int, int>> busy;
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    const auto& meeting = problem.meetings[m];
    const int s = slot_of[m];
    if (s < 0) return "meeting " + std::to_string(m) + " not placed";
    // Meetings kept where they are need not meet the rules for new placements.
    const bool kept = meeting.existing && !problem.allow_moves;
    if (kept && s != meeting.existing->slot) return "kept meeting moved";
    const auto& slot = problem.slots[static_cast<std::size_t>(s)];
    if (!kept && !test::time_fits(meeting.time_of_day, slot))
      return "meeting at the wrong time of day";
    for (const int p : meeting.people) {
      const auto& participant = problem.participants[static_cast<std::size_t>(p)];
      if (!busy.insert({p, s}).second) return "participant double-booked";
      if (kept) continue;
      if (!test::time_fits(participant.time_of_day, slot)) return "participant at the wrong time";
      if (std::count(participant.unavailable.begin(), participant.unavailable.end(), s)) {
        return "participant unavailable";
      }
    }
  }
  for (std::size_t s = 0; s < problem.slots.size(); ++s) {
    for (int k = 1; k <= sched::kMaxMeetingSize; ++k) {
      int need = 0;
      int have = 0;
      for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
        const bool big = static_cast<int>(problem.meetings[m].people.size()) >= k;
        if (slot_of[m] == static_cast<int>(s) && big) ++need;
      }
      for (const auto& table : problem.tables) have += table.seats >= k ? 1 : 0;
      if (need > have) return "more meetings than tables in slot " + std::to_string(s);
    }
  }
  return "";
}

// Every rule of the problem, checked on the schedule's placements; returns what is wrong.
inline std::string schedule_violation(const sched::Problem& problem,
                                      const sched::Schedule& schedule) {
  if (schedule.meetings.size() != problem.meetings.size()) return "one outcome per meeting";
  std::set<std::pair<int, int>> tables;
  std::set<std::pair<int, int>> people;
  std::vector<std::optional<sched::Placement>> at(problem.meetings.size());
  int placed = 0;
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    const auto& meeting = problem.meetings[m];
    const auto& outcome = schedule.meetings[m];
    const bool kept_rule = meeting.existing && !problem.allow_moves;
    if (kept_rule && (!outcome.placement || *outcome.placement != *meeting.existing)) {
      return "kept meeting " + std::to_string(m) + " moved";
    }
    if (!outcome.placement) {
      if (outcome.status != sched::MeetingStatus::not_placed || !outcome.reason) {
        return "unplaced meeting " + std::to_string(m) + " without reason";
      }
      continue;
    }
    ++placed;
    const auto where = *outcome.placement;
    at[m] = where;
    if (where.slot < 0 || where.slot >= static_cast<int>(problem.slots.size()))
      return "slot out of range";
    if (where.table < 0 || where.table >= static_cast<int>(problem.tables.size()))
      return "table out of range";
    if (problem.tables[static_cast<std::size_t>(where.table)].seats <
        static_cast<int>(meeting.people.size())) {
      return "too few seats for meeting " + std::to_string(m);
    }
    if (!tables.insert({where.slot, where.table}).second) return "table double-booked";
    const auto& slot = problem.slots[static_cast<std::size_t>(where.slot)];
    if (!kept_rule && !time_fits(meeting.time_of_day, slot))
      return "meeting at the wrong time of day";
    for (const int p : meeting.people) {
      const auto& participant = problem.participants[static_cast<std::size_t>(p)];
      if (!people.insert({p, where.slot}).second) return "participant double-booked";
      if (kept_rule) continue;
      if (!time_fits(participant.time_of_day, slot)) return "participant at the wrong time of day";
      if (std::count(participant.unavailable.begin(), participant.unavailable.end(), where.slot)) {
        return "participant unavailable";
      }
    }
    const bool had = meeting.existing.has_value();
    const auto expected = !had                         ? sched::MeetingStatus::placed
                          : *meeting.existing == where ? sched::MeetingStatus::kept
                                                       : sched::MeetingStatus::moved;
    if (outcome.status != expected) return "wrong status for meeting " + std::to_string(m);
  }
  if (placed != schedule.placed) return "placed count wrong";
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    const auto& meeting = problem.meetings[m];
    if (!at[m] || (meeting.existing && !problem.allow_moves)) continue;
    if (meeting.pinned_slot && at[m]->slot != *meeting.pinned_slot)
      return "pinned meeting " + std::to_string(m) + " elsewhere";
    for (const int a : meeting.after) {
      if (at[static_cast<std::size_t>(a)] && at[static_cast<std::size_t>(a)]->slot >= at[m]->slot)
        return "meeting " + std::to_string(m) + " not after meeting " + std::to_string(a);
    }
  }
  const auto breaks = count_breaks(problem, at);
  if (breaks != schedule.participant_breaks) return "participant breaks wrong";
  int total = 0;
  for (const int b : breaks) total += b;
  if (total != schedule.breaks_after) return "total breaks wrong";
  if (!breaks.empty()) {
    const auto [low, high] = std::minmax_element(breaks.begin(), breaks.end());
    if (*high - *low != schedule.max_minus_min_breaks) return "spread wrong";
  }
  return "";
}

struct Best {
  int placed = -1;
  bool fair = false;
  int breaks = 0;
};

// The best outcome over every assignment of meetings to slots or to none (tables by counting:
// in each slot, the meetings of at least k people must not outnumber the tables with k seats).
inline Best exhaustive_best(const sched::Problem& problem) {
  const int slots = static_cast<int>(problem.slots.size());
  const auto count = problem.meetings.size();
  std::vector<int> choice(count, -1);
  std::vector<std::optional<sched::Placement>> at(count);
  Best best;
  const auto usable = [&](std::size_t m, int s) {
    const auto& meeting = problem.meetings[m];
    if (meeting.existing && !problem.allow_moves) return s == meeting.existing->slot;
    if (meeting.pinned_slot && s != *meeting.pinned_slot) return false;
    const auto& slot = problem.slots[static_cast<std::size_t>(s)];
    if (!time_fits(meeting.time_of_day, slot)) return false;
    for (const int p : meeting.people) {
      const auto& participant = problem.participants[static_cast<std::size_t>(p)];
      if (!time_fits(participant.time_of_day, slot)) return false;
      if (std::count(participant.unavailable.begin(), participant.unavailable.end(), s))
        return false;
    }
    return true;
  };
  const auto valid = [&]() {
    for (std::size_t m = 0; m < count; ++m) {
      if (choice[m] < 0) continue;
      for (const int a : problem.meetings[m].after) {
        const int before = choice[static_cast<std::size_t>(a)];
        if (before >= 0 && before >= choice[m]) return false;
      }
    }
    std::set<std::pair<int, int>> busy;
    for (std::size_t m = 0; m < count; ++m) {
      if (choice[m] < 0) continue;
      for (const int p : problem.meetings[m].people) {
        if (!busy.insert({p, choice[m]}).second) return false;
      }
    }
    for (int s = 0; s < slots; ++s) {
      for (int k = 1; k <= sched::kMaxMeetingSize; ++k) {
        int need = 0;
        int have = 0;
        for (std::size_t m = 0; m < count; ++m) {
          if (choice[m] == s && static_cast<int>(problem.meetings[m].people.size()) >= k) ++need;
        }
        for (const auto& table : problem.tables) have += table.seats >= k ? 1 : 0;
        if (need > have) return false;
      }
    }
    return true;
  };
  // Odometer over (slots + 1)^meetings, -1 meaning not placed.
  for (;;) {
    if (valid()) {
      int placed = 0;
      for (std::size_t m = 0; m < count; ++m) {
        at[m] = choice[m] < 0 ? std::nullopt
                              : std::optional<sched::Placement>(sched::Placement{choice[m], 0});
        placed += choice[m] >= 0 ? 1 : 0;
      }
      const auto breaks = count_breaks(problem, at);
      int total = 0;
      for (const int b : breaks) total += b;
      const auto [low, high] = std::minmax_element(breaks.begin(), breaks.end());
      const bool fair = *high - *low <= sched::kMaxBreakSpread;
      const bool better = placed != best.placed ? placed > best.placed
                          : fair != best.fair   ? fair
                                                : total < best.breaks;
      if (better) best = {placed, fair, total};
    }
    std::size_t i = 0;
    for (; i < count; ++i) {
      int next = choice[i] + 1;
      while (next < slots && !usable(i, next)) ++next;
      if (next < slots) {
        choice[i] = next;
        break;
      }
      choice[i] = -1;
    }
    if (i == count) break;
  }
  return best;
}

// Each reported progress improves on the one before: more placed, fairer, or fewer breaks.
inline void check_each_improves(const std::vector<sched::ScheduleProgress>& seen) {
  for (std::size_t i = 1; i < seen.size(); ++i) {
    const bool more_placed = seen[i].placed > seen[i - 1].placed;
    const bool fewer_breaks =
        seen[i].placed == seen[i - 1].placed && seen[i].breaks < seen[i - 1].breaks;
    const bool fairer = seen[i].placed == seen[i - 1].placed &&
                        seen[i - 1].max_minus_min_breaks > sched::kMaxBreakSpread &&
                        seen[i].max_minus_min_breaks < seen[i - 1].max_minus_min_breaks;
    CHECK((more_placed || fewer_breaks || fairer));
  }
}

inline sched::Schedule run_scheduler(const sched::Problem& problem, std::uint64_t steps,
                                     std::uint64_t seed = 1) {
  core::SearchBudget budget(steps);
  sched::ScheduleOptions options;
  options.seed = seed;
  auto result = sched::schedule_meetings(problem, budget, options);
  REQUIRE(result.ok());
  return *result;
}

}  // namespace crossmatch::test
