// What the hub server needs from durable storage. The hub program implements it on its storage
// thread (app/hub/storage_worker.hpp); every callback runs on the network thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"

namespace crossmatch::net {

// A token's hash and whom it stands for. The token itself is never stored.
struct HubCredential {
  std::string token_hash;
  core::Role role = core::Role::Participant;
  core::ParticipantId participant = 0;
};

// Told by the log, on the network thread.
class DurabilityListener {
 public:
  virtual ~DurabilityListener() = default;
  // Every operation up to `seq` is durable, and so is every credential appended with them.
  virtual void on_durable(std::uint64_t seq) = 0;
  // The store failed to commit: operations after the last durable one are lost.
  virtual void on_storage_failed(const core::Error& error) = 0;
};

class HubLog {
 public:
  virtual ~HubLog() = default;
  virtual void set_listener(DurabilityListener* listener) = 0;

  // Called just before the sequencer applies `op`, with the state before it: the log may note
  // there what the operation is about to change. A refused operation is followed by no append.
  virtual void before_apply(const core::EventState& before, const core::Operation& op) = 0;
  // Queues an applied, sequenced operation (and a credential to store with it) for the next
  // group commit; durability is reported through the listener. `after` is the state right after
  // the operation, which the log may read during this call (the storage thread then only writes).
  virtual void append(core::Operation op, std::optional<HubCredential> credential,
                      const core::EventState& after) = 0;
  // Stores a credential outside any operation (a fresh token for a resent registration).
  virtual void put_credential(HubCredential credential, std::function<void(core::Status)> done) = 0;
  virtual void find_credential(
      std::string token_hash,
      std::function<void(core::Result<std::optional<HubCredential>>)> done) = 0;
  // Durable operations after `after`, at most `limit`, in order.
  virtual void read_after(std::uint64_t after, std::size_t limit,
                          std::function<void(core::Result<std::vector<core::Operation>>)> done) = 0;
};

}  // namespace crossmatch::net
