// A client's local file: the operations its user made that the hub has not answered yet (the
// outbox, in order), and its replica of the event (a snapshot plus the operations applied since),
// so a client can start offline, show what is pending, and resend it when the hub is back.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::storage {

struct Replica {
  core::EventState state;           // indexes rebuilt
  std::uint64_t last_sequence = 0;  // of the last operation applied to it
};

// One program at a time uses a file (the second is refused: "locked"); one thread at a time uses
// an OutboxStore. Writes are durable when they return (WAL, synchronous=FULL): what the user did
// survives a crash. Bad files are refused as the event store refuses them (not a database,
// another program's, a newer version, a read-only location).
class OutboxStore {
 public:
  // Opens the file, creating it when missing. ":memory:" opens an in-memory one.
  static core::Result<std::unique_ptr<OutboxStore>> open(const std::filesystem::path& file);
  ~OutboxStore();
  OutboxStore(const OutboxStore&) = delete;
  OutboxStore& operator=(const OutboxStore&) = delete;

  // [SECTION] Pending operations

  // Adds an operation the user made (with its client-made id, not yet sequenced) at the end.
  // An id already pending is refused ("duplicate").
  core::Status add(const core::Operation& operation);
  // Removes it once the hub has acknowledged or refused it; false when it was not pending.
  core::Result<bool> remove(const std::string& operation_id);
  // Every pending operation, in the order they were added: the order to send them in.
  core::Result<std::vector<core::Operation>> pending();

  // [SECTION] The replica

  // Replaces the replica with a snapshot of `state` as of `last_sequence` (the first state, a
  // hub's snapshot for a client far behind, or the client's own now and then), and forgets the
  // recorded operations it includes. Costs a JSON dump of the whole state.
  core::Status save_snapshot(const core::EventState& state, std::uint64_t last_sequence);
  // Records operations the client has applied to its replica, in sequence order: one small row
  // each. Sequences must continue from last_sequence(); ones already recorded are skipped, a gap
  // is refused ("sequence_gap").
  core::Status record_applied(const std::vector<core::Operation>& operations);
  // The last sequence the replica has applied; 0 when there is none.
  core::Result<std::uint64_t> last_sequence();
  // The snapshot with the recorded operations applied (ApplyMode::Follow), or nothing when the
  // client has no replica yet. `taxonomy` rebuilds the indexes.
  core::Result<std::optional<Replica>> load_replica(const core::Taxonomy& taxonomy);

  // [SECTION] Small values: the hub's address, the participant's token, window sizes.

  core::Status put_setting(const std::string& key, const std::string& value);
  core::Result<std::optional<std::string>> get_setting(const std::string& key);

 private:
  struct Impl;
  explicit OutboxStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace crossmatch::storage
