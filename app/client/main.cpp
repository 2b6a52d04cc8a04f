// crossmatch: the client for participants, organisers and brokers.
#include <imgui.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "app/client/client_command_line.hpp"
#include "app/client/platform/window.hpp"
#include "app/client/state/client_config.hpp"
#include "app/client/state/client_session.hpp"
#include "app/client/views/client_app.hpp"
#include "app/client/views/drawn_text.hpp"
#include "app/client/views/kiosk_view.hpp"
#include "i18n/catalogues.hpp"
#include "net/client_connection.hpp"
#include "storage/asset_files.hpp"

namespace {

std::int64_t unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Replaces `path` with `text` in one rename, so that a reader never sees half a file.
void replace_file(const std::string& path, const std::string& text) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return;  // a test waiting for the file says what it missed
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
}

// The kiosk: full screen (its screenshot keeps the usual size), large type, nothing remembered:
// no config is read or written, and each visit lives in memory only.
int run_kiosk(const crossmatch::client::ClientArgs& args,
              const crossmatch::core::Taxonomy& taxonomy,
              std::chrono::steady_clock::time_point started) {
  namespace client = crossmatch::client;
  client::WindowOptions options;
  options.full_screen = args.screenshot.empty();
  options.layout_file.clear();
  auto window = client::Window::open(options);
  if (!window) {
    std::cerr << "crossmatch: " << window.error().message << "\n";
    return 2;
  }
  client::Appearance appearance;
  appearance.set_zoom_percent(args.zoom != 0 ? args.zoom : 175);
  if (args.theme == "dark") appearance.set_theme(client::Theme::Dark);
  (*window)->use_appearance(appearance);
  (*window)->set_title("crossmatch kiosk");
  if (args.insecure)
    std::cerr
        << "crossmatch: WARNING: --insecure: no TLS; what you send can be read on the network\n";
  client::KioskDesk desk;
  desk.host = args.hub.host;
  desk.port = args.hub.port;
  desk.token = args.token;
  desk.pin = args.pin;
  desk.insecure = args.insecure;
  client::Kiosk kiosk(taxonomy, desk);
  bool shot_taken = false;
  std::string layout;
  int exit_code = 0;
  (*window)->run(
      [&] {
        (void)(*window)->take_zoom_notches();  // the kiosk's size is the organiser's choice
        const std::int64_t now = unix_ms();
        kiosk.update(now);
        client::draw_kiosk(kiosk, now);
        return !shot_taken;
      },
      [&](int width, int height) {
        const std::string screen =
            kiosk.phase() == client::KioskPhase::SignedIn ? "kiosk-visit" : "kiosk-welcome";
        if (!args.layout_dump.empty()) {
          std::string now = client::layout_lines(
              screen, client::drawn_text(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts));
          if (now != layout) replace_file(args.layout_dump, layout = std::move(now));
        }
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (args.screenshot.empty() || elapsed < args.after) return;
        if (const auto saved = (*window)->save_png(args.screenshot, width, height); !saved) {
          std::cerr << "crossmatch: " << saved.error().message << "\n";
          exit_code = 1;
        } else {
          std::cerr << "crossmatch: saved " << args.screenshot << " (" << width << "x" << height
                    << ", " << screen << ")\n";
        }
        shot_taken = true;
      });
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  namespace client = crossmatch::client;
  const auto started = std::chrono::steady_clock::now();
  auto args = client::parse_client_args(argc, argv);
  if (!args) {
    std::cerr << "crossmatch: " << args.error().message << "\n";
    return 2;
  }
  if (args->help) {
    std::cout << client::client_help();
    return 0;
  }
  auto taxonomy = crossmatch::storage::load_taxonomy(crossmatch::storage::default_assets_dir());
  if (!taxonomy) {
    std::cerr << "crossmatch: " << taxonomy.error().message << "\n";
    return 2;
  }

  // The texts of every language, compiled at build time beside the other assets.
  crossmatch::i18n::Catalogues catalogues(crossmatch::storage::default_assets_dir() / "locale",
                                          crossmatch::i18n::Catalogues::system_iso_codes_dir());
  if (args->kiosk) {
    const auto* language = crossmatch::i18n::find_language(args->language);
    catalogues.use(language != nullptr ? *language
                                       : crossmatch::i18n::language_from_environment(std::getenv));
    return run_kiosk(*args, *taxonomy, started);
  }

  std::optional<client::ClientConfig> config;
  const auto folder = args->config_dir.empty()
                          ? client::ClientConfig::default_folder()
                          : std::optional<std::filesystem::path>(args->config_dir);
  if (folder) config = client::ClientConfig::load(*folder);
  client::WindowOptions options;
  if (config) {
    options.width = config->get_int("window_width", options.width);
    options.height = config->get_int("window_height", options.height);
    options.x = config->get_int("window_x", -1);
    options.y = config->get_int("window_y", -1);
    // Screenshots are taken at the default size so that they look the same everywhere.
    if (!args->screenshot.empty()) options = client::WindowOptions{};
    options.layout_file = config->layout_file().string();
  }
  // The big screen fills the projector; its screenshot keeps the usual size.
  options.full_screen = args->screen == "wall" && args->screenshot.empty();
  auto window = client::Window::open(options);
  if (!window) {
    std::cerr << "crossmatch: " << window.error().message << "\n";
    return 2;
  }

  // Operations made offline wait until the hub acknowledges them: in a SQLite file per hub in
  // the config folder, which survives a restart of the app, or in memory without that folder.
  crossmatch::net::MemoryOutbox memory_outbox;
  client::ClientSession session(*taxonomy, memory_outbox);
  if (folder && args->screenshot.empty()) session.keep_outbox_in(*folder);
  client::ClientApp app(session, config ? &*config : nullptr);
  app.speak_from(&catalogues);
  if (!args->screen.empty()) app.open_screen(args->screen);
  if (!args->theme.empty() || args->zoom != 0 || !args->language.empty()) {
    client::Appearance shown = app.appearance();
    if (!args->language.empty()) shown.set_language(args->language);
    if (!args->theme.empty())
      shown.set_theme(args->theme == "dark" ? client::Theme::Dark : client::Theme::Light);
    if (args->zoom != 0) shown.set_zoom_percent(args->zoom);
    app.show_for_this_run(shown);
  }
  (*window)->use_appearance(app.appearance());
  if (args->insecure)
    std::cerr
        << "crossmatch: WARNING: --insecure: no TLS; what you send can be read on the network\n";
  if (args->has_hub && (!args->code.empty() || !args->token.empty())) {
    auto& join = app.join_form();
    join.hub = args->hub.host + ":" + std::to_string(args->hub.port);
    join.code = args->code;
    join.token = args->token;
    join.pin = args->pin;
    join.insecure = args->insecure;
    join.join(args->token.empty() ? client::Credential::Code : client::Credential::Token, session,
              config ? &*config : nullptr);
  } else if (args->has_hub) {
    app.join_form().hub = args->hub.host + ":" + std::to_string(args->hub.port);
    app.join_form().pin = args->pin;
    app.join_form().insecure = args->insecure;
  }

  bool first = true, shot_taken = false;
  std::string layout;  // what --layout-dump last wrote
  int exit_code = 0;
  (*window)->run(
      [&] {
        if (const int notches = (*window)->take_zoom_notches()) app.zoom_by_wheel(notches);
        app.frame(unix_ms());
        (*window)->use_appearance(app.appearance());
        (*window)->set_title(app.window_title());
        return !shot_taken;
      },
      [&](int width, int height) {
        if (!args->layout_dump.empty()) {
          std::string now = client::layout_lines(
              app.current_screen(),
              client::drawn_text(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts));
          if (now != layout) replace_file(args->layout_dump, layout = std::move(now));
        }
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (first) {
          first = false;
          if (elapsed > 0.5 || !args->screenshot.empty()) {
            std::cerr << "crossmatch: first frame after " << static_cast<int>(elapsed * 1000)
                      << " ms\n";
          }
        }
        if (args->screenshot.empty() || elapsed < args->after) return;
        const auto saved = (*window)->save_png(args->screenshot, width, height);
        if (!saved) {
          std::cerr << "crossmatch: " << saved.error().message << "\n";
          exit_code = 1;
        } else {
          std::cerr << "crossmatch: saved " << args->screenshot << " (" << width << "x" << height
                    << ", screen " << app.current_screen() << ")\n";
        }
        shot_taken = true;
      });
  session.disconnect();
  // A full screen's size is the monitor's, not one to open the next window with.
  if (config && args->screenshot.empty() && !options.full_screen) {
    const auto g = (*window)->geometry();
    config->set_int("window_x", g.x);
    config->set_int("window_y", g.y);
    config->set_int("window_width", g.width);
    config->set_int("window_height", g.height);
    if (auto s = config->save(); !s) std::cerr << "crossmatch: " << s.error().message << "\n";
  }
  return exit_code;
}
