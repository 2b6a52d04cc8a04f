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
#include "core/event/privacy.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::storage {

// The form of the replica this version writes; a replica of a later form is not read.
inline constexpr int kReplicaFormat = 1;

struct Replica {
  core::EventState state;           // indexes rebuilt
  std::uint64_t last_sequence = 0;  // of the last operation applied to it (or sent up to)
  std::string owner;                // whose replica it is, as the client wrote it
};

// What is known of a kept replica without reading its state.
struct ReplicaHeader {
  std::uint64_t last_sequence = 0;  // the snapshot's and the recorded operations'
  int format = kReplicaFormat;
  std::string owner;
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
  // recorded operations it includes. `owner` says whose replica it is (the client's own words;
  // read back by header()). Costs a JSON dump of the whole state.
  core::Status save_snapshot(const core::EventState& state, std::uint64_t last_sequence,
                             const std::string& owner = {});
  // The same with the state's JSON (core::state_to_json) made by the caller, so that the dump
  // can be made on another thread than the one that writes, outside any lock.
  core::Status save_snapshot_json(const std::string& state_json, std::uint64_t last_sequence,
                                  const std::string& owner);
  // Records operations the client has applied to its replica, in sequence order: one small row
  // each. Sequences must continue from last_sequence(); ones already recorded are skipped, a gap
  // is refused ("sequence_gap").
  core::Status record_applied(const std::vector<core::Operation>& operations);
  // Records what the hub sent after `from` (which must be last_sequence(), else "sequence_gap"):
  // the operations this client may see, in increasing sequence order, with the contact details
  // they reveal, and that everything up to `through` has been sent. A participant's feed skips
  // what they may not see, so sequence numbers may jump; each row keeps the one before it, so a
  // lost row is still found when the replica is read.
  core::Status record_feed(std::uint64_t from,
                           const std::vector<core::VisibleOperation>& operations,
                           std::uint64_t through);
  // The last sequence the replica has applied; 0 when there is none.
  core::Result<std::uint64_t> last_sequence();
  // The kept replica's sequence, form and owner, without reading its state; nothing when there
  // is no snapshot.
  core::Result<std::optional<ReplicaHeader>> header();
  // The snapshot with the recorded operations applied (ApplyMode::Follow), or nothing when the
  // client has no replica yet. `taxonomy` rebuilds the indexes. A replica that cannot be used is
  // refused with what is wrong: "corrupt" (bad JSON, a gap, an operation that does not apply),
  // "newer_format" (written by a later version).
  core::Result<std::optional<Replica>> load_replica(const core::Taxonomy& taxonomy);
  // Forgets the replica (the snapshot and the recorded operations); pending operations stay.
  core::Status discard_replica();

  // [SECTION] Small values: the hub's address, the participant's token, window sizes.

  core::Status put_setting(const std::string& key, const std::string& value);
  core::Result<std::optional<std::string>> get_setting(const std::string& key);

 private:
  struct Impl;
  explicit OutboxStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace crossmatch::storage
