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
  // The QR code takes the right edge; the texts beside it wrap before it.
  const float qr_side = join.qr ? qr_code_side(*join.qr, kQrModulePx) : 0.0f;
  const float qr_left = ImGui::GetWindowContentRegionMax().x - qr_side;
  ImGui::PushTextWrapPos(join.qr ? qr_left - ImGui::GetStyle().ItemSpacing.x * 2 : 0.0f);
  ImGui::BeginGroup();
  ImGui::TextWrapped("%s", state.event.name.c_str());
  // TRANSLATORS: the event's time zone, e.g. "time zone Europe/Lisbon"
  ImGui::TextDisabled(tr("time zone %s"), state.event.time_zone.c_str());
  const ArrivalCounts arrivals = CheckInDesk::counts(state);
  // TRANSLATORS: how many of the expected participants have checked in; the Check-in screen
  // lists them
  ImGui::TextWrapped(tr_n("Arrived: %d of %d participant (Check-in screen)",
                          "Arrived: %d of %d participants (Check-in screen)",
                          static_cast<unsigned long>(arrivals.expected)),
                     arrivals.arrived, arrivals.expected);
  ImGui::Spacing();
  ImGui::TextWrapped("%s",
                     tr("Join code: people type it on the join screen, or scan the QR code."));
  ImGui::SetWindowFontScale(2.0f);
  ImGui::TextUnformatted(join.code.c_str());
  ImGui::SetWindowFontScale(1.0f);
  // TRANSLATORS: a button that copies the join code to the clipboard
  if (ImGui::Button(format_text("%s##join-code", tr("Copy")).c_str())) {
    ImGui::SetClipboardText(join.code.c_str());
    m.report(core::Status::success(), format_text(tr("Join code copied: %s"), join.code.c_str()));
  }
  if (!join.problem.empty()) {
    // TRANSLATORS: the QR code of the join code could not be made; %s says why
    text_beside(format_text(tr("No QR code: %s"), join.problem.c_str()).c_str(), error_colour());
  }
  ImGui::Spacing();
  bool open = state.event.registration_open;
  // TRANSLATORS: a checkbox: whether new participants may register for the event
  if (ImGui::Checkbox(tr("Registration open"), &open)) {
    m.submit(core::SetRegistration{.open = open},
             open ? tr("Registration opened") : tr("Registration closed"));
  }
  const std::size_t participants = state.participants.size(), tables = state.tables.size();
  text_beside(format_text("%s, %s",
                          format_text(tr_n("%zu participant", "%zu participants", participants),
                                      participants)
                              .c_str(),
                          format_text(tr_n("%zu table", "%zu tables", tables), tables).c_str())
                  .c_str(),
              ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::EndGroup();
  ImGui::PopTextWrapPos();
  if (join.qr) {
    ImGui::SameLine(std::max(ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x, qr_left));
    draw_qr_code(*join.qr, kQrModulePx);
  }
}

// How long a request may await its answer before the hub expires it and tells its sender.
void draw_request_expiry(ClientModels& m) {
  const core::EventSettings& settings = m.session.state().event.settings;
  // TRANSLATORS: followed by the choices "off", "1 h", "3 days"...
  label_left(tr("Unanswered requests expire after"));
  for (const int minutes : core::kRequestExpiryChoices) {
    const std::string label = core::format_expiry(minutes) + "##expiry";
    same_line_if_room(checkbox_width(label.c_str()));
    if (ImGui::RadioButton(label.c_str(), settings.request_expiry_minutes == minutes) &&
        settings.request_expiry_minutes != minutes) {
      core::EventSettings changed = settings;
      changed.request_expiry_minutes = minutes;
      m.submit(core::SetSettings{.settings = changed},
               minutes == 0 ? std::string(tr("Requests no longer expire"))
                            : format_text(tr("Requests now expire after %s"),
                                          core::format_expiry(minutes).c_str()));
    }
  }
  note(tr("An expired request is closed and both people are told; the sender may ask again."));
}

void draw_sessions(ClientModels& m) {
  const core::EventState& state = m.session.state();
  ImGui::TextUnformatted(tr("Sessions"));
  if (ImGui::BeginTable("sessions", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn(tr("Name"));
    // TRANSLATORS: a column: what a session is for (meetings, team round, pitching...)
    ImGui::TableSetupColumn(tr("Kind"));
    ImGui::TableSetupColumn(tr("Day and time"));
    // TRANSLATORS: a column: how many meeting slots a session has, and how long each is
    ImGui::TableSetupColumn(tr("Slots"));
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
      // TRANSLATORS: a session's slots: "4 of 15 min" is four slots of 15 minutes each
      ImGui::Text(tr_n("%d of %d min", "%d of %d min", static_cast<unsigned long>(s.slot_count())),
                  s.slot_count(), s.slot_minutes);
      ImGui::TableNextColumn();
      if (m.event.session.editing == id) {
        // TRANSLATORS: in the place of the Edit button while the session is in the form below
        ImGui::TextDisabled("%s", tr("being changed below"));
      } else if (ImGui::SmallButton(tr("Edit"))) {
        m.event.session.edit(s);
      }
      ImGui::SameLine();
      // TRANSLATORS: a button that removes the session (asks first)
      if (ImGui::SmallButton(tr("Remove"))) ask_to_remove_session(m, id);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  const core::Session* blocked = state.session(m.event.blocked_removal);
  if (blocked == nullptr) return;
  ImGui::PushTextWrapPos(0.0f);
  // TRANSLATORS: a session's name, then why it cannot be removed
  ImGui::TextColored(error_colour(), tr("'%s' cannot be removed: %s"), blocked->name.c_str(),
                     m.event.removal.blocked.c_str());
  ImGui::PopTextWrapPos();
  for (const std::string& line : m.event.removal.booked) ImGui::BulletText("%s", line.c_str());
  // TRANSLATORS: a button that closes the message why a session cannot be removed
  if (ImGui::SmallButton(format_text("%s##removal", tr("OK")).c_str())) m.event.blocked_removal = 0;
}

void draw_session_form(ClientModels& m) {
  const core::EventState& state = m.session.state();
  SessionForm& form = m.event.session;
  ImGui::Spacing();
  if (const core::Session* s = state.session(form.editing)) {
    ImGui::Text(tr("Change the session '%s'"), s->name.c_str());
  } else {
    if (form.editing_session()) form.stop_editing();  // removed meanwhile
    ImGui::TextUnformatted(tr("New session"));
  }
  const float field = ImGui::GetFontSize() * 6;
  label_left(tr("Name"));
  ImGui::SetNextItemWidth(field * 2);
  ImGui::InputText("##session-name", &form.name);
  // TRANSLATORS: the session form reads "Day [date] From [09:00] to [12:00] Slots of [15] min"
  field_in_row(tr("Day"), field);
  form.suggest_day(m.session, today_utc());
  if (ImGui::InputText("##day", &form.day)) form.day_typed = true;
  // TRANSLATORS: the session form reads "Day [date] From [09:00] to [12:00] Slots of [15] min"
  field_in_row(tr("From"), field * 0.6f);
  ImGui::InputText("##from", &form.start);
  // TRANSLATORS: the session form reads "Day [date] From [09:00] to [12:00] Slots of [15] min"
  field_in_row(tr("to"), field * 0.6f);
  ImGui::InputText("##to", &form.end);
  // TRANSLATORS: minutes, after the slot length in the session form ("Slots of [15] min")
  const std::string minutes = format_text("%s##slot", tr("min"));
  // TRANSLATORS: the session form reads "Day [date] From [09:00] to [12:00] Slots of [15] min"
  field_in_row(tr("Slots of"), field + ImGui::GetStyle().ItemInnerSpacing.x +
                                   ImGui::CalcTextSize(minutes.c_str(), nullptr, true).x);
  ImGui::SetNextItemWidth(field);
  ImGui::InputInt(minutes.c_str(), &form.slot_minutes, 5);
  static constexpr core::SessionKind kKinds[] = {
      core::SessionKind::Meetings, core::SessionKind::TeamRound, core::SessionKind::Pitching,
      core::SessionKind::PolicyClinic, core::SessionKind::Plenary};
  for (auto kind : kKinds) {
    if (kind != kKinds[0]) same_line_if_room(checkbox_width(core::label(kind)));
    if (ImGui::RadioButton(core::label(kind), form.kind == kind)) form.kind = kind;
  }
  const SessionFormCheck checked = form.check(m.session);
  ImGui::BeginDisabled(!checked.operation);
  if (ImGui::Button(form.editing_session() ? tr("Save changes") : tr("Add session")))
    save_session(m);
  ImGui::EndDisabled();
  if (form.editing_session()) {
    same_line_if_fits(tr("Cancel edit"));
    if (ImGui::Button(tr("Cancel edit"))) form.stop_editing();
  }
  if (!checked.problem.empty()) text_beside(checked.problem.c_str(), error_colour());
  for (const std::string& line : checked.notes) note(line.c_str());
}

void draw_tables(ClientModels& m) {
  const core::EventState& state = m.session.state();
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("Tables"));
  std::string names;
  int shown = 0;
  for (const auto& [id, t] : state.tables) {
    if (shown++ < 40)
      names += (names.empty() ? "" : ", ") + t.name + " (" + std::to_string(t.seats) + ")";
  }
  if (shown > 40) {
    const int more = shown - 40;
    // TRANSLATORS: at the end of a list of tables cut short: "..., Table 40 (4), ... 12 more"
    names += ", " + format_text(
                        tr_n("... %d more", "... %d more", static_cast<unsigned long>(more)), more);
  }
  // TRANSLATORS: the event has no tables yet
  ImGui::TextWrapped("%s", names.empty() ? tr("none yet") : names.c_str());
  std::string& table_name = m.event.table.name;
  int& seats = m.event.table.seats;
  // TRANSLATORS: the table form reads "New table [name] seats [4] Add table"
  label_left(tr("New table"));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  ImGui::InputText("##table", &table_name);
  // TRANSLATORS: the table form reads "New table [name] seats [4] Add table"
  field_in_row(tr("seats"), ImGui::GetFontSize() * 6);
  ImGui::InputInt("##seats", &seats);
  same_line_if_fits(tr("Add table"));
  if (ImGui::Button(tr("Add table"))) {
    m.submit(core::DefineTable{.name = table_name + " " + std::to_string(state.next_table),
                               .seats = seats},
             tr("Table added"));
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
