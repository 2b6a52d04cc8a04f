// The kiosk: the welcome with the code field (it keeps the keyboard, so that a scanner's code and
// Enter land in it), then the signed-in person's screen, header fixed and the rest scrolling.
#include "app/client/views/kiosk_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "app/client/state/person_summary.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

bool used_now() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0) return true;
  if (ImGui::IsAnyMouseDown() || io.InputQueueCharacters.Size > 0) return true;
  for (const bool down : io.KeysDown)
    if (down) return true;
  return false;
}

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::SetWindowFontScale(1.25f);
  ImGui::TextUnformatted(text);
  ImGui::SetWindowFontScale(1.0f);
  ImGui::Separator();
}

void draw_welcome(Kiosk& kiosk, std::int64_t now_ms) {
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 2));
  ImGui::SetWindowFontScale(1.6f);
  ImGui::TextUnformatted(tr("Welcome! See your meetings here."));
  ImGui::SetWindowFontScale(1.0f);
  ImGui::Spacing();
  ImGui::TextWrapped(
      "%s",
      tr("Scan the QR code on your badge, or type the code printed under it, then press Enter."));
  ImGui::Spacing();
  if (kiosk.phase() == KioskPhase::Waiting) {
    if (!ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    const bool entered =
        input_with_hint("##check_in_code", "ABCD-EFGH", kiosk.typed,
                        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsUppercase);
    ImGui::SameLine();
    // TRANSLATORS: button on the kiosk's welcome: signs in with the typed badge code
    if (ImGui::Button(tr("Sign in")) || entered) kiosk.sign_in(now_ms);
  } else {
    ImGui::TextUnformatted(kiosk.phase() == KioskPhase::SigningIn ? tr("Signing in...")
                                                                  : tr("Sending your answers..."));
  }
  const KioskMessage& message = kiosk.message();
  if (!message.text.empty()) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, message.error ? error_colour() : muted_colour());
    ImGui::PushTextWrapPos(width);
    ImGui::TextWrapped("%s", message.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 2));
  ImGui::TextDisabled("%s",
                      tr("This screen signs you out after a minute without use. Nothing of yours "
                         "stays on this computer."));
}

void draw_next_meeting(Kiosk& kiosk, const ClientSession& session, std::int64_t now_ms) {
  heading(tr("Your next meeting"));
  const MeetingRow* next = next_meeting(kiosk.meetings(), session, now_ms);
  if (next == nullptr) {
    ImGui::TextDisabled(
        "%s", kiosk.meetings().agenda().empty()
                  ? tr("No meeting booked yet: answer the requests below, or ask a broker.")
                  : tr("No more meetings today."));
    return;
  }
  ImGui::SetWindowFontScale(1.4f);
  ImGui::Text("%s, %s", next->when.c_str(),
              // TRANSLATORS: in place of a meeting's table, before one is given
              next->where.empty() ? tr("table to come") : next->where.c_str());
  ImGui::SetWindowFontScale(1.0f);
  // TRANSLATORS: under the time of the next meeting; %s is the other person's name
  ImGui::Text(tr("with %s"), next->partner_name.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%s", person_details(session, next->partner).c_str());
  if (next->start_ms <= now_ms) ImGui::TextColored(warning_colour(), "%s", tr("Under way now"));
}

void draw_requests(Kiosk& kiosk, const ClientSession& session) {
  const auto& incoming = kiosk.meetings().incoming();
  // TRANSLATORS: heading of the requests to answer; %zu is how many there are
  const std::string title = format_text(tr("Waiting for your answer (%zu)"), incoming.size());
  heading(title.c_str());
  if (incoming.empty()) ImGui::TextDisabled("%s", tr("No requests right now."));
  for (const MeetingRow& row : incoming) {
    ImGui::PushID(static_cast<int>(row.id));
    ImGui::TextUnformatted(row.partner_name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s%s", person_details(session, row.partner).c_str(), request_origin(row));
    if (!row.message.empty()) ImGui::TextWrapped("\"%s\"", row.message.c_str());
    if (!row.when.empty()) ImGui::TextDisabled("%s", row.when.c_str());
    // TRANSLATORS: button: accept a meeting request
    if (ImGui::Button(tr("Accept"))) {
      kiosk.answer(core::AcceptMeeting{.meeting = row.id},
                   // TRANSLATORS: %s is the name of the person whose request was accepted
                   format_text(tr("Accepted %s"), row.partner_name.c_str()));
    }
    ImGui::SameLine();
    // TRANSLATORS: button: decline a meeting request
    if (ImGui::Button(tr("Decline"))) {
      kiosk.answer(core::DeclineMeeting{.meeting = row.id},
                   // TRANSLATORS: %s is the name of the person whose request was declined
                   format_text(tr("Declined %s"), row.partner_name.c_str()));
    }
    ImGui::Spacing();
    ImGui::PopID();
  }
}

void draw_attendance(Kiosk& kiosk, const ClientSession& session, std::int64_t now_ms) {
  const auto due = kiosk.meetings().feedback_due(session, now_ms);
  if (due.empty()) return;
  heading(tr("Did these meetings take place?"));
  for (const MeetingRow* row : due) {
    ImGui::PushID(static_cast<int>(row->id));
    // TRANSLATORS: a past meeting: the other person's name, the time, then the table
    ImGui::Text(tr("%s, %s at %s"), row->partner_name.c_str(), row->when.c_str(),
                row->where.c_str());
    if (ImGui::Button(tr("Yes, we met"))) {
      kiosk.answer(core::GiveFeedback{.meeting = row->id, .held = core::HeldState::Held},
                   format_text(tr("Noted: you met %s"), row->partner_name.c_str()));
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("No, it did not take place"))) {
      kiosk.answer(core::GiveFeedback{.meeting = row->id, .held = core::HeldState::NotHeld},
                   format_text(tr("Noted: the meeting with %s did not take place"),
                               row->partner_name.c_str()));
    }
    ImGui::PopID();
  }
}

void draw_agenda(Kiosk& kiosk) {
  heading(tr("Your agenda"));
  const auto& agenda = kiosk.meetings().agenda();
  if (agenda.empty()) {
    ImGui::TextDisabled("%s", tr("Nothing booked yet."));
    return;
  }
  if (ImGui::BeginTable("agenda", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    // TRANSLATORS: column header of the agenda: the meeting's time
    ImGui::TableSetupColumn(tr("When"));
    // TRANSLATORS: column header of the agenda: the meeting's table
    ImGui::TableSetupColumn(tr("Table"));
    // TRANSLATORS: column header of the agenda: the other person of the meeting
    ImGui::TableSetupColumn(tr("With"));
    ImGui::TableHeadersRow();
    for (const MeetingRow& row : agenda) {
      ImGui::TableNextColumn();
      // TRANSLATORS: in place of a meeting's time, before one is given
      ImGui::TextUnformatted(row.when.empty() ? tr("time to come") : row.when.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.where.empty() ? "-" : row.where.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.partner_name.c_str());
    }
    ImGui::EndTable();
  }
}

void draw_team(const ClientSession& session) {
  const auto teams = my_teams(session);
  if (teams.empty()) return;
  heading(tr("Your team"));
  for (const MyTeam& team : teams) {
    ImGui::Text("%s, %s, %s", team.round_name.c_str(), team.when.c_str(), team.table.c_str());
    std::string names;
    for (const core::ParticipantId member : team.members) {
      if (member == session.me()) continue;
      if (!names.empty()) names += ", ";
      names += session.name_of(member);
    }
    // TRANSLATORS: under a team's round, time and table; %s lists the other members' names
    ImGui::TextWrapped(tr("with %s"), names.c_str());
  }
}

void draw_signed_in(Kiosk& kiosk, std::int64_t now_ms) {
  ClientSession& session = *kiosk.session();
  const core::Participant* me = session.my_record();
  ImGui::SetWindowFontScale(1.5f);
  ImGui::Text(tr("Welcome, %s"), me != nullptr ? me->profile.display_name.c_str() : "");
  ImGui::SetWindowFontScale(1.0f);
  // TRANSLATORS: button: ends the visit at the kiosk
  const char* sign_out = tr("Sign out");
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(sign_out).x -
                  ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::Button(sign_out)) kiosk.sign_out(now_ms, tr("Signed out. See you later!"));
  if (kiosk.idle_warning(now_ms)) {
    const int seconds = kiosk.seconds_left(now_ms);
    ImGui::TextColored(
        warning_colour(),
        tr_n("Signing out in %d s: touch the screen to stay.",
             "Signing out in %d s: touch the screen to stay.", static_cast<unsigned long>(seconds)),
        seconds);
  } else {
    ImGui::TextDisabled("%s", tr("Signs out by itself after a minute without use."));
  }
  const LinkSummary link = session.link();
  if (link.status != LinkStatus::Online)
    // TRANSLATORS: %s is the state of the link to the hub, e.g. "reconnecting, 2 pending"
    ImGui::TextColored(warning_colour(), tr("The hub is away (%s): answers wait until it is back."),
                       link.text().c_str());
  if (const std::string status = kiosk.answer_status(); !status.empty()) {
    ImGui::TextColored(kiosk.answer_refused() ? error_colour() : ok_colour(), "%s", status.c_str());
  }
  ImGui::Separator();
  ImGui::BeginChild("visit");
  draw_next_meeting(kiosk, session, now_ms);
  draw_requests(kiosk, session);
  draw_attendance(kiosk, session, now_ms);
  draw_agenda(kiosk);
  draw_team(session);
  if (me != nullptr) {
    ImGui::Spacing();
    bool standby = me->standby;
    if (ImGui::Checkbox(tr("Standby: offer me slots that are freed"), &standby)) {
      kiosk.answer(
          core::SetStandby{.participant = me->id, .on = standby},
          standby ? tr("You are on standby for freed slots") : tr("You left the standby list"));
    }
  }
  ImGui::EndChild();
}

}  // namespace

void draw_kiosk_screen(Kiosk& kiosk, std::int64_t now_ms) {
  if (used_now()) kiosk.touched(now_ms);
  if (kiosk.phase() == KioskPhase::SignedIn && kiosk.session() != nullptr) {
    draw_signed_in(kiosk, now_ms);
  } else {
    draw_welcome(kiosk, now_ms);
  }
}

void draw_kiosk(Kiosk& kiosk, std::int64_t now_ms) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  draw_kiosk_screen(kiosk, now_ms);
  ImGui::End();
}

}  // namespace crossmatch::client
