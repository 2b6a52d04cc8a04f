#include "app/client/outbox/replica_writer.hpp"

#include <chrono>
#include <iostream>

#include "core/event/json_codec.hpp"
#include "core/overloaded.hpp"

namespace crossmatch::client {
namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

ReplicaWriter::ReplicaWriter(SqliteOutbox& file) : file_(&file), thread_([this] { run(); }) {}

ReplicaWriter::~ReplicaWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ReplicaWriter::save_snapshot(core::EventState state, std::uint64_t seq, std::string owner) {
  {
    std::lock_guard lock(mutex_);
    // A snapshot replaces whatever was waiting to be written before it.
    drop_queued();
    jobs_.push_back(Snapshot{std::move(state), seq, std::move(owner)});
  }
  wake_.notify_all();
}

void ReplicaWriter::save_snapshot_of(const core::EventState& state, std::uint64_t seq,
                                     std::string owner) {
  wait_copied();  // one state at a time
  {
    std::lock_guard lock(mutex_);
    drop_queued();
    copying_ = true;
    jobs_.push_back(SnapshotOf{&state, seq, std::move(owner)});
  }
  wake_.notify_all();
}

bool ReplicaWriter::copying() const {
  std::lock_guard lock(mutex_);
  return copying_;
}

void ReplicaWriter::wait_copied() const {
  std::unique_lock lock(mutex_);
  copied_.wait(lock, [&] { return !copying_; });
}

void ReplicaWriter::drop_queued() {
  for (const Job& job : jobs_) {
    if (std::holds_alternative<SnapshotOf>(job)) {
      copying_ = false;
      copied_.notify_all();
    }
  }
  jobs_.clear();
}

void ReplicaWriter::record_feed(std::uint64_t from, std::vector<core::VisibleOperation> operations,
                                std::uint64_t through) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(Feed{from, std::move(operations), through});
  }
  wake_.notify_all();
}

void ReplicaWriter::discard() {
  {
    std::lock_guard lock(mutex_);
    drop_queued();
    jobs_.push_back(Discard{});
  }
  wake_.notify_all();
}

void ReplicaWriter::wait() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return jobs_.empty() && !busy_; });
}

bool ReplicaWriter::idle() const {
  std::lock_guard lock(mutex_);
  return jobs_.empty() && !busy_;
}

ReplicaWriterFigures ReplicaWriter::figures() const {
  std::lock_guard lock(mutex_);
  return figures_;
}

void ReplicaWriter::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
    if (jobs_.empty()) {
      if (stopping_) return;
      continue;
    }
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    busy_ = true;
    lock.unlock();
    write(job);
    lock.lock();
    busy_ = false;
    if (jobs_.empty()) idle_.notify_all();
  }
}

void ReplicaWriter::write(Job& job) {
  std::visit(core::Overloaded{
                 [&](Snapshot& s) {
                   write_snapshot(s.state, s.seq, s.owner, std::chrono::steady_clock::now());
                   s.state = {};
                 },
                 [&](SnapshotOf& s) {
                   const auto start = std::chrono::steady_clock::now();
                   core::EventState copy = *s.state;
                   {
                     std::lock_guard lock(mutex_);
                     figures_.last_copy_ms = ms_since(start);
                     copying_ = false;
                   }
                   copied_.notify_all();
                   write_snapshot(copy, s.seq, s.owner, start);
                 },
                 [&](Feed& f) {
                   {
                     std::lock_guard lock(mutex_);
                     if (broken_) return;
                   }
                   const core::Status recorded =
                       file_->record_feed(f.from, f.operations, f.through);
                   std::lock_guard lock(mutex_);
                   if (!recorded) return failed(recorded.error());
                   ++figures_.feeds;
                 },
                 [&](Discard&) {
                   const core::Status discarded = file_->discard_replica();
                   std::lock_guard lock(mutex_);
                   if (!discarded) return failed(discarded.error());
                 },
             },
             job);
}

void ReplicaWriter::write_snapshot(const core::EventState& state, std::uint64_t seq,
                                   const std::string& owner,
                                   std::chrono::steady_clock::time_point start) {
  // The dump is made here, outside the outbox's lock: the connection's thread and the UI thread
  // keep using the file meanwhile.
  const std::string json = core::state_to_json(state);
  const auto write_start = std::chrono::steady_clock::now();
  const core::Status saved = file_->save_replica_json(json, seq, owner);
  std::lock_guard lock(mutex_);
  if (!saved) return failed(saved.error());
  broken_ = false;
  ++figures_.snapshots;
  figures_.last_snapshot_ms = ms_since(start);
  figures_.last_snapshot_write_ms = ms_since(write_start);
  figures_.last_snapshot_bytes = json.size();
}

void ReplicaWriter::failed(const core::Error& error) {
  broken_ = true;
  if (figures_.failed) return;
  figures_.failed = true;
  std::cerr << "crossmatch: the event kept on this computer is no longer updated: " << error.message
            << " The app goes on, and its next start asks the hub for what it lacks.\n";
}

}  // namespace crossmatch::client
