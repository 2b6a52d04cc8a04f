// The policy clinic: its workshop tables and their themes; a participant picks the themes they
// care about; the organiser adds tables and forms them; each member sees their table, its theme,
// the others at it (type, sector, country) and why; each table's outcome is recorded and shown.
//
// [SECTION] Themes   [SECTION] Setting up (organiser)   [SECTION] Tables and outcomes
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/client/state/person_summary.hpp"
#include "app/client/views/person_views.hpp"
#include "app/client/views/pitch_and_clinic_views.hpp"
#include "app/client/views/widgets.hpp"
#include "core/event/calendar.hpp"

namespace crossmatch::client {
namespace {

const core::ClinicTable& clinic_table(const ClientModels& m, core::ClinicTableId id) {
  return m.session.state().clinic_tables.at(id);
}

std::string place_of(const ClientModels& m, const core::ClinicTable& ct) {
  const core::Table* t = m.session.state().table(ct.table);
  return t ? t->name + " (" + std::to_string(t->seats) + " seats)" : std::string();
}

void session_picker(ClientModels& m) {
  ClinicScreen& screen = m.clinic;
  const core::EventState& state = m.session.state();
  const core::Session* current = state.session(screen.session());
  const std::string preview = current ? current->name : std::string("choose a policy clinic");
  label_left("Clinic");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  if (ImGui::BeginCombo("##clinic-session", preview.c_str())) {
    for (const core::SessionId id : screen.sessions()) {
      if (ImGui::Selectable(state.sessions.at(id).name.c_str(), id == screen.session()))
        screen.choose(id);
    }
    ImGui::EndCombo();
  }
  if (current != nullptr) {
    ImGui::SameLine();
    const std::int64_t start = m.session.session_start_ms(current->id);
    ImGui::TextDisabled("%s %s-%s%s%s", core::format_day_label(current->date).c_str(),
                        core::format_time_of_day(current->start).c_str(),
                        core::format_time_of_day(current->end).c_str(),
                        start > m.now_ms ? ", starts in " : "",
                        start > m.now_ms ? countdown(m.now_ms, start).c_str() : "");
  }
}

// [SECTION] Themes

void themes(ClientModels& m) {
  ClinicScreen& screen = m.clinic;
  const bool participant = m.session.role() == core::Role::Participant && m.session.me() != 0;
  ImGui::TextUnformatted("Themes");
  ImGui::SameLine();
  if (participant && !screen.formed()) {
    ImGui::TextDisabled("(tick the ones you care about)");
  } else {
    ImGui::TextDisabled("(%d people picked themes)", screen.people_with_picks());
  }
  if (screen.tables().empty()) {
    ImGui::TextDisabled("No workshop table yet.");
    return;
  }
  if (ImGui::BeginTable("themes", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("Theme", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("Workshop room AA").x);
    ImGui::TableSetupColumn("Picked by", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("Picked by").x);
    ImGui::TableHeadersRow();
    for (const core::ClinicTableId id : screen.tables()) {
      const core::ClinicTable& ct = clinic_table(m, id);
      ImGui::PushID(static_cast<int>(id));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (participant && !screen.formed()) {
        bool pick = screen.picks_theme(id);
        if (ImGui::Checkbox(ct.theme.c_str(), &pick)) screen.toggle_theme(id);
      } else {
        ImGui::TextWrapped("%s", ct.theme.c_str());
      }
      ImGui::TableNextColumn();
      const core::Table* t = m.session.state().table(ct.table);
      ImGui::TextDisabled("%s", t ? t->name.c_str() : "");
      ImGui::TableNextColumn();
      ImGui::Text("%d", screen.picks_of(id));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (participant && !screen.formed()) {
    ImGui::BeginDisabled(!screen.picks_changed());
    if (ImGui::Button("Save my themes")) {
      const auto op = screen.picks_operation(m.session);
      m.submit(op, "Themes saved");
    }
    ImGui::EndDisabled();
    if (screen.picks_changed()) {
      ImGui::SameLine();
      ImGui::TextDisabled("not saved yet");
    }
  }
}

// [SECTION] Setting up (organiser)

void setup(ClientModels& m) {
  ClinicScreen& screen = m.clinic;
  const core::EventState& state = m.session.state();
  ImGui::Spacing();
  ImGui::Separator();
  if (!screen.formed()) {
    ImGui::TextUnformatted("New workshop table");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##theme", "theme, e.g. mobility vouchers for creative companies",
                             &screen.theme);
    const auto free = screen.free_places(m.session);
    if (screen.place == 0 || std::find(free.begin(), free.end(), screen.place) == free.end())
      screen.place = free.empty() ? 0 : free.front();
    const core::Table* place = state.table(screen.place);
    label_left("at");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::BeginCombo("##place", place ? place->name.c_str() : "no free table")) {
      for (const core::TableId id : free) {
        const core::Table& t = state.tables.at(id);
        const std::string label = t.name + " (" + std::to_string(t.seats) + " seats)";
        if (ImGui::Selectable(label.c_str(), id == screen.place)) screen.place = id;
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    const auto op = screen.define_operation(m.session);
    ImGui::BeginDisabled(!op.ok());
    if (ImGui::Button("Add table") && op.ok()) {
      if (m.submit(*op, "Workshop table added: " + screen.theme)) screen.theme.clear();
    }
    ImGui::EndDisabled();
    if (!op.ok() && op.error().field != "theme") field_message(op.error().message);
    ImGui::Spacing();
  }
  ImGui::BeginDisabled(screen.formed() || screen.people_with_picks() == 0 ||
                       screen.tables().empty());
  if (ImGui::Button("Form the tables...")) {
    auto formed = screen.form(m.session, static_cast<std::uint64_t>(m.session.seq()) + 1);
    if (!formed) {
      m.report(formed.error(), "");
    } else {
      m.ask(screen.form_confirmation(m.session, *formed));
    }
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextDisabled(screen.formed() ? "formed: the tables are locked"
                                      : "mixes types, sectors and countries by theme");
}

// [SECTION] Tables and outcomes

void members(ClientModels& m, const core::ClinicTable& ct) {
  for (const core::ParticipantId id : ct.members) {
    const PersonSummary p = person_summary(m.session, id);
    ImGui::Bullet();
    person_link(m, id, p.name);
    ImGui::SameLine();
    ImGui::Text("(%s%s), %s", id == m.session.me() ? "you, " : "", p.type.c_str(),
                p.organisation.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s, %s", p.sector.c_str(), p.country.c_str());
  }
}

void outcome(ClientModels& m, core::ClinicTableId id) {
  ClinicScreen& screen = m.clinic;
  const core::ClinicTable& ct = clinic_table(m, id);
  if (!screen.may_record(m.session, id)) {
    if (ct.outcome.empty()) {
      ImGui::TextDisabled("No outcome recorded yet.");
    } else {
      ImGui::TextWrapped("Outcome: %s", ct.outcome.c_str());
    }
    return;
  }
  std::string& draft = screen.outcome_draft(m.session, id);
  ImGui::TextUnformatted("Outcome: the policy measures this table proposes");
  ImGui::InputTextMultiline("##outcome", &draft, ImVec2(-1, ImGui::GetFontSize() * 4.5f));
  ImGui::BeginDisabled(!screen.outcome_changed(m.session, id));
  if (ImGui::Button("Save outcome"))
    m.submit(screen.outcome_operation(id), "Outcome saved for " + ct.theme);
  ImGui::EndDisabled();
  if (screen.outcome_changed(m.session, id)) {
    ImGui::SameLine();
    ImGui::TextDisabled("not saved yet");
  }
}

void my_table(ClientModels& m) {
  ClinicScreen& screen = m.clinic;
  const core::ClinicTable& ct = clinic_table(m, screen.my_table());
  ImGui::TextDisabled("YOUR TABLE");
  ImGui::SetWindowFontScale(1.3f);
  ImGui::TextWrapped("%s", ct.theme.c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::TextDisabled("%s", place_of(m, ct).c_str());
  members(m, ct);
  ImGui::Spacing();
  ImGui::TextUnformatted("Why you are here");
  for (const std::string& reason : screen.my_reasons()) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", reason.c_str());
  }
  ImGui::Spacing();
  ImGui::PushID(static_cast<int>(ct.id));
  outcome(m, ct.id);
  ImGui::PopID();
}

void all_tables(ClientModels& m) {
  ClinicScreen& screen = m.clinic;
  for (const core::ClinicTableId id : screen.tables()) {
    if (id == screen.my_table()) continue;
    const core::ClinicTable& ct = clinic_table(m, id);
    ImGui::PushID(static_cast<int>(id));
    const std::string header =
        ct.theme + " - " + std::to_string(ct.members.size()) + " people###table";
    if (ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
      ImGui::TextDisabled("%s", place_of(m, ct).c_str());
      members(m, ct);
      if (!ct.reasons.empty()) ImGui::TextWrapped("Why this mix: %s", ct.reasons.c_str());
      if (!ct.members.empty()) outcome(m, id);
    }
    ImGui::PopID();
  }
}

}  // namespace

void draw_clinic_view(ClientModels& m) {
  ClinicScreen& screen = m.clinic;
  screen.refresh(m.session);
  const bool organiser = m.session.role() == core::Role::Organiser;
  if (screen.sessions().empty()) {
    ImGui::TextDisabled(
        organiser ? "No policy clinic yet: add a policy-clinic session on the Event screen."
                  : "No policy clinic in this event yet.");
    return;
  }
  session_picker(m);
  ImGui::Separator();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::BeginChild("themes-pane", ImVec2(width * 0.42f, 0));
  themes(m);
  if (organiser) setup(m);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("tables-pane", ImVec2(0, 0));
  if (screen.my_table() != 0) {
    my_table(m);
    ImGui::Spacing();
    ImGui::Separator();
  }
  if (screen.formed()) {
    ImGui::TextUnformatted(screen.my_table() != 0 ? "The other tables" : "The tables");
    all_tables(m);
  } else {
    ImGui::TextDisabled("The organiser forms the tables once people have picked their themes:");
    ImGui::TextDisabled("each table mixes a policy maker, a company and a broker or researcher,");
    ImGui::TextDisabled("sectors and countries, around a theme its members picked.");
  }
  ImGui::EndChild();
}

}  // namespace crossmatch::client
