// Accessibility basics: every text colour of both themes at 4.5:1 or more on what it is drawn on,
// a visible keyboard focus, zoom by keys remembered across restarts, the theme remembered, and
// the keyboard alone reaching and pressing a button.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/client/state/appearance.hpp"
#include "app/client/state/heat_scale.hpp"
#include "app/client/views/client_app.hpp"
#include "app/client/views/theme.hpp"
#include "app/client/views/view_menu.hpp"
#include "app/client/views/widgets.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"

using namespace crossmatch;

namespace {

ImVec4 rgb(int r, int g, int b) {
  return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                static_cast<float>(b) / 255.0f, 1.0f);
}

// A config folder of its own, removed before and after.
struct TemporaryFolder {
  std::filesystem::path path;
  TemporaryFolder()
      : path(std::filesystem::temp_directory_path() /
             ("crossmatch-access-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
  }
  ~TemporaryFolder() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("contrast: the WCAG formula gives its known values") {
  CHECK(client::contrast_ratio(rgb(0, 0, 0), rgb(255, 255, 255)) == doctest::Approx(21.0));
  CHECK(client::contrast_ratio(rgb(255, 255, 255), rgb(255, 255, 255)) == doctest::Approx(1.0));
  // The example: grey #999 on #F0F0F0.
  CHECK(client::contrast_ratio(rgb(0x99, 0x99, 0x99), rgb(0xF0, 0xF0, 0xF0)) ==
        doctest::Approx(2.51).epsilon(0.01));
  CHECK(client::contrast_ratio(rgb(0x76, 0x76, 0x76), rgb(255, 255, 255)) ==
        doctest::Approx(4.54).epsilon(0.01));
  const ImVec4 half_black(0, 0, 0, 0.5f);
  const ImVec4 mixed = client::over(half_black, rgb(255, 255, 255));
  CHECK(mixed.x == doctest::Approx(0.5));
  CHECK(mixed.w == doctest::Approx(1.0));
}

TEST_CASE("contrast: every text colour of both themes is 4.5:1 or more on its backgrounds") {
  for (const client::Theme theme : {client::Theme::Light, client::Theme::Dark}) {
    const std::string theme_name = client::to_string(theme);
    CAPTURE(theme_name);
    const auto pairs = client::text_pairs(theme);
    CHECK(pairs.size() > 30);
    for (const auto& pair : pairs) {
      const float ratio = client::contrast_ratio(pair.text_colour, pair.background_colour);
      INFO(pair.text << " on " << pair.background << ": " << ratio << ":1");
      CHECK(ratio >= 4.5f);
    }
    // The keyboard focus frame: 3:1 against the window, as WCAG asks of non-text marks.
    ImGuiStyle style = client::themed_style(theme, 1.0f);
    CHECK(client::contrast_ratio(style.Colors[ImGuiCol_NavHighlight],
                                 style.Colors[ImGuiCol_WindowBg]) >= 3.0f);
    // Numbers on heat map cells, over the whole scale.
    for (float t = 0; t <= 1.0f; t += 0.05f) {
      const client::Rgb rgb = client::viridis(t);
      const ImVec4 cell = ImGui::ColorConvertU32ToFloat4(IM_COL32(rgb.r, rgb.g, rgb.b, 255));
      CHECK(client::contrast_ratio(client::ink_on(cell), cell) >= 4.5f);
    }
  }
  // The meaning colours follow the theme the window shows.
  ImGuiStyle style;
  client::apply_theme(client::Theme::Dark, style);
  CHECK(client::error_colour().x == client::theme_colours(client::Theme::Dark).error.x);
  client::apply_theme(client::Theme::Light, style);
  CHECK(client::error_colour().x == client::theme_colours(client::Theme::Light).error.x);
}

TEST_CASE("appearance: zoom steps 100 to 200 %, the theme, and bad config values") {
  client::Appearance a;
  CHECK(a.zoom_percent() == 100);
  CHECK_FALSE(a.zoom_out());
  CHECK(a.zoom_in());
  CHECK(a.zoom_percent() == 110);
  CHECK(a.zoom_by_wheel(3));
  CHECK(a.zoom_percent() == 175);
  CHECK(a.zoom_by_wheel(5));
  CHECK(a.zoom_percent() == 200);
  CHECK_FALSE(a.zoom_in());
  CHECK(a.zoom() == doctest::Approx(2.0));
  CHECK(a.zoom_by_wheel(-1));
  CHECK(a.zoom_percent() == 175);
  CHECK(a.reset_zoom());
  CHECK(a.zoom_percent() == 100);
  a.set_zoom_percent(130);
  CHECK(a.zoom_in());
  CHECK(a.zoom_percent() == 150);

  TemporaryFolder folder;
  std::filesystem::create_directories(folder.path);
  const auto load_with = [&](const std::string& lines) {
    std::ofstream(folder.path / "client.conf") << lines;
    return client::Appearance::load(client::ClientConfig::load(folder.path));
  };
  CHECK(load_with("zoom=150\ntheme=dark\n").zoom_percent() == 150);
  CHECK(load_with("zoom=150\ntheme=dark\n").theme() == client::Theme::Dark);
  CHECK(load_with("zoom=900\n").zoom_percent() == 200);
  CHECK(load_with("zoom=20\n").zoom_percent() == 100);
  CHECK(load_with("zoom=big\ntheme=purple\n").zoom_percent() == 100);
  CHECK(load_with("zoom=big\ntheme=purple\n").theme() == client::Theme::Light);
}

TEST_CASE("zoom: Ctrl and + in the app zooms in, and the zoom is there after a restart") {
  test::ClientFixture f;
  TemporaryFolder folder;
  {
    auto config = client::ClientConfig::load(folder.path);
    auto session = f.session(core::Role::Participant, 1);
    client::ClientApp app(*session, &config);
    test::HeadlessUi ui;
    const auto body = [&] { app.frame(f.clock); };
    ui.bare_frame(body);
    CHECK(app.appearance().zoom_percent() == 100);
    const auto press = [&](int key) {
      ImGuiIO& io = ImGui::GetIO();
      io.KeyCtrl = true;
      io.KeysDown[key] = true;
      ui.bare_frame(body);
      io.KeysDown[key] = false;
      ui.bare_frame(body);
      io.KeyCtrl = false;
    };
    press(client::ZoomKeys::kIn[0]);
    press(client::ZoomKeys::kIn[1]);
    CHECK(app.appearance().zoom_percent() == 125);
    press(client::ZoomKeys::kOut[0]);
    CHECK(app.appearance().zoom_percent() == 110);
    app.zoom_by_wheel(3);  // what the window reports of Ctrl+wheel
    CHECK(app.appearance().zoom_percent() == 175);
    // Without Ctrl, the same keys are typing, not zoom.
    ImGui::GetIO().KeysDown[client::ZoomKeys::kIn[0]] = true;
    ui.bare_frame(body);
    ImGui::GetIO().KeysDown[client::ZoomKeys::kIn[0]] = false;
    ui.bare_frame(body);
    CHECK(app.appearance().zoom_percent() == 175);
    app.appearance().set_theme(client::Theme::Dark);
    ui.bare_frame(body);
  }
  // A restart: a new config read from the same folder, a new app.
  auto config = client::ClientConfig::load(folder.path);
  CHECK(config.get("zoom") == "175");
  auto session = f.session(core::Role::Participant, 1);
  client::ClientApp app(*session, &config);
  CHECK(app.appearance().zoom_percent() == 175);
  CHECK(app.appearance().theme() == client::Theme::Dark);

  // --theme and --zoom show for one run without being remembered.
  client::Appearance once = app.appearance();
  once.set_theme(client::Theme::Light);
  app.show_for_this_run(once);
  test::HeadlessUi ui;
  ui.bare_frame([&] { app.frame(f.clock); });
  CHECK(client::ClientConfig::load(folder.path).get("theme") == "dark");
}

TEST_CASE("keyboard: the arrow keys reach a button, the focus is shown, and Space presses it") {
  test::HeadlessUi ui;
  test::HeadlessUi::enable_keyboard_navigation();
  int first = 0, second = 0;
  const auto body = [&] {
    if (ImGui::Button("First")) ++first;
    if (ImGui::Button("Second")) ++second;
  };
  ui.frame(body);
  const ImGuiID target = test::HeadlessUi::id_of([] {}, "Second", 0);
  for (int i = 0; i < 6 && ImGui::GetCurrentContext()->NavId != target; ++i)
    ui.press(ImGuiKey_DownArrow, body);
  REQUIRE(ImGui::GetCurrentContext()->NavId == target);
  CHECK_FALSE(ImGui::GetCurrentContext()->NavDisableHighlight);
  ui.press(ImGuiKey_Space, body);
  CHECK(second == 1);
  CHECK(first == 0);
}

TEST_CASE("keyboard: a newcomer reaches Register from the top of the profile screen") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 0);
  client::ClientApp app(*session, nullptr);
  test::HeadlessUi ui;
  test::HeadlessUi::enable_keyboard_navigation();
  const auto body = [&] { app.frame(f.clock); };
  for (int i = 0; i < 3; ++i) ui.bare_frame(body);
  REQUIRE(app.current_screen() == "profile");
  // Register's id: in the child window of the screen shown (the profile's tab).
  ImGuiID registration = 0;
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    const std::string name = w->Name;
    if (name.find("/screen_") != std::string::npos &&
        name.find("/profile-fields") == std::string::npos && w->Active)
      registration = w->GetID("Register");
  }
  REQUIRE(registration != 0);
  const auto press = [&](ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    const int index = test::HeadlessUi::key_index(key);
    io.KeysDown[index] = true;
    ui.bare_frame(body);
    io.KeysDown[index] = false;
    ui.bare_frame(body);
  };
  int presses = 0;
  for (; presses < 80 && ImGui::GetCurrentContext()->NavId != registration; ++presses)
    press(ImGuiKey_DownArrow);
  INFO("Down pressed " << presses << " times");
  REQUIRE(ImGui::GetCurrentContext()->NavId == registration);
  press(ImGuiKey_Space);
  CHECK(app.models().profile.submit_attempted());
  CHECK(f.submitted().empty());  // an empty profile is not sent
}
