// Runs tasks at once, a thread each (the first on the calling thread), and returns when all have
// ended: the RunTogether that lends the scheduler's side-by-side searches their threads (core has
// none of its own).
#pragma once

#include <algorithm>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace crossmatch::app {

inline void run_on_threads(const std::vector<std::function<void()>>& tasks) {
  std::vector<std::thread> started;
  std::vector<std::size_t> inline_tasks;
  for (std::size_t i = 1; i < tasks.size(); ++i) {
    try {
      started.emplace_back(tasks[i]);
    } catch (...) {
      inline_tasks.push_back(i);  // no thread to be had: it runs here, after the first
    }
  }
  std::exception_ptr failure;
  try {
    if (!tasks.empty()) tasks[0]();
    for (const std::size_t i : inline_tasks) tasks[i]();
  } catch (...) {
    failure = std::current_exception();
  }
  for (auto& thread : started) thread.join();
  if (failure) std::rethrow_exception(failure);
}

// How many searches to run at once here: one a processor, leaving `spare` of them free, at least
// one and at most `most`.
inline int searches_for_machine(int spare, int most) {
  const int processors = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(processors - spare, 1, most);
}

}  // namespace crossmatch::app
