// Reading back the text a frame drew (--layout-dump): runs of glyphs with their rectangles, words
// kept together, text clipped away left out.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/client/views/drawn_text.hpp"
#include "tests/app/headless_ui.hpp"

using namespace crossmatch;

namespace {

const client::DrawnText* run_with(const std::vector<client::DrawnText>& runs,
                                  const std::string& text) {
  const auto at = std::find_if(runs.begin(), runs.end(),
                               [&](const client::DrawnText& r) { return r.text == text; });
  return at == runs.end() ? nullptr : &*at;
}

}  // namespace

TEST_CASE("drawn text: a button's label lies on the button; words stay one run") {
  test::HeadlessUi ui;
  ImVec2 button_min, button_max;
  ui.frame([&] {
    ImGui::TextUnformatted("Join an event");
    ImGui::SetCursorPos(ImVec2(300, 200));
    ImGui::Button("Register");
    button_min = ImGui::GetItemRectMin();
    button_max = ImGui::GetItemRectMax();
    ImGui::SameLine();
    ImGui::TextUnformatted("Caf\xc3\xa9 at 12:30");
  });
  const auto runs = client::drawn_text(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts);
  const client::DrawnText* label = run_with(runs, "Register");
  REQUIRE(label != nullptr);
  const float cx = label->x + label->width / 2, cy = label->y + label->height / 2;
  CHECK(cx > button_min.x);
  CHECK(cx < button_max.x);
  CHECK(cy > button_min.y);
  CHECK(cy < button_max.y);
  CHECK(run_with(runs, "Join an event") != nullptr);
  CHECK(run_with(runs, "Caf\xc3\xa9 at 12:30") != nullptr);
  const std::string lines = client::layout_lines("join", runs);
  CHECK(lines.rfind("screen join\n", 0) == 0);
  CHECK(lines.find(" Register\n") != std::string::npos);
}

TEST_CASE("drawn text: text outside a child window's visible part is left out") {
  test::HeadlessUi ui;
  ui.frame([&] {
    ImGui::BeginChild("list", ImVec2(200, 60), true);
    for (int i = 0; i < 20; ++i) ImGui::Text("line %d", i);
    ImGui::EndChild();
  });
  const auto runs = client::drawn_text(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts);
  CHECK(run_with(runs, "line 0") != nullptr);
  CHECK(run_with(runs, "line 19") == nullptr);
}
