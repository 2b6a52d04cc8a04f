// A broker introduces two people: a search for each (type-ahead by name or organisation), the best
// partner for the first one suggested with its reasons, a note, and a confirmation with Undo; then
// the introductions so far, each withdrawable while it awaits an answer.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <ctime>
#include <optional>

#include "app/client/state/person_profile.hpp"
#include "app/client/state/person_summary.hpp"
#include "app/client/views/broker_views.hpp"
#include "app/client/views/person_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

// One person search: the typed text, and the people it finds below it until one is chosen.
// Returns the chosen person's number when one was clicked, 0 otherwise.
core::ParticipantId person_search(ClientModels& m, const char* id, const char* hint,
                                  std::string& typed, core::ParticipantId chosen,
                                  core::ParticipantId except) {
  ImGui::PushID(id);
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 18, ImGui::GetContentRegionAvail().x));
  const bool entered =
      input_with_hint("##typed", hint, typed, ImGuiInputTextFlags_EnterReturnsTrue);
  core::ParticipantId picked = 0;
  if (chosen != 0 && typed == m.session.name_of(chosen)) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", person_details(m.session, chosen).c_str());
  } else if (!typed.empty()) {
    const auto found = find_people(m.session, typed, 8, except);
    if (found.empty()) ImGui::TextDisabled("%s", tr("Nobody active by that name or organisation."));
    ImGui::Indent();
    for (const core::ParticipantId p : found) {
      ImGui::PushID(static_cast<int>(p));
      const std::string line = m.session.name_of(p) + "  -  " +
                               person_summary(m.session, p).organisation + ", " +
                               person_details(m.session, p);
      if (ImGui::Selectable(line.c_str())) picked = p;
      ImGui::PopID();
    }
    if (!found.empty()) ImGui::TextDisabled("%s", tr("Click one, or press Enter for the first."));
    ImGui::Unindent();
    if (entered && !found.empty()) picked = found.front();
  }
  ImGui::PopID();
  return picked;
}

// A label in a column of its own, so that the form's fields line up: as wide as the longest of
// the form's labels in this language, and at least 7 letters.
void form_label(const char* label) {
  float column = ImGui::GetFontSize() * 7;
  for (const char* each : {tr("First person"), tr("Second person"), tr("Note")})
    column = std::max(column, ImGui::CalcTextSize(each).x + ImGui::GetStyle().ItemSpacing.x * 2);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(column);
}

void draw_form(ClientModels& m) {
  IntroductionForm& form = m.introduction;
  form.settle(m.asking.has_value(), m.action.done_message);
  m.population.refresh(m.session);
  ImGui::TextUnformatted(tr("Introduce two people"));
  form_label(tr("First person"));
  // TRANSLATORS: hint in an empty search field for a person
  if (const auto p = person_search(m, "first", tr("type a name or organisation"), form.first_typed,
                                   form.first, 0))
    form.choose_first(m.session, p);
  if (form.first != 0 && form.first_typed != m.session.name_of(form.first)) form.first = 0;

  // The best partner for the first person, offered with its reasons; the broker decides.
  std::optional<IntroductionSuggestion> best;
  if (form.first != 0) {
    best = best_partner(m.population, m.session.state(), form.first);
    ImGui::Indent();
    if (!best) {
      ImGui::TextDisabled(tr("No suggestion: nobody suits %s right now."),
                          m.session.name_of(form.first).c_str());
    } else {
      // TRANSLATORS: followed by the suggested person's name and score; %s is the first person
      ImGui::TextDisabled(tr("Best match for %s:"), m.session.name_of(form.first).c_str());
      ImGui::SameLine();
      person_link(m, best->partner);
      ImGui::SameLine();
      score_bar(best->score, ImGui::GetFontSize() * 4);
      if (best->partner != form.second) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Use this suggestion")))
          form.choose_second(m.session, best->partner);
      }
      for (const auto& reason : best->reasons) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", reason.c_str());
      }
    }
    ImGui::Unindent();
  }

  form_label(tr("Second person"));
  // TRANSLATORS: hint in an empty search field for a person
  if (const auto p = person_search(m, "second", tr("type a name or organisation"),
                                   form.second_typed, form.second, form.first))
    form.choose_second(m.session, p);
  if (form.second != 0 && form.second_typed != m.session.name_of(form.second)) form.second = 0;
  // The reasons for a second person of the broker's own choice (the suggestion's are above).
  const bool suggested = best && best->partner == form.second;
  if (form.first != 0 && form.second != 0 && form.first != form.second && !suggested) {
    const PersonProfile pair = person_profile(m.session, m.population, form.second, form.first);
    ImGui::Indent();
    if (!pair.why_not.empty()) {
      ImGui::TextWrapped("%s", pair.why_not.c_str());
    } else {
      // TRANSLATORS: followed by the reasons why the two people suit each other
      ImGui::TextDisabled(tr("Why %s and %s:"), m.session.name_of(form.first).c_str(),
                          pair.name.c_str());
      for (const auto& reason : pair.reasons) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", reason.c_str());
      }
      if (pair.reasons.empty())
        ImGui::TextDisabled("%s", tr("nothing stands out: a balanced match"));
    }
    ImGui::Unindent();
  }

  // TRANSLATORS: label of the field for the broker's note to the two people
  form_label(tr("Note"));
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 30, ImGui::GetContentRegionAvail().x));
  input_with_hint("##note", tr("why they should meet (both will read it)"), form.note);
  const std::string problem = form.problem(m.session);
  ImGui::BeginDisabled(!problem.empty());
  if (ImGui::Button(tr("Introduce..."))) {
    Confirmation c = introduce_confirmation(m.session, form.introduction());
    form.asked = c.done_message;
    m.ask(std::move(c));
  }
  ImGui::EndDisabled();
  if (!problem.empty()) {
    // Before both are chosen it is a hint; after, a problem to fix.
    text_beside(problem.c_str(), form.first != 0 && form.second != 0
                                     ? error_colour()
                                     : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  }
}

void draw_past(ClientModels& m) {
  const auto rows = introductions(m.session);
  ImGui::Text(tr("Introductions so far: %zu"), rows.size());
  if (rows.empty()) {
    // TRANSLATORS: no introductions made yet
    ImGui::TextDisabled("%s", tr("None yet."));
    return;
  }
  if (!ImGui::BeginTable(
          "introductions", 5,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable,
          ImVec2(0, ImGui::GetContentRegionAvail().y)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  // TRANSLATORS: column header of the introductions: when it was made
  ImGui::TableSetupColumn(tr("When"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
  // TRANSLATORS: column header of the introductions: the two people introduced
  ImGui::TableSetupColumn(tr("People"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  // TRANSLATORS: column header of the introductions: what became of it
  ImGui::TableSetupColumn(tr("Status"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  // TRANSLATORS: column header of the introductions: the broker's note to the two people
  ImGui::TableSetupColumn(tr("Note"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  // TRANSLATORS: small button that withdraws an introduction (asks first)
  const char* withdraw = tr("Withdraw...");
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize(withdraw).x + ImGui::GetStyle().FramePadding.x * 2);
  ImGui::TableHeadersRow();
  for (const IntroductionRow& row : rows) {
    ImGui::PushID(static_cast<int>(row.meeting));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(local_day_and_time(row.at_ms).c_str());
    ImGui::TableNextColumn();
    person_link(m, row.first);
    ImGui::SameLine();
    // TRANSLATORS: between the names of the two people introduced, each a link
    ImGui::TextUnformatted(tr("and"));
    ImGui::SameLine();
    person_link(m, row.second);
    ImGui::TableNextColumn();
    text_with_tooltip(row.status);
    ImGui::TableNextColumn();
    text_with_tooltip(row.note);
    ImGui::TableNextColumn();
    if (row.withdrawable && ImGui::SmallButton(withdraw))
      m.ask(withdraw_confirmation(m.session, row));
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_introductions_view(ClientModels& m) {
  draw_form(m);
  ImGui::Separator();
  draw_past(m);
}

}  // namespace crossmatch::client
