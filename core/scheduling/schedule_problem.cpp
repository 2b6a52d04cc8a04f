#include "core/scheduling/schedule_problem.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace crossmatch::core::scheduling {

namespace {

std::string indexed(const char* list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

}  // namespace

Status validate(const Problem& problem) {
  const auto& slots = problem.slots;
  const auto slot_count = static_cast<long long>(slots.size());
  if (slot_count > kMaxSlots) {
    return make_error("too_many", "slots",
                      "At most " + std::to_string(kMaxSlots) + " slots can be scheduled, not " +
                          std::to_string(slot_count) + ".");
  }
  if (problem.participants.size() > static_cast<std::size_t>(kMaxParticipants)) {
    return make_error("too_many", "participants",
                      "At most " + std::to_string(kMaxParticipants) + " participants.");
  }
  if (problem.meetings.size() > static_cast<std::size_t>(kMaxMeetings)) {
    return make_error("too_many", "meetings",
                      "At most " + std::to_string(kMaxMeetings) + " meetings.");
  }
  if (problem.tables.size() > static_cast<std::size_t>(kMaxTables)) {
    return make_error("too_many", "tables", "At most " + std::to_string(kMaxTables) + " tables.");
  }
  if (static_cast<long long>(problem.participants.size()) * slot_count > kMaxParticipantSlots) {
    return make_error(
        "too_many", "participants",
        "Participants times slots must stay under " + std::to_string(kMaxParticipantSlots) + ".");
  }
  if (static_cast<long long>(problem.meetings.size()) * slot_count > kMaxMeetingSlots) {
    return make_error(
        "too_many", "meetings",
        "Meetings times slots must stay under " + std::to_string(kMaxMeetingSlots) + ".");
  }
  int run = 0;
  for (std::size_t s = 0; s < slots.size(); ++s) {
    if (slots[s].day < 0) {
      return make_error("negative", indexed("slots", s) + ".day",
                        "A day index cannot be negative.");
    }
    if (s > 0 && slots[s].day < slots[s - 1].day) {
      return make_error("out_of_order", indexed("slots", s) + ".day",
                        "Slots must be in time order: " + slot_name(problem, static_cast<int>(s)) +
                            " is on an earlier day than the slot before it.");
    }
    run = (s > 0 && slots[s].day == slots[s - 1].day) ? run + 1 : 1;
    if (run > kMaxSlotsPerDay) {
      return make_error("too_many", indexed("slots", s) + ".day",
                        "A day has at most " + std::to_string(kMaxSlotsPerDay) + " slots.");
    }
  }
  for (std::size_t t = 0; t < problem.tables.size(); ++t) {
    if (problem.tables[t].seats < 1) {
      return make_error("too_small", indexed("tables", t) + ".seats",
                        table_name(problem, static_cast<int>(t)) + " needs at least one seat.");
    }
  }
  const auto people_count = static_cast<int>(problem.participants.size());
  for (std::size_t p = 0; p < problem.participants.size(); ++p) {
    const auto& unavailable = problem.participants[p].unavailable;
    for (std::size_t k = 0; k < unavailable.size(); ++k) {
      if (unavailable[k] < 0 || unavailable[k] >= slot_count) {
        return make_error("out_of_range",
                          indexed("participants", p) + "." + indexed("unavailable", k),
                          "Unavailable slot " + std::to_string(unavailable[k]) + " of " +
                              participant_name(problem, static_cast<int>(p)) +
                              " is not one of the " + std::to_string(slot_count) + " slots.");
      }
    }
  }
  std::map<std::pair<int, int>, std::size_t> table_use;   // (slot, table) -> meeting
  std::map<std::pair<int, int>, std::size_t> person_use;  // (person, slot) -> meeting
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    const auto& meeting = problem.meetings[m];
    const std::string field = indexed("meetings", m);
    if (meeting.people.size() < 2) {
      return make_error("too_small", field + ".people", "A meeting needs at least two people.");
    }
    if (meeting.people.size() > static_cast<std::size_t>(kMaxMeetingSize)) {
      return make_error("too_large", field + ".people",
                        "A meeting has at most " + std::to_string(kMaxMeetingSize) + " people.");
    }
    for (std::size_t k = 0; k < meeting.people.size(); ++k) {
      const int person = meeting.people[k];
      if (person < 0 || person >= people_count) {
        return make_error("out_of_range", field + "." + indexed("people", k),
                          "Participant " + std::to_string(person) + " does not exist.");
      }
      for (std::size_t j = 0; j < k; ++j) {
        if (meeting.people[j] == person) {
          return make_error("duplicate", field + "." + indexed("people", k),
                            participant_name(problem, person) + " is listed twice in one meeting.");
        }
      }
    }
    if (meeting.pinned_slot && (*meeting.pinned_slot < 0 ||
                                *meeting.pinned_slot >= static_cast<int>(problem.slots.size()))) {
      return make_error("out_of_range", field + ".pinned_slot",
                        "Slot " + std::to_string(*meeting.pinned_slot) + " does not exist.");
    }
    for (std::size_t k = 0; k < meeting.after.size(); ++k) {
      const int other = meeting.after[k];
      const std::string at_field = field + "." + indexed("after", k);
      if (other < 0 || other >= static_cast<int>(problem.meetings.size())) {
        return make_error("out_of_range", at_field,
                          "Meeting " + std::to_string(other) + " does not exist.");
      }
      if (other == static_cast<int>(m)) {
        return make_error("self_precedence", at_field, "A meeting cannot come after itself.");
      }
      if (std::find(meeting.after.begin(), meeting.after.begin() + static_cast<long>(k), other) !=
          meeting.after.begin() + static_cast<long>(k)) {
        return make_error("duplicate", at_field,
                          "Meeting " + std::to_string(other) + " is listed twice.");
      }
    }
    if (!meeting.existing) continue;
    const Placement at = *meeting.existing;
    if (at.slot < 0 || at.slot >= slot_count) {
      return make_error("out_of_range", field + ".existing.slot",
                        "Slot " + std::to_string(at.slot) + " does not exist.");
    }
    if (at.table < 0 || at.table >= static_cast<int>(problem.tables.size())) {
      return make_error("out_of_range", field + ".existing.table",
                        "Table " + std::to_string(at.table) + " does not exist.");
    }
    if (problem.tables[static_cast<std::size_t>(at.table)].seats <
        static_cast<int>(meeting.people.size())) {
      return make_error(
          "too_small", field + ".existing.table",
          table_name(problem, at.table) + " has fewer seats than the meeting has people.");
    }
    const auto [table_it, table_free] = table_use.emplace(std::pair{at.slot, at.table}, m);
    if (!table_free) {
      return make_error("double_booked", field + ".existing",
                        table_name(problem, at.table) + " is already used in " +
                            slot_name(problem, at.slot) + " by meeting " +
                            std::to_string(table_it->second) + ".");
    }
    for (const int person : meeting.people) {
      const auto [person_it, person_free] = person_use.emplace(std::pair{person, at.slot}, m);
      if (!person_free) {
        return make_error("double_booked", field + ".existing",
                          participant_name(problem, person) + " already has meeting " +
                              std::to_string(person_it->second) + " in " +
                              slot_name(problem, at.slot) + ".");
      }
    }
  }
  return Status::success();
}

std::string slot_name(const Problem& problem, int slot) {
  const auto s = static_cast<std::size_t>(slot);
  if (slot >= 0 && s < problem.slots.size() && !problem.slots[s].label.empty()) {
    return problem.slots[s].label;
  }
  return "slot " + std::to_string(slot + 1);
}

std::string table_name(const Problem& problem, int table) {
  const auto t = static_cast<std::size_t>(table);
  if (table >= 0 && t < problem.tables.size() && !problem.tables[t].label.empty()) {
    return problem.tables[t].label;
  }
  return "table " + std::to_string(table + 1);
}

std::string participant_name(const Problem& problem, int participant) {
  const auto p = static_cast<std::size_t>(participant);
  if (participant >= 0 && p < problem.participants.size() &&
      !problem.participants[p].name.empty()) {
    return problem.participants[p].name;
  }
  return "participant " + std::to_string(participant + 1);
}

std::vector<int> participant_breaks(const Problem& problem,
                                    const std::vector<std::optional<Placement>>& placements) {
  std::vector<std::vector<int>> busy(problem.participants.size());
  for (std::size_t m = 0; m < placements.size() && m < problem.meetings.size(); ++m) {
    if (!placements[m]) continue;
    for (const int person : problem.meetings[m].people) {
      busy[static_cast<std::size_t>(person)].push_back(placements[m]->slot);
    }
  }
  std::vector<int> breaks(problem.participants.size(), 0);
  for (std::size_t p = 0; p < busy.size(); ++p) {
    auto& slots = busy[p];
    std::sort(slots.begin(), slots.end());
    slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
    for (std::size_t k = 1; k < slots.size(); ++k) {
      const auto before = static_cast<std::size_t>(slots[k - 1]);
      const auto after = static_cast<std::size_t>(slots[k]);
      if (after > before + 1 && problem.slots[before].day == problem.slots[after].day) {
        ++breaks[p];
      }
    }
  }
  return breaks;
}

}  // namespace crossmatch::core::scheduling
