#include "core/event/session_slots.hpp"

#include "core/event/calendar.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core {

std::vector<int> compute_slot_starts(int start, int end, int slot_minutes,
                                     const std::vector<TimeRange>& breaks) {
  std::vector<int> starts;
  if (slot_minutes <= 0) return starts;
  int t = start;
  while (t + slot_minutes <= end) {
    const TimeRange* blocking = nullptr;
    for (const TimeRange& b : breaks) {
      if (t < b.end && b.start < t + slot_minutes) {
        if (blocking == nullptr || b.end > blocking->end) blocking = &b;
      }
    }
    if (blocking != nullptr) {
      t = blocking->end;
      continue;
    }
    starts.push_back(t);
    t += slot_minutes;
  }
  return starts;
}

void compute_slots(Session& session) {
  session.slot_starts =
      compute_slot_starts(session.start, session.end, session.slot_minutes, session.breaks);
}

bool slot_exists(const EventState& state, SlotRef slot) {
  const Session* s = state.session(slot.session);
  return s != nullptr && slot.index >= 0 && slot.index < s->slot_count();
}

bool is_morning(const EventState& state, SlotRef slot) {
  const Session& s = state.sessions.at(slot.session);
  return s.slot_starts[slot.index] < state.event.settings.afternoon_start;
}

std::string describe_slot(const EventState& state, SlotRef slot, bool with_session) {
  const Session* s = state.session(slot.session);
  if (s == nullptr || slot.index < 0 || slot.index >= s->slot_count())
    // TRANSLATORS: a slot that no longer exists: its number and its session's number
    return format_text(tr("slot %d of session %u"), slot.index + 1, slot.session);
  std::string text =
      format_day_label(s->date) + " " + format_time_of_day(s->slot_starts[slot.index]);
  if (with_session) text += " (" + s->name + ")";
  return text;
}

}  // namespace crossmatch::core
