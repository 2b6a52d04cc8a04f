// The replica kept in the client's file, written on a thread of its own: a snapshot of a large
// event is a JSON dump of the whole state (about 9 MB for 15,000 participants), which the UI
// thread must not wait for. The UI thread hands over its state (copied on the writer's thread
// while the UI thread only reads it: 20-60 ms for 15,000 participants) or the operations it
// applied, and goes on; the writer writes them in the order handed over.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "app/client/outbox/sqlite_outbox.hpp"
#include "core/event/event_state.hpp"
#include "core/event/privacy.hpp"

namespace crossmatch::client {

// What the writer has done, for the figures and the tests.
struct ReplicaWriterFigures {
  std::uint64_t snapshots = 0;        // snapshots written
  double last_copy_ms = 0;            // the last state copied on the writer's thread
  std::uint64_t feeds = 0;            // batches of operations written
  double last_snapshot_ms = 0;        // the last snapshot: the JSON dump and the write
  double last_snapshot_write_ms = 0;  // of which the write (the outbox's lock held)
  std::size_t last_snapshot_bytes = 0;
  bool failed = false;  // a write failed (said once on standard error)
};

class ReplicaWriter {
 public:
  // `file` must outlive the writer.
  explicit ReplicaWriter(SqliteOutbox& file);
  // Writes what was handed over, then stops.
  ~ReplicaWriter();
  ReplicaWriter(const ReplicaWriter&) = delete;
  ReplicaWriter& operator=(const ReplicaWriter&) = delete;

  // Replaces the kept replica with `state` as of `seq`, owned by `owner`.
  void save_snapshot(core::EventState state, std::uint64_t seq, std::string owner);
  // The same with a state the writer copies on its thread: until copying() turns false the
  // caller may read `state` but not change it (nor destroy it).
  void save_snapshot_of(const core::EventState& state, std::uint64_t seq, std::string owner);
  bool copying() const;
  void wait_copied() const;
  // Records what the hub sent after `from` up to `through` (SqliteOutbox::record_feed).
  void record_feed(std::uint64_t from, std::vector<core::VisibleOperation> operations,
                   std::uint64_t through);
  // Forgets the kept replica.
  void discard();
  // Waits until everything handed over so far is written.
  void wait();
  // Nothing handed over is waiting or being written.
  bool idle() const;
  ReplicaWriterFigures figures() const;

 private:
  struct Snapshot {
    core::EventState state;
    std::uint64_t seq = 0;
    std::string owner;
  };
  struct Feed {
    std::uint64_t from = 0;
    std::vector<core::VisibleOperation> operations;
    std::uint64_t through = 0;
  };
  struct SnapshotOf {
    const core::EventState* state = nullptr;
    std::uint64_t seq = 0;
    std::string owner;
  };
  struct Discard {};
  using Job = std::variant<Snapshot, SnapshotOf, Feed, Discard>;

  void run();
  void write(Job& job);
  void write_snapshot(const core::EventState& state, std::uint64_t seq, const std::string& owner,
                      std::chrono::steady_clock::time_point start);
  // Drops the jobs not started (a snapshot or a discard replaces them); the lock is held.
  void drop_queued();
  // Says the first failure on standard error; later feeds wait for a snapshot that succeeds.
  void failed(const core::Error& error);

  SqliteOutbox* file_;
  mutable std::mutex mutex_;
  mutable std::condition_variable wake_, idle_, copied_;
  std::deque<Job> jobs_;
  bool busy_ = false;
  bool copying_ = false;  // a SnapshotOf is queued or being copied
  bool stopping_ = false;
  bool broken_ = false;  // a write failed: feeds no longer follow the kept replica
  ReplicaWriterFigures figures_;
  std::thread thread_;
};

}  // namespace crossmatch::client
