#include "app/client/views/action_views.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/client/views/widgets.hpp"

namespace crossmatch::client {

namespace {

// The confirmation's popup: the same id in every language.
std::string dialog_name() {
  // TRANSLATORS: the title of the dialog that asks before an action that cannot simply be taken
  // back
  return labelled(tr("Please confirm"), "confirm-action");
}

ImVec4 action_colour(ActionState state) {
  switch (state) {
    case ActionState::Refused:
    case ActionState::Failed:
      return error_colour();
    case ActionState::Done:
      return ok_colour();
    case ActionState::None:
    case ActionState::Pending:
      break;
  }
  return muted_colour();
}

}  // namespace

void draw_action_status(ClientModels& m) {
  if (m.action.state == ActionState::None) return;
  ImGui::SameLine();
  ImGui::TextColored(action_colour(m.action.state), "| %s: %s", m.action.badge(),
                     m.action_text().c_str());
  if (ImGui::IsItemHovered() && m.action.failed()) ImGui::SetTooltip("%s", m.action_text().c_str());
  if (m.undo) {
    ImGui::SameLine();
    const int left = static_cast<int>((m.undo_until_ms - m.now_ms + 999) / 1000);
    // TRANSLATORS: a button that takes back the last action; %s says what it does ("Restore the
    // session"), %d the seconds left to do so
    const std::string label = format_text(tr("Undo: %s (%d s)"), m.undo->label.c_str(), left);
    if (ImGui::SmallButton(label.c_str())) m.take_undo();
  }
}

void draw_confirmation(ClientModels& m) {
  const std::string dialog = dialog_name();
  if (m.asking && !ImGui::IsPopupOpen(dialog.c_str())) ImGui::OpenPopup(dialog.c_str());
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  const float font = ImGui::GetFontSize();
  ImGui::SetNextWindowSizeConstraints(ImVec2(font * 22, 0),
                                      ImVec2(font * 44, viewport->WorkSize.y * 0.8f));
  if (!ImGui::BeginPopupModal(dialog.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!m.asking) {  // answered elsewhere (a test, or the action became impossible)
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const Confirmation& c = *m.asking;
  ImGui::PushTextWrapPos(font * 42);
  ImGui::TextUnformatted(c.question.c_str());
  if (!c.consequences.empty()) {
    ImGui::Spacing();
    // TRANSLATORS: above the list of what a confirmed action does ("Cancel 1 accepted meeting")
    ImGui::TextUnformatted(tr("This will:"));
    // Long lists scroll instead of pushing the buttons off the screen.
    float lines = 0;  // as wrapped in the box
    for (const std::string& line : c.consequences)
      lines += std::ceil(ImGui::CalcTextSize(line.c_str()).x / (font * 37));
    const float height = std::min(ImGui::GetTextLineHeightWithSpacing() * lines + font * 1.2f,
                                  viewport->WorkSize.y * 0.5f);
    ImGui::BeginChild("consequences", ImVec2(font * 40, height), true);
    for (const std::string& line : c.consequences) {
      ImGui::Bullet();  // BulletText would not wrap: long lines were cut off at the frame
      ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::EndChild();
  }
  if (!c.undo) ImGui::TextColored(error_colour(), "%s", tr("This cannot be undone."));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  bool close = false;
  if (ImGui::Button(c.confirm_label.c_str())) {
    m.confirm();
    close = true;
  }
  ImGui::SameLine();
  // TRANSLATORS: the button that closes the confirmation and does nothing
  if (ImGui::Button(tr("Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    m.cancel();
    close = true;
  }
  if (close) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace crossmatch::client
