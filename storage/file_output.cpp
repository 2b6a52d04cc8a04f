#include "storage/file_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace crossmatch::storage {
namespace {

core::Error io_error(const std::string& what, const std::filesystem::path& path, int err) {
  const char* code = err == ENOSPC                                     ? "disk_full"
                     : (err == EACCES || err == EROFS || err == EPERM) ? "read_only"
                                                                       : "io_error";
  return core::make_error(code, "file",
                          "Cannot " + what + " " + path.string() + ": " + std::strerror(err) + ".");
}

bool sync_fd_path(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

std::filesystem::path partial_path(const std::filesystem::path& path) {
  return path.string() + ".partial";
}

core::Status commit_file(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (!sync_fd_path(from, O_RDONLY)) return io_error("flush", from, errno);
  if (std::rename(from.c_str(), to.c_str()) != 0) return io_error("replace", to, errno);
  const auto dir = to.has_parent_path() ? to.parent_path() : std::filesystem::path(".");
  sync_fd_path(dir, O_RDONLY | O_DIRECTORY);  // best effort: some file systems refuse it
  return core::Status::success();
}

core::Status create_private_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kPrivateFileMode);
  if (fd < 0) {
    if (errno == EEXIST) return core::Status::success();
    return io_error("create", path, errno);
  }
  ::close(fd);
  return core::Status::success();
}

core::Status write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const auto partial = partial_path(path);
  ::unlink(partial.c_str());  // a partial file left by a crash keeps its own mode otherwise
  const int fd =
      ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, kPrivateFileMode);
  if (fd < 0) return io_error("write", path, errno);
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(partial.c_str());
      return io_error("write", path, err);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(partial.c_str());
    return io_error("write", path, err);
  }
  auto committed = commit_file(partial, path);
  if (!committed) ::unlink(partial.c_str());
  return committed;
}

}  // namespace crossmatch::storage
