// The profile editor: every field with its validation message as the person types, the
// working-style questionnaire, consent; saves as an edit (or registers a newcomer).
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/client/views/participant_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

void text_field(ProfileForm& form, const char* label, const char* field, std::string& value,
                const char* hint = "") {
  ImGui::InputTextWithHint(label, hint, &value);
  field_message(form.message_for(field));
}

template <class E, std::size_t N>
void enum_combo(const char* label, E& value, const E (&options)[N]) {
  if (ImGui::BeginCombo(label, core::label(value))) {
    for (E option : options) {
      if (ImGui::Selectable(core::label(option), option == value)) value = option;
    }
    ImGui::EndCombo();
  }
}

}  // namespace

void draw_profile_view(ClientModels& m) {
  const core::Taxonomy& taxonomy = m.session.taxonomy();
  ProfileForm& form = m.profile;
  const core::Participant* me = m.session.my_record();
  if (!form.loaded()) form.load(me ? me->profile : core::Profile{}, taxonomy);
  core::Profile& p = form.draft();
  const bool registering = m.session.me() == 0;
  if (registering)
    ImGui::TextWrapped(
        "Welcome! Tell the event who you are; your suggestions are ranked from this.");

  ImGui::PushItemWidth(ImGui::GetFontSize() * 18);
  if (ImGui::BeginTable("profile", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    text_field(form, "Name", "display_name", p.display_name);
    text_field(form, "Organisation", "organisation", p.organisation);
    text_field(form, "Job title", "job_title", p.job_title);
    text_field(form, "E-mail", "email", p.email, "name@example.org");
    static constexpr core::ParticipantType kTypes[] = {
        core::ParticipantType::Company, core::ParticipantType::PolicyMaker,
        core::ParticipantType::Intermediary, core::ParticipantType::Researcher};
    enum_combo("Type", p.type, kTypes);
    static constexpr core::CompanySize kSizes[] = {
        core::CompanySize::Solo, core::CompanySize::Micro, core::CompanySize::Small,
        core::CompanySize::Medium, core::CompanySize::Large};
    enum_combo("Size", p.size, kSizes);
    city_combo("City", p.city, taxonomy, false);
    field_message(form.message_for("city"));
    field_message(form.message_for("country"));
    sector_combo("Sector", p.sector, taxonomy, false);
    field_message(form.message_for("sector"));
    text_field(form, "Offers", "offers", form.offers,
               "comma-separated: 3D scanning, export advice");
    text_field(form, "Seeks", "seeks", form.seeks, "comma-separated");
    text_field(form, "Languages", "languages", form.languages, "en, pt");
    text_field(form, "Markets to enter", "target_markets", form.target_markets, "SE, DE");
    text_field(form, "Markets known", "known_markets", form.known_markets, "ES");
    ImGui::Checkbox("Appear in suggestions and teams", &p.consent.suggestions);
    ImGui::Checkbox("Share my e-mail with people I meet", &p.consent.share_contact);

    ImGui::TableNextColumn();
    ImGui::TextUnformatted("How do you like to work?");
    const auto& questions = taxonomy.questions();
    for (std::size_t q = 0; q < questions.size() && q < p.answers.size(); ++q) {
      ImGui::PushID(static_cast<int>(q));
      ImGui::TextWrapped("%s", questions[q].text.c_str());
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
      ImGui::SliderInt("##answer", &p.answers[q], core::kAnswerMin, core::kAnswerMax);
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, muted_colour());
      ImGui::TextWrapped("1: %s; 5: %s", questions[q].low_label.c_str(),
                         questions[q].high_label.c_str());
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
    field_message(form.message_for("answers"));
    ImGui::EndTable();
  }
  ImGui::PopItemWidth();
  form.validate(taxonomy);
  ImGui::Separator();
  ImGui::BeginDisabled(!form.valid());
  if (ImGui::Button(registering ? "Register" : "Save profile")) {
    if (registering) {
      m.submit(core::Register{.profile = form.profile()}, "Registration sent");
    } else {
      m.submit(core::EditProfile{.participant = m.session.me(), .profile = form.profile()},
               "Profile saved");
    }
  }
  ImGui::EndDisabled();
  if (!form.valid()) {
    ImGui::SameLine();
    ImGui::TextColored(error_colour(), "%zu thing%s to fix", form.errors().size(),
                       form.errors().size() == 1 ? "" : "s");
  }
  if (me != nullptr) {
    ImGui::SameLine();
    if (ImGui::Button("Undo changes")) form.load(me->profile, taxonomy);
  }
  draw_erase_panel(m);
}

}  // namespace crossmatch::client
