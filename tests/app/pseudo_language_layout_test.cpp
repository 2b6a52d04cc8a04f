// Every screen of every role drawn in the pseudo-language (each text 40 % longer, accented, in
// brackets) with the client's real font, at 1280x800 and at 200 % zoom: a text whose closing
// bracket is not drawn was cut by its column, button or window; a plain English word means a text
// that never went through a catalogue.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "app/client/views/client_app.hpp"
#include "app/client/views/drawn_text.hpp"
#include "app/client/views/theme.hpp"
#include "app/client/views/ui_font.hpp"
#include "i18n/catalogues.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"

using namespace crossmatch;

namespace {

struct EnglishAfterwards {
  ~EnglishAfterwards() { core::set_translator(nullptr); }
};

// The UI font at `zoom` and the client's style, as the window makes them.
void use_client_look(float zoom) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  REQUIRE(client::add_ui_font(*io.Fonts, 16.0f * zoom));
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  ImGui::GetStyle() = client::themed_style(client::Theme::Light, zoom);
}

// The texts of a frame whose brackets do not close: "[Šåvé" cut before its "]". Brackets nest (a
// day label "[[Tĥü] 14 [Måý]]" is made of translated parts). A text open at the end of a run goes
// on only in a run that wraps it onto the next line below; one our own code ends in "..."
// (shortened on purpose, whole in its tooltip) counts as closed.
std::vector<std::string> cut_texts(std::vector<client::DrawnText> runs) {
  // A tab bar too narrow for its tabs scrolls (arrows at its end, as the client sets it): a tab
  // at its edge is partly shown on purpose, as a line at the edge of a scrolled list is.
  ImGuiContext& g = *ImGui::GetCurrentContext();
  for (int i = 0; i < g.TabBars.GetMapSize(); ++i) {
    const ImGuiTabBar* bar = g.TabBars.TryGetMapData(i);
    if (bar == nullptr || bar->WidthAllTabs <= bar->BarRect.GetWidth()) continue;
    std::erase_if(runs, [&](const client::DrawnText& run) {
      const float middle = run.y + run.height / 2;
      return middle > bar->BarRect.Min.y && middle < bar->BarRect.Max.y;
    });
  }
  std::vector<std::string> cut;
  std::string open;  // the text being read, from its first '['
  int depth = 0;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const client::DrawnText& run = runs[r];
    for (const char c : run.text) {
      if (c == '[') {
        if (depth == 0) open.clear();
        ++depth;
      } else if (c == ']' && depth > 0) {
        --depth;
      }
      if (depth > 0) open += c;
    }
    if (depth == 0) continue;
    if (run.text.ends_with("...")) {
      depth = 0;
      continue;
    }
    const bool wraps = r + 1 < runs.size() && runs[r + 1].y > run.y &&
                       runs[r + 1].y < run.y + run.height * 1.8f &&
                       std::abs(runs[r + 1].x - run.x) <= 1.0f;
    if (wraps) {
      open += ' ';
    } else {
      cut.push_back(open);
      depth = 0;
    }
  }
  return cut;
}

// Texts still cut, by screen, role and zoom: a screen may not cut more (a new cut fails the
// test), and the count is lowered as each is fixed. All at 200 % zoom but one: the figures of
// the live monitor, long lines of a few screens, the profile's size combo, and its third
// language picker at the bottom edge of its scrolled column.
const std::map<std::string, std::size_t> kKnownCuts = {
    {"broker-introductions-200", 1},    {"broker-monitor-200", 5},
    {"broker-network-200", 1},          {"broker-unmatched-200", 1},
    {"organiser-clinic-200", 1},        {"organiser-event-200", 1},
    {"organiser-introductions-200", 1}, {"organiser-matching-200", 1},
    {"organiser-monitor-200", 6},       {"organiser-network-200", 1},
    {"organiser-schedule-200", 1},      {"organiser-unmatched-200", 1},
    {"participant-profile-100", 1},     {"participant-profile-200", 2},
};

}  // namespace

TEST_CASE("every screen in the pseudo-language: no new text cut at 1280x800 and at 200 % zoom") {
  EnglishAfterwards english;
  i18n::Catalogues catalogues(
      std::filesystem::path(CROSSMATCH_BINARY_DIR) / "bin" / "assets" / "locale",
      i18n::Catalogues::system_iso_codes_dir());
  test::ClientFixture f;
  const auto layouts = std::filesystem::path(CROSSMATCH_BINARY_DIR) / "pseudo-layout";
  std::filesystem::create_directories(layouts);
  for (const float zoom : {1.0f, 2.0f}) {
    for (const core::Role role :
         {core::Role::Participant, core::Role::Organiser, core::Role::Broker}) {
      auto session = f.session(role, role == core::Role::Participant ? 1 : 0);
      client::ClientApp app(*session, nullptr);
      app.speak_from(&catalogues);
      client::Appearance pseudo = app.appearance();
      pseudo.set_language("qps");
      app.show_for_this_run(pseudo);
      test::HeadlessUi ui(1280, 800);
      use_client_look(zoom);
      for (const std::string& screen : client::screen_names()) {
        if (screen == "join" || !app.open_screen(screen)) continue;
        for (int i = 0; i < 3; ++i) ui.bare_frame([&] { app.frame(f.clock); });
        if (app.current_screen() != screen) continue;  // not one of this role's screens
        const auto runs = client::drawn_text(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts);
        // What was drawn, for a person looking into a failure: build/pseudo-layout/*.txt.
        const std::string name = std::string(core::to_string(role)) + "-" + screen + "-" +
                                 std::to_string(static_cast<int>(zoom * 100));
        std::ofstream(layouts / (name + ".txt")) << client::layout_lines(screen, runs);
        const auto cut = cut_texts(runs);
        const auto known = kKnownCuts.find(name);
        const std::size_t allowed = known == kKnownCuts.end() ? 0 : known->second;
        if (cut.size() > allowed) {
          for (const std::string& text : cut) FAIL_CHECK("cut on " << name << ": " << text);
        } else if (cut.size() < allowed) {
          MESSAGE(name << ": " << cut.size() << " texts cut, fewer than the " << allowed
                       << " known: lower kKnownCuts");
        }
      }
    }
  }
}
