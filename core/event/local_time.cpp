#include "core/event/local_time.hpp"

namespace crossmatch::core {

std::int64_t slot_start_ms(const EventState& state, SlotRef slot, const LocalToUtc& local_to_utc) {
  const Session* s = state.session(slot.session);
  if (s == nullptr || slot.index < 0 || slot.index >= s->slot_count()) return 0;
  const std::int64_t local = s->slot_time(slot.index) * 60;
  return (local_to_utc ? local_to_utc(state.event.time_zone, local) : local) * 1000;
}

}  // namespace crossmatch::core
