#include "app/client/views/person_views.hpp"

#include <imgui.h>

#include "app/client/state/person_profile.hpp"
#include "app/client/state/person_summary.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

void bullet_list(const char* label, const std::vector<std::string>& items) {
  if (items.empty()) return;
  ImGui::TextDisabled("%s", label);
  ImGui::Indent();
  std::string line;
  for (const auto& item : items) line += (line.empty() ? "" : ", ") + item;
  ImGui::TextWrapped("%s", line.c_str());
  ImGui::Unindent();
}

void field(const char* label, const std::string& value) {
  if (value.empty()) return;
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine(ImGui::GetFontSize() * 7);
  ImGui::TextWrapped("%s", value.c_str());
}

}  // namespace

void person_link(ClientModels& m, core::ParticipantId id, const std::string& text) {
  const std::string shown = text.empty() ? m.session.name_of(id) : text;
  ImGui::PushID(static_cast<int>(id));
  ImGui::PushID("person");
  ImGui::PushStyleColor(ImGuiCol_Text, link_colour());
  const ImVec2 size = ImGui::CalcTextSize(shown.c_str());
  if (ImGui::Selectable(shown.c_str(), m.profile_person == id, ImGuiSelectableFlags_None, size))
    m.show_profile(id);
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) {
    // Underlined, as links are, so that it does not depend on colour alone.
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y), max,
                                        ImGui::GetColorU32(link_colour()));
    ImGui::SetTooltip("%s\n%s\n%s\n%s", shown.c_str(), person_details(m.session, id).c_str(),
                      person_summary(m.session, id).organisation.c_str(),
                      tr("Click for the full profile."));
  }
  ImGui::PopID();
  ImGui::PopID();
}

void text_with_tooltip(const std::string& text) {
  const float room = ImGui::GetContentRegionAvail().x;
  const bool fits = ImGui::CalcTextSize(text.c_str()).x <= room;
  ImGui::TextUnformatted(fits ? text.c_str() : fitted_text(text, room).c_str());
  if (!fits && ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void draw_person_profile_fields(ClientModels& m, const PersonProfile& p) {
  ImGui::TextUnformatted(p.name.c_str());
  if (!p.type.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", p.type.c_str());
  }
  if (!p.known) {
    ImGui::TextWrapped("%s", tr("This person's profile is not in this app's copy of the event."));
    return;
  }
  field(tr("Organisation"), p.organisation);
  field(tr("Job title"), p.job_title);
  field(tr("Sector"), p.sector);
  field(tr("City"), p.city);
  field(tr("Country"), p.country);
  // TRANSLATORS: the size of a company (its number of employees)
  field(tr("Size"), p.size);
  field(tr("Status"), p.status);
  field(tr("E-mail"), p.email);
  ImGui::Separator();
  // TRANSLATORS: what the person offers to partners
  bullet_list(tr("Offers"), p.offers);
  // TRANSLATORS: what the person seeks from partners
  bullet_list(tr("Seeks"), p.seeks);
  bullet_list(tr("Markets they target"), p.target_markets);
  bullet_list(tr("Markets they know"), p.known_markets);
  bullet_list(tr("Languages"), p.languages);
  bullet_list(tr("Working style"), p.working_style);
  if (p.relative_to == 0) return;
  ImGui::Separator();
  if (p.relative_to == m.session.me()) {
    // TRANSLATORS: heading of the reasons why this person is suggested to the reader
    ImGui::Text(tr("Why %s and you"), p.name.c_str());
  } else {
    // TRANSLATORS: heading of the reasons why these two people are suggested to each other
    ImGui::Text(tr("Why %s and %s"), p.name.c_str(), m.session.name_of(p.relative_to).c_str());
  }
  if (p.score >= 0) score_bar(p.score, -1);
  for (const auto& r : p.reasons) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", r.c_str());
  }
  if (p.reasons.empty() && p.score >= 0) ImGui::TextDisabled("%s", tr("a balanced match"));
  if (!p.why_not.empty()) ImGui::TextWrapped("%s", p.why_not.c_str());
}

void draw_person_profile(ClientModels& m) {
  if (m.profile_person == 0) return;
  m.population.refresh(m.session);
  const PersonProfile p =
      person_profile(m.session, m.population, m.profile_person, m.profile_relative_to);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float width = ImGui::GetFontSize() * 24;
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - width,
                                 viewport->WorkPos.y + ImGui::GetFrameHeightWithSpacing() * 2),
                          ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(width, viewport->WorkSize.y * 0.8f), ImGuiCond_Appearing);
  bool open = true;
  const std::string title = p.name + "###person_profile";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
    draw_person_profile_fields(m, p);
    ImGui::Spacing();
    if (ImGui::Button(tr("Close"))) open = false;
  }
  ImGui::End();
  if (!open) m.profile_person = 0;
}

}  // namespace crossmatch::client
