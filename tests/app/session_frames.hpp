// Runs a client session's frames against a real hub until a condition holds.
#pragma once

#include <chrono>
#include <cstdint>
#include <thread>

#include "app/client/state/client_session.hpp"

namespace crossmatch::test {

// The clock the sessions of these tests read: a fixed instant, so that what they show is the same
// every run.
inline constexpr std::int64_t kNow = 1'780'000'000'000;

// Updates the session every 10 ms until done() holds (true) or `seconds` pass (false).
template <class Done>
bool frames_until(client::ClientSession& session, Done done, int seconds = 30) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    session.update(kNow);
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace crossmatch::test
