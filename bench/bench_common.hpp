// What the benchmarks share: a budget on the wall clock, the demo event's
// assets beside the binary, and small functions for JSON lines.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/demo_event.hpp"
#include "core/error.hpp"
#include "core/event/operation.hpp"
#include "core/search_budget.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The participant `id` as the author of an operation.
inline core::Actor participant_actor(core::ParticipantId id) {
  return {core::Role::Participant, id};
}

// A search budget that ends `seconds` after `start`.
inline core::SearchBudget wall_clock_budget(Clock::time_point start, double seconds) {
  const auto deadline =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  return core::SearchBudget(
      UINT64_MAX, [deadline] { return Clock::now() >= deadline; }, 64);
}

// The demo participants of a generated event, from the assets beside the binary.
struct DemoEvent {
  core::Taxonomy taxonomy;
  std::vector<core::Profile> profiles;
};
core::Result<DemoEvent> load_demo_event(int participants, std::uint64_t seed);

// A JSON string literal.
std::string json_string(const std::string& text);
// A number with enough digits to compare objectives.
std::string json_number(double value);

// Prints "crossmatch-bench NAME: message" to stderr and returns 2.
int fail(const char* name, const std::string& message);

}  // namespace crossmatch::bench
