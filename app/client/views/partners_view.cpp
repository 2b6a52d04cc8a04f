// Suggested partners: filters, a search box and the ranked list (clipped: only visible rows are
// drawn and only their reasons computed).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/client/views/participant_views.hpp"
#include "app/client/views/person_views.hpp"
#include "app/client/views/widgets.hpp"
#include "core/i18n/taxonomy_names.hpp"

namespace crossmatch::client {

void draw_partners_view(ClientModels& m) {
  const core::Taxonomy& taxonomy = m.session.taxonomy();
  const core::EventState& state = m.session.state();
  m.population.refresh(m.session);
  PartnerFilter& f = m.partner_filter;
  const float w = ImGui::GetFontSize() * 10;
  label_left(tr("Sector"));
  ImGui::SetNextItemWidth(w);
  sector_combo("##sector", f.sector, taxonomy, true);
  field_in_row(tr("City"), w);
  city_combo("##city", f.city, taxonomy, true);
  field_in_row(tr("Country"), w);
  country_combo("##country", f.country, taxonomy, true);
  field_in_row(tr("Language"), w * 0.8f);
  language_combo("##language", f.language, taxonomy, true);
  label_left(tr("Search"));
  ImGui::SetNextItemWidth(w * 2);
  input_with_hint("##search", tr("Search names, organisations, offers, seeks"), f.search);
  m.partners.refresh(m.population, state, m.session.me(), m.session.meetings_version(), f);
  // TRANSLATORS: partners shown after the filters, of all those ranked for you
  text_beside(
      format_text(tr("%zu of %zu suggested"), m.partners.size(), m.partners.ranked()).c_str(),
      ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  if (m.session.me() == 0) {
    ImGui::TextWrapped("%s", tr("Register your profile first: suggestions are ranked for you."));
    return;
  }

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable("partners", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("Who"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("Sector, city"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  // TRANSLATORS: column of how well the partner matches you (a bar)
  ImGui::TableSetupColumn(tr("Match"), ImGuiTableColumnFlags_WidthFixed, w * 0.6f);
  // TRANSLATORS: column of the reasons for the suggestion
  ImGui::TableSetupColumn(tr("Why"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  // As wide as the longest of its words in this language, and the button's frame.
  const float link_width =
      std::max({ImGui::CalcTextSize(tr("meeting")).x, ImGui::CalcTextSize(tr("requested")).x,
                ImGui::CalcTextSize(tr("Request")).x}) +
      ImGui::GetStyle().FramePadding.x * 2;
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, link_width);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(m.partners.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const PartnerRow& row = m.partners.row(static_cast<std::size_t>(i));
      const core::Participant* p = state.participant(row.id);
      if (p == nullptr) continue;
      ImGui::PushID(static_cast<int>(row.id));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      person_link(m, row.id, p->profile.display_name);
      ImGui::PushStyleColor(ImGuiCol_Text, muted_colour());
      text_with_tooltip(std::string(core::label(p->profile.type)) + ", " + p->profile.organisation);
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      const core::Sector* sector = taxonomy.sector(p->profile.sector);
      const core::City* city = taxonomy.city(p->profile.city);
      text_with_tooltip(sector ? core::sector_name(*sector) : p->profile.sector);
      ImGui::PushStyleColor(ImGuiCol_Text, muted_colour());
      text_with_tooltip(format_text(tr_ctx("city, country", "%s, %s"),
                                    city ? core::city_name(*city) : p->profile.city.c_str(),
                                    p->profile.country.c_str()));
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      score_bar(row.score, -1);
      ImGui::TableNextColumn();
      const auto& reasons = m.partners.reasons(m.population, row.id);
      // Rows keep one height (two lines) so that the clipper can skip the ones out of view.
      if (reasons.empty()) ImGui::TextDisabled("%s", tr("a balanced match"));
      for (std::size_t r = 0; r < reasons.size() && r < 2; ++r) text_with_tooltip(reasons[r].text);
      if (reasons.size() < 2) ImGui::TextUnformatted("");
      if (ImGui::IsItemHovered() && reasons.size() > 2) {
        ImGui::BeginTooltip();
        for (const auto& reason : reasons) ImGui::BulletText("%s", reason.text.c_str());
        ImGui::EndTooltip();
      }
      ImGui::TableNextColumn();
      if (row.link == PartnerLink::Meeting) {
        // TRANSLATORS: in the partners list: you have a meeting with this person
        ImGui::TextColored(ok_colour(), "%s", tr("meeting"));
      } else if (row.link == PartnerLink::Requested) {
        // TRANSLATORS: in the partners list: you have asked this person for a meeting
        ImGui::TextDisabled("%s", tr("requested"));
        // TRANSLATORS: button that asks this person for a meeting
      } else if (ImGui::SmallButton(tr("Request"))) {
        m.submit(core::RequestMeeting{.from = m.session.me(), .to = row.id},
                 format_text(tr("Request sent to %s"), p->profile.display_name.c_str()));
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace crossmatch::client
