#include "net/line_splitter.hpp"

namespace crossmatch::net {

bool LineSplitter::feed(std::string_view bytes, std::vector<std::string>& lines) {
  if (failed_) return false;
  while (!bytes.empty()) {
    const std::size_t newline = bytes.find('\n');
    const std::string_view piece = bytes.substr(0, newline);
    // The limit counts every byte before the newline (a "\r" included).
    if (partial_.size() + piece.size() > max_) {
      failed_ = true;
      partial_.clear();
      partial_.shrink_to_fit();
      return false;
    }
    partial_.append(piece);
    if (newline == std::string_view::npos) break;
    if (!partial_.empty() && partial_.back() == '\r') partial_.pop_back();
    lines.push_back(std::move(partial_));
    partial_.clear();
    bytes.remove_prefix(newline + 1);
  }
  return true;
}

}  // namespace crossmatch::net
