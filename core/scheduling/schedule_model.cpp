#include "core/scheduling/schedule_model.hpp"

#include <algorithm>

namespace crossmatch::core::scheduling {

bool time_of_day_fits(TimeOfDay need, const Slot& slot) {
  switch (need) {
    case TimeOfDay::any:
      return true;
    case TimeOfDay::morning:
      return slot.morning;
    case TimeOfDay::afternoon:
      return !slot.morning;
  }
  return false;
}

Model build_model(const Problem& problem) {
  Model model;
  const auto slot_count = problem.slots.size();
  model.slots = static_cast<int>(slot_count);
  model.participants = static_cast<int>(problem.participants.size());
  model.meetings = static_cast<int>(problem.meetings.size());

  int position = 0;
  for (std::size_t s = 0; s < slot_count; ++s) {
    if (s > 0 && problem.slots[s].day != problem.slots[s - 1].day) {
      ++model.days;
      position = 0;
    }
    model.slot_day.push_back(model.days);
    model.slot_bit.push_back(std::uint64_t{1} << position);
    ++position;
  }
  if (slot_count > 0) ++model.days;

  const auto meeting_count = problem.meetings.size();
  model.people_begin.reserve(meeting_count + 1);
  model.people_begin.push_back(0);
  model.fixed.assign(meeting_count, 0);
  model.fixed_slot.assign(meeting_count, -1);
  model.warm_slot.assign(meeting_count, -1);
  std::vector<int> sizes;
  for (std::size_t m = 0; m < meeting_count; ++m) {
    const auto& meeting = problem.meetings[m];
    model.people.insert(model.people.end(), meeting.people.begin(), meeting.people.end());
    model.people_begin.push_back(static_cast<int>(model.people.size()));
    if (meeting.existing && !problem.allow_moves) {
      model.fixed[m] = 1;
      model.fixed_slot[m] = meeting.existing->slot;
    } else {
      sizes.push_back(static_cast<int>(meeting.people.size()));
    }
  }
  std::sort(sizes.begin(), sizes.end());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  model.class_size = sizes;
  model.classes = static_cast<int>(sizes.size());

  // Tables taken by kept meetings are not free for the search in their slot.
  std::vector<char> table_taken(slot_count * problem.tables.size(), 0);
  for (std::size_t m = 0; m < meeting_count; ++m) {
    if (model.fixed[m]) {
      const auto at = *problem.meetings[m].existing;
      table_taken[static_cast<std::size_t>(at.slot) * problem.tables.size() +
                  static_cast<std::size_t>(at.table)] = 1;
    }
  }
  const auto classes = static_cast<std::size_t>(model.classes);
  model.capacity.assign(slot_count * classes, 0);
  for (std::size_t s = 0; s < slot_count; ++s) {
    for (std::size_t t = 0; t < problem.tables.size(); ++t) {
      if (table_taken[s * problem.tables.size() + t]) continue;
      for (std::size_t k = 0; k < classes; ++k) {
        if (problem.tables[t].seats >= model.class_size[k]) ++model.capacity[s * classes + k];
      }
    }
  }

  // Where each participant may meet, ignoring other meetings.
  const auto person_count = problem.participants.size();
  std::vector<char> open(person_count * slot_count, 1);
  for (std::size_t p = 0; p < person_count; ++p) {
    const auto& participant = problem.participants[p];
    for (std::size_t s = 0; s < slot_count; ++s) {
      if (!time_of_day_fits(participant.time_of_day, problem.slots[s]))
        open[p * slot_count + s] = 0;
    }
    for (const int s : participant.unavailable)
      open[p * slot_count + static_cast<std::size_t>(s)] = 0;
  }
  for (std::size_t m = 0; m < meeting_count; ++m) {
    if (!model.fixed[m]) continue;
    for (const int p : problem.meetings[m].people) {
      open[static_cast<std::size_t>(p) * slot_count +
           static_cast<std::size_t>(model.fixed_slot[m])] = 0;
    }
  }

  model.meeting_class.assign(meeting_count, -1);
  model.allowed.assign(meeting_count * slot_count, 0);
  model.domain_begin.reserve(meeting_count + 1);
  model.domain_begin.push_back(0);
  for (std::size_t m = 0; m < meeting_count; ++m) {
    const auto& meeting = problem.meetings[m];
    if (!model.fixed[m]) {
      const int size = static_cast<int>(meeting.people.size());
      const int k =
          static_cast<int>(std::lower_bound(sizes.begin(), sizes.end(), size) - sizes.begin());
      model.meeting_class[m] = k;
      for (std::size_t s = 0; s < slot_count; ++s) {
        if (!time_of_day_fits(meeting.time_of_day, problem.slots[s])) continue;
        if (meeting.pinned_slot && static_cast<int>(s) != *meeting.pinned_slot) continue;
        if (model.cap(static_cast<int>(s), k) == 0) continue;
        bool everyone = true;
        for (const int p : meeting.people) {
          if (!open[static_cast<std::size_t>(p) * slot_count + s]) {
            everyone = false;
            break;
          }
        }
        if (!everyone) continue;
        model.allowed[m * slot_count + s] = 1;
        model.domain.push_back(static_cast<int>(s));
      }
      if (model.domain.size() > static_cast<std::size_t>(model.domain_begin.back())) {
        model.movable.push_back(static_cast<int>(m));
        if (meeting.existing &&
            model.allowed[m * slot_count + static_cast<std::size_t>(meeting.existing->slot)]) {
          model.warm_slot[m] = meeting.existing->slot;
        }
      }
    }
    model.domain_begin.push_back(static_cast<int>(model.domain.size()));
  }

  // Precedences, both ways.
  model.earlier_begin.push_back(0);
  std::vector<int> later_count(meeting_count + 1, 0);
  for (std::size_t m = 0; m < meeting_count; ++m) {
    for (const int a : problem.meetings[m].after) {
      model.earlier.push_back(a);
      ++later_count[static_cast<std::size_t>(a) + 1];
    }
    model.earlier_begin.push_back(static_cast<int>(model.earlier.size()));
  }
  for (std::size_t m = 0; m < meeting_count; ++m) later_count[m + 1] += later_count[m];
  model.later_begin = later_count;
  model.later.assign(model.earlier.size(), 0);
  for (std::size_t m = 0; m < meeting_count; ++m) {
    for (const int a : problem.meetings[m].after)
      model.later[static_cast<std::size_t>(later_count[static_cast<std::size_t>(a)]++)] =
          static_cast<int>(m);
  }

  std::vector<int> count(person_count + 1, 0);
  for (const int p : model.people) ++count[static_cast<std::size_t>(p) + 1];
  for (std::size_t p = 0; p < person_count; ++p) count[p + 1] += count[p];
  model.person_meetings_begin = count;
  model.person_meetings.assign(model.people.size(), 0);
  for (std::size_t m = 0; m < meeting_count; ++m) {
    for (const int p : problem.meetings[m].people) {
      model.person_meetings[static_cast<std::size_t>(count[static_cast<std::size_t>(p)]++)] =
          static_cast<int>(m);
    }
  }
  return model;
}

}  // namespace crossmatch::core::scheduling
