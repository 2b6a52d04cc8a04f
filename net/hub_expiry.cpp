#include "net/hub_expiry.hpp"

#include "core/event/request_expiry.hpp"

namespace crossmatch::net {

std::string HubExpiry::operation_id(core::MeetingId meeting) {
  return "hub-expire-" + std::to_string(meeting);
}

void HubExpiry::tick() {
  if (hub_.shutting_down || hub_.failed || hub_.stopped) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_look_ < kEvery) return;
  last_look_ = now;
  const std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
  for (const core::MeetingId id : core::due_expiries(hub_.sequencer.state(), now_ms, kMostPerLook,
                                                     hub_.sequencer.local_to_utc())) {
    core::Operation op;
    op.id = operation_id(id);
    op.payload = core::ExpireRequest{id};
    room_.submit_from_hub(std::move(op));
  }
}

}  // namespace crossmatch::net
