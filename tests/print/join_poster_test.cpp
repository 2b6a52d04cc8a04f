#include <doctest/doctest.h>

#include "tests/print/print_fixture.hpp"

namespace crossmatch::test {

TEST_CASE("join poster: the event, the hub's address, the join code in letters and as a QR code") {
  PrintedEvent f(2);
  PrintDir dir;
  const auto pdf = dir.write("poster.pdf", f.pdf(print::PrintKind::Poster));
  CHECK(page_count(pdf) == 1);
  const std::string text = page_text(pdf);
  CHECK(text.find("Cross Innovation Lisbon") != std::string::npos);
  CHECK(text.find("192.168.1.20:7420") != std::string::npos);
  CHECK(text.find("LISBON-2026") != std::string::npos);
  CHECK(qr_codes(pdf, 1, 72) == std::vector<std::string>{"LISBON-2026"});
}

TEST_CASE("join poster: the code as people type it, with the hub's pin, when given") {
  PrintedEvent f(1);
  auto bytes = print::print_pdf(f.state, taxonomy(),
                                {.what = print::PrintKind::Poster,
                                 .hub_address = "hub.local:7420",
                                 .join_code = "LISBON-2026-ABCD-EFGH-JKLM"});
  REQUIRE(bytes.ok());
  PrintDir dir;
  const auto pdf = dir.write("poster.pdf", *bytes);
  CHECK(qr_codes(pdf, 1, 72) == std::vector<std::string>{"LISBON-2026-ABCD-EFGH-JKLM"});
}

}  // namespace crossmatch::test
