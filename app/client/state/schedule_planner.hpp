// The organiser's auto-schedule run off the UI thread: it plans on a copy of the replica under a
// time limit the organiser chose, can be told to stop early (keeping the best schedule found so
// far, since the search is anytime), and hands its result to the UI thread when done.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/event/auto_schedule.hpp"

namespace crossmatch::client {

class SchedulePlanner {
 public:
  SchedulePlanner() = default;
  ~SchedulePlanner();
  SchedulePlanner(const SchedulePlanner&) = delete;
  SchedulePlanner& operator=(const SchedulePlanner&) = delete;

  // Starts planning `sessions` of a copy of `state` for at most `seconds`; a plan still running
  // is stopped and its result dropped.
  void start(const core::EventState& state, std::vector<core::SessionId> sessions, bool allow_moves,
             double seconds);
  // Asks a running plan to finish now with the best schedule it has.
  void stop();
  bool running() const;
  double elapsed_seconds() const;
  double limit_seconds() const { return limit_seconds_; }
  // The finished plan's result, once; nothing while it runs or when there is none.
  std::optional<core::Result<core::AutoSchedule>> take();

 private:
  void finish_thread();

  std::thread thread_;
  std::shared_ptr<std::atomic<bool>> stop_;
  std::chrono::steady_clock::time_point started_;
  double limit_seconds_ = 0;
  mutable std::mutex mutex_;
  bool running_ = false;
  std::optional<core::Result<core::AutoSchedule>> result_;
};

}  // namespace crossmatch::client
