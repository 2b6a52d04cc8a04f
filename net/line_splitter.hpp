// Splits a byte stream into lines of bounded length, so that no peer can make us buffer more
// than one line's worth of bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace crossmatch::net {

class LineSplitter {
 public:
  explicit LineSplitter(std::size_t max_line_bytes) : max_(max_line_bytes) {}

  // Appends the complete lines in `bytes` (without "\n" or a trailing "\r") to `lines`. Returns
  // false once a line grows past the limit; the splitter then stays failed.
  bool feed(std::string_view bytes, std::vector<std::string>& lines);

  void set_max(std::size_t max_line_bytes) { max_ = max_line_bytes; }
  std::size_t max() const { return max_; }
  bool failed() const { return failed_; }
  std::size_t buffered() const { return partial_.size(); }

 private:
  std::size_t max_;
  std::string partial_;
  bool failed_ = false;
};

}  // namespace crossmatch::net
