#include "core/scheduling/schedule_reasons.hpp"

#include <algorithm>
#include <string>

#include "core/i18n/translation.hpp"

namespace crossmatch::core::scheduling {

namespace {

constexpr std::size_t kMostListed = 6;

// "a, b and c".
std::string join_names(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string out = names.front();
  for (std::size_t i = 1; i + 1 < names.size(); ++i) {
    // TRANSLATORS: between the items of a list but the last two: "a, b and c"
    out = format_text(tr("%s, %s"), out.c_str(), names[i].c_str());
  }
  // TRANSLATORS: between the last two items of a list: "a, b and c"
  if (names.size() > 1) out = format_text(tr("%s and %s"), out.c_str(), names.back().c_str());
  return out;
}

std::string people_names(const Problem& problem, const std::vector<int>& people) {
  std::vector<std::string> names;
  for (const int p : people) names.push_back(participant_name(problem, p));
  return join_names(names);
}

// The last item of a list cut short.
const char* more() {
  // TRANSLATORS: the last item of a list cut short: "slot 1, slot 4, more"
  return tr("more");
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
      parts.push_back(more());
      break;
    }
    std::string part = slot_name(problem, slots[i]);
    if (j > i) {
      // TRANSLATORS: a run of slots: "Mon 09:00 to Mon 10:30"
      part = format_text(tr("%s to %s"), part.c_str(), slot_name(problem, slots[j]).c_str());
    }
    parts.push_back(part);
    i = j + 1;
  }
  std::string out;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    // TRANSLATORS: between the items of a list but the last two: "a, b and c"
    out = k == 0 ? parts[k] : format_text(tr("%s, %s"), out.c_str(), parts[k].c_str());
  }
  return out;
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
      // TRANSLATORS: why a slot is taken: "Ana Silva meets Bo Li" (then)
      busy.push_back(format_text(tr("%s meets %s"), participant_name(problem, p).c_str(),
                                 people_names(problem, partners).c_str()));
    }
  }
  if (!free_table) {
    busy.push_back(format_text(
        // TRANSLATORS: why a slot is taken, in a list of reasons
        tr_n("no free table with %zu seat", "no free table with %zu seats", people.size()),
        people.size()));
  }
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
    return make_error(
        "no_table", field_of(m),
        // TRANSLATORS: %1$s names the people of the meeting ("Ana, Bo and Cy"), %2$d how many
        // seats it needs, %3$d the seats of the largest table
        format_text(tr_n("The meeting of %s needs a table with %d seat but the largest has %d: "
                         "add a larger table.",
                         "The meeting of %s needs a table with %d seats but the largest has %d: "
                         "add a larger table.",
                         static_cast<unsigned long>(size)),
                    who.c_str(), size, largest));
  }
  if (problem.slots.empty()) {
    return make_error("no_slot", field_of(m), tr("There are no slots to schedule the meeting in."));
  }

  // The time of day everyone can agree on; `need_from` the person who asks for it, or -1 for
  // the meeting itself.
  TimeOfDay need = meeting.time_of_day;
  int need_from = -1;
  for (const int p : meeting.people) {
    const TimeOfDay want = problem.participants[static_cast<std::size_t>(p)].time_of_day;
    if (want == TimeOfDay::any || want == need) continue;
    if (need == TimeOfDay::any) {
      need = want;
      need_from = p;
      continue;
    }
    // Two different times, neither of them "any": one wants the morning, the other the
    // afternoon.
    const std::string other = participant_name(problem, p);
    std::string message;
    if (need_from < 0) {
      message = format_text(
          need == TimeOfDay::morning
              // TRANSLATORS: %1$s names the people of the meeting, %2$s the person who must meet
              // in the afternoon
              ? tr("The meeting of %s cannot be placed: the meeting must meet in the morning and "
                   "%s in the afternoon; change one of the requirements.")
              // TRANSLATORS: %1$s names the people of the meeting, %2$s the person who must meet
              // in the morning
              : tr("The meeting of %s cannot be placed: the meeting must meet in the afternoon "
                   "and %s in the morning; change one of the requirements."),
          who.c_str(), other.c_str());
    } else {
      const std::string first = participant_name(problem, need_from);
      message = format_text(
          need == TimeOfDay::morning
              // TRANSLATORS: %1$s names the people of the meeting, %2$s and %3$s two of them
              ? tr("The meeting of %s cannot be placed: %s must meet in the morning and %s in "
                   "the afternoon; change one of the requirements.")
              // TRANSLATORS: %1$s names the people of the meeting, %2$s and %3$s two of them
              : tr("The meeting of %s cannot be placed: %s must meet in the afternoon and %s in "
                   "the morning; change one of the requirements."),
          who.c_str(), first.c_str(), other.c_str());
    }
    return make_error("time_of_day_conflict", field_of(m), std::move(message));
  }
  std::vector<int> window;
  for (std::size_t s = 0; s < problem.slots.size(); ++s) {
    if (time_of_day_fits(need, problem.slots[s])) window.push_back(static_cast<int>(s));
  }
  if (window.empty()) {
    return make_error(
        "no_slot_at_time_of_day", field_of(m),
        format_text(
            need == TimeOfDay::morning
                // TRANSLATORS: %s names the people of the meeting ("Ana, Bo and Cy")
                ? tr("The meeting of %s must take place in the morning but there is no such slot.")
                : need == TimeOfDay::afternoon
                      // TRANSLATORS: %s names the people of the meeting ("Ana, Bo and Cy")
                      ? tr("The meeting of %s must take place in the afternoon but "
                           "there is no such slot.")
                      // TRANSLATORS: %s names the people of the meeting ("Ana, Bo and Cy")
                      : tr("The meeting of %s must take place but there is no such slot."),
            who.c_str()));
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
    const std::string name = participant_name(problem, p);
    if (free.empty()) {
      return make_error(
          "participant_unavailable", field_of(m),
          format_text(
              need == TimeOfDay::morning
                  // TRANSLATORS: %1$s is a person, %2$s names the people of the meeting
                  ? tr("%s is unavailable in every slot in the morning, so the meeting of "
                       "%s cannot be placed; ask them to free a slot.")
                  : need == TimeOfDay::afternoon
                        // TRANSLATORS: %1$s is a person, %2$s names the people of the meeting
                        ? tr("%s is unavailable in every slot in the afternoon, so the meeting "
                             "of %s cannot be placed; ask them to free a slot.")
                        // TRANSLATORS: %1$s is a person, %2$s names the people of the meeting
                        : tr("%s is unavailable in every slot, so the meeting of %s cannot be "
                             "placed; ask them to free a slot."),
              name.c_str(), who.c_str()));
    }
    free_lists.push_back(format_text(
        // TRANSLATORS: a person and the slots they are free in: "Ana is free in slot 1 to slot 3"
        tr("%s is free in %s"), name.c_str(), slot_list(problem, free).c_str()));
    std::vector<int> both;
    std::set_intersection(common.begin(), common.end(), free.begin(), free.end(),
                          std::back_inserter(both));
    common = std::move(both);
  }
  if (common.empty()) {
    std::string detail;
    for (std::size_t i = 0; i < free_lists.size(); ++i)
      detail += (i > 0 ? "; " : "") + free_lists[i];
    return make_error(
        "no_common_slot", field_of(m),
        format_text(
            need == TimeOfDay::morning
                // TRANSLATORS: %1$s names the people of the meeting ("Ana, Bo and Cy"),
                // %2$s when each is free ("Ana is free in slot 1; Bo is free in slot 2")
                ? tr("%s have no free slot in common in the morning (%s); ask one of them "
                     "to free a slot.")
                : need == TimeOfDay::afternoon
                      // TRANSLATORS: %1$s names the people of the meeting ("Ana, Bo and Cy"),
                      // %2$s when each is free ("Ana is free in slot 1; Bo is free in slot 2")
                      ? tr("%s have no free slot in common in the afternoon (%s); ask one of "
                           "them to free a slot.")
                      // TRANSLATORS: %1$s names the people of the meeting ("Ana, Bo and Cy"),
                      // %2$s when each is free ("Ana is free in slot 1; Bo is free in slot 2")
                      : tr("%s have no free slot in common (%s); ask one of them to free a "
                           "slot."),
            who.c_str(), detail.c_str()));
  }

  if (meeting.pinned_slot &&
      std::find(common.begin(), common.end(), *meeting.pinned_slot) == common.end()) {
    const std::string pin = slot_name(problem, *meeting.pinned_slot);
    const std::string can = slot_list(problem, common);
    return make_error(
        "pinned_slot_unavailable", field_of(m),
        format_text(
            need == TimeOfDay::morning
                // TRANSLATORS: %1$s names the people of the meeting, %2$s the slot it is
                // pinned to, %3$s the slots they can all meet in, %4$s the pinned slot
                ? tr("The meeting of %s is pinned to %s, but they can all meet in the "
                     "morning only in %s; pin it to one of those or ask them to free %s.")
                : need == TimeOfDay::afternoon
                      // TRANSLATORS: %1$s names the people of the meeting, %2$s the slot it is
                      // pinned to, %3$s the slots they can all meet in, %4$s the pinned slot
                      ? tr("The meeting of %s is pinned to %s, but they can all meet in the "
                           "afternoon only in %s; pin it to one of those or ask them to free "
                           "%s.")
                      // TRANSLATORS: %1$s names the people of the meeting, %2$s the slot it is
                      // pinned to, %3$s the slots they can all meet in, %4$s the pinned slot
                      : tr("The meeting of %s is pinned to %s, but they can all meet only in "
                           "%s; pin it to one of those or ask them to free %s."),
            who.c_str(), pin.c_str(), can.c_str(), pin.c_str()));
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
      blockers.push_back(more());
      break;
    }
    const bool free_table = k < model.classes && model.cap(s, k) > 0;
    blockers.push_back(slot_blocker(problem, model, m, s, kept_slot_of, free_table));
  }
  return make_error("blocked_by_kept_meetings", field_of(m),
                    format_text(
                        // TRANSLATORS: %1$s names the people of the meeting, %2$s lists the slots
                        // with what takes them ("Mon 09:00 (Ana meets Bo)")
                        tr("Every slot where %s are all free is taken by meetings that "
                           "must stay: %s; allow moves or move one of those meetings."),
                        who.c_str(), join_names(blockers).c_str()));
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
      blockers.push_back(more());
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
  const auto where = [&](int other, bool after) {
    const std::string people =
        people_names(problem, problem.meetings[static_cast<std::size_t>(other)].people);
    const int s = slot_of[static_cast<std::size_t>(other)];
    if (s < 0) {
      // TRANSLATORS: in "It must take place %s": after or before another meeting, not placed
      return after ? format_text(tr("after the meeting of %s (not placed)"), people.c_str())
                   : format_text(tr("before the meeting of %s (not placed)"), people.c_str());
    }
    const std::string slot = slot_name(problem, s);
    // TRANSLATORS: in "It must take place %s": after or before another meeting, in its slot
    return after ? format_text(tr("after the meeting of %s (%s)"), people.c_str(), slot.c_str())
                 : format_text(tr("before the meeting of %s (%s)"), people.c_str(), slot.c_str());
  };
  for (const int a : model.earlier_than(m)) order.push_back(where(a, true));
  for (const int b : model.later_than(m)) order.push_back(where(b, false));
  const std::string blocked = join_names(blockers);
  const std::string order_text = join_names(order);
  if (meeting.pinned_slot) {
    const std::string pin = slot_name(problem, *meeting.pinned_slot);
    std::string message;
    if (order.empty()) {
      // TRANSLATORS: %1$s names the people of the meeting, %2$s the slot it is pinned to, %3$s
      // what takes that slot
      message = format_text(tr("The meeting of %s is pinned to %s, which cannot take it: %s. Pin "
                               "it elsewhere, unpin one of the meetings there, or add a table."),
                            who.c_str(), pin.c_str(), blocked.c_str());
    } else {
      // TRANSLATORS: %1$s names the people of the meeting, %2$s the slot it is pinned to, %3$s
      // what takes that slot, %4$s the meetings it must follow or precede ("after the meeting
      // of Ana and Bo (Mon 09:00)")
      message = format_text(tr("The meeting of %s is pinned to %s, which cannot take it: %s. It "
                               "must take place %s. Pin it elsewhere, unpin one of the meetings "
                               "there, or add a table."),
                            who.c_str(), pin.c_str(), blocked.c_str(), order_text.c_str());
    }
    return make_error("pinned_slot_taken", field_of(m), std::move(message));
  }
  std::string message;
  if (order.empty()) {
    // TRANSLATORS: %1$zu slots, %2$s names the people of the meeting, %3$s what takes each slot
    message = format_text(tr_n("The %zu slot where %s are all free is taken: %s. Allow moves, add "
                               "a table or a slot, or drop one of their meetings.",
                               "Each of the %zu slots where %s are all free is taken: %s. Allow "
                               "moves, add a table or a slot, or drop one of their meetings.",
                               domain.size()),
                          domain.size(), who.c_str(), blocked.c_str());
  } else {
    message = format_text(
        // TRANSLATORS: %1$zu slots, %2$s names the people of the meeting, %3$s what takes each
        // slot, %4$s the meetings it must follow or precede ("after the meeting of Ana and Bo
        // (Mon 09:00)")
        tr_n("The %zu slot where %s are all free is taken: %s. It must take place %s. Allow "
             "moves, add a table or a slot, or drop one of their meetings.",
             "Each of the %zu slots where %s are all free is taken: %s. It must take place %s. "
             "Allow moves, add a table or a slot, or drop one of their meetings.",
             domain.size()),
        domain.size(), who.c_str(), blocked.c_str(), order_text.c_str());
  }
  return make_error("no_room", field_of(m), std::move(message));
}

}  // namespace crossmatch::core::scheduling
