// Splits a byte stream into lines of bounded length, so that no peer can make us buffer more
// than one line's worth of bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crossmatch::net {

class LineSplitter {
 public:
  explicit LineSplitter(std::size_t max_line_bytes) : max_(max_line_bytes) {}

  // Appends the complete lines in `bytes` (without "\n" or a trailing "\r") to `lines`. Returns
  // false once a line grows past the limit; the splitter then stays failed.
  bool feed(std::string_view bytes, std::vector<std::string>& lines);

  // The same, handing each line to `on_line(std::string_view) -> bool` where it lies in `bytes`
  // (only a line cut by the end of `bytes` is copied): for a program reading many thousands of
  // lines a second. The view is valid during the call; `on_line` returns false to leave the
  // rest of `bytes` unread.
  template <class OnLine>
  bool feed_each(std::string_view bytes, OnLine&& on_line) {
    return feed_some(bytes, std::forward<OnLine>(on_line));
  }
  // The same, leaving in `bytes` what was not read once `on_line` returned false (the bytes
  // after that line): a reader that switches to raw bytes after a line (a compressed frame's
  // header) goes on from there.
  template <class OnLine>
  bool feed_some(std::string_view& bytes, OnLine&& on_line);

  void set_max(std::size_t max_line_bytes) { max_ = max_line_bytes; }
  std::size_t max() const { return max_; }
  bool failed() const { return failed_; }
  std::size_t buffered() const { return partial_.size(); }

 private:
  std::size_t max_;
  std::string partial_;
  bool failed_ = false;
};

template <class OnLine>
bool LineSplitter::feed_some(std::string_view& bytes, OnLine&& on_line) {
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
    if (newline == std::string_view::npos) {
      partial_.append(piece);
      bytes = {};
      break;
    }
    bytes.remove_prefix(newline + 1);
    std::string_view line = piece;
    if (!partial_.empty()) {
      partial_.append(piece);
      line = partial_;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool go_on = on_line(line);
    partial_.clear();
    if (!go_on) break;
  }
  return true;
}

}  // namespace crossmatch::net
