// The storage benchmark's usage and the large event it builds through real operations.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/error.hpp"
#include "core/event/operation.hpp"
#include "core/event/sequencer.hpp"

namespace crossmatch::bench {

inline constexpr const char* kStorageUsage =
    "storage [--participants N] [--meetings M] [--repeat R] [--dir DIR] [--keep] [--append-only]\n"
    "      [--group G] [--client-ids] [--load-only FILE]\n"
    "      group commits of 1, 10, 100 against a bare sqlite3 INSERT loop with the same\n"
    "      durability; loading an event of N participants and M meetings (15000, 100000);\n"
    "      --append-only skips the loading part; --group G times only groups of G;\n"
    "      --client-ids gives the operations random ids as clients make them; --load-only times opening and loading FILE";

struct LargeEventOptions {
  int participants = 15000;
  int meetings = 100000;  // requests and introductions; about 60 % get accepted and booked
  std::uint64_t seed = 1;
};

// Drives `sequencer` (fresh) through an event of that size with real operations: the event,
// sessions over four days, tables, demo participants registering, then requests answered
// (accepted at a free slot, declined, cancelled, or left pending) and feedback on some. Each
// applied operation goes to `sink` in sequence order, in groups of up to `group` operations.
core::Status build_large_event(core::Sequencer& sequencer, const LargeEventOptions& options,
                               std::size_t group,
                               const std::function<core::Status(std::vector<core::Operation>&)>& sink);

}  // namespace crossmatch::bench
