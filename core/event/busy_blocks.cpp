#include "core/event/busy_blocks.hpp"

#include "core/event/calendar.hpp"
#include "core/event/session_slots.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core {

const Session* busy_block_at(const EventState& state, SlotRef slot) {
  if (!slot_exists(state, slot)) return nullptr;
  const Session& s = state.sessions.at(slot.session);
  const int start = s.slot_starts[slot.index];
  const int end = start + s.slot_minutes;
  for (const auto& [id, other] : state.sessions) {
    if (other.kind != SessionKind::Plenary || other.date != s.date) continue;
    if (start < other.end && other.start < end) return &other;
  }
  return nullptr;
}

bool sessions_overlap(const Session& a, const Session& b) {
  return a.date == b.date && a.start < b.end && b.start < a.end;
}

std::string describe_busy_block(const Session& plenary) {
  // TRANSLATORS: a plenary session in a sentence: its name, day, start and end ("the plenary
  // session 'Opening', Thu 14 May 9:00-9:45")
  return format_text(tr("the plenary session '%s', %s %s-%s"), plenary.name.c_str(),
                     format_day_label(plenary.date).c_str(),
                     format_time_of_day(plenary.start).c_str(),
                     format_time_of_day(plenary.end).c_str());
}

}  // namespace crossmatch::core
