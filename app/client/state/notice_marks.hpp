// How far each person has seen the notices of an event, per hub and token, so that an app that was
// closed (and so starts from a snapshot) asks the hub for what they missed meanwhile. Kept in
// memory, and in notices.txt in the config folder when there is one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace crossmatch::client {

class NoticeMarks {
 public:
  static constexpr std::size_t kKept = 64;  // marks kept in the file, the latest ones

  // The key of a person at a hub; the token is kept only as a hash. Empty without a token (a
  // newcomer joining with the event's code has missed nothing yet).
  static std::string key(const std::string& host, unsigned short port, const std::string& token);

  // Reads `folder`/notices.txt (a missing file is no marks; a line that is not "key number" is
  // skipped) and keeps the marks there from now on.
  void keep_in(const std::filesystem::path& folder);
  std::optional<std::uint64_t> get(const std::string& key) const;
  void set(const std::string& key, std::uint64_t seq);
  // Writes the marks when they changed since the last save (nothing without a folder).
  core::Status save();

 private:
  std::optional<std::filesystem::path> file_;
  std::map<std::string, std::uint64_t> marks_;
  std::map<std::string, std::uint64_t> order_;  // key -> when it was last set, to keep the latest
  std::uint64_t clock_ = 0;
  bool changed_ = false;
};

}  // namespace crossmatch::client
