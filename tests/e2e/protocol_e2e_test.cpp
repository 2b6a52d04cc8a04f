// The protocol against a real hub process: the bad-input list and the held fan-out through the
// Python client, and a clean stop on SIGTERM.
#include <doctest/doctest.h>

#include "tests/e2e/hub_process.hpp"

using namespace crossmatch;

TEST_CASE("bad input gets its documented answer and the hub keeps serving everyone else") {
  const auto dir = test::fresh_folder("bad-input");
  test::HubProcess hub(dir / "event.db",
                       {"--demo", "20", "--handshake-seconds", "1", "--idle-seconds", "3",
                        "--max-unsent-mb", "1", "--rate", "50", "--burst", "100"});
  REQUIRE_FALSE(hub.code().empty());
  REQUIRE(hub.organiser().size() == 48);
  const auto [status, output] =
      test::run_command("python3 " CROSSMATCH_SOURCE_DIR "/tests/e2e/bad_input.py --port " +
                        std::to_string(hub.port()) + " --code " + hub.code() + " --organiser " +
                        hub.organiser() + hub.transport_flags());
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find(" 0 failed") != std::string::npos);
  CHECK(hub.stop(SIGTERM) == 0);
  const std::string log = hub.log();
  CHECK(log.find("shutting down") != std::string::npos);
  // Text from the network is logged with its control characters escaped: no forged line, no
  // terminal escape.
  CHECK(log.find("x\\nFAKE LOG LINE\\x1b[31m\\r\\x7f") != std::string::npos);
  CHECK(log.find("\nFAKE LOG LINE") == std::string::npos);
  CHECK(log.find('\x1b') == std::string::npos);
  CHECK(log.find('\r') == std::string::npos);
  // Tokens are printed once, when the event is created, and never logged again.
  CHECK(log.find(hub.organiser()) == log.rfind(hub.organiser()));
  std::filesystem::remove_all(dir);
}

TEST_CASE("held fan-out: a client's own reply carries what was held for it, in order") {
  const auto dir = test::fresh_folder("fanout-hold");
  test::HubProcess hub(dir / "event.db", {"--demo", "5", "--fanout-hold-ms", "1000"});
  const auto [status, output] = test::run_command(
      "python3 " CROSSMATCH_SOURCE_DIR "/tests/e2e/fanout_order.py --port " +
      std::to_string(hub.port()) + " --code " + hub.code() + hub.transport_flags());
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find("\n0 failed") != std::string::npos);
  CHECK(hub.stop(SIGTERM) == 0);
  std::filesystem::remove_all(dir);
}
