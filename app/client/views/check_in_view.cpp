// The check-in desk: a code typed or scanned (a scanner types it and Enter), who arrived or why
// not, the arrival count, and a walk-in registered on the spot.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

ImVec4 verdict_colour(DeskVerdict verdict) {
  switch (verdict) {
    case DeskVerdict::Arrived:
      return ok_colour();
    case DeskVerdict::Warning:
      return warning_colour();
    case DeskVerdict::Refused:
      return error_colour();
    case DeskVerdict::None:
    case DeskVerdict::Waiting:
      break;
  }
  return muted_colour();
}

void draw_walk_in(ClientModels& m) {
  CheckInDesk& desk = m.check_in;
  if (!desk.walk_in.loaded()) desk.start_walk_in(m.session);
  ProfileForm& form = desk.walk_in;
  core::Profile& p = form.draft();
  const core::Taxonomy& taxonomy = m.session.taxonomy();
  // TRANSLATORS: the hint in the empty name field of a walk-in: the name as printed on the badge
  const char* name_hint = tr("as on the badge");
  input_with_hint(labelled(tr("Name"), "walk_in-name").c_str(), name_hint, p.display_name);
  field_message_line(form.shown_message("display_name"));
  ImGui::InputText(labelled(tr("Organisation"), "walk_in-organisation").c_str(), &p.organisation);
  field_message_line(form.shown_message("organisation"));
  input_with_hint(labelled(tr("E-mail"), "walk_in-email").c_str(), "name@example.org", p.email);
  field_message_line(form.shown_message("email"));
  // TRANSLATORS: the type of participant: company, policy maker, intermediary or researcher
  if (ImGui::BeginCombo(labelled(tr("Type"), "walk_in-type").c_str(), core::label(p.type))) {
    for (const core::ParticipantType t :
         {core::ParticipantType::Company, core::ParticipantType::PolicyMaker,
          core::ParticipantType::Intermediary, core::ParticipantType::Researcher}) {
      if (ImGui::Selectable(core::label(t), t == p.type)) p.type = t;
    }
    ImGui::EndCombo();
  }
  std::string city = p.city;
  if (city_combo(labelled(tr("City"), "walk_in-city").c_str(), city, taxonomy, false))
    form.set_city(city, taxonomy);
  field_message_line(form.shown_message("city"));
  sector_combo(labelled(tr("Sector"), "walk_in-sector").c_str(), p.sector, taxonomy, false);
  field_message_line(form.shown_message("sector"));
  std::string language = p.languages.empty() ? std::string() : p.languages.front();
  if (language_combo(labelled(tr("Language"), "walk_in-language").c_str(), language, taxonomy,
                     false))
    p.languages = {language};
  field_message_line(form.shown_message("languages"));
  if (ImGui::Button(tr("Register and check in"))) (void)desk.register_walk_in(m.session);
}

}  // namespace

void draw_check_in_view(ClientModels& m) {
  CheckInDesk& desk = m.check_in;
  desk.follow(m.session);
  const ArrivalCounts counts = CheckInDesk::counts(m.session.state());
  ImGui::Text(
      tr_n("Arrived: %d of %d participant", "Arrived: %d of %d participants", counts.expected),
      counts.arrived, counts.expected);
  ImGui::Separator();
  ImGui::TextUnformatted(tr("Check-in code (type it, or scan the badge's QR code)"));
  // The field keeps the keyboard, so that a scanner's code and Enter land in it.
  if (!ImGui::IsAnyItemActive() && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
    ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  const bool entered =
      input_with_hint("##check_in_code", "ABCD-EFGH", desk.typed,
                      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsUppercase);
  ImGui::SameLine();
  // TRANSLATORS: button that checks in the person whose code was typed or scanned
  if (ImGui::Button(tr("Check in")) || entered) desk.check_in(m.session);
  const DeskMessage& message = desk.message();
  if (message.verdict != DeskVerdict::None) {
    ImGui::Spacing();
    ImGui::SetWindowFontScale(1.6f);
    ImGui::PushStyleColor(ImGuiCol_Text, verdict_colour(message.verdict));
    ImGui::TextWrapped("%s", message.headline.c_str());
    ImGui::PopStyleColor();
    ImGui::SetWindowFontScale(1.0f);
    if (!message.details.empty()) ImGui::TextWrapped("%s", message.details.c_str());
  }
  ImGui::Spacing();
  ImGui::Separator();
  // TRANSLATORS: a heading that opens: a form for someone who comes without having registered
  if (ImGui::CollapsingHeader(labelled(tr("Register a walk-in"), "walk-in").c_str()))
    draw_walk_in(m);
}

}  // namespace crossmatch::client
