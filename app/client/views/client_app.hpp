// The client's root view: the join screen until the session has joined, then the status bar and
// the screens of the client's role as tabs, notifications as toasts. One call per frame.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/client/state/appearance.hpp"
#include "app/client/state/client_config.hpp"
#include "app/client/state/client_models.hpp"
#include "app/client/state/join_form.hpp"
#include "app/client/state/language_choice.hpp"

namespace crossmatch::client {

class ClientApp {
 public:
  // `config` may be null (nothing remembered).
  ClientApp(ClientSession& session, ClientConfig* config);

  // Drains the connection, applies to the replica, then draws the whole window.
  void frame(std::int64_t now_ms);

  // The big screen fills the window alone (opened by name, until Esc).
  bool big_screen_alone() const { return wall_; }
  // Opens a screen by name (screen_names()); false when the name is unknown.
  bool open_screen(std::string_view name);
  // The screen drawn in the last frame ("join" before joining).
  const std::string& current_screen() const { return current_; }
  // The window's title: "(3) crossmatch: Event name" with the unread notifications counted, so
  // that they show in the task bar while the window is behind others.
  std::string window_title() const;
  // A tab's label with what waits there: "Requests (2)" (requests awaiting my answer),
  // "Notifications (3)" (unread); the ImGui id is the screen's name whatever the count and the
  // language.
  std::string tab_label(std::string_view screen, const char* label);

  ClientModels& models() { return models_; }
  JoinForm& join_form() { return join_; }

  // The theme and zoom, loaded from the config and saved there whenever they change.
  const Appearance& appearance() const { return appearance_; }
  Appearance& appearance() { return appearance_; }
  // Shows `appearance` without remembering it (--theme, --zoom); a later change is remembered.
  void show_for_this_run(const Appearance& appearance);
  // A Ctrl+wheel of `notches` (the window reports them).
  void zoom_by_wheel(int notches);
  // The catalogues the languages are read from (none: English only); each frame then speaks
  // the language the appearance names.
  void speak_from(i18n::Catalogues* catalogues) { languages_ = LanguageChoice(catalogues); }
  LanguageChoice& languages() { return languages_; }

 private:
  void draw_menu_bar();
  void remember_appearance();
  void draw_join();
  // The big screen without tabs or menu, for a projector; Esc goes back to the tabs.
  bool shows_wall() const;
  void draw_wall_alone();
  void draw_status_bar();
  void draw_screens();
  void draw_notifications();
  void draw_toasts();

  ClientSession& session_;
  ClientConfig* config_;
  ClientModels models_;
  JoinForm join_;
  Appearance appearance_;
  unsigned saved_appearance_ = 0;  // appearance_.version() last saved
  LanguageChoice languages_;
  std::string wanted_;        // a screen to select in the next frame
  bool registering_ = false;  // a newcomer was filling in the profile last frame
  bool wall_ = false;         // the big screen alone (opened with --screen wall)
  std::string current_;
};

// Every screen's name, from the table the tabs are drawn from, in tab order (the notifications,
// and the join screen shown before joining, last): for --screen and tests.
std::vector<std::string> screen_names();
bool is_screen_name(std::string_view name);

}  // namespace crossmatch::client
