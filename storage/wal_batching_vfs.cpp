#include "storage/wal_batching_vfs.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstddef>
#include <mutex>
#include <new>
#include <string>
#include <utility>

namespace crossmatch::storage::detail {
namespace {

// Held bytes are written once they reach this size even without a sync (a very large commit).
constexpr std::size_t kMaxHeld = 4 << 20;

sqlite3_vfs* g_system = nullptr;  // the VFS underneath
sqlite3_vfs g_vfs;

struct BatchFile {
  sqlite3_file base;              // first: SQLite sees this
  sqlite3_file* system;           // the system VFS's file, in the same allocation after this
  bool log = false;               // a write-ahead log: its writes are held
  BatchFile* log_file = nullptr;  // for a database file: its connection's open log
  BatchFile* database = nullptr;  // for a log: its database file
  std::string held;               // consecutive bytes not yet written
  sqlite3_int64 held_at = 0;      // where they go
  int unreported = SQLITE_OK;     // for a database file: its log's failed write during a barrier
};

// The system file lives right after the BatchFile, suitably aligned.
constexpr std::size_t kHeader = (sizeof(BatchFile) + alignof(std::max_align_t) - 1) /
                                alignof(std::max_align_t) * alignof(std::max_align_t);

BatchFile* self(sqlite3_file* f) {
  return reinterpret_cast<BatchFile*>(f);
}
const sqlite3_io_methods* system_methods(BatchFile* f) {
  return f->system->pMethods;
}

// What the system VFS writes in one call: its Unix writer takes at most 128 KiB less one byte.
constexpr std::size_t kMaxWrite = 64 << 10;

int write_held(BatchFile* f) {
  int rc = SQLITE_OK;
  for (std::size_t done = 0; done < f->held.size() && rc == SQLITE_OK; done += kMaxWrite) {
    const std::size_t n = std::min(kMaxWrite, f->held.size() - done);
    rc = system_methods(f)->xWrite(f->system, f->held.data() + done, static_cast<int>(n),
                                   f->held_at + static_cast<sqlite3_int64>(done));
  }
  f->held.clear();
  return rc;
}

// Before SQLite touches the database's shared memory (where it publishes new frames to other
// connections), the connection's log holds nothing back.
int write_log_of(BatchFile* database) {
  return database->log_file != nullptr ? write_held(database->log_file) : SQLITE_OK;
}

int batch_close(sqlite3_file* file) {
  BatchFile* f = self(file);
  int rc = write_held(f);
  if (f->database != nullptr) f->database->log_file = nullptr;
  if (f->log_file != nullptr) f->log_file->database = nullptr;
  const int closed = system_methods(f)->xClose(f->system);
  if (rc == SQLITE_OK) rc = closed;
  f->~BatchFile();
  return rc;
}

int batch_read(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
  BatchFile* f = self(file);
  if (int rc = write_held(f); rc != SQLITE_OK) return rc;
  return system_methods(f)->xRead(f->system, out, amount, offset);
}

int batch_write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  BatchFile* f = self(file);
  if (!f->log) return system_methods(f)->xWrite(f->system, data, amount, offset);
  if (!f->held.empty() && offset != f->held_at + static_cast<sqlite3_int64>(f->held.size())) {
    if (int rc = write_held(f); rc != SQLITE_OK) return rc;
  }
  if (f->held.empty()) f->held_at = offset;
  f->held.append(static_cast<const char*>(data), static_cast<std::size_t>(amount));
  return f->held.size() >= kMaxHeld ? write_held(f) : SQLITE_OK;
}

int batch_truncate(sqlite3_file* file, sqlite3_int64 size) {
  BatchFile* f = self(file);
  if (int rc = write_held(f); rc != SQLITE_OK) return rc;
  return system_methods(f)->xTruncate(f->system, size);
}

int batch_sync(sqlite3_file* file, int flags) {
  BatchFile* f = self(file);
  if (int rc = write_held(f); rc != SQLITE_OK) return rc;
  return system_methods(f)->xSync(f->system, flags);
}

int batch_file_size(sqlite3_file* file, sqlite3_int64* size) {
  BatchFile* f = self(file);
  if (int rc = write_held(f); rc != SQLITE_OK) return rc;
  return system_methods(f)->xFileSize(f->system, size);
}

int batch_lock(sqlite3_file* file, int level) {
  return system_methods(self(file))->xLock(self(file)->system, level);
}
int batch_unlock(sqlite3_file* file, int level) {
  return system_methods(self(file))->xUnlock(self(file)->system, level);
}
int batch_check_reserved_lock(sqlite3_file* file, int* out) {
  return system_methods(self(file))->xCheckReservedLock(self(file)->system, out);
}

int batch_file_control(sqlite3_file* file, int op, void* arg) {
  BatchFile* f = self(file);
  if (int rc = write_held(f); rc != SQLITE_OK) return rc;
  return system_methods(f)->xFileControl(f->system, op, arg);
}

int batch_sector_size(sqlite3_file* file) {
  return system_methods(self(file))->xSectorSize(self(file)->system);
}
int batch_device_characteristics(sqlite3_file* file) {
  return system_methods(self(file))->xDeviceCharacteristics(self(file)->system);
}

int batch_shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** out) {
  BatchFile* f = self(file);
  if (int rc = write_log_of(f); rc != SQLITE_OK) return rc;
  return system_methods(f)->xShmMap(f->system, region, size, extend, out);
}

int batch_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
  BatchFile* f = self(file);
  if (const int rc = std::exchange(f->unreported, SQLITE_OK); rc != SQLITE_OK) return rc;
  if (int rc = write_log_of(f); rc != SQLITE_OK) return rc;
  return system_methods(f)->xShmLock(f->system, offset, n, flags);
}

void batch_shm_barrier(sqlite3_file* file) {
  BatchFile* f = self(file);
  // SQLite calls the barrier right before it publishes new frames. With a sync at every commit
  // (synchronous=FULL, as every connection here uses) nothing is held by then: the sync wrote it
  // and reported any failure before anything was published. Without one, the frames are still
  // written first, but the barrier cannot fail: a failure is reported by the next call on the
  // database's shared memory.
  if (const int rc = write_log_of(f); rc != SQLITE_OK) f->unreported = rc;
  system_methods(f)->xShmBarrier(f->system);
}

int batch_shm_unmap(sqlite3_file* file, int remove) {
  BatchFile* f = self(file);
  if (int rc = write_log_of(f); rc != SQLITE_OK) return rc;
  return system_methods(f)->xShmUnmap(f->system, remove);
}

int batch_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
  BatchFile* f = self(file);
  if (int rc = write_held(f); rc != SQLITE_OK) return rc;
  return system_methods(f)->xFetch(f->system, offset, amount, out);
}

int batch_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
  return system_methods(self(file))->xUnfetch(self(file)->system, offset, page);
}

const sqlite3_io_methods kMethods = {
    3,
    batch_close,
    batch_read,
    batch_write,
    batch_truncate,
    batch_sync,
    batch_file_size,
    batch_lock,
    batch_unlock,
    batch_check_reserved_lock,
    batch_file_control,
    batch_sector_size,
    batch_device_characteristics,
    batch_shm_map,
    batch_shm_lock,
    batch_shm_barrier,
    batch_shm_unmap,
    batch_fetch,
    batch_unfetch,
};

int batch_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  auto* f = new (file) BatchFile{};
  f->base.pMethods = nullptr;
  f->system = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kHeader);
  const int rc = g_system->xOpen(g_system, name, f->system, flags, out_flags);
  if (rc != SQLITE_OK || f->system->pMethods == nullptr) {
    if (f->system->pMethods != nullptr) f->system->pMethods->xClose(f->system);
    f->~BatchFile();
    file->pMethods = nullptr;
    return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
  }
  if (f->system->pMethods->iVersion < 3) {
    // Not the system VFS this layer was written for: no batching, and no shared memory to watch.
    f->system->pMethods->xClose(f->system);
    f->~BatchFile();
    file->pMethods = nullptr;
    return SQLITE_CANTOPEN;
  }
  if ((flags & SQLITE_OPEN_WAL) != 0 && name != nullptr) {
    f->log = true;
    // The database file of this connection: its shared memory is where the log's frames are
    // published, so its calls there write what this log holds first.
    sqlite3_file* database = sqlite3_database_file_object(name);
    if (database != nullptr && database->pMethods == &kMethods) {
      f->database = self(database);
      f->database->log_file = f;
    }
  }
  f->base.pMethods = &kMethods;
  return SQLITE_OK;
}

int batch_delete(sqlite3_vfs*, const char* name, int sync_dir) {
  return g_system->xDelete(g_system, name, sync_dir);
}
int batch_access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return g_system->xAccess(g_system, name, flags, out);
}
int batch_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return g_system->xFullPathname(g_system, name, size, out);
}
int batch_last_error(sqlite3_vfs*, int size, char* out) {
  return g_system->xGetLastError(g_system, size, out);
}

}  // namespace

const char* wal_batching_vfs() {
  static std::once_flag registered;
  std::call_once(registered, [] {
    g_system = sqlite3_vfs_find(nullptr);
    g_vfs = *g_system;  // time, randomness, sleep and the rest from the system's VFS
    g_vfs.pNext = nullptr;
    g_vfs.zName = "crossmatch-wal-batching";
    g_vfs.szOsFile = static_cast<int>(kHeader) + g_system->szOsFile;
    g_vfs.xOpen = batch_open;
    g_vfs.xDelete = batch_delete;
    g_vfs.xAccess = batch_access;
    g_vfs.xFullPathname = batch_full_pathname;
    g_vfs.xGetLastError = batch_last_error;
    sqlite3_vfs_register(&g_vfs, 0);
  });
  return g_vfs.zName;
}

}  // namespace crossmatch::storage::detail
