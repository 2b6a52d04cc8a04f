// Announcements: write one for every client; the ones made so far, newest first.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <ctime>

#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {

void draw_announcements_view(ClientModels& m) {
  m.announcements.follow(m.session);
  ImGui::TextUnformatted(tr("A message to everyone at the event"));
  note(tr("Participants see it at once, or when they next open the app; it cannot be taken back."));
  ImGui::InputTextMultiline("##announcement", &m.announcements.text,
                            ImVec2(-1, ImGui::GetFontSize() * 4));
  ImGui::BeginDisabled(m.announcements.text.empty());
  if (ImGui::Button(tr("Announce to everyone..."))) m.ask(m.announcements.confirmation(m.session));
  ImGui::EndDisabled();
  ImGui::Separator();
  const auto& list = m.session.state().announcements;
  if (list.empty()) {
    ImGui::TextDisabled("%s", tr("No announcements yet."));
    return;
  }
  // TRANSLATORS: heading of the announcements made; %zu is how many
  ImGui::Text(tr("Sent so far (%zu), newest first"), list.size());
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    const std::string when = local_day_and_time(it->at);
    ImGui::TextDisabled("%s", when.c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("%s", it->text.c_str());
  }
}

}  // namespace crossmatch::client
