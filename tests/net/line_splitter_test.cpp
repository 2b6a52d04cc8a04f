#include <doctest/doctest.h>

#include "net/line_splitter.hpp"

using crossmatch::net::LineSplitter;

TEST_CASE("lines are split across reads, without their newline or carriage return") {
  LineSplitter s(100);
  std::vector<std::string> lines;
  CHECK(s.feed("{\"a\":1}\n{\"b\"", lines));
  CHECK(lines == std::vector<std::string>{"{\"a\":1}"});
  CHECK(s.feed(":2}\r\n\n", lines));
  CHECK(lines == std::vector<std::string>{"{\"a\":1}", "{\"b\":2}", ""});
  CHECK(s.buffered() == 0);
}

TEST_CASE("a line past the limit fails the splitter and frees what it held") {
  LineSplitter s(8);
  std::vector<std::string> lines;
  CHECK(s.feed("12345678\n", lines));  // exactly the limit
  CHECK(lines.size() == 1);
  CHECK_FALSE(s.feed("123456789", lines));
  CHECK(s.failed());
  CHECK(s.buffered() == 0);
  CHECK_FALSE(s.feed("\n", lines));
  CHECK(lines.size() == 1);
}

TEST_CASE("a long line arriving in small pieces is caught as it grows") {
  LineSplitter s(64 * 1024);
  std::vector<std::string> lines;
  const std::string piece(1000, 'x');
  bool ok = true;
  int pieces = 0;
  while (ok && pieces < 1100) {
    ok = s.feed(piece, lines);
    ++pieces;
  }
  CHECK_FALSE(ok);
  CHECK(pieces == 66);
  CHECK(lines.empty());
}
