#include "net/line_splitter.hpp"

namespace crossmatch::net {

bool LineSplitter::feed(std::string_view bytes, std::vector<std::string>& lines) {
  return feed_each(bytes, [&lines](std::string_view line) {
    lines.emplace_back(line);
    return true;
  });
}

}  // namespace crossmatch::net
