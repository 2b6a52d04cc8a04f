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

TEST_CASE("lines handed over where they lie; a cut line once whole; the reader may stop early") {
  LineSplitter s(100);
  std::vector<std::string> seen;
  const std::string bytes = "one\r\ntwo\nthr";
  const auto keep = [&](std::string_view line) {
    seen.emplace_back(line);
    return true;
  };
  CHECK(s.feed_each(bytes, [&](std::string_view line) {
    // Complete lines are views into the bytes read, not copies.
    CHECK(line.data() >= bytes.data());
    CHECK(line.data() < bytes.data() + bytes.size());
    return keep(line);
  }));
  CHECK(seen == std::vector<std::string>{"one", "two"});
  CHECK(s.buffered() == 3);
  CHECK(s.feed_each("ee\nfour\nfive\n", [&](std::string_view line) {
    keep(line);
    return line != "four";
  }));
  CHECK(seen == std::vector<std::string>{"one", "two", "three", "four"});
  CHECK(s.buffered() == 0);
}
