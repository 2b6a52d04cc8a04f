// The real window under Xvfb: each main screen of each role rendered by the program itself
// (--screenshot) against a real hub with a demo event, saved as a PNG in the build folder
// (screenshots/), and checked not to be blank.
#include <doctest/doctest.h>

#include <stb_image.h>

#include <chrono>
#include <cstring>
#include <set>
#include <thread>

#include "core/demo_event.hpp"
#include "net/client_connection.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/e2e/hub_process.hpp"

using namespace crossmatch;

namespace {

bool have_xvfb() { return test::run_command("command -v xvfb-run && command -v Xvfb").first == 0; }

// Registers a demo participant through a real connection and returns their token; makes two
// requests so that their screens have something to show.
std::string register_participant(const test::HubProcess& hub) {
  net::MemoryOutbox outbox;
  net::ClientOptions options;
  options.port = static_cast<unsigned short>(hub.port());
  options.join_code = hub.code();
  net::ClientConnection connection(test::taxonomy(), options, outbox);
  REQUIRE(connection.start().ok());
  auto people = core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {200, 9});
  REQUIRE(people.ok());
  core::Profile profile = people->back().profile;
  profile.display_name = "Ana Ferreira";
  core::Operation op;
  op.payload = core::Register{0, profile, {}};
  REQUIRE(connection.submit(op).ok());
  std::string token;
  core::ParticipantId me = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (token.empty() && std::chrono::steady_clock::now() < deadline) {
    for (auto& event : connection.drain()) {
      if (auto* issued = std::get_if<net::TokenIssued>(&event)) token = issued->token, me = issued->participant;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  REQUIRE_FALSE(token.empty());
  for (core::ParticipantId other : {2u, 5u}) {
    core::Operation request;
    request.payload = core::RequestMeeting{0, me, other, "Shall we meet about a joint project?", {}};
    REQUIRE(connection.submit(request).ok());
  }
  while (connection.pending() > 0 && std::chrono::steady_clock::now() < deadline) {
    connection.drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  connection.stop();
  return token;
}

// Not blank: many distinct colours, and no single colour covers nearly everything.
void check_not_blank(const std::string& path) {
  int w = 0, h = 0, n = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &n, 4);
  REQUIRE_MESSAGE(pixels != nullptr, "cannot read " << path);
  CHECK(w >= 640);
  CHECK(h >= 400);
  std::set<std::uint32_t> colours;
  std::size_t background = 0;
  const std::size_t count = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
  std::uint32_t first = 0;
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t c = 0;
    std::memcpy(&c, pixels + i * 4, 4);
    if (i == 0) first = c;
    background += c == first;
    if (colours.size() < 1000) colours.insert(c);
  }
  stbi_image_free(pixels);
  CHECK_MESSAGE(colours.size() > 20, path << " has only " << colours.size() << " colours");
  CHECK_MESSAGE(background < count * 97 / 100, path << " is almost all one colour");
}

}  // namespace

TEST_CASE("screenshots of every role's main screens under Xvfb" * doctest::test_suite("slow")) {
  if (!have_xvfb()) {
    MESSAGE("skipped: xvfb-run or Xvfb is not installed (apt-get install xvfb xauth)");
    return;
  }
  const auto dir = test::fresh_folder("client-screens");
  test::HubProcess hub(dir / "event.db", {"--demo", "60"});
  const std::string participant = register_participant(hub);
  // Bots make requests and answers for a few seconds so the monitor has pairings to show.
  const auto [load_status, load_output] = test::run_command(
      std::string(CROSSMATCH_BINARY_DIR) + "/bin/crossmatch-load --port " + std::to_string(hub.port()) +
      " --code " + hub.code() + " --clients 4 --participants 100 --seconds 3 --rate 40");
  CHECK_MESSAGE(load_status == 0, load_output);

  const auto out = std::filesystem::path(CROSSMATCH_BINARY_DIR) / "screenshots";
  std::filesystem::create_directories(out);
  struct Shot {
    std::string token, screen;
  };
  const Shot shots[] = {
      {participant, "partners"}, {participant, "requests"}, {participant, "profile"},
      {hub.organiser(), "event"}, {hub.organiser(), "matching"}, {hub.organiser(), "statistics"},
      {hub.broker(), "monitor"}, {hub.broker(), "network"}, {hub.broker(), "unmatched"},
  };
  for (const Shot& shot : shots) {
    CAPTURE(shot.screen);
    const std::string png = (out / (shot.screen + ".png")).string();
    std::filesystem::remove(png);
    const std::string command = "xvfb-run -a -s '-screen 0 1280x800x24' " + std::string(CROSSMATCH_BINARY_DIR) +
                                "/bin/crossmatch --config " + (dir / "config").string() + " --hub 127.0.0.1:" +
                                std::to_string(hub.port()) + " --token " + shot.token + " --screen " + shot.screen +
                                " --screenshot " + png + " --after 2.5";
    const auto [status, output] = test::run_command(command);
    REQUIRE_MESSAGE(status == 0, output);
    check_not_blank(png);
  }
  std::filesystem::remove_all(dir);
}
