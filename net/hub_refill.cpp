#include "net/hub_refill.hpp"

#include <chrono>

#include "core/event/refill.hpp"

namespace crossmatch::net {

std::string HubRefill::operation_id(core::SlotRef slot, std::uint64_t seq) {
  return "hub-offer-" + std::to_string(slot.session) + "." + std::to_string(slot.index) + "-" +
         std::to_string(seq);
}

void HubRefill::freed(std::uint64_t seq, const std::vector<core::Placement>& placements) {
  if (hub_.shutting_down || hub_.failed || hub_.stopped || placements.empty()) return;
  const std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
  const std::vector<core::OfferSlot> offers =
      core::offers_for_freed(hub_.sequencer.state(), hub_.sequencer.taxonomy(), placements, now_ms,
                             hub_.sequencer.local_to_utc());
  for (const core::OfferSlot& offer : offers) {
    core::Operation op;
    op.id = operation_id(offer.slot, seq);
    op.payload = offer;
    room_.submit_from_hub(std::move(op));
  }
}

}  // namespace crossmatch::net
