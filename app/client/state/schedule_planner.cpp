#include "app/client/state/schedule_planner.hpp"

#include "app/common/run_on_threads.hpp"

namespace crossmatch::client {

SchedulePlanner::~SchedulePlanner() {
  finish_thread();
}

void SchedulePlanner::finish_thread() {
  if (stop_) stop_->store(true);
  if (thread_.joinable()) thread_.join();
}

void SchedulePlanner::start(const core::EventState& state, std::vector<core::SessionId> sessions,
                            bool allow_moves, double seconds) {
  finish_thread();
  {
    std::lock_guard lock(mutex_);
    result_.reset();
    running_ = true;
  }
  stop_ = std::make_shared<std::atomic<bool>>(false);
  started_ = std::chrono::steady_clock::now();
  limit_seconds_ = seconds;
  const auto deadline = started_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                       std::chrono::duration<double>(seconds));
  // The copy is made here, on the UI thread that owns the replica; the worker only reads it.
  thread_ = std::thread([this, copy = state, sessions = std::move(sessions), allow_moves, deadline,
                         stop = stop_]() {
    core::SearchBudget budget(
        UINT64_MAX, [&] { return stop->load() || std::chrono::steady_clock::now() >= deadline; });
    // Independent searches side by side on the processors the window does not need.
    core::scheduling::ScheduleOptions options;
    options.searches = app::searches_for_machine(1, 4);
    options.run_together = app::run_on_threads;
    const auto began = std::chrono::steady_clock::now();
    auto result = core::plan_auto_schedule(copy, sessions, allow_moves, budget, options);
    if (result)
      result->report.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    std::lock_guard lock(mutex_);
    result_ = std::move(result);
    running_ = false;
  });
}

void SchedulePlanner::stop() {
  if (stop_) stop_->store(true);
}

bool SchedulePlanner::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

double SchedulePlanner::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

std::optional<core::Result<core::AutoSchedule>> SchedulePlanner::take() {
  std::unique_lock lock(mutex_);
  if (running_ || !result_) return std::nullopt;
  auto out = std::move(result_);
  result_.reset();
  lock.unlock();
  if (thread_.joinable()) thread_.join();
  return out;
}

}  // namespace crossmatch::client
