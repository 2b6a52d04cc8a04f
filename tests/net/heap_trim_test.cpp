// Freed heap memory goes back to the system once more than the kept amount lies unused.
#include <doctest/doctest.h>

#include <memory>
#include <vector>

#include "net/heap_trim.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define CROSSMATCH_OWN_ALLOCATOR 1  // AddressSanitizer brings its own allocator: nothing to trim
#endif

TEST_CASE(
    "heap trim: memory freed between live blocks is given back, and only past the kept amount") {
  CHECK(crossmatch::net::resident_bytes() > 0);
#if !defined(CROSSMATCH_OWN_ALLOCATOR) && defined(__GLIBC__)
  // 3,000 blocks of 64 KiB (below the size glibc maps on its own), each followed by a small block
  // that stays, so that freeing the big ones leaves holes the heap cannot shrink past by itself.
  std::vector<std::unique_ptr<char[]>> big, small;
  for (int i = 0; i < 3000; ++i) {
    big.emplace_back(new char[64 * 1024]);
    for (int j = 0; j < 64 * 1024; j += 4096) big.back()[j] = 1;  // resident
    small.emplace_back(new char[16]);
  }
  big.clear();
  const auto fell = crossmatch::net::give_back_freed_heap(std::size_t{32} << 20);
  REQUIRE(fell.has_value());
  CHECK(*fell > (std::size_t{100} << 20));  // of about 190 MB freed
  // Nothing more lies freed and resident: no second trim.
  CHECK_FALSE(crossmatch::net::give_back_freed_heap(std::size_t{96} << 20).has_value());
#endif
}
