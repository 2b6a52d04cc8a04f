// The hub's limits on connections against a real hub process: sockets that connect from other
// loopback addresses and never say a word (nor shake hands) must not keep real clients out.
#include <doctest/doctest.h>

#include "tests/e2e/hub_limits_support.hpp"

using namespace crossmatch;
using namespace std::chrono_literals;

TEST_CASE("hub limits: stalled sockets from one address leave room for real clients") {
  const auto dir = test::fresh_folder("limits-stalled");
  test::HubProcess hub(dir / "event.db", {"--max-connections", "100", "--handshake-seconds", "60"});
  // 150 sockets from 127.0.0.2 that never send a byte: without a limit per address they take
  // the whole cap for a minute.
  test::StalledSockets stalled;
  stalled.open("127.0.0.2", hub.port(), 150);
  std::this_thread::sleep_for(500ms);
  const test::JoinOutcome joined = test::join_many(hub, 45, 20s);
  INFO(joined.summary());
  CHECK(joined.welcomed == 45);
  CHECK(hub.log_shows("from 127.0.0.2"));
  CHECK(hub.log_shows("still signing in from that address"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("hub limits: near its cap the hub gives a silent socket less time") {
  const auto dir = test::fresh_folder("limits-busy");
  test::HubProcess hub(dir / "event.db", {"--max-connections", "100", "--handshake-seconds", "60",
                                          "--busy-handshake-seconds", "1"});
  // From ten addresses, 15 each: every address within its limit, together more than the share
  // of the cap kept for those still signing in.
  test::StalledSockets stalled;
  for (int a = 2; a <= 11; ++a) stalled.open("127.0.0." + std::to_string(a), hub.port(), 15);
  std::this_thread::sleep_for(500ms);
  // Within the default minute, nobody would get in; the short time-out frees the silent ones.
  const test::JoinOutcome joined = test::join_many(hub, 45, 20s);
  INFO(joined.summary());
  CHECK(joined.welcomed == 45);
  CHECK(hub.log_shows("no hello in time"));
  // People who signed in keep their part of the cap: the silent sockets got at most the rest.
  CHECK(hub.log_shows("signing in already"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("hub limits: registrations and failed sign-ins from one address") {
  const auto dir = test::fresh_folder("limits-address");
  test::HubProcess hub(dir / "event.db", {"--demo", "3", "--registrations-per-address", "3",
                                          "--failed-sign-ins-per-address", "5"});
  const auto [status, output] =
      test::run_command("python3 " CROSSMATCH_SOURCE_DIR "/tests/e2e/address_limits.py --port " +
                        std::to_string(hub.port()) + " --code " + hub.code() + " --organiser " +
                        hub.organiser() + hub.transport_flags());
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find(" 0 failed") != std::string::npos);
  CHECK(hub.log_shows("too many failed sign-ins from 127.0.0.1"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("hub limits: too few open files for --max-connections: the hub says how to allow more") {
  const auto dir = test::fresh_folder("file-limit");
  // 200 open files at most (soft and hard), 4,000 connections asked for: 136 fit beside the
  // hub's own 64 files. The hub says so, with the fix, and serves.
  const auto [status, output] =
      test::run_command("timeout -s TERM 4 bash -c 'ulimit -n 200 && exec " CROSSMATCH_BINARY_DIR
                        "/bin/crossmatch-hub serve --db " +
                        (dir / "event.db").string() +
                        " --host 127.0.0.1 --port 0 --insecure --max-connections 4000'");
  (void)status;  // stopped by timeout
  CHECK_MESSAGE(output.find("lets the hub open 200 files, enough for 136 connections, not the "
                            "4000 of --max-connections") != std::string::npos,
                output);
  CHECK(output.find("ulimit -Hn 4064") != std::string::npos);
  CHECK(output.find("LimitNOFILE=4064") != std::string::npos);
  CHECK(output.find("listening on 127.0.0.1:") != std::string::npos);
  std::filesystem::remove_all(dir);
}
