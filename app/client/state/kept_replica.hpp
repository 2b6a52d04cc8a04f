// The event kept on this computer: the client's replica in its local file beside the outbox, so
// that a returning person sees their screens at once (offline too) and the hub sends only the
// operations they missed, not a snapshot. Kept only for someone who signs in with a token; the
// file says whose it is (the hub and a hash of the token), and a replica of someone else's is not
// used. Written on a thread of its own (ReplicaWriter): a snapshot after catching up, then the
// operations applied in batches, and a fresh snapshot when many accumulated and when the app
// disconnects; the writer copies the state on its thread while the session holds off changing it
// (copying()). Read on a thread of its own when the app starts.
#pragma once

#include <chrono>
#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/client/outbox/replica_writer.hpp"
#include "app/client/outbox/sqlite_outbox.hpp"
#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/event/privacy.hpp"
#include "core/taxonomy.hpp"
#include "storage/outbox_store.hpp"

namespace crossmatch::client {

// Whose replica is kept: the hub it came from, the hash of the token it was signed in with (the
// token itself is not written here), and who the hub welcomed.
struct ReplicaOwner {
  std::string hub;           // "HOST:PORT"
  std::string token_sha256;  // net::token_hash of the token
  core::Role role = core::Role::Participant;
  core::ParticipantId participant = 0;

  static ReplicaOwner of(const std::string& hub, const std::string& token);
  // One line of text, as the file keeps it; parse() gives nothing for text it does not read.
  std::string text() const;
  static std::optional<ReplicaOwner> parse(const std::string& text);
  // The same hub and token: the replica may be used.
  bool same_sign_in(const ReplicaOwner& other) const {
    return hub == other.hub && token_sha256 == other.token_sha256;
  }
};

// How many operations are recorded one by one before a fresh snapshot replaces them, and how
// often a batch is written.
inline constexpr std::size_t kRowsPerSnapshot = 2000;
inline constexpr std::size_t kRowsPerBatch = 256;
inline constexpr std::chrono::milliseconds kBatchEvery{2000};

class KeptReplica {
 public:
  // `file` must outlive it.
  explicit KeptReplica(SqliteOutbox& file);
  ~KeptReplica();

  // [SECTION] Opening

  // Starts reading the file's replica on a thread of its own when it is `owner`'s (same hub and
  // token); false when there is none to read (none kept, someone else's, or unreadable). While
  // the writer is still busy with an earlier connection's replica, all of it happens on that
  // thread (and take_loaded() gives nothing to show when it is someone else's).
  bool start_loading(const ReplicaOwner& owner, const core::Taxonomy& taxonomy);
  bool loading() const { return loading_.valid(); }
  // Once read: the replica, or nothing when it cannot be used (what is wrong is said on standard
  // error and the replica is discarded: the hub sends a snapshot). Nothing while still reading.
  std::optional<std::optional<storage::Replica>> take_loaded();
  // Waits for the reading (tests).
  void wait_loaded() const;
  double load_ms() const { return load_ms_; }
  // The writer is copying the replica handed over: it may be read, not changed, meanwhile.
  bool copying() const { return writer_->copying(); }
  void wait_copied() const { writer_->wait_copied(); }

  // [SECTION] Keeping

  // From now on the replica is kept for `owner` (the role and participant as welcomed).
  void keep_for(ReplicaOwner owner) { owner_ = std::move(owner); }
  bool keeping() const { return owner_.has_value(); }
  const std::optional<ReplicaOwner>& owner() const { return owner_; }
  // The replica at `seq` is the one in the file (just read from it).
  void kept_at(std::uint64_t seq);
  // The hub replaced the replica with a snapshot: the file's follows it once caught up.
  void replaced();
  // The replica applied this operation.
  void applied(const core::VisibleOperation& operation);
  // The replica could not apply an operation: the file's is forgotten (a snapshot next time).
  void out_of_step();
  // Called each frame: writes a batch when due, a snapshot when one is due (once online) or many
  // operations accumulated. `seq` is the replica's: the hub sent everything up to it.
  void follow(const core::EventState& state, std::uint64_t seq, bool online);
  // On disconnecting: what is left, and a fresh snapshot if operations were recorded since the
  // last one, so that the next start reads one JSON text.
  void close(const core::EventState& state, std::uint64_t seq);
  // Forgets the kept replica (someone else's, or not this hub's any more).
  void discard();

  ReplicaWriter& writer() { return *writer_; }

 private:
  // Whether the file's replica is `owner`'s (same hub and token).
  core::Result<bool> holds(const ReplicaOwner& owner);
  void save_snapshot(const core::EventState& state, std::uint64_t seq);
  void write_batch(std::uint64_t seq);

  SqliteOutbox* file_;
  std::unique_ptr<ReplicaWriter> writer_;
  std::future<core::Result<std::optional<storage::Replica>>> loading_;
  double load_ms_ = 0;
  std::optional<ReplicaOwner> owner_;
  bool snapshot_due_ = true;    // the file does not hold this replica yet
  bool stalled_ = false;        // the replica is out of step: nothing kept until a hub's snapshot
  std::uint64_t kept_seq_ = 0;  // what the file's replica is at (as handed to the writer)
  std::size_t rows_since_snapshot_ = 0;
  std::vector<core::VisibleOperation> batch_;
  bool waiting_ = false;  // something not yet handed to the writer, since waiting_since_
  std::chrono::steady_clock::time_point waiting_since_{};
};

}  // namespace crossmatch::client
