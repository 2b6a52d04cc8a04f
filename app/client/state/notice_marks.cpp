#include "app/client/state/notice_marks.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace crossmatch::client {

std::string NoticeMarks::key(const std::string& host, unsigned short port,
                             const std::string& token) {
  if (token.empty()) return {};
  // FNV-1a: stable between runs and builds, and the token itself is never written down here.
  std::uint64_t hash = 14695981039346656037ull;
  for (const unsigned char c : token) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return host + ":" + std::to_string(port) + "/" + hex;
}

void NoticeMarks::keep_in(const std::filesystem::path& folder) {
  file_ = folder / "notices.txt";
  std::ifstream in(*file_);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    std::uint64_t seq = 0;
    if (!(fields >> key >> seq) || key.find('/') == std::string::npos) continue;
    marks_[key] = seq;
    order_[key] = ++clock_;
  }
}

std::optional<std::uint64_t> NoticeMarks::get(const std::string& key) const {
  const auto it = marks_.find(key);
  if (key.empty() || it == marks_.end()) return std::nullopt;
  return it->second;
}

void NoticeMarks::set(const std::string& key, std::uint64_t seq) {
  if (key.empty()) return;
  const auto it = marks_.find(key);
  if (it != marks_.end() && it->second == seq) return;
  marks_[key] = seq;
  order_[key] = ++clock_;
  changed_ = true;
  while (marks_.size() > kKept) {
    auto oldest = order_.begin();
    for (auto o = order_.begin(); o != order_.end(); ++o)
      if (o->second < oldest->second) oldest = o;
    marks_.erase(oldest->first);
    order_.erase(oldest);
  }
}

core::Status NoticeMarks::save() {
  if (!file_ || !changed_) return core::Status::success();
  std::error_code ec;
  std::filesystem::create_directories(file_->parent_path(), ec);
  const auto temporary = std::filesystem::path(file_->string() + ".new");
  {
    std::ofstream out(temporary, std::ios::trunc);
    for (const auto& [key, seq] : marks_) out << key << ' ' << seq << '\n';
    if (!out)
      return core::make_error("config_unwritable", temporary.string(),
                              "Cannot write " + temporary.string());
  }
  std::filesystem::rename(temporary, *file_, ec);
  if (ec)
    return core::make_error("config_unwritable", file_->string(),
                            "Cannot replace " + file_->string() + ": " + ec.message());
  changed_ = false;
  return core::Status::success();
}

}  // namespace crossmatch::client
