#include "bench/event_generator.hpp"

#include <algorithm>
#include <set>

#include "core/random.hpp"

namespace crossmatch::bench {

using core::make_error;
using namespace core::scheduling;

core::Result<Problem> generate_event(const EventShape& shape) {
  if (shape.participants < 2) {
    return make_error("too_small", "--participants", "An event needs at least 2 participants.");
  }
  if (shape.days < 1 || shape.slots_per_day < 2 || shape.slots_per_day > kMaxSlotsPerDay) {
    return make_error("out_of_range", "--slots-per-day",
                      "Days must be at least 1 and slots per day between 2 and " +
                          std::to_string(kMaxSlotsPerDay) + ".");
  }
  const int total_slots = shape.days * shape.slots_per_day;
  // Nobody is asked for more than three quarters of the slots.
  const int most_per_person = std::max(1, total_slots * 3 / 4);
  // On average at most 70% of that, so that popular people can still be drawn below the cap.
  if (static_cast<long long>(shape.meetings) * 2 * 10 >
      static_cast<long long>(shape.participants) * most_per_person * 7) {
    return make_error("too_many", "--meetings",
                      std::to_string(shape.meetings) + " meetings are too many for " +
                          std::to_string(shape.participants) + " participants and " +
                          std::to_string(total_slots) + " slots.");
  }
  core::Rng rng(shape.seed);
  Problem problem;
  for (int d = 0; d < shape.days; ++d) {
    for (int s = 0; s < shape.slots_per_day; ++s) {
      problem.slots.push_back(Slot{d, s < shape.slots_per_day / 2, {}});
    }
  }

  // Popularity: most people are asked a little, some a lot.
  std::vector<double> cumulative;
  double sum = 0;
  for (int p = 0; p < shape.participants; ++p) {
    const double u = rng.unit();
    sum += 1.0 + 3.0 * u * u * u;
    cumulative.push_back(sum);
  }
  const auto pick_person = [&] {
    const double x = rng.unit() * sum;
    return static_cast<int>(std::upper_bound(cumulative.begin(), cumulative.end(), x) -
                            cumulative.begin());
  };
  std::vector<int> degree(static_cast<std::size_t>(shape.participants), 0);
  std::set<std::pair<int, int>> pairs;
  long long attempts = 0;
  const long long most_attempts = 200LL * shape.meetings + 1000;
  while (static_cast<int>(problem.meetings.size()) < shape.meetings) {
    if (++attempts > most_attempts) {
      return make_error("too_many", "--meetings",
                        "Could not draw " + std::to_string(shape.meetings) +
                            " distinct meetings; ask for fewer or add participants.");
    }
    int a = std::min(pick_person(), shape.participants - 1);
    int b = std::min(pick_person(), shape.participants - 1);
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    if (degree[static_cast<std::size_t>(a)] >= most_per_person ||
        degree[static_cast<std::size_t>(b)] >= most_per_person || !pairs.insert({a, b}).second) {
      continue;
    }
    Meeting meeting;
    meeting.people = {a, b};
    if (rng.chance(0.02)) {  // a colleague joins: a meeting of three
      const int c = std::min(pick_person(), shape.participants - 1);
      if (c != a && c != b && degree[static_cast<std::size_t>(c)] < most_per_person) {
        meeting.people.push_back(c);
      }
    }
    for (const int p : meeting.people) ++degree[static_cast<std::size_t>(p)];
    const double when = rng.unit();
    meeting.time_of_day = when < 0.05   ? TimeOfDay::morning
                          : when < 0.10 ? TimeOfDay::afternoon
                                        : TimeOfDay::any;
    problem.meetings.push_back(std::move(meeting));
  }

  problem.participants.resize(static_cast<std::size_t>(shape.participants));
  std::vector<std::vector<int>> meetings_of(static_cast<std::size_t>(shape.participants));
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    for (const int p : problem.meetings[m].people) {
      meetings_of[static_cast<std::size_t>(p)].push_back(static_cast<int>(m));
    }
  }
  // A requirement that clashes with a partner's or a meeting's is not drawn, so that every
  // meeting can be placed.
  const auto agrees = [&](int p, TimeOfDay want) {
    for (const int m : meetings_of[static_cast<std::size_t>(p)]) {
      const auto& meeting = problem.meetings[static_cast<std::size_t>(m)];
      if (meeting.time_of_day != TimeOfDay::any && meeting.time_of_day != want) return false;
      for (const int q : meeting.people) {
        const auto other = problem.participants[static_cast<std::size_t>(q)].time_of_day;
        if (other != TimeOfDay::any && other != want) return false;
      }
    }
    return true;
  };
  const int half_days = total_slots / 2;
  for (int p = 0; p < shape.participants; ++p) {
    auto& participant = problem.participants[static_cast<std::size_t>(p)];
    const int busy = degree[static_cast<std::size_t>(p)];
    if (rng.chance(0.25)) {  // away for a stretch (a talk, a flight)
      const int length = std::min(rng.between(2, 6), std::max(0, total_slots - busy - 4));
      if (length > 0) {
        const int start = rng.between(0, total_slots - length);
        for (int s = start; s < start + length; ++s) participant.unavailable.push_back(s);
      }
    }
    const int free = total_slots - static_cast<int>(participant.unavailable.size());
    if (busy * 2 + 4 <= std::min(half_days, free) && rng.chance(0.05)) {
      const TimeOfDay want = rng.chance(0.5) ? TimeOfDay::morning : TimeOfDay::afternoon;
      if (agrees(p, want)) participant.time_of_day = want;
    }
  }

  const int per_slot = (shape.meetings + total_slots - 1) / total_slots;
  const int tables = shape.tables > 0 ? shape.tables : std::max(1, per_slot + per_slot / 4);
  for (int t = 0; t < tables; ++t) problem.tables.push_back(Table{t % 10 == 9 ? 4 : 2, {}});
  return problem;
}

}  // namespace crossmatch::bench
