// The event: its name and time zone, registration open or closed, sessions with their slots, and
// tables; new sessions and tables.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>

#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"
#include "core/event/calendar.hpp"
#include "net/tls_identity.hpp"

namespace crossmatch::client {
namespace {

// The day a new session most likely falls on: the event's last day with a session, else today
// (UTC), as days since 1970-01-01.
std::int64_t likely_session_day(const core::EventState& state) {
  std::int64_t last = -1;
  for (const auto& [id, s] : state.sessions) last = std::max<std::int64_t>(last, s.date);
  if (last >= 0) return last;
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::hours>(now).count() / 24;
}

}  // namespace

void draw_event_view(ClientModels& m) {
  const core::EventState& state = m.session.state();
  ImGui::Text("%s", state.event.name.c_str());
  // The code people type carries the pin of the certificate this app checked the hub by.
  const std::string fingerprint = m.session.hub_fingerprint();
  const std::string join_code = net::join_code_with_pin(
      state.event.join_code, fingerprint.empty() ? std::string() : net::short_pin(fingerprint));
  ImGui::TextDisabled("time zone %s, join code %s", state.event.time_zone.c_str(),
                      join_code.c_str());
  bool open = state.event.registration_open;
  if (ImGui::Checkbox("Registration open", &open)) {
    m.submit(core::SetRegistration{.open = open},
             open ? "Registration opened" : "Registration closed");
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%zu participants, %zu tables", state.participants.size(),
                      state.tables.size());

  ImGui::Spacing();
  ImGui::TextUnformatted("Sessions");
  if (ImGui::BeginTable("sessions", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("Name");
    ImGui::TableSetupColumn("Kind");
    ImGui::TableSetupColumn("Day and time");
    ImGui::TableSetupColumn("Slots");
    ImGui::TableSetupColumn("");
    ImGui::TableHeadersRow();
    for (const auto& [id, s] : state.sessions) {
      ImGui::PushID(static_cast<int>(id));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s.name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(core::label(s.kind));
      ImGui::TableNextColumn();
      ImGui::Text("%s %s-%s", core::format_day_label(s.date).c_str(),
                  core::format_time_of_day(s.start).c_str(),
                  core::format_time_of_day(s.end).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d of %d min", s.slot_count(), s.slot_minutes);
      ImGui::TableNextColumn();
      if (ImGui::SmallButton("Remove"))
        m.submit(core::RemoveSession{.session = id}, "Removed " + s.name);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  core::DefineSession& draft = m.event.session.session;
  std::string &day = m.event.session.day, &start = m.event.session.start,
              &end = m.event.session.end;
  ImGui::Spacing();
  ImGui::TextUnformatted("New session");
  const float field = ImGui::GetFontSize() * 6;
  label_left("Name");
  ImGui::SetNextItemWidth(field * 2);
  ImGui::InputText("##session-name", &draft.name);
  ImGui::SameLine();
  label_left("Day");
  if (!m.event.session.day_typed) day = core::format_date(likely_session_day(state));
  ImGui::SetNextItemWidth(field);
  if (ImGui::InputText("##day", &day)) m.event.session.day_typed = true;
  ImGui::SameLine();
  label_left("From");
  ImGui::SetNextItemWidth(field * 0.6f);
  ImGui::InputText("##from", &start);
  ImGui::SameLine();
  label_left("to");
  ImGui::SetNextItemWidth(field * 0.6f);
  ImGui::InputText("##to", &end);
  ImGui::SameLine();
  label_left("Slots of");
  ImGui::SetNextItemWidth(field);
  ImGui::InputInt("min##slot", &draft.slot_minutes, 5);
  static constexpr core::SessionKind kKinds[] = {
      core::SessionKind::Meetings, core::SessionKind::TeamRound, core::SessionKind::Pitching,
      core::SessionKind::PolicyClinic};
  for (auto kind : kKinds) {
    if (kind != kKinds[0]) ImGui::SameLine();
    if (ImGui::RadioButton(core::label(kind), draft.kind == kind)) draft.kind = kind;
  }
  const bool ok = core::parse_date(day, draft.date) &&
                  core::parse_time_of_day(start, draft.start) &&
                  core::parse_time_of_day(end, draft.end);
  ImGui::BeginDisabled(!ok);
  if (ImGui::Button("Add session")) m.submit(draft, "Session added: " + draft.name);
  ImGui::EndDisabled();
  if (!ok) {
    ImGui::SameLine();
    ImGui::TextColored(error_colour(), "Day is YYYY-MM-DD and times are HH:MM.");
  }

  ImGui::Spacing();
  ImGui::TextUnformatted("Tables");
  std::string names;
  int shown = 0;
  for (const auto& [id, t] : state.tables) {
    if (shown++ < 40)
      names += (names.empty() ? "" : ", ") + t.name + " (" + std::to_string(t.seats) + ")";
  }
  if (shown > 40) names += ", ... " + std::to_string(shown - 40) + " more";
  ImGui::TextWrapped("%s", names.empty() ? "none yet" : names.c_str());
  std::string& table_name = m.event.table.name;
  int& seats = m.event.table.seats;
  label_left("New table");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  ImGui::InputText("##table", &table_name);
  ImGui::SameLine();
  label_left("seats");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputInt("##seats", &seats);
  ImGui::SameLine();
  if (ImGui::Button("Add table")) {
    m.submit(core::DefineTable{.name = table_name + " " + std::to_string(state.next_table),
                               .seats = seats},
             "Table added");
  }
}

}  // namespace crossmatch::client
