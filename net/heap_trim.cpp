#include "net/heap_trim.hpp"

#include <malloc.h>
#include <unistd.h>

#include <fstream>

namespace crossmatch::net {

std::size_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  if (!(statm >> pages >> resident)) return 0;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

std::optional<std::size_t> give_back_freed_heap(std::size_t keep_bytes) {
#if defined(__GLIBC__)
  const std::size_t before = resident_bytes();
  const struct mallinfo2 info = mallinfo2();
  const std::size_t in_use = info.uordblks + info.hblkhd;  // heap chunks and mapped blocks
  if (before == 0 || before <= in_use + keep_bytes) return std::nullopt;
  malloc_trim(0);
  const std::size_t after = resident_bytes();
  return before > after ? before - after : 0;
#else
  (void)keep_bytes;
  return std::nullopt;
#endif
}

}  // namespace crossmatch::net
