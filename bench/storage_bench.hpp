// The large event the storage and client benchmarks build through real operations.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/error.hpp"
#include "core/event/operation.hpp"
#include "core/event/sequencer.hpp"

namespace crossmatch::bench {

struct LargeEventOptions {
  int participants = 15000;
  int meetings = 100000;  // requests and introductions; about 60 % get accepted and booked
  std::uint64_t seed = 1;
};

// Drives `sequencer` (fresh) through an event of that size with real operations: the event,
// sessions over four days, tables, demo participants registering, then requests answered
// (accepted at a free slot, declined, cancelled, or left pending) and feedback on some. Each
// applied operation goes to `sink` in sequence order, in groups of up to `group` operations.
core::Status build_large_event(
    core::Sequencer& sequencer, const LargeEventOptions& options, std::size_t group,
    const std::function<core::Status(std::vector<core::Operation>&)>& sink);

}  // namespace crossmatch::bench
