// What the hub keeps between applying an operation and the log making it durable, and the
// shared starting point of snapshots. Internal to the hub server.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/event/event_state.hpp"
#include "net/hub_connection.hpp"
#include "net/operation_lines.hpp"

namespace crossmatch::net {

// A reply (acknowledgement or refusal) that may be sent once the operation before it is durable.
struct Reply {
  std::weak_ptr<HubConnection> connection;
  Line line;
  std::optional<core::Viewer>
      becomes;  // a newcomer's registration: who the connection is afterwards
};

// An applied operation waiting for the log to make it durable.
struct PendingOperation {
  OperationLines lines;
  std::weak_ptr<HubConnection> submitter;
  std::vector<Reply> replies;  // sent right after the operation's own lines
  std::chrono::steady_clock::time_point applied = std::chrono::steady_clock::now();
};

// The state at one sequence number and the snapshot lines every participant shares, reused for
// snapshots asked for soon after, so that many clients joining at once cost one copy.
struct SnapshotBase {
  std::uint64_t seq = 0;
  std::chrono::steady_clock::time_point made;
  std::shared_ptr<const core::EventState> state;
  std::shared_ptr<const std::vector<Line>> public_items;
  // The same items packed into compressed frames, made once for the first client that reads
  // frames (docs/protocol.md, "Compression") and shared by every copy of this base.
  struct Frames {
    bool made = false;
    std::vector<Line> lines;
  };
  std::shared_ptr<Frames> public_frames;
};

}  // namespace crossmatch::net
