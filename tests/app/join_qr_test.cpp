// The join code's QR code: the matrix libqrencode makes (its size and finder patterns), read back
// by zbarimg from a PNG drawn from it, and from a screenshot of the organiser's event screen in
// the real window under Xvfb.
#include <doctest/doctest.h>

#include <stb_image_write.h>

#include <filesystem>

#include "print/qr_matrix.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/e2e/hub_process.hpp"

using namespace crossmatch;

namespace {

bool have(const char* program) {
  return test::run_command(std::string("command -v ") + program).first == 0;
}

// A finder pattern's 7x7 square at (x, y): a dark ring, a light ring, a dark 3x3 centre.
bool finder_at(const print::QrMatrix& code, int x0, int y0) {
  for (int y = 0; y < 7; ++y) {
    for (int x = 0; x < 7; ++x) {
      const int ring = std::max(std::abs(x - 3), std::abs(y - 3));
      if (code.at(x0 + x, y0 + y) != (ring != 2)) return false;
    }
  }
  return true;
}

// The code as a greyscale PNG, `px` pixels a module, with the quiet zone.
void write_png(const print::QrMatrix& code, int px, const std::string& path) {
  const int side = (code.size + 2 * print::kQuietZone) * px;
  std::vector<unsigned char> pixels(static_cast<std::size_t>(side * side), 255);
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const int mx = x / px - print::kQuietZone, my = y / px - print::kQuietZone;
      if (mx >= 0 && my >= 0 && mx < code.size && my < code.size && code.at(mx, my))
        pixels[static_cast<std::size_t>(y * side + x)] = 0;
    }
  }
  REQUIRE(stbi_write_png(path.c_str(), side, side, 1, pixels.data(), side) != 0);
}

// What zbarimg reads in a picture (its complaints on standard error, about D-Bus, left out).
std::string read_qr(const std::string& png) {
  const auto [status, output] = test::run_command("{ zbarimg -q --raw " + png + " 2>/dev/null; }");
  std::string text = output;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return status == 0 ? text : "(zbarimg exit " + std::to_string(status) + ") " + output;
}

}  // namespace

TEST_CASE("join QR code: a QR matrix with its finder patterns; bad text is refused") {
  const auto qr = print::qr_matrix("JWGM-K2VS-SFSD-LXV8-9RVA");
  REQUIRE(qr.ok());
  CHECK(qr->size >= 21);
  CHECK((qr->size - 17) % 4 == 0);  // versions are 21, 25, 29, ... modules wide
  CHECK(qr->dark.size() == static_cast<std::size_t>(qr->size * qr->size));
  CHECK(finder_at(*qr, 0, 0));
  CHECK(finder_at(*qr, qr->size - 7, 0));
  CHECK(finder_at(*qr, 0, qr->size - 7));
  CHECK_FALSE(finder_at(*qr, qr->size - 7, qr->size - 7));  // three corners only

  const auto empty = print::qr_matrix("");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().code == "required");
  const auto too_long = print::qr_matrix(std::string(print::kMaxQrText + 1, 'A'));
  REQUIRE_FALSE(too_long.ok());
  CHECK(too_long.error().message.find("at most") != std::string::npos);
}

TEST_CASE("join QR code: zbarimg reads the code back from the matrix drawn as a picture") {
  if (!have("zbarimg")) {
    MESSAGE("skipped: zbarimg is not installed (apt-get install zbar-tools)");
    return;
  }
  const auto dir = test::fresh_folder("join-qr");
  for (const std::string text : {"JWGM-K2VS-SFSD-LXV8-9RVA", "LISBON-2026"}) {
    const auto qr = print::qr_matrix(text);
    REQUIRE(qr.ok());
    const std::string png = (dir / "code.png").string();
    write_png(*qr, 4, png);
    CHECK(read_qr(png) == text);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("join QR code: a screenshot of the organiser's event screen reads as the join code" *
          doctest::test_suite("slow")) {
  if (!have("xvfb-run") || !have("Xvfb") || !have("zbarimg")) {
    MESSAGE("skipped: xvfb-run, Xvfb or zbarimg is not installed (xvfb xauth zbar-tools)");
    return;
  }
  const auto dir = test::fresh_folder("join-qr-window");
  test::HubProcess hub(dir / "event.db", {"--demo", "10"});
  const auto out = std::filesystem::path(CROSSMATCH_BINARY_DIR) / "screenshots";
  std::filesystem::create_directories(out);
  const std::string png = (out / "event-join-qr.png").string();
  std::filesystem::remove(png);
  const std::string command =
      "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" "
      "xvfb-run -a -s '-screen 0 1280x800x24' " +
      std::string(CROSSMATCH_BINARY_DIR) + "/bin/crossmatch --config " + (dir / "config").string() +
      " --hub 127.0.0.1:" + std::to_string(hub.port()) + " --token " + hub.organiser() +
      (hub.tls() ? " --pin " + hub.fingerprint() : std::string(" --insecure")) +
      " --screen event --screenshot " + png + " --after 2.5";
  const auto [status, output] = test::run_command(command);
  REQUIRE_MESSAGE(status == 0, output);
  // The hub prints the code people type, with its pin over TLS: the QR code says the same.
  CHECK(read_qr(png) == hub.code());
  std::filesystem::remove_all(dir);
}
