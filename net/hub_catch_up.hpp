// Catch-up: how a client that said hello is brought up to date (the operations it missed, read
// back from the log, or a snapshot when it is far behind), and its going live at the end.
// Internal to the hub server; on the network thread.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "net/hub_context.hpp"
#include "net/hub_pending.hpp"
#include "net/hub_teams.hpp"
#include "net/hub_worker.hpp"
#include "net/operation_lines.hpp"
#include "net/recent_log.hpp"

namespace crossmatch::net {

class HubCatchUp {
 public:
  HubCatchUp(HubContext& hub, HubTeams& teams) : hub_(hub), teams_(teams), worker_(hub.io) {}
  ~HubCatchUp() { *alive_ = false; }
  HubCatchUp(const HubCatchUp&) = delete;
  HubCatchUp& operator=(const HubCatchUp&) = delete;

  // How a client that said `hello` catches up: "none", "operations" or "snapshot", as the
  // welcome says.
  std::string plan(const Hello& hello) const;
  // Starts catching `c` up as planned, once the welcome is on its way.
  void start(const ConnectionPtr& c, const std::string& plan, std::optional<std::uint64_t> after);

  // The last sequence number the client has been sent (a ping's answer).
  std::uint64_t seq_sent(const HubConnection& c) const {
    return c.sync == HubConnection::Sync::Live ? hub_.durable_seq : c.sent_seq;
  }
  // Snapshots taken at `up_to` or before are durable now and go out.
  void activate_snapshots(std::uint64_t up_to);
  // The connection's writes have drained: time to send it more.
  void on_drained(const ConnectionPtr& c) {
    if (c->sync == HubConnection::Sync::CatchingUp) continue_catch_up(c);
  }
  // A durable operation's lines, as live clients were sent them: the latest kRecentOperations
  // are kept, so that a client catching up within them gets the same lines (nothing read back
  // from the log, nothing viewed and encoded again per client).
  void keep(OperationLines lines);
  // The connection closed: its snapshot, if one is waiting, is dropped.
  void forget(const HubConnection& c) { waiting_snapshots_.erase(c.id()); }

 private:
  void go_live(const ConnectionPtr& c);
  void continue_catch_up(const ConnectionPtr& c);
  // Sends up to a batch of the kept lines after the connection's sequence number; false (nothing
  // sent) when the kept lines do not reach back that far or hold none of the durable operations
  // after it.
  bool send_kept(const ConnectionPtr& c);
  // Reads on and sends the person's notices that the snapshot just sent holds (Missed).
  void send_missed(const ConnectionPtr& c);
  // Sends a run of lines read back from the log: compressed when the client reads frames and the
  // run is long enough.
  void send_run(const ConnectionPtr& c, std::vector<Line> lines);
  void request_snapshot(const ConnectionPtr& c);
  // Keeps the shared snapshot fresh: the first is made at once; a newer one is made on the
  // worker's thread while clients go on taking the one there is.
  void refresh_snapshot_base();
  void activate_snapshot(const ConnectionPtr& c);

  HubContext& hub_;
  HubTeams& teams_;
  SnapshotBase snapshot_base_;
  std::unordered_map<std::uint64_t, SnapshotBase> waiting_snapshots_;  // by connection
  std::deque<OperationLines> kept_;  // consecutive sequence numbers, the latest last
  bool making_base_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // false once destroyed
  HubWorker worker_;                                            // last: its thread stops first
};

}  // namespace crossmatch::net
