#include "core/scheduling/schedule_reasons.hpp"

#include <algorithm>
#include <string>

namespace crossmatch::core::scheduling {

namespace {

constexpr std::size_t kMostListed = 6;

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string people_names(const Problem& problem, const std::vector<int>& people) {
  std::vector<std::string> names;
  for (const int p : people) names.push_back(participant_name(problem, p));
  return join_names(names);
}

// "slot 1 to slot 4, slot 7", runs of consecutive slots shortened, long lists cut.
std::string slot_list(const Problem& problem, const std::vector<int>& slots) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  std::size_t runs = 0;
  while (i < slots.size()) {
    std::size_t j = i;
    while (j + 1 < slots.size() && slots[j + 1] == slots[j] + 1) ++j;
    if (++runs > kMostListed) {
      parts.push_back("more");
      break;
    }
    std::string part = slot_name(problem, slots[i]);
    if (j > i) part += " to " + slot_name(problem, slots[j]);
    parts.push_back(part);
    i = j + 1;
  }
  std::string out;
  for (std::size_t k = 0; k < parts.size(); ++k) out += (k > 0 ? ", " : "") + parts[k];
  return out;
}

const char* time_phrase(TimeOfDay need) {
  switch (need) {
    case TimeOfDay::morning:
      return " in the morning";
    case TimeOfDay::afternoon:
      return " in the afternoon";
    case TimeOfDay::any:
      return "";
  }
  return "";
}

std::string field_of(int meeting) {
  return "meetings[" + std::to_string(meeting) + "]";
}

// What keeps meeting m out of slot s, given each meeting's slot (-1 when not placed).
std::string slot_blocker(const Problem& problem, const Model& model, int m, int s,
                         const std::vector<int>& slot_of, bool free_table) {
  const auto& people = problem.meetings[static_cast<std::size_t>(m)].people;
  std::vector<std::string> busy;
  for (const int p : people) {
    for (const int other : model.meetings_of(p)) {
      if (other == m || slot_of[static_cast<std::size_t>(other)] != s) continue;
      std::vector<int> partners;
      for (const int q : problem.meetings[static_cast<std::size_t>(other)].people) {
        if (q != p) partners.push_back(q);
      }
      busy.push_back(participant_name(problem, p) + " meets " + people_names(problem, partners));
    }
  }
  if (!free_table) busy.push_back("no free table with " + std::to_string(people.size()) + " seats");
  return slot_name(problem, s) + " (" + join_names(busy) + ")";
}

}  // namespace

Error unplaceable_reason(const Problem& problem, const Model& model, int m) {
  const auto& meeting = problem.meetings[static_cast<std::size_t>(m)];
  const std::string who = people_names(problem, meeting.people);
  const int size = static_cast<int>(meeting.people.size());
  int largest = 0;
  for (const auto& table : problem.tables) largest = std::max(largest, table.seats);
  if (largest < size) {
    return make_error("no_table", field_of(m),
                      "The meeting of " + who + " needs a table with " + std::to_string(size) +
                          " seats but the largest has " + std::to_string(largest) +
                          ": add a larger table.");
  }
  if (problem.slots.empty()) {
    return make_error("no_slot", field_of(m), "There are no slots to schedule the meeting in.");
  }

  // The time of day everyone can agree on.
  TimeOfDay need = meeting.time_of_day;
  std::string need_source = "the meeting";
  for (const int p : meeting.people) {
    const TimeOfDay want = problem.participants[static_cast<std::size_t>(p)].time_of_day;
    if (want == TimeOfDay::any || want == need) continue;
    if (need == TimeOfDay::any) {
      need = want;
      need_source = participant_name(problem, p);
      continue;
    }
    return make_error("time_of_day_conflict", field_of(m),
                      "The meeting of " + who + " cannot be placed: " + need_source + " must meet" +
                          time_phrase(need) + " and " + participant_name(problem, p) +
                          time_phrase(want) + "; change one of the requirements.");
  }
  std::vector<int> window;
  for (std::size_t s = 0; s < problem.slots.size(); ++s) {
    if (time_of_day_fits(need, problem.slots[s])) window.push_back(static_cast<int>(s));
  }
  if (window.empty()) {
    return make_error("no_slot_at_time_of_day", field_of(m),
                      std::string("The meeting of ") + who + " must take place" +
                          time_phrase(need) + " but there is no such slot.");
  }

  std::vector<int> common = window;
  std::vector<std::string> free_lists;
  for (const int p : meeting.people) {
    const auto& unavailable = problem.participants[static_cast<std::size_t>(p)].unavailable;
    std::vector<int> free;
    for (const int s : window) {
      if (std::find(unavailable.begin(), unavailable.end(), s) == unavailable.end())
        free.push_back(s);
    }
    if (free.empty()) {
      return make_error("participant_unavailable", field_of(m),
                        participant_name(problem, p) + " is unavailable in every slot" +
                            time_phrase(need) + ", so the meeting of " + who +
                            " cannot be placed; ask them to free a slot.");
    }
    free_lists.push_back(participant_name(problem, p) + " is free in " + slot_list(problem, free));
    std::vector<int> both;
    std::set_intersection(common.begin(), common.end(), free.begin(), free.end(),
                          std::back_inserter(both));
    common = std::move(both);
  }
  if (common.empty()) {
    std::string detail;
    for (std::size_t i = 0; i < free_lists.size(); ++i)
      detail += (i > 0 ? "; " : "") + free_lists[i];
    return make_error("no_common_slot", field_of(m),
                      who + " have no free slot in common" + time_phrase(need) + " (" + detail +
                          "); ask one of them to free a slot.");
  }

  if (meeting.pinned_slot &&
      std::find(common.begin(), common.end(), *meeting.pinned_slot) == common.end()) {
    return make_error("pinned_slot_unavailable", field_of(m),
                      "The meeting of " + who + " is pinned to " +
                          slot_name(problem, *meeting.pinned_slot) + ", but they can all meet" +
                          time_phrase(need) + " only in " + slot_list(problem, common) +
                          "; pin it to one of those or ask them to free " +
                          slot_name(problem, *meeting.pinned_slot) + ".");
  }
  if (meeting.pinned_slot) common = {*meeting.pinned_slot};

  // Free in common, but kept meetings hold the people or the tables there.
  std::vector<int> kept_slot_of(model.fixed_slot);
  std::vector<std::string> blockers;
  const int k =
      static_cast<int>(std::lower_bound(model.class_size.begin(), model.class_size.end(), size) -
                       model.class_size.begin());
  for (const int s : common) {
    if (blockers.size() == kMostListed) {
      blockers.push_back("more");
      break;
    }
    const bool free_table = k < model.classes && model.cap(s, k) > 0;
    blockers.push_back(slot_blocker(problem, model, m, s, kept_slot_of, free_table));
  }
  return make_error("blocked_by_kept_meetings", field_of(m),
                    "Every slot where " + who +
                        " are all free is taken by meetings that must stay: " +
                        join_names(blockers) + "; allow moves or move one of those meetings.");
}

Error crowded_out_reason(const Problem& problem, const Model& model, int m,
                         const std::vector<int>& slot_of, const std::vector<int>& load) {
  const auto& meeting = problem.meetings[static_cast<std::size_t>(m)];
  const std::string who = people_names(problem, meeting.people);
  const auto domain = model.domain_of(m);
  const int k = model.meeting_class[static_cast<std::size_t>(m)];
  std::vector<std::string> blockers;
  for (const int s : domain) {
    if (blockers.size() == kMostListed) {
      blockers.push_back("more");
      break;
    }
    bool free_table = true;
    for (int j = 0; j <= k; ++j) {
      const auto at = static_cast<std::size_t>(s) * static_cast<std::size_t>(model.classes) +
                      static_cast<std::size_t>(j);
      if (load[at] >= model.cap(s, j)) free_table = false;
    }
    blockers.push_back(slot_blocker(problem, model, m, s, slot_of, free_table));
  }
  // The precedences this meeting is in, with where the other meetings are.
  std::vector<std::string> order;
  const auto where = [&](int other) {
    const int s = slot_of[static_cast<std::size_t>(other)];
    return "the meeting of " +
           people_names(problem, problem.meetings[static_cast<std::size_t>(other)].people) +
           (s >= 0 ? " (" + slot_name(problem, s) + ")" : " (not placed)");
  };
  for (const int a : model.earlier_than(m)) order.push_back("after " + where(a));
  for (const int b : model.later_than(m)) order.push_back("before " + where(b));
  const std::string order_text =
      order.empty() ? "" : " It must take place " + join_names(order) + ".";
  if (meeting.pinned_slot) {
    return make_error("pinned_slot_taken", field_of(m),
                      "The meeting of " + who + " is pinned to " +
                          slot_name(problem, *meeting.pinned_slot) +
                          ", which cannot take it: " + join_names(blockers) + "." + order_text +
                          " Pin it elsewhere, unpin one of the meetings there, or add a table.");
  }
  return make_error("no_room", field_of(m),
                    "Each of the " + std::to_string(domain.size()) + " slots where " + who +
                        " are all free is taken: " + join_names(blockers) + "." + order_text +
                        " Allow moves, add a table or a slot, or drop one of their meetings.");
}

}  // namespace crossmatch::core::scheduling
