// The event: its name, time zone and join code (large, to copy, and as a QR code to scan),
// registration open or closed, sessions with their slots (to change or remove), the session form,
// and tables.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>

#include "app/client/views/organiser_views.hpp"
#include "app/client/views/qr_code_view.hpp"
#include "app/client/views/widgets.hpp"
#include "core/event/calendar.hpp"
#include "core/event/request_expiry.hpp"

namespace crossmatch::client {
namespace {

// Pixels per QR module: large enough for a phone camera across a desk, and for zbarimg.
constexpr float kQrModulePx = 5.0f;

// Today (UTC) as days since 1970-01-01.
std::int64_t today_utc() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::hours>(now).count() / 24;
}

void draw_header(ClientModels& m) {
  const core::EventState& state = m.session.state();
  JoinCodeDisplay& join = m.event.join_code;
  join.refresh(m.session);
  ImGui::BeginGroup();
  ImGui::Text("%s", state.event.name.c_str());
  ImGui::TextDisabled("time zone %s", state.event.time_zone.c_str());
  const ArrivalCounts arrivals = CheckInDesk::counts(state);
  ImGui::Text("Arrived: %d of %d participants (Check-in screen)", arrivals.arrived,
              arrivals.expected);
  ImGui::Spacing();
  ImGui::TextUnformatted("Join code: people type it on the join screen, or scan the QR code.");
  ImGui::SetWindowFontScale(2.0f);
  ImGui::TextUnformatted(join.code.c_str());
  ImGui::SetWindowFontScale(1.0f);
  if (ImGui::Button("Copy##join-code")) {
    ImGui::SetClipboardText(join.code.c_str());
    m.report(core::Status::success(), "Join code copied: " + join.code);
  }
  if (!join.problem.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(error_colour(), "No QR code: %s", join.problem.c_str());
  }
  ImGui::Spacing();
  bool open = state.event.registration_open;
  if (ImGui::Checkbox("Registration open", &open)) {
    m.submit(core::SetRegistration{.open = open},
             open ? "Registration opened" : "Registration closed");
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%zu participants, %zu tables", state.participants.size(),
                      state.tables.size());
  ImGui::EndGroup();
  if (join.qr) {
    const float side = qr_code_side(*join.qr, kQrModulePx);
    ImGui::SameLine(std::max(ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 20.0f,
                             ImGui::GetWindowContentRegionMax().x - side));
    draw_qr_code(*join.qr, kQrModulePx);
  }
}

// How long a request may await its answer before the hub expires it and tells its sender.
void draw_request_expiry(ClientModels& m) {
  const core::EventSettings& settings = m.session.state().event.settings;
  label_left("Unanswered requests expire after");
  for (const int minutes : core::kRequestExpiryChoices) {
    ImGui::SameLine();
    const std::string label = core::format_expiry(minutes) + "##expiry";
    if (ImGui::RadioButton(label.c_str(), settings.request_expiry_minutes == minutes) &&
        settings.request_expiry_minutes != minutes) {
      core::EventSettings changed = settings;
      changed.request_expiry_minutes = minutes;
      m.submit(core::SetSettings{.settings = changed},
               minutes == 0 ? "Requests no longer expire"
                            : "Requests now expire after " + core::format_expiry(minutes));
    }
  }
  ImGui::TextDisabled(
      "An expired request is closed and both people are told; the sender may ask again.");
}

void draw_sessions(ClientModels& m) {
  const core::EventState& state = m.session.state();
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
      if (m.event.session.editing == id) {
        ImGui::TextDisabled("being changed below");
      } else if (ImGui::SmallButton("Edit")) {
        m.event.session.edit(s);
      }
      ImGui::SameLine();
      if (ImGui::SmallButton("Remove")) ask_to_remove_session(m, id);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  const core::Session* blocked = state.session(m.event.blocked_removal);
  if (blocked == nullptr) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(error_colour(), "'%s' cannot be removed: %s", blocked->name.c_str(),
                     m.event.removal.blocked.c_str());
  ImGui::PopTextWrapPos();
  for (const std::string& line : m.event.removal.booked) ImGui::BulletText("%s", line.c_str());
  if (ImGui::SmallButton("OK##removal")) m.event.blocked_removal = 0;
}

void draw_session_form(ClientModels& m) {
  const core::EventState& state = m.session.state();
  SessionForm& form = m.event.session;
  ImGui::Spacing();
  if (const core::Session* s = state.session(form.editing)) {
    ImGui::Text("Change the session '%s'", s->name.c_str());
  } else {
    if (form.editing_session()) form.stop_editing();  // removed meanwhile
    ImGui::TextUnformatted("New session");
  }
  const float field = ImGui::GetFontSize() * 6;
  label_left("Name");
  ImGui::SetNextItemWidth(field * 2);
  ImGui::InputText("##session-name", &form.name);
  ImGui::SameLine();
  label_left("Day");
  form.suggest_day(m.session, today_utc());
  ImGui::SetNextItemWidth(field);
  if (ImGui::InputText("##day", &form.day)) form.day_typed = true;
  ImGui::SameLine();
  label_left("From");
  ImGui::SetNextItemWidth(field * 0.6f);
  ImGui::InputText("##from", &form.start);
  ImGui::SameLine();
  label_left("to");
  ImGui::SetNextItemWidth(field * 0.6f);
  ImGui::InputText("##to", &form.end);
  ImGui::SameLine();
  label_left("Slots of");
  ImGui::SetNextItemWidth(field);
  ImGui::InputInt("min##slot", &form.slot_minutes, 5);
  static constexpr core::SessionKind kKinds[] = {
      core::SessionKind::Meetings, core::SessionKind::TeamRound, core::SessionKind::Pitching,
      core::SessionKind::PolicyClinic, core::SessionKind::Plenary};
  for (auto kind : kKinds) {
    if (kind != kKinds[0]) ImGui::SameLine();
    if (ImGui::RadioButton(core::label(kind), form.kind == kind)) form.kind = kind;
  }
  const SessionFormCheck checked = form.check(m.session);
  ImGui::BeginDisabled(!checked.operation);
  if (ImGui::Button(form.editing_session() ? "Save changes" : "Add session")) save_session(m);
  ImGui::EndDisabled();
  if (form.editing_session()) {
    ImGui::SameLine();
    if (ImGui::Button("Cancel edit")) form.stop_editing();
  }
  if (!checked.problem.empty()) {
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(error_colour(), "%s", checked.problem.c_str());
    ImGui::PopTextWrapPos();
  }
  for (const std::string& note : checked.notes) ImGui::TextDisabled("%s", note.c_str());
}

void draw_tables(ClientModels& m) {
  const core::EventState& state = m.session.state();
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

}  // namespace

void draw_event_view(ClientModels& m) {
  draw_header(m);
  ImGui::Spacing();
  draw_registration_sources(m);
  draw_request_expiry(m);
  draw_sessions(m);
  draw_session_form(m);
  draw_tables(m);
}

}  // namespace crossmatch::client
