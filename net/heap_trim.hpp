// Giving freed memory back to the system. A storm of snapshots and catch-ups leaves hundreds of
// megabytes freed inside the process's heap, which the C library keeps resident for reuse rather
// than return; the hub's memory would stay at its storm peak for the rest of the event.
#pragma once

#include <cstddef>
#include <optional>

namespace crossmatch::net {

// The process's resident memory, in bytes (0 when the system does not say).
std::size_t resident_bytes();

// When the process holds more than `keep_bytes` resident beyond what its heap has in use, hands
// the heap's free pages back to the system and returns how much the resident memory fell;
// otherwise nothing. Takes milliseconds when it trims (the heap is walked).
std::optional<std::size_t> give_back_freed_heap(std::size_t keep_bytes);

}  // namespace crossmatch::net
