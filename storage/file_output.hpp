// Writing files so that a reader never sees half of one: write beside the target, flush to disk,
// rename into place.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/error.hpp"

namespace crossmatch::storage {

// Files written here hold personal data: they are created readable and writable by their owner
// only (0600), not by every local user.
inline constexpr unsigned kPrivateFileMode = 0600;

// Creates `path` empty with kPrivateFileMode when it does not exist yet (a file that exists is
// left as it is), so that SQLite, opening it next, keeps that mode and gives it to the
// write-ahead log and shared-memory files it creates beside it.
core::Status create_private_file(const std::filesystem::path& path);

// Replaces (or creates) `path` with `content`, created 0600. On failure `path` is as it was.
core::Status write_file_atomically(const std::filesystem::path& path, std::string_view content);

// The temporary name used beside `path` while it is written.
std::filesystem::path partial_path(const std::filesystem::path& path);

// Flushes `from` to disk and renames it to `to`, then flushes the folder, so the rename survives
// a power loss.
core::Status commit_file(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace crossmatch::storage
