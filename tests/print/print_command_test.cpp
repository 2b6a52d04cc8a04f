// `crossmatch-hub print` on a stored event: the PDFs it writes, and its refusals naming the flag.
#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

#include "app/hub/hub_command_line.hpp"
#include "tests/print/print_fixture.hpp"
#include "tests/storage/storage_fixture.hpp"

namespace crossmatch::test {

namespace {

struct HubRun {
  int status = 0;
  std::string err;
};

HubRun hub_print(std::vector<std::string> args) {
  args.insert(args.begin(), {"crossmatch-hub", "print"});
  args.push_back("--assets");
  args.push_back(source_assets().string());
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  HubRun run;
  run.status = hub::run_command_line(static_cast<int>(argv.size()), argv.data());
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  run.err = err.str();
  return run;
}

}  // namespace

TEST_CASE("crossmatch-hub print writes each kind from the event's database") {
  TempDir dir;
  const std::string db = (dir / "event.db").string();
  {
    EventScript script(25);
    auto store = open_store(db);
    append_all(*store, script.set_up(6));
  }
  for (const std::string what : {"badges", "agendas", "tables", "poster"}) {
    CAPTURE(what);
    const auto out = dir / (what + ".pdf");
    std::vector<std::string> args = {"--db",  db,           "--what",  what,
                                     "--out", out.string(), "--paper", "letter"};
    if (what == "poster") args.insert(args.end(), {"--hub", "10.0.0.5:7420"});
    const HubRun run = hub_print(args);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    CHECK(run.err.find("wrote") != std::string::npos);
    CHECK(page_count(out) >= 1);
  }
  CHECK(qr_codes(dir / "poster.pdf", 1, 72) == std::vector<std::string>{"LISBON-2026"});
  const HubRun some = hub_print({"--db", db, "--what", "agendas", "--out",
                                 (dir / "two.pdf").string(), "--participants", "2, 1"});
  REQUIRE_MESSAGE(some.status == 0, some.err);
  CHECK(page_count(dir / "two.pdf") == 2);
}

TEST_CASE("crossmatch-hub print refuses what it cannot print, naming the flag") {
  TempDir dir;
  const std::string db = (dir / "event.db").string();
  {
    EventScript script(26);
    auto store = open_store(db);
    append_all(*store, script.set_up(2));
  }
  const std::string out = (dir / "x.pdf").string();
  auto refused = [&](std::vector<std::string> args, const std::string& words) {
    const HubRun run = hub_print(std::move(args));
    CHECK(run.status == 2);
    CHECK_MESSAGE(run.err.find(words) != std::string::npos, run.err);
    CHECK_FALSE(std::filesystem::exists(out));
  };
  refused({"--db", db, "--what", "poster", "--out", out}, "--hub");
  refused({"--db", db, "--what", "badges", "--out", out, "--hub", "a:1"}, "--hub");
  refused({"--db", db, "--what", "badges", "--out", out, "--participants", "1,x"},
          "--participants");
  refused({"--db", db, "--what", "badges", "--out", out, "--participants", "99"},
          "No participant 99");
  refused({"--db", db, "--what", "tables", "--out", out, "--participants", "1"}, "--participants");
  refused({"--db", db, "--what", "flyers", "--out", out}, "--what");
  refused({"--db", db, "--what", "badges", "--out", out, "--paper", "a3"}, "--paper");
}

}  // namespace crossmatch::test
