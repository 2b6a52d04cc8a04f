// The policy clinic: its workshop tables and their themes; a participant picks the themes they
// care about; the organiser adds tables and forms them; each member sees their table, its theme,
// the others at it (type, sector, country) and why; each table's outcome is recorded and shown.
//
// [SECTION] Themes   [SECTION] Setting up (organiser)   [SECTION] Tables and outcomes
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string_view>

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

// A table's name with its seats: "Workshop 1 (8 seats)".
std::string seats_label(const core::Table& t) {
  // TRANSLATORS: a table's name and how many seats it has: "Workshop 1 (8 seats)"
  return format_text(tr_n("%s (%d seat)", "%s (%d seats)", static_cast<unsigned long>(t.seats)),
                     t.name.c_str(), t.seats);
}

std::string place_of(const ClientModels& m, const core::ClinicTable& ct) {
  const core::Table* t = m.session.state().table(ct.table);
  return t ? seats_label(*t) : std::string();
}

void clinic_session_picker(ClientModels& m) {
  ClinicScreen& screen = m.clinic;
  const core::EventState& state = m.session.state();
  const core::Session* current = state.session(screen.session());
  const std::string preview = current ? current->name : std::string(tr("choose a policy clinic"));
  // TRANSLATORS: before the choice of the policy-clinic session
  label_left(tr("Clinic"));
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
    const std::string day = core::format_day_label(current->date);
    const std::string from = core::format_time_of_day(current->start);
    const std::string to = core::format_time_of_day(current->end);
    if (start > m.now_ms) {
      // TRANSLATORS: the clinic's day, its start and end times, then the time until it starts
      ImGui::TextDisabled(tr("%s %s-%s, starts in %s"), day.c_str(), from.c_str(), to.c_str(),
                          countdown(m.now_ms, start).c_str());
    } else {
      ImGui::TextDisabled("%s %s-%s", day.c_str(), from.c_str(), to.c_str());
    }
  }
}

// [SECTION] Themes

void themes(ClientModels& m) {
  ClinicScreen& screen = m.clinic;
  const bool participant = m.session.role() == core::Role::Participant && m.session.me() != 0;
  ImGui::TextUnformatted(tr("Themes"));
  ImGui::SameLine();
  if (participant && !screen.formed()) {
    ImGui::TextDisabled("%s", tr("(tick the ones you care about)"));
  } else {
    const int people = screen.people_with_picks();
    ImGui::TextDisabled(tr_n("(%d person picked themes)", "(%d people picked themes)",
                             static_cast<unsigned long>(people)),
                        people);
  }
  if (screen.tables().empty()) {
    ImGui::TextDisabled("%s", tr("No workshop table yet."));
    return;
  }
  if (ImGui::BeginTable("themes", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn(tr("Theme"), ImGuiTableColumnFlags_WidthStretch);
    // TRANSLATORS: a column: the table where a theme is discussed
    ImGui::TableSetupColumn(tr("Where"), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("Workshop room AA").x);
    // TRANSLATORS: a column: how many people picked the theme
    const char* picked_by = tr("Picked by");
    ImGui::TableSetupColumn(picked_by, ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(picked_by).x);
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
    if (ImGui::Button(tr("Save my themes"))) {
      const auto op = screen.picks_operation(m.session);
      m.submit(op, tr("Themes saved"));
    }
    ImGui::EndDisabled();
    if (screen.picks_changed()) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", tr("not saved yet"));
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
    ImGui::TextUnformatted(tr("New workshop table"));
    ImGui::SetNextItemWidth(-1);
    input_with_hint("##theme", tr("theme, e.g. mobility vouchers for creative companies"),
                    screen.theme);
    const auto free = screen.free_places(m.session);
    if (screen.place == 0 || std::find(free.begin(), free.end(), screen.place) == free.end())
      screen.place = free.empty() ? 0 : free.front();
    const core::Table* place = state.table(screen.place);
    // TRANSLATORS: the new workshop table's place: "at [Workshop 1]"
    label_left(tr("at"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::BeginCombo("##place", place ? place->name.c_str() : tr("no free table"))) {
      for (const core::TableId id : free) {
        const core::Table& t = state.tables.at(id);
        const std::string label = seats_label(t);
        if (ImGui::Selectable(label.c_str(), id == screen.place)) screen.place = id;
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    const auto op = screen.define_operation(m.session);
    ImGui::BeginDisabled(!op.ok());
    if (ImGui::Button(tr("Add table")) && op.ok()) {
      // TRANSLATORS: the status line once a workshop table was added; %s is its theme
      if (m.submit(*op, format_text(tr("Workshop table added: %s"), screen.theme.c_str())))
        screen.theme.clear();
    }
    ImGui::EndDisabled();
    if (!op.ok() && op.error().field != "theme") field_message(op.error().message);
    ImGui::Spacing();
  }
  ImGui::BeginDisabled(screen.formed() || screen.people_with_picks() == 0 ||
                       screen.tables().empty());
  // TRANSLATORS: seats the people at the workshop tables by the themes they picked (asks first)
  if (ImGui::Button(tr("Form the tables..."))) {
    auto formed = screen.form(m.session, static_cast<std::uint64_t>(m.session.seq()) + 1);
    if (!formed) {
      m.report(formed.error(), "");
    } else {
      m.ask(screen.form_confirmation(m.session, *formed));
    }
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", screen.formed() ? tr("formed: the tables are locked")
                                            : tr("mixes types, sectors and countries by theme"));
}

// [SECTION] Tables and outcomes

void members(ClientModels& m, const core::ClinicTable& ct) {
  for (const core::ParticipantId id : ct.members) {
    const PersonSummary p = person_summary(m.session, id);
    ImGui::Bullet();
    person_link(m, id, p.name);
    ImGui::SameLine();
    if (id == m.session.me()) {
      // TRANSLATORS: oneself among a table's members: "(you, company), Studio X"
      ImGui::Text(tr("(you, %s), %s"), p.type.c_str(), p.organisation.c_str());
    } else {
      ImGui::Text("(%s), %s", p.type.c_str(), p.organisation.c_str());
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s, %s", p.sector.c_str(), p.country.c_str());
  }
}

void outcome(ClientModels& m, core::ClinicTableId id) {
  ClinicScreen& screen = m.clinic;
  const core::ClinicTable& ct = clinic_table(m, id);
  if (!screen.may_record(m.session, id)) {
    if (ct.outcome.empty()) {
      ImGui::TextDisabled("%s", tr("No outcome recorded yet."));
    } else {
      // TRANSLATORS: a workshop table's outcome: the policy measures it proposes
      ImGui::TextWrapped(tr("Outcome: %s"), ct.outcome.c_str());
    }
    return;
  }
  std::string& draft = screen.outcome_draft(m.session, id);
  ImGui::TextUnformatted(tr("Outcome: the policy measures this table proposes"));
  ImGui::InputTextMultiline("##outcome", &draft, ImVec2(-1, ImGui::GetFontSize() * 4.5f));
  ImGui::BeginDisabled(!screen.outcome_changed(m.session, id));
  if (ImGui::Button(tr("Save outcome")))
    m.submit(screen.outcome_operation(id),
             // TRANSLATORS: the status line once an outcome was saved; %s is the table's theme
             format_text(tr("Outcome saved for %s"), ct.theme.c_str()));
  ImGui::EndDisabled();
  if (screen.outcome_changed(m.session, id)) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("not saved yet"));
  }
}

void my_table(ClientModels& m) {
  ClinicScreen& screen = m.clinic;
  const core::ClinicTable& ct = clinic_table(m, screen.my_table());
  // TRANSLATORS: a heading above the participant's own workshop table
  ImGui::TextDisabled("%s", tr("YOUR TABLE"));
  ImGui::SetWindowFontScale(1.3f);
  ImGui::TextWrapped("%s", ct.theme.c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::TextDisabled("%s", place_of(m, ct).c_str());
  members(m, ct);
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("Why you are here"));
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
    const std::size_t size = ct.members.size();
    const std::string title =
        // TRANSLATORS: a workshop table's theme and how many people sit at it
        format_text(tr_n("%s - %zu person", "%s - %zu people", size), ct.theme.c_str(), size);
    if (ImGui::CollapsingHeader(labelled(title.c_str(), "table").c_str(),
                                ImGuiTreeNodeFlags_DefaultOpen)) {
      ImGui::TextDisabled("%s", place_of(m, ct).c_str());
      members(m, ct);
      // TRANSLATORS: why the table's members were put together
      if (!ct.reasons.empty()) ImGui::TextWrapped(tr("Why this mix: %s"), ct.reasons.c_str());
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
    note(organiser ? tr("No policy clinic yet: add a policy-clinic session on the Event screen.")
                   : tr("No policy clinic in this event yet."));
    return;
  }
  clinic_session_picker(m);
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
    ImGui::TextUnformatted(screen.my_table() != 0 ? tr("The other tables") : tr("The tables"));
    all_tables(m);
  } else {
    // One sentence on three lines, each drawn as its own line.
    const std::string_view note =
        // TRANSLATORS: one sentence on three lines; break the lines where they read well
        tr("The organiser forms the tables once people have picked their themes:\n"
           "each table mixes a policy maker, a company and a broker or researcher,\n"
           "sectors and countries, around a theme its members picked.");
    for (std::size_t from = 0; from <= note.size();) {
      const std::size_t end = std::min(note.find('\n', from), note.size());
      const std::string line(note.substr(from, end - from));
      ImGui::TextDisabled("%s", line.c_str());
      from = end + 1;
    }
  }
  ImGui::EndChild();
}

}  // namespace crossmatch::client
