// Printed pages under test: an event with people whose names carry the partner cities'
// diacritics and booked meetings, and the Debian tools that read a PDF back (poppler's pdftoppm,
// pdftotext and pdfinfo, zbar's zbarimg).
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "print/print_job.hpp"
#include "tests/event_fixture.hpp"

namespace crossmatch::test {

// Names the PDFs must set with every letter right.
inline const std::vector<std::string> kDiacriticNames = {"Žydrūnė Šimkūnaitė", "Přemysl Dvořák",
                                                         "Małgorzata Wójcik", "Jüri Õunapuu"};

class PrintedEvent : public EventFixture {
 public:
  std::vector<core::ParticipantId> people;

  explicit PrintedEvent(int participants = 12) {
    set_up(4, 6);
    people = register_people(participants);
    for (std::size_t i = 0; i < kDiacriticNames.size() && i < people.size(); ++i)
      rename(people[i], kDiacriticNames[i]);
  }

  void rename(core::ParticipantId id, const std::string& name,
              const std::string& organisation = "") {
    core::Profile profile = state.participants.at(id).profile;
    profile.display_name = name;
    if (!organisation.empty()) profile.organisation = organisation;
    ok(participant(id), core::EditProfile{.participant = id, .profile = profile});
  }

  // A meeting `from` asks for and `to` accepts: booked at once in the first free slot.
  core::MeetingId book(core::ParticipantId from, core::ParticipantId to) {
    const core::MeetingId m = request(from, to);
    ok(participant(to), core::AcceptMeeting{.meeting = m});
    REQUIRE(meeting(m).placement.has_value());
    return m;
  }

  std::string pdf(print::PrintKind what, std::vector<core::ParticipantId> participants = {},
                  print::Paper paper = print::Paper::A4) {
    auto bytes = print::print_pdf(state, taxonomy(),
                                  {.what = what,
                                   .paper = paper,
                                   .participants = std::move(participants),
                                   .hub_address = "192.168.1.20:7420"});
    REQUIRE_MESSAGE(bytes.ok(), (bytes.ok() ? "" : bytes.error().message));
    return *bytes;
  }
};

// A fresh folder, removed with everything in it at the end.
class PrintDir {
 public:
  PrintDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "crossmatch-print-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~PrintDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  PrintDir(const PrintDir&) = delete;
  PrintDir& operator=(const PrintDir&) = delete;
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  // Writes `bytes` as NAME and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream out(path_ / name, std::ios::binary | std::ios::trunc);
    out << bytes;
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

// Standard output of a shell command (standard error dropped); fails the test if it fails.
inline std::string run(const std::string& command) {
  FILE* pipe = ::popen(("(" + command + ") 2>/dev/null").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = ::pclose(pipe);
  REQUIRE_MESSAGE(status == 0, command);
  return out;
}

inline std::string shell_quoted(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

inline int page_count(const std::filesystem::path& pdf) {
  const std::string info = run("pdfinfo " + shell_quoted(pdf));
  std::smatch m;
  REQUIRE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")));
  return std::stoi(m[1]);
}

// The text of one page (1-based), or of every page (0), as pdftotext reads it, each run of
// white space (a line wrapped in its box) as one space.
inline std::string page_text(const std::filesystem::path& pdf, int page = 0) {
  const std::string pages =
      page == 0 ? "" : " -f " + std::to_string(page) + " -l " + std::to_string(page);
  const std::string text = run("pdftotext -enc UTF-8" + pages + " " + shell_quoted(pdf) + " -");
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

// A region of a page in points, for rendering a part of it alone.
struct Region {
  double x = 0, y = 0, width = 0, height = 0;
};

// Every QR code zbarimg reads on one page rendered at `dpi` (a region of it, when given).
inline std::vector<std::string> qr_codes(const std::filesystem::path& pdf, int page, int dpi = 150,
                                         const Region* region = nullptr) {
  const auto prefix = pdf.parent_path() / ("render-" + pdf.stem().string());
  std::string command = "pdftoppm -png -singlefile -r " + std::to_string(dpi) + " -f " +
                        std::to_string(page) + " -l " + std::to_string(page);
  if (region != nullptr) {
    const double scale = dpi / 72.0;
    command += " -x " + std::to_string(static_cast<int>(region->x * scale)) + " -y " +
               std::to_string(static_cast<int>(region->y * scale)) + " -W " +
               std::to_string(static_cast<int>(region->width * scale)) + " -H " +
               std::to_string(static_cast<int>(region->height * scale));
  }
  run(command + " " + shell_quoted(pdf) + " " + shell_quoted(prefix));
  // zbarimg exits 4 when it finds no code: that is an answer here, not a failure.
  const std::string decoded =
      run("zbarimg -q --raw " + shell_quoted(std::filesystem::path(prefix.string() + ".png")) +
          " || true");
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < decoded.size()) {
    const std::size_t end = decoded.find('\n', start);
    const std::string line = decoded.substr(start, end - start);
    if (!line.empty()) out.push_back(line);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// A word pdftotext -bbox places on a page, in points from the top left.
struct PlacedWord {
  int page = 0;
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  std::string text;
};

inline std::vector<PlacedWord> placed_words(const std::filesystem::path& pdf) {
  const std::string html = run("pdftotext -enc UTF-8 -bbox " + shell_quoted(pdf) + " -");
  std::vector<PlacedWord> out;
  const std::regex page_or_word(
      R"re(<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  int page = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), page_or_word);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    if (!m[1].matched) {
      ++page;
      continue;
    }
    out.push_back({page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
  }
  return out;
}

}  // namespace crossmatch::test
