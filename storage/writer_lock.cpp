#include "storage/writer_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace crossmatch::storage {

std::filesystem::path WriterLock::lock_file(const std::filesystem::path& database) {
  return database.string() + ".lock";
}

core::Result<std::unique_ptr<WriterLock>> WriterLock::acquire(
    const std::filesystem::path& database) {
  const auto path = lock_file(database);
  // flock() locks are separate from the POSIX locks SQLite takes on the database itself, and
  // they belong to this open file, so they cannot release SQLite's locks by accident.
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0 && (errno == EACCES || errno == EROFS))
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return core::make_error(err == EACCES || err == EROFS ? "read_only" : "cannot_open", "file",
                            "Cannot write beside " + database.string() + ": cannot create " +
                                path.string() + " (" + std::strerror(err) + ").");
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK)
      return core::make_error("locked", "file",
                              database.string() +
                                  " is open for writing by another program (a running hub, or an "
                                  "import); stop it first, or make the change through the hub.");
    return core::make_error("cannot_open", "file",
                            "Cannot lock " + path.string() + " (" + std::strerror(err) + ").");
  }
  return std::unique_ptr<WriterLock>(new WriterLock(fd));
}

WriterLock::~WriterLock() {
  ::close(fd_);
}

}  // namespace crossmatch::storage
