// A hub whose store fails (a full disk): every client is told `storage_failed`, the hub exits
// non-zero at once, releasing the database, and starts again on it with every acknowledged
// operation there. The disk is filled for real on a small tmpfs where this process may mount one,
// and through the hub's size limit (--max-db-mb: SQLite's own "database or disk is full", the
// same path) everywhere.
#include <doctest/doctest.h>

#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "tests/e2e/sync_client.hpp"

using namespace crossmatch;

namespace {

// People register and edit their profiles (long texts) until the hub stops. Returns the ids of
// the operations the hub acknowledged.
std::vector<std::string> fill_until_stopped(test::HubProcess& hub,
                                            std::vector<std::unique_ptr<test::SyncClient>>& people,
                                            std::vector<net::MemoryOutbox>& outboxes) {
  for (std::size_t i = 0; i < outboxes.size(); ++i)
    people.push_back(std::make_unique<test::SyncClient>(hub, hub.code(), "", outboxes[i]));
  for (std::size_t i = 0; i < people.size(); ++i) {
    REQUIRE(people[i]->submit(core::Register{.profile = test::test_profile(static_cast<int>(i))}));
  }
  for (auto& p : people) REQUIRE(p->wait_for([&] { return p->participant != 0; }));
  int edit = 0;
  int exit_status = -1;
  while (exit_status == -1 && edit < 20000) {
    for (std::size_t i = 0; i < people.size(); ++i) {
      core::Profile profile = test::test_profile(static_cast<int>(i));
      profile.offers.clear();
      for (std::size_t t = 0; t < core::kMaxTags; ++t)
        profile.offers.push_back("service " + std::to_string(edit) + "-" + std::to_string(t) +
                                 std::string(20, static_cast<char>('a' + t)));
      (void)people[i]->submit(
          core::EditProfile{.participant = people[i]->participant, .profile = profile});
      ++edit;
    }
    for (auto& p : people) p->pump();
    exit_status = hub.wait_exit(0);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  INFO(hub.log());
  REQUIRE_MESSAGE(exit_status != -1, "the hub never stopped: the store did not fill");
  CHECK(exit_status == 1);
  std::vector<std::string> acknowledged;
  for (auto& p : people) {
    // Each client was told why, as its connection closed.
    p->wait_for([&] { return !p->problems.empty(); }, std::chrono::seconds(10));
    REQUIRE_FALSE(p->problems.empty());
    CHECK(p->problems.front().rfind("storage_failed: ", 0) == 0);
    for (const auto& [id, seq] : p->done) acknowledged.push_back(id);
  }
  CHECK(hub.log().find("the store failed: ") != std::string::npos);
  return acknowledged;
}

// The hub starts again on the same file (the lock is free) and holds every acknowledged id.
void check_restart(const std::filesystem::path& db, const std::vector<std::string>& acknowledged) {
  test::HubProcess again(db, {});
  const std::vector<core::Operation> log = test::hub_log(db);
  std::set<std::string> logged;
  for (const core::Operation& op : log) logged.insert(op.id);
  for (const std::string& id : acknowledged) CHECK(logged.count(id) == 1);
  CHECK(again.stop() == 0);
}

}  // namespace

TEST_CASE("a database at its size limit: clients are told, the hub exits 1 and starts again") {
  const auto dir = test::fresh_folder("full-disk");
  const auto db = dir / "event.db";
  std::vector<std::string> acknowledged;
  {
    test::HubProcess hub(db, {"--demo", "10", "--max-db-mb", "1"});
    std::vector<net::MemoryOutbox> outboxes(6);
    std::vector<std::unique_ptr<test::SyncClient>> people;
    acknowledged = fill_until_stopped(hub, people, outboxes);
  }
  CHECK(acknowledged.size() > 6);
  check_restart(db, acknowledged);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a full tmpfs: clients are told, the hub exits 1, and starts again once there is room") {
  const auto dir = test::fresh_folder("tmpfs");
  if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=1m,mode=0700") != 0) {
    MESSAGE("skipped: this process may not mount a tmpfs (" << std::strerror(errno)
                                                            << "); the size-limit test covers the "
                                                               "same path");
    std::filesystem::remove_all(dir);
    return;
  }
  const auto db = dir / "event.db";
  std::vector<std::string> acknowledged;
  {
    test::HubProcess hub(db, {"--demo", "10"});
    std::vector<net::MemoryOutbox> outboxes(6);
    std::vector<std::unique_ptr<test::SyncClient>> people;
    acknowledged = fill_until_stopped(hub, people, outboxes);
  }
  CHECK(acknowledged.size() > 6);
  // Room again: the same tmpfs made larger, the files as the failed hub left them.
  REQUIRE(::mount("tmpfs", dir.c_str(), "tmpfs", MS_REMOUNT, "size=8m,mode=0700") == 0);
  check_restart(db, acknowledged);
  ::umount(dir.c_str());
  std::filesystem::remove_all(dir);
}
