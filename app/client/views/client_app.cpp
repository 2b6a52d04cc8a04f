#include "app/client/views/client_app.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/client/views/action_views.hpp"
#include "app/client/views/broker_views.hpp"
#include "app/client/views/join_view.hpp"
#include "app/client/views/organiser_views.hpp"
#include "app/client/views/participant_views.hpp"
#include "app/client/views/person_views.hpp"
#include "app/client/views/pitch_and_clinic_views.hpp"
#include "app/client/views/view_menu.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

// Which roles see a screen, as bits.
constexpr unsigned kParticipant = 1, kOrganiser = 2, kBroker = 4, kHelper = 8;

unsigned role_bit(core::Role role) {
  switch (role) {
    case core::Role::Participant:
      return kParticipant;
    case core::Role::Organiser:
      return kOrganiser;
    case core::Role::Broker:
      return kBroker;
    case core::Role::Helper:
      return kHelper;
  }
  return 0;
}

struct ScreenEntry {
  const char* name;
  const char* label;
  unsigned roles;
  void (*draw)(ClientModels&);
};

// In tab order per role. The pitching and clinic screens are every role's, placed where each role
// looks for them. Organisers see the broker's screens too: they run the event and watch it.
// Notifications are a screen of every role, drawn by ClientApp itself. The labels are English,
// translated where the tabs are drawn (tab_label).
constexpr ScreenEntry kScreens[] = {
    {"partners", tr_noop("Partners"), kParticipant, draw_partners_view},
    {"requests", tr_noop("Requests"), kParticipant, draw_requests_view},
    {"agenda", tr_noop("Agenda"), kParticipant, draw_agenda_view},
    {"team", tr_noop("My team"), kParticipant, draw_team_view},
    {"pitch", tr_noop("Pitches"), kParticipant, draw_pitch_view},
    {"clinic", tr_noop("Policy clinic"), kParticipant, draw_clinic_view},
    {"feedback", tr_noop("Feedback"), kParticipant, draw_feedback_view},
    {"profile", tr_noop("Profile"), kParticipant, draw_profile_view},
    // TRANSLATORS: a tab: the organiser's settings of the event (name, days, sessions)
    {"event", tr_noop("Event"), kOrganiser, draw_event_view},
    {"checkin", tr_noop("Check-in"), kOrganiser | kHelper, draw_check_in_view},
    {"matching", tr_noop("Matching"), kOrganiser, draw_matching_view},
    {"schedule", tr_noop("Auto-schedule"), kOrganiser, draw_schedule_view},
    {"round", tr_noop("Team round"), kOrganiser, draw_round_view},
    {"pitch", tr_noop("Pitches"), kOrganiser, draw_pitch_view},
    {"clinic", tr_noop("Policy clinic"), kOrganiser, draw_clinic_view},
    {"announcements", tr_noop("Announcements"), kOrganiser, draw_announcements_view},
    {"exports", tr_noop("Exports"), kOrganiser, draw_exports_view},
    {"statistics", tr_noop("Statistics"), kOrganiser, draw_statistics_view},
    // TRANSLATORS: a tab: what a projector shows the room (the next meetings, the rounds)
    {"wall", tr_noop("Big screen"), kBroker | kOrganiser, draw_wall_view},
    // TRANSLATORS: a tab where brokers and organisers watch the meetings as they happen
    {"monitor", tr_noop("Monitor"), kBroker | kOrganiser, draw_monitor_view},
    {"network", tr_noop("Network"), kBroker | kOrganiser, draw_network_view},
    {"unmatched", tr_noop("No meeting yet"), kBroker | kOrganiser, draw_unmatched_view},
    {"introductions", tr_noop("Introductions"), kBroker | kOrganiser, draw_introductions_view},
    {"pitch", tr_noop("Pitches"), kBroker, draw_pitch_view},
    {"clinic", tr_noop("Policy clinic"), kBroker, draw_clinic_view},
};

bool shown_to(const ScreenEntry& s, core::Role role) {
  return (s.roles & role_bit(role)) != 0;
}

// The role beside the event's name, for those who are not a participant.
const char* role_label(core::Role role) {
  switch (role) {
    case core::Role::Organiser:
      // TRANSLATORS: a role at the event, shown after the event's name in the status bar
      return tr("organiser");
    case core::Role::Broker:
      // TRANSLATORS: a role at the event (who introduces people), shown in the status bar
      return tr("broker");
    case core::Role::Participant:
      // TRANSLATORS: a role at the event, shown in the status bar
      return tr("participant");
    case core::Role::Helper:
      // TRANSLATORS: a role at the event (who helps at the check-in desk), shown in the status bar
      return tr("helper");
  }
  return tr("participant");
}

ImVec4 link_colour(LinkStatus status) {
  switch (status) {
    case LinkStatus::Online:
      return ok_colour();
    case LinkStatus::Connecting:
    case LinkStatus::Reconnecting:
      return warning_colour();
    case LinkStatus::Offline:
      return error_colour();
  }
  return muted_colour();
}

}  // namespace

std::vector<std::string> screen_names() {
  std::vector<std::string> names;
  for (const auto& s : kScreens) {
    if (std::find(names.begin(), names.end(), s.name) == names.end()) names.push_back(s.name);
  }
  names.push_back("notifications");
  names.push_back("join");
  return names;
}

bool is_screen_name(std::string_view name) {
  const auto names = screen_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

ClientApp::ClientApp(ClientSession& session, ClientConfig* config)
    : session_(session), config_(config), models_(session) {
  if (config_ != nullptr) {
    join_.load(*config_);
    appearance_ = Appearance::load(*config_);
  }
  saved_appearance_ = appearance_.version();
}

void ClientApp::show_for_this_run(const Appearance& appearance) {
  appearance_ = appearance;
  saved_appearance_ = appearance_.version();
}

void ClientApp::zoom_by_wheel(int notches) {
  appearance_.zoom_by_wheel(notches);
  remember_appearance();
}

void ClientApp::remember_appearance() {
  if (appearance_.version() == saved_appearance_) return;
  saved_appearance_ = appearance_.version();
  if (config_ == nullptr) return;
  appearance_.store(*config_);
  (void)config_->save();  // not remembered is no reason to stop: the app works on as it is
}

void ClientApp::draw_menu_bar() {
  if (!ImGui::BeginMenuBar()) return;
  draw_view_menu(appearance_, languages_);
  ImGui::EndMenuBar();
}

std::string ClientApp::window_title() const {
  if (!session_.joined()) return "crossmatch";
  const int unread = session_.notifications().unread();
  std::string title = unread ? "(" + std::to_string(unread) + ") crossmatch" : "crossmatch";
  const std::string& event = session_.state().event.name;
  return event.empty() ? title : title + ": " + event;
}

std::string ClientApp::tab_label(std::string_view screen, const char* label) {
  int waiting = 0;
  if (screen == "requests") {
    models_.meetings.refresh(session_);
    waiting = static_cast<int>(models_.meetings.incoming().size());
  } else if (screen == "notifications") {
    waiting = session_.notifications().unread();
  }
  // The screen's name is the tab's id, so that the selected tab stays when the language changes.
  const std::string id(screen);
  if (waiting > 0) return format_text("%s (%d)###%s", tr(label), waiting, id.c_str());
  return labelled(tr(label), id.c_str());
}

bool ClientApp::open_screen(std::string_view name) {
  if (!is_screen_name(name)) return false;
  wanted_ = std::string(name);
  // Opened by name, the big screen fills the window alone (Esc goes back to the tabs).
  wall_ = name == "wall";
  return true;
}

void ClientApp::frame(std::int64_t now_ms) {
  languages_.apply(appearance_);
  session_.update(now_ms);
  models_.follow(now_ms);
  join_.remember_token(session_, config_);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  // Saved settings stay on, so that column widths are kept in the layout file.
  const bool wall_alone = wall_ && session_.joined() && shows_wall();
  ImGui::Begin("crossmatch", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoBringToFrontOnFocus |
                   (wall_alone ? 0 : ImGuiWindowFlags_MenuBar));
  handle_zoom_keys(appearance_);
  if (!wall_alone) draw_menu_bar();
  remember_appearance();
  if (!session_.joined()) {
    current_ = "join";
    draw_join();
  } else if (wall_alone) {
    current_ = "wall";
    draw_wall_alone();
  } else {
    draw_status_bar();
    draw_screens();
    draw_confirmation(models_);
  }
  ImGui::End();
  if (session_.joined()) draw_person_profile(models_);
  draw_toasts();
}

bool ClientApp::shows_wall() const {
  const core::Role role = session_.role();
  return role == core::Role::Organiser || role == core::Role::Broker;
}

void ClientApp::draw_wall_alone() {
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    wall_ = false;
    wanted_ = "wall";
    return;
  }
  ImGui::BeginChild("wall", ImVec2(0, -ImGui::GetTextLineHeightWithSpacing()), false);
  draw_wall_view(models_);
  ImGui::EndChild();
  const LinkSummary link = session_.link();
  // TRANSLATORS: under the big screen shown alone: the Esc key goes back to the other screens
  ImGui::TextDisabled("%s", tr("Esc: the other screens"));
  if (link.status != LinkStatus::Online) {
    ImGui::SameLine();
    ImGui::TextColored(link_colour(link.status), "| %s", link.text().c_str());
  }
}

void ClientApp::draw_join() {
  // The language first: a newcomer may not read the rest in the one the system chose.
  language_combo(appearance_, languages_);
  draw_join_view(join_, session_, config_);
}

void ClientApp::draw_status_bar() {
  const core::EventState& state = session_.state();
  ImGui::TextUnformatted(state.event.name.c_str());
  ImGui::SameLine();
  const std::string who =
      session_.role() == core::Role::Participant
          // TRANSLATORS: in the status bar, a participant who has not registered yet
          ? (session_.me() ? session_.name_of(session_.me()) : std::string(tr("newcomer")))
          : std::string(role_label(session_.role()));
  ImGui::TextDisabled("| %s", who.c_str());
  const LinkSummary link = session_.link();
  ImGui::SameLine();
  ImGui::TextColored(link_colour(link.status), "| %s", link.text().c_str());
  if (link.status != LinkStatus::Online && !link.reason.empty() && ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", link.reason.c_str());
  }
  // The next team round, counted down on every client.
  std::int64_t next = 0;
  std::string round;
  for (const auto& [id, r] : state.rounds) {
    const std::int64_t start = session_.session_start_ms(r.session);
    if (start > models_.now_ms && (next == 0 || start < next)) next = start, round = r.name;
  }
  if (next != 0) {
    ImGui::SameLine();
    const std::string soon =
        // TRANSLATORS: the next team round and the time until it: "Team round 2 in 04:12"
        format_text(tr("%s in %s"), round.c_str(), countdown(models_.now_ms, next).c_str());
    ImGui::TextColored(ok_colour(), "| %s", soon.c_str());
  }
  draw_action_status(models_);
}

void ClientApp::draw_screens() {
  const core::Role role = session_.role();
  const bool newcomer = role == core::Role::Participant && session_.me() == 0;
  if (newcomer && wanted_.empty() && current_ != "profile") {
    wanted_ = "profile";  // a newcomer registers first
  }
  // Registered: the suggested partners are what the person came for.
  if (registering_ && !newcomer && role == core::Role::Participant && current_ == "profile" &&
      wanted_.empty())
    wanted_ = "partners";
  registering_ = newcomer;
  if (!models_.go_to.empty()) {
    wanted_ = models_.go_to;
    models_.go_to.clear();
  }
  // Whole labels at any zoom: tabs that do not fit scroll (arrows at the end) instead of being
  // cut to "Match...".
  if (!ImGui::BeginTabBar("screens", ImGuiTabBarFlags_FittingPolicyScroll)) return;
  for (const auto& s : kScreens) {
    if (!shown_to(s, role)) continue;
    const ImGuiTabItemFlags flags = wanted_ == s.name ? ImGuiTabItemFlags_SetSelected : 0;
    if (ImGui::BeginTabItem(tab_label(s.name, s.label).c_str(), nullptr, flags)) {
      current_ = s.name;
      // Flattened, so that the arrow keys move from the tabs into the screen and back.
      ImGui::BeginChild("screen", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
      s.draw(models_);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
  }
  const std::string label = tab_label("notifications", tr_noop("Notifications"));
  const ImGuiTabItemFlags flags = wanted_ == "notifications" ? ImGuiTabItemFlags_SetSelected : 0;
  if (ImGui::BeginTabItem(label.c_str(), nullptr, flags)) {
    current_ = "notifications";
    draw_notifications();
    ImGui::EndTabItem();
  }
  wanted_.clear();
  ImGui::EndTabBar();
}

void ClientApp::draw_notifications() {
  Notifications& notes = session_.notifications();
  ImGui::BeginDisabled(notes.unread() == 0);
  if (ImGui::Button(tr("Mark all read"))) notes.mark_all_read();
  ImGui::EndDisabled();
  ImGui::Separator();
  const auto& all = notes.all();
  if (all.empty())
    note(tr("Nothing yet: requests, answers, announcements and reminders appear here."));
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    // Unread ones say so in words too, not only in colour.
    if (it->read) {
      ImGui::TextColored(muted_colour(), "%s", label(it->kind));
    } else {
      // TRANSLATORS: an unread notification's kind: "new: Request"
      ImGui::TextColored(ok_colour(), tr("new: %s"), label(it->kind));
    }
    ImGui::SameLine();
    ImGui::TextWrapped("%s", it->text.c_str());
  }
}

void ClientApp::draw_toasts() {
  const auto toasts = session_.notifications().toasts(models_.now_ms);
  if (toasts.empty()) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float pad = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - pad,
                                 viewport->WorkPos.y + viewport->WorkSize.y - pad),
                          ImGuiCond_Always, ImVec2(1.0f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.92f);
  ImGui::SetNextWindowSizeConstraints(ImVec2(pad * 14, 0), ImVec2(pad * 26, viewport->WorkSize.y));
  ImGui::Begin("##toasts", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
  for (const Notification* n : toasts) {
    ImGui::TextColored(ok_colour(), "%s", label(n->kind));
    ImGui::SameLine();
    ImGui::PushTextWrapPos(pad * 25);
    ImGui::TextUnformatted(n->text.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

}  // namespace crossmatch::client
