// The profile editor: every field with a line kept under it for its validation message (shown
// once the field was left or a submit tried, so nothing jumps as messages come and go), pickers
// with search for the city, country, languages and markets, the working-style questionnaire,
// consent; saves as an edit (or registers a newcomer).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <initializer_list>

#include "app/client/state/registration_claim.hpp"
#include "app/client/views/participant_views.hpp"
#include "app/client/views/type_ahead_picker_view.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

struct FieldLabel {
  std::string_view field;
  const char* label;
};
// The fields' labels, in the form's order, for the list of what to fix (English, translated where
// they are shown).
constexpr FieldLabel kFieldLabels[] = {
    {"display_name", tr_noop("Name")},
    {"organisation", tr_noop("Organisation")},
    {"job_title", tr_noop("Job title")},
    {"email", tr_noop("E-mail")},
    // TRANSLATORS: the kind of participant (company, policy maker, intermediary, researcher)
    {"type", tr_noop("Type")},
    {"city", tr_noop("City")},
    {"country", tr_noop("Country")},
    {"sector", tr_noop("Sector")},
    {"offers", tr_noop("Offers")},
    {"seeks", tr_noop("Seeks")},
    {"languages", tr_noop("Languages")},
    {"target_markets", tr_noop("Markets to enter")},
    {"known_markets", tr_noop("Markets known")},
    {"answers", tr_noop("Working style")},
};

std::string fields_to_fix(const ProfileForm& form) {
  std::string out;
  for (const FieldLabel& f : kFieldLabels) {
    if (form.message_for(f.field).empty()) continue;
    out += (out.empty() ? "" : ", ") + std::string(tr(f.label));
  }
  return out;
}

void text_field(ProfileForm& form, const char* label, const char* field, std::string& value,
                const char* hint = "") {
  input_with_hint(label, hint, value);
  if (ImGui::IsItemActive()) form.note_active(field);
  field_message_line(form.shown_message(field));
}

template <class E, std::size_t N>
void enum_combo(const char* label, E& value, const E (&options)[N]) {
  const std::string preview = combo_preview(core::label(value));
  if (ImGui::BeginCombo(label, preview.c_str())) {
    for (E option : options) {
      if (ImGui::Selectable(core::label(option), option == value)) value = option;
    }
    ImGui::EndCombo();
  } else if (preview != core::label(value) && ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", core::label(value));
  }
}

// The fields' width: as wide as 18 letters, less when the column would then cut the longest
// label beside them (a long translation, a large zoom), never under 8 letters.
float field_width(std::initializer_list<const char*> labels) {
  float widest = 0;
  for (const char* label : labels) widest = std::max(widest, ImGui::CalcTextSize(label).x);
  const float room =
      ImGui::GetContentRegionAvail().x - widest - ImGui::GetStyle().ItemInnerSpacing.x;
  const float em = ImGui::GetFontSize();
  return std::clamp(room, em * 8, em * 18);
}

void list_field(ProfileForm& form, const char* label, const char* field, TypeAheadPicker& picker,
                std::vector<std::string>& values, std::size_t max) {
  if (pick_many(label, picker, values, max)) form.touch(field);
  field_message_line(form.shown_message(field));
}

}  // namespace

void draw_profile_view(ClientModels& m) {
  const core::Taxonomy& taxonomy = m.session.taxonomy();
  ProfileForm& form = m.profile;
  const core::Participant* me = m.session.my_record();
  if (!form.loaded()) form.load(me ? me->profile : core::Profile{}, taxonomy, m.session.state());
  form.follow_language(taxonomy, m.session.state());
  core::Profile& p = form.draft();
  const bool registering = m.session.me() == 0;
  if (registering)
    ImGui::TextWrapped(
        "%s", tr("Welcome! Tell the event who you are; your suggestions are ranked from this."));

  // The fields scroll; Register / Save stays in view below them, however small the window or
  // long the lists chosen. The footer's height is measured as it is drawn, for the next frame.
  static float footer_height = ImGui::GetFrameHeightWithSpacing() * 2;
  const float fields_height = std::max(ImGui::GetFrameHeightWithSpacing() * 4,
                                       ImGui::GetContentRegionAvail().y - footer_height);
  ImGui::BeginChild("profile-fields", ImVec2(0, fields_height), false,
                    ImGuiWindowFlags_NavFlattened);
  if (ImGui::BeginTable("profile", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    ImGui::PushItemWidth(
        field_width({tr("Name"), tr("Organisation"), tr("Job title"), tr("E-mail"), tr("Type"),
                     tr("Size"), tr("City"), tr("Country"), tr("Sector"), tr("Offers"), tr("Seeks"),
                     tr("Languages"), tr("Markets to enter"), tr("Markets known")}));
    text_field(form, tr("Name"), "display_name", p.display_name);
    text_field(form, tr("Organisation"), "organisation", p.organisation);
    text_field(form, tr("Job title"), "job_title", p.job_title);
    text_field(form, tr("E-mail"), "email", p.email,
               // TRANSLATORS: an example e-mail address shown in the empty E-mail field
               tr("name@example.org"));
    static constexpr core::ParticipantType kTypes[] = {
        core::ParticipantType::Company, core::ParticipantType::PolicyMaker,
        core::ParticipantType::Intermediary, core::ParticipantType::Researcher};
    // TRANSLATORS: the kind of participant (company, policy maker, intermediary, researcher)
    enum_combo(tr("Type"), p.type, kTypes);
    static constexpr core::CompanySize kSizes[] = {
        core::CompanySize::Solo, core::CompanySize::Micro, core::CompanySize::Small,
        core::CompanySize::Medium, core::CompanySize::Large};
    // TRANSLATORS: the size of the participant's company (solo, micro, small...)
    enum_combo(tr("Size"), p.size, kSizes);
    std::string city = p.city;
    if (pick_one(tr("City"), form.city_picker, city)) {
      form.set_city(city, taxonomy);
      form.touch("city");
    }
    field_message_line(form.shown_message("city"));
    std::string country = p.country;
    if (pick_one(tr("Country"), form.country_picker, country)) {
      form.set_country(country, taxonomy);
      form.touch("country");
    }
    field_message_line(form.shown_message("country"));
    if (sector_combo(tr("Sector"), p.sector, taxonomy, false)) form.touch("sector");
    field_message_line(form.shown_message("sector"));
    // TRANSLATORS: what the person offers to others; the hint shows two examples
    text_field(form, tr("Offers"), "offers", form.offers,
               tr("comma-separated: 3D scanning, export advice"));
    // TRANSLATORS: what the person looks for in others
    text_field(form, tr("Seeks"), "seeks", form.seeks, tr("comma-separated"));
    list_field(form, tr("Languages"), "languages", form.language_picker, p.languages,
               core::kMaxLanguages);
    list_field(form, tr("Markets to enter"), "target_markets", form.market_picker, p.target_markets,
               core::kMaxMarkets);
    list_field(form, tr("Markets known"), "known_markets", form.market_picker, p.known_markets,
               core::kMaxMarkets);
    ImGui::Checkbox(tr("Appear in suggestions and teams"), &p.consent.suggestions);
    ImGui::Checkbox(tr("Share my e-mail with people I meet"), &p.consent.share_contact);
    ImGui::PopItemWidth();

    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr("How do you like to work?"));
    const auto& questions = taxonomy.questions();
    for (std::size_t q = 0; q < questions.size() && q < p.answers.size(); ++q) {
      ImGui::PushID(static_cast<int>(q));
      ImGui::TextWrapped("%s", tr_ctx("questionnaire: question", questions[q].text.c_str()));
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
      ImGui::SliderInt("##answer", &p.answers[q], core::kAnswerMin, core::kAnswerMax);
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, muted_colour());
      ImGui::TextWrapped(
          "1: %s; 5: %s",
          tr_ctx("questionnaire: what an answer of 1 means", questions[q].low_label.c_str()),
          tr_ctx("questionnaire: what an answer of 5 means", questions[q].high_label.c_str()));
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
    field_message(form.message_for("answers"));
    ImGui::EndTable();
  }
  ImGui::EndChild();
  const float footer_top = ImGui::GetCursorPosY();
  form.end_frame();
  form.validate(taxonomy);
  ImGui::Separator();
  if (ImGui::Button(registering ? tr("Register") : tr("Save profile")) &&
      form.attempt_submit(taxonomy)) {
    if (registering) {
      m.submit(core::Register{.profile = form.profile(), .claim = new_registration_claim()},
               // TRANSLATORS: the status line once the hub took the registration
               tr("Registered"));
    } else {
      m.submit(core::EditProfile{.participant = m.session.me(), .profile = form.profile()},
               tr("Profile saved"));
    }
  }
  if (me != nullptr) {
    ImGui::SameLine();
    if (ImGui::Button(tr("Undo changes"))) form.load(me->profile, taxonomy, m.session.state());
  }
  if (form.submit_attempted() && !form.valid()) {
    const std::size_t errors = form.errors().size();
    text_beside(format_text(
                    // TRANSLATORS: %zu is how many fields are wrong, %s the fields' names
                    // ("E-mail, City")
                    tr_n("Not sent: %zu thing to fix in %s (marked above).",
                         "Not sent: %zu things to fix in %s (marked above).", errors),
                    errors, fields_to_fix(form).c_str())
                    .c_str(),
                error_colour());
  }
  draw_erase_panel(m);
  footer_height = ImGui::GetCursorPosY() - footer_top;
}

}  // namespace crossmatch::client
