// `crossmatch-hub report` on the three events written to databases: the page it writes is the
// one the figures make, it parses as strict HTML (Python's html5lib), and a real browser
// (Chromium, headless) renders it without console errors; bad inputs get clear errors.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <set>
#include <sstream>

#include "app/hub/hub_command_line.hpp"
#include "print/report_html.hpp"
#include "tests/report/programme_fixture.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

std::pair<int, std::string> run_hub(std::vector<std::string> words) {
  std::vector<const char*> args = {"crossmatch-hub"};
  for (const std::string& w : words) args.push_back(w.c_str());
  std::ostringstream out, err;
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  const int status = hub::run_command_line(static_cast<int>(args.size()), args.data());
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  return {status, err.str() + out.str()};
}

// Runs a shell command; its exit status and what it printed (both streams).
std::pair<int, std::string> shell(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

// Not blank: many colours, and the white page's colour covers well under everything.
void check_not_blank(const std::string& path) {
  int w = 0, h = 0, n = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &n, 4);
  REQUIRE_MESSAGE(pixels != nullptr, "cannot read " << path);
  CHECK(w == 1200);
  CHECK(h == 2000);
  std::set<std::uint32_t> colours;
  std::size_t white = 0, dark = 0;
  const std::size_t count = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
  for (std::size_t i = 0; i < count; ++i) {
    const unsigned char* p = pixels + i * 4;
    std::uint32_t c = 0;
    std::memcpy(&c, p, 4);
    if (colours.size() < 1000) colours.insert(c);
    white += p[0] > 245 && p[1] > 245 && p[2] > 245;
    dark += p[0] < 100 && p[1] < 140 && p[2] < 180;  // text and the bars' blue
  }
  stbi_image_free(pixels);
  CHECK_MESSAGE(colours.size() > 20, path << " has only " << colours.size() << " colours");
  CHECK(white < count * 98 / 100);
  CHECK(dark > 5000);
}

// Debian's interpreter, where python3-html5lib is installed.
std::string debian_python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

struct WrittenProgramme {
  test::TempDir dir;
  test::Programme programme;
  std::string lisbon = (dir / "lisbon.db").string(), berlin = (dir / "berlin.db").string(),
              rome = (dir / "rome.db").string(), out = (dir / "report.html").string();
  WrittenProgramme() {
    programme.lisbon.write(lisbon);
    programme.berlin.write(berlin);
    programme.rome.write(rome);
  }
  std::vector<std::string> report_args() const {
    return {"report",
            "--db",
            rome,
            "--db",
            lisbon,
            "--db",
            berlin,
            "--out",
            out,
            "--target",
            "44",
            "--assets",
            test::source_assets().string()};
  }
};

}  // namespace

TEST_CASE("report: the page from the databases is the page from the events") {
  WrittenProgramme w;
  const auto [status, said] = run_hub(w.report_args());
  INFO(said);
  REQUIRE(status == 0);
  CHECK(said.find("3 events") != std::string::npos);
  CHECK(said.find("6 new relationships") != std::string::npos);
  const std::vector<print::ReportEvent> events = {w.programme.rome.report_event(w.rome),
                                                  w.programme.lisbon.report_event(w.lisbon),
                                                  w.programme.berlin.report_event(w.berlin)};
  auto figures = print::programme_figures(events, test::taxonomy(), 44);
  REQUIRE(figures.ok());
  CHECK(test::read_bytes(w.out) == print::report_html(*figures));
}

TEST_CASE("report: strict HTML by html5lib") {
  WrittenProgramme w;
  REQUIRE(run_hub(w.report_args()).first == 0);
  const auto [status, said] = shell(
      debian_python() +
      " -c 'import sys, html5lib; "
      "html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], \"rb\")); print(\"parsed\")' " +
      w.out);
  INFO(said);
  CHECK(status == 0);
  CHECK(said.find("parsed") != std::string::npos);
}

TEST_CASE("report: Chromium renders it, not blank, no console errors" *
          doctest::test_suite("slow")) {
  WrittenProgramme w;
  REQUIRE(run_hub(w.report_args()).first == 0);
  const std::string png = (w.dir / "report.png").string();
  const auto [status, said] =
      shell("HOME=" + w.dir.path().string() +
            " chromium --headless --disable-gpu --no-sandbox --enable-logging=stderr --v=0 "
            "--window-size=1200,2000 --screenshot=" +
            png + " file://" + w.out);
  INFO(said);
  REQUIRE(std::filesystem::exists(png));
  CHECK(said.find("CONSOLE") == std::string::npos);
  check_not_blank(png);
  // Kept in the build folder: docs/screenshots/report.png is this picture.
  std::filesystem::copy_file(png, std::filesystem::path(CROSSMATCH_BINARY_DIR) / "report.png",
                             std::filesystem::copy_options::overwrite_existing);
}

TEST_CASE("report: bad inputs get clear errors") {
  WrittenProgramme w;
  const auto args_with = [&](std::vector<std::string> dbs) {
    std::vector<std::string> args = {"report"};
    for (const auto& db : dbs) {
      args.push_back("--db");
      args.push_back(db);
    }
    for (const std::string a : {"--out", w.out.c_str(), "--assets"}) args.push_back(a);
    args.push_back(test::source_assets().string());
    return args;
  };
  SUBCASE("the same file twice") {
    const auto [status, said] = run_hub(args_with({w.lisbon, w.rome, w.lisbon}));
    CHECK(status == 2);
    CHECK(said.find("given twice") != std::string::npos);
  }
  SUBCASE("the same event in two files") {
    const std::string copy = (w.dir / "lisbon-copy.db").string();
    std::filesystem::copy_file(w.lisbon, copy);
    const auto [status, said] = run_hub(args_with({w.lisbon, copy}));
    CHECK(status == 2);
    CHECK(said.find("same event") != std::string::npos);
  }
  SUBCASE("a file that is not a database") {
    const std::string text = (w.dir / "notes.db").string();
    test::write_bytes(text, "these are notes, not a database\n");
    const auto [status, said] = run_hub(args_with({w.lisbon, text}));
    CHECK(status == 2);
    CHECK(said.find("notes.db") != std::string::npos);
    CHECK(said.find("not") != std::string::npos);
  }
  SUBCASE("a database of a newer schema") {
    {
      SQLite::Database db(w.berlin, SQLite::OPEN_READWRITE);
      db.exec("PRAGMA user_version = 99");
    }
    const auto [status, said] = run_hub(args_with({w.lisbon, w.berlin}));
    CHECK(status == 2);
    CHECK(said.find("newer version") != std::string::npos);
  }
  SUBCASE("a file that does not exist") {
    const auto [status, said] = run_hub(args_with({(w.dir / "missing.db").string()}));
    CHECK(status == 2);
    CHECK(said.find("missing.db") != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(w.out));
}
