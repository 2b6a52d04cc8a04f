// Every screen of every role drawn in the pseudo-language (each text 40 % longer, accented, in
// brackets) with the client's real font, at 1280x800 and at 200 % zoom: a text whose closing
// bracket is not drawn was cut by its column, button or window; two texts whose boxes cross were
// drawn over each other; a screen whose items reach past its right edge hides them whole (a row
// of fields, a text after a button). Each fails.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
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
  // A line at the top or bottom edge of a scrolled list or form is partly shown on purpose too:
  // one across the edge, or the last whole line before it (its next line is out of view).
  std::vector<ImRect> scrolled;
  for (const ImGuiWindow* window : g.Windows) {
    if (window->WasActive && window->ScrollMax.y > 0) scrolled.push_back(window->InnerClipRect);
  }
  const auto at_scrolled_edge = [&](const client::DrawnText& run) {
    return std::any_of(scrolled.begin(), scrolled.end(), [&](const ImRect& clip) {
      if (run.x < clip.Min.x || run.x >= clip.Max.x) return false;
      const bool bottom = run.y < clip.Max.y && run.y + run.height * 2 > clip.Max.y;
      const bool top = run.y < clip.Min.y + run.height && run.y + run.height > clip.Min.y;
      return bottom || top;
    });
  };
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
      if (!at_scrolled_edge(run)) cut.push_back(open);
      depth = 0;
    }
  }
  return cut;
}

// Texts drawn over each other: two runs whose boxes share more than a sliver (glyph boxes touch
// at their edges in tight layouts).
std::vector<std::string> overlapping_texts(const std::vector<client::DrawnText>& runs) {
  constexpr float kSliver = 2.0f;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    for (std::size_t j = i + 1; j < runs.size(); ++j) {
      const client::DrawnText& a = runs[i];
      const client::DrawnText& b = runs[j];
      const float wide = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
      const float high = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
      if (wide > kSliver && high > kSliver) out.push_back(a.text + " | " + b.text);
    }
  }
  return out;
}

// Screens whose items reach past their right edge without a horizontal scroll bar: what is out
// there is not drawn at all, so no bracket of it shows as cut. (The main window is as wide as
// its tab bar, which scrolls on purpose; each screen is a child window of it.)
std::vector<std::string> too_wide_windows() {
  std::vector<std::string> out;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  for (const ImGuiWindow* window : g.Windows) {
    if (!window->WasActive || window->ScrollbarX) continue;
    if ((window->Flags & ImGuiWindowFlags_ChildWindow) == 0) continue;
    // A table counts its full width in its window's content even when a vertical scroll bar
    // takes that much off, and a multi-line input's text a few pixels past its frame; an item
    // wholly past the edge reaches further than that.
    const float room = window->ContentRegionRect.GetWidth() + ImGui::GetStyle().ScrollbarSize;
    if (window->ContentSize.x > room + 1.0f) {
      out.push_back(std::string(window->Name) + " (" + std::to_string(window->ContentSize.x) +
                    " > " + std::to_string(room) + ")");
    }
  }
  return out;
}

}  // namespace

TEST_CASE(
    "every screen in the pseudo-language: no text cut or overlapping at 1280x800 and at 200 % "
    "zoom") {
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
        for (int i = 0; i < 6; ++i) ui.bare_frame([&] { app.frame(f.clock); });
        if (app.current_screen() != screen) continue;  // not one of this role's screens
        const auto runs = client::drawn_text(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts);
        // What was drawn, for a person looking into a failure: build/pseudo-layout/*.txt.
        const std::string name = std::string(core::to_string(role)) + "-" + screen + "-" +
                                 std::to_string(static_cast<int>(zoom * 100));
        std::ofstream(layouts / (name + ".txt")) << client::layout_lines(screen, runs);
        for (const std::string& text : cut_texts(runs))
          FAIL_CHECK("cut on " << name << ": " << text);
        for (const std::string& pair : overlapping_texts(runs))
          FAIL_CHECK("texts over each other on " << name << ": " << pair);
        for (const std::string& window : too_wide_windows())
          FAIL_CHECK("wider than its window on " << name << ": " << window);
      }
    }
  }
}
