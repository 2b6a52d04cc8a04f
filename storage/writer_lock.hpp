// The one-writer rule of an event database: whoever writes (the hub, an import) holds an exclusive
// lock on FILE.lock for as long as it writes; a second writer is refused with a clear error.
// Readers (exports, backups) take no lock: SQLite's write-ahead log lets them read alongside.
#pragma once

#include <filesystem>
#include <memory>

#include "core/error.hpp"

namespace crossmatch::storage {

class WriterLock {
 public:
  // Takes the lock beside `database` without waiting. The kernel drops it when the process ends,
  // however it ends, so a killed hub leaves no stale lock behind.
  static core::Result<std::unique_ptr<WriterLock>> acquire(const std::filesystem::path& database);
  ~WriterLock();
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

  static std::filesystem::path lock_file(const std::filesystem::path& database);

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace crossmatch::storage
