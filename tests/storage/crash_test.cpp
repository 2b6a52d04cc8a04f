// The crash test: a child process appends groups of operations and reports every acknowledged
// sequence number while this process kills it with SIGKILL at random moments. After each kill
// the database must hold every acknowledged operation, nothing half-written, and pass SQLite's
// integrity check.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <sstream>

#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

// The child: appends until killed, writing "sequence id" for every operation of each group once
// the append has returned success, that is once the group is durable. Odd rounds append as the
// hub does, operations prepared where they were applied (append_prepared); even rounds let the
// store apply them (append).
[[noreturn]] void append_until_killed(const std::filesystem::path& file, int round, int out) {
  auto store = storage::EventStore::open(file, test::taxonomy(), false);
  if (!store) _exit(10);
  auto loaded = (*store)->load();
  if (!loaded) _exit(11);
  test::EventScript script(1000 + static_cast<std::uint64_t>(round));
  script.restore(*loaded);
  core::Rng rng(static_cast<std::uint64_t>(round));
  core::EventState state = loaded->state;
  // Opened and loaded (the load reads the whole log): the parent's clock starts now, so that the
  // kill lands among the appends however slow the start (a sanitized build, a busy machine).
  constexpr std::string_view kReady = "0 ready\n";
  if (::write(out, kReady.data(), kReady.size()) != static_cast<ssize_t>(kReady.size())) _exit(13);
  for (int groups = 0; groups < 400; ++groups) {
    const auto ops = script.random_in_order(rng.between(1, 12));
    const bool stored = round % 2 == 1
                            ? (*store)->append_prepared(test::prepare_in_order(state, ops), {}).ok()
                            : (*store)->append(ops).ok();
    if (!stored) _exit(12);
    std::string acknowledged;
    for (const auto& op : ops) acknowledged += std::to_string(op.sequence) + " " + op.id + "\n";
    if (::write(out, acknowledged.data(), acknowledged.size()) !=
        static_cast<ssize_t>(acknowledged.size()))
      _exit(13);
  }
  _exit(0);
}

// Reads what the child wrote until `after` has passed since it said it was ready (or a minute,
// if it never does), then kills it and reads the rest.
std::string run_and_kill(pid_t child, int in, std::chrono::milliseconds after, int& status) {
  std::string received;
  char buffer[4096];
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool ready = false;
  bool open = true;
  while (open) {
    if (!ready && received.find("0 ready\n") != std::string::npos) {
      ready = true;
      deadline = std::chrono::steady_clock::now() + after;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{in, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    const ssize_t n = ::read(in, buffer, sizeof buffer);
    if (n <= 0)
      open = false;
    else
      received.append(buffer, static_cast<std::size_t>(n));
  }
  ::kill(child, SIGKILL);
  for (ssize_t n; (n = ::read(in, buffer, sizeof buffer)) > 0;)
    received.append(buffer, static_cast<std::size_t>(n));
  ::waitpid(child, &status, 0);
  return received;
}

}  // namespace

TEST_CASE("killed while appending: every acknowledged operation survives, nothing half-written" *
          doctest::test_suite("slow")) {
  test::TempDir dir;
  const auto file = dir / "event.db";
  {
    test::EventScript script(1);
    auto store = test::open_store(file);
    test::append_all(*store, script.set_up(20), 10);
  }
  core::Rng rng(2026);
  std::map<std::uint64_t, std::string> acknowledged;  // every round's, checked every round
  int killed_mid_run = 0;
  for (int round = 0; round < 32; ++round) {
    CAPTURE(round);
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(pipe_fds[0]);
      append_until_killed(file, round, pipe_fds[1]);
    }
    ::close(pipe_fds[1]);
    int status = 0;
    const auto received =
        run_and_kill(child, pipe_fds[0], std::chrono::milliseconds(rng.between(5, 150)), status);
    ::close(pipe_fds[0]);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      ++killed_mid_run;
    else
      REQUIRE_MESSAGE((WIFEXITED(status) && WEXITSTATUS(status) == 0),
                      "the child failed with " << status);
    std::istringstream lines(received);
    std::uint64_t seq = 0;
    std::string id;
    while (lines >> seq >> id) {
      if (seq != 0) acknowledged[seq] = id;  // 0: the child's "ready"
    }

    {
      SQLite::Database db(file, SQLite::OPEN_READWRITE);
      CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
      CHECK_FALSE(SQLite::Statement(db, "PRAGMA foreign_key_check").executeStep());
    }
    auto store = test::open_store(file, false);
    auto loaded = store->load();
    REQUIRE(loaded.ok());
    if (!acknowledged.empty()) REQUIRE(loaded->last_sequence >= acknowledged.rbegin()->first);
    for (const auto& [s, op_id] : acknowledged) {
      const auto it = loaded->operation_ids.find(op_id);
      REQUIRE_MESSAGE(it != loaded->operation_ids.end(),
                      "acknowledged operation " << s << " is lost");
      CHECK(it->second.sequence == s);
    }
    // The derived tables hold exactly what the log says: no group is half there.
    test::check_same_state(loaded->state, test::replay_log(*store));
  }
  MESSAGE(acknowledged.size() << " acknowledged operations over 32 rounds, " << killed_mid_run
                              << " children killed mid-run");
  CHECK(killed_mid_run >= 25);
  CHECK(acknowledged.size() > 100);
}
