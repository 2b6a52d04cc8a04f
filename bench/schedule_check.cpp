#include "bench/schedule_check.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace crossmatch::bench {

namespace {

// Breaks per person from their busy slots; `day_of(slot)` says which day a slot is on.
template <class DayOf>
void count_breaks(std::vector<std::vector<int>>& busy, DayOf day_of, CheckReport& report) {
  int most = 0;
  int fewest = -1;
  for (auto& slots : busy) {
    std::sort(slots.begin(), slots.end());
    int breaks = 0;
    for (std::size_t i = 1; i < slots.size(); ++i) {
      if (slots[i] - slots[i - 1] > 1 && day_of(slots[i]) == day_of(slots[i - 1])) ++breaks;
    }
    report.breaks += breaks;
    most = std::max(most, breaks);
    fewest = fewest < 0 ? breaks : std::min(fewest, breaks);
  }
  report.max_minus_min_breaks = most - std::max(fewest, 0);
}

}  // namespace

CheckReport check_b2b_schedule(const B2bInstance& instance,
                               const std::vector<ScheduledMeeting>& schedule) {
  CheckReport report;
  const auto fail = [&report](std::string why) {
    report.reason = std::move(why);
    return report;
  };
  const auto meetings = static_cast<int>(instance.requested.size());
  std::set<int> seen;
  std::set<std::pair<int, int>> table_use;
  std::map<std::pair<int, int>, int> person_use;
  std::vector<std::vector<int>> busy(static_cast<std::size_t>(instance.businesses));
  for (const auto& line : schedule) {
    const std::string which = "meeting " + std::to_string(line.meeting);
    if (line.meeting < 1 || line.meeting > meetings) return fail(which + " does not exist");
    if (!seen.insert(line.meeting).second) return fail(which + " is scheduled twice");
    if (line.slot < 1 || line.slot > instance.slots) return fail(which + " has no such slot");
    if (line.table < 1 || line.table > instance.tables) return fail(which + " has no such table");
    const auto& request = instance.requested[static_cast<std::size_t>(line.meeting - 1)];
    if (request.code == 1 && line.slot > instance.morning_slots) {
      return fail(which + " must be in the morning");
    }
    if (request.code == 2 && line.slot <= instance.morning_slots) {
      return fail(which + " must be in the afternoon");
    }
    if (!table_use.insert({line.slot, line.table}).second) {
      return fail("table " + std::to_string(line.table) + " is used twice in slot " +
                  std::to_string(line.slot));
    }
    for (const int business : {request.first, request.second}) {
      const auto& forbidden = instance.forbidden[static_cast<std::size_t>(business - 1)];
      if (std::find(forbidden.begin(), forbidden.end(), line.slot) != forbidden.end()) {
        return fail("business " + std::to_string(business) + " cannot attend slot " +
                    std::to_string(line.slot));
      }
      if (!person_use.emplace(std::pair{business, line.slot}, line.meeting).second) {
        return fail("business " + std::to_string(business) + " has two meetings in slot " +
                    std::to_string(line.slot));
      }
      busy[static_cast<std::size_t>(business - 1)].push_back(line.slot);
    }
    if (!instance.fixed.empty()) {
      const int pinned = instance.fixed[static_cast<std::size_t>(line.meeting - 1)];
      if (pinned != 0 && line.slot != pinned)
        return fail(which + " is fixed to slot " + std::to_string(pinned));
    }
  }
  // Precedences among scheduled meetings (one not scheduled is counted below).
  std::map<int, int> slot_of;
  for (const auto& line : schedule) slot_of[line.meeting] = line.slot;
  for (std::size_t m = 0; m < instance.precedences.size(); ++m) {
    const auto later = slot_of.find(static_cast<int>(m + 1));
    if (later == slot_of.end()) continue;
    for (const int before : instance.precedences[m]) {
      const auto earlier = slot_of.find(before);
      if (earlier != slot_of.end() && earlier->second >= later->second) {
        return fail("meeting " + std::to_string(before) + " must be before meeting " +
                    std::to_string(m + 1));
      }
    }
  }
  report.scheduled = static_cast<int>(schedule.size());
  count_breaks(
      busy, [](int) { return 0; }, report);
  if (report.scheduled != meetings) {
    report.reason = std::to_string(meetings - report.scheduled) + " meetings not scheduled";
    return report;
  }
  report.valid = true;
  return report;
}

CheckReport check_event_schedule(const core::scheduling::Problem& problem,
                                 const std::vector<ScheduledMeeting>& schedule, int expected) {
  using core::scheduling::TimeOfDay;
  CheckReport report;
  const auto fail = [&report](std::string why) {
    report.reason = std::move(why);
    return report;
  };
  const auto meetings = static_cast<int>(problem.meetings.size());
  const auto slots = static_cast<int>(problem.slots.size());
  const auto tables = static_cast<int>(problem.tables.size());
  const auto fits = [&](TimeOfDay need, int slot) {
    const bool morning = problem.slots[static_cast<std::size_t>(slot)].morning;
    return need == TimeOfDay::any || (need == TimeOfDay::morning) == morning;
  };
  std::set<int> seen;
  std::set<std::pair<int, int>> table_use;
  std::set<std::pair<int, int>> person_use;
  std::vector<std::vector<int>> busy(problem.participants.size());
  for (const auto& line : schedule) {
    const std::string which = "meeting " + std::to_string(line.meeting);
    if (line.meeting < 1 || line.meeting > meetings) return fail(which + " does not exist");
    if (!seen.insert(line.meeting).second) return fail(which + " is scheduled twice");
    if (line.slot < 1 || line.slot > slots) return fail(which + " has no such slot");
    if (line.table < 1 || line.table > tables) return fail(which + " has no such table");
    const int slot = line.slot - 1;
    const auto& meeting = problem.meetings[static_cast<std::size_t>(line.meeting - 1)];
    const bool kept = meeting.existing && !problem.allow_moves;
    if (kept && (meeting.existing->slot != slot || meeting.existing->table != line.table - 1)) {
      return fail(which + " was moved although moves are not allowed");
    }
    if (problem.tables[static_cast<std::size_t>(line.table - 1)].seats <
        static_cast<int>(meeting.people.size())) {
      return fail(which + " sits at a table with too few seats");
    }
    if (!kept && !fits(meeting.time_of_day, slot)) {
      return fail(which + " is at the wrong time of day");
    }
    if (!table_use.insert({slot, line.table}).second) {
      return fail("table " + std::to_string(line.table) + " is used twice in slot " +
                  std::to_string(line.slot));
    }
    for (const int person : meeting.people) {
      const auto& participant = problem.participants[static_cast<std::size_t>(person)];
      if (!kept &&
          (!fits(participant.time_of_day, slot) ||
           std::count(participant.unavailable.begin(), participant.unavailable.end(), slot) > 0)) {
        return fail("participant " + std::to_string(person + 1) + " cannot attend slot " +
                    std::to_string(line.slot));
      }
      if (!person_use.insert({person, slot}).second) {
        return fail("participant " + std::to_string(person + 1) + " has two meetings in slot " +
                    std::to_string(line.slot));
      }
      busy[static_cast<std::size_t>(person)].push_back(slot);
    }
  }
  for (int m = 0; m < meetings; ++m) {
    const auto& meeting = problem.meetings[static_cast<std::size_t>(m)];
    if (meeting.existing && !problem.allow_moves && !seen.count(m + 1)) {
      return fail("kept meeting " + std::to_string(m + 1) + " is missing");
    }
  }
  report.scheduled = static_cast<int>(schedule.size());
  count_breaks(
      busy, [&](int s) { return problem.slots[static_cast<std::size_t>(s)].day; }, report);
  if (report.scheduled < expected) {
    report.reason = std::to_string(expected - report.scheduled) + " meetings not scheduled";
    return report;
  }
  report.valid = true;
  return report;
}

}  // namespace crossmatch::bench
