// The room: the one sequencer of the event. Each operation a client sends is applied and
// numbered, handed to the log, and held until the log says it is durable; then it goes out to
// every live connection that may see it (other people's copies through the held fan-out), and
// the replies that waited behind it follow. Internal to the hub server; on the network thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "net/hub_catch_up.hpp"
#include "net/hub_context.hpp"
#include "net/hub_pending.hpp"
#include "net/hub_sign_in.hpp"

namespace crossmatch::net {

class HubRoom {
 public:
  HubRoom(HubContext& hub, HubSignIn& sign_in, HubCatchUp& catch_up)
      : hub_(hub), sign_in_(sign_in), catch_up_(catch_up) {}

  void submit(const ConnectionPtr& c, core::Operation op);
  // An operation the hub itself makes (an expired request, an offer of a freed slot), applied as
  // the organiser: logged and sent out like any other, with no one to answer. A refusal is noted in
  // the hub's log only.
  void submit_from_hub(core::Operation op);
  // Sends a reply once everything applied before it is durable, so that no reply reflects an
  // operation a crash could take back.
  void reply(const ConnectionPtr& c, Line line);
  // Everything up to `seq` is durable: those operations go out, and the replies behind them.
  void on_durable(std::uint64_t seq);
  // The store failed: every reply still waiting is a refusal now, and nothing more goes out.
  void refuse_pending();

  std::size_t pending() const { return pending_.size(); }
  void set_change_listener(std::function<void(const core::Operation&)> listener) {
    change_listener_ = std::move(listener);
  }
  // Told, once an operation is applied and logged, of the bookings it freed (read before it was
  // applied: core::placements_freed), with its sequence number.
  using FreedListener =
      std::function<void(std::uint64_t seq, const std::vector<core::Placement>& freed)>;
  void set_freed_listener(FreedListener listener) { freed_listener_ = std::move(listener); }

 private:
  void broadcast(const PendingOperation& op);
  void send_op(const ConnectionPtr& c, const PendingOperation& op, const ConnectionPtr& submitter);
  void cork(const ConnectionPtr& c);

  HubContext& hub_;
  HubSignIn& sign_in_;
  HubCatchUp& catch_up_;
  std::deque<PendingOperation> pending_;  // applied, in sequence order, not yet durable
  std::vector<ConnectionPtr> corked_;     // inside on_durable: uncorked once the group is sent
  std::function<void(const core::Operation&)> change_listener_;
  FreedListener freed_listener_;
};

}  // namespace crossmatch::net
