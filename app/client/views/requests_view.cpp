// Requests: incoming (accept, decline, propose another slot) and outgoing (cancel).
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/client/state/person_summary.hpp"
#include "app/client/views/participant_views.hpp"
#include "app/client/views/person_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

// The first slot of a one-to-one session where both people are free, after the proposed one.
std::optional<core::SlotRef> next_free_slot(const core::EventState& state, const core::Meeting& m) {
  for (const auto& [id, session] : state.sessions) {
    if (session.kind != core::SessionKind::Meetings) continue;
    for (int i = 0; i < session.slot_count(); ++i) {
      const core::SlotRef slot{id, i};
      if (!m.preferred.empty() && slot <= m.preferred.front()) continue;
      if (state.meeting_at(m.requester, slot) == 0 && state.meeting_at(m.invitee, slot) == 0)
        return slot;
    }
  }
  return std::nullopt;
}

}  // namespace

void draw_requests_view(ClientModels& m) {
  m.meetings.refresh(m.session);
  const core::EventState& state = m.session.state();
  if (const core::Participant* me = m.session.my_record()) {
    bool standby = me->standby;
    if (ImGui::Checkbox(tr("Standby: offer me freed slots"), &standby)) {
      m.submit(
          core::SetStandby{.participant = me->id, .on = standby},
          standby ? tr("You are on standby for freed slots") : tr("You left the standby list"));
    }
    ImGui::SameLine();
    note(
        tr("(when a meeting is cancelled or someone does not come, its slot "
           "may be offered to you and someone else on standby)"));
    ImGui::Spacing();
  }
  ImGui::TextUnformatted(tr("Waiting for your answer"));
  ImGui::Separator();
  if (m.meetings.incoming().empty()) ImGui::TextDisabled("%s", tr("No requests right now."));
  for (const MeetingRow& row : m.meetings.incoming()) {
    ImGui::PushID(static_cast<int>(row.id));
    person_link(m, row.partner, row.partner_name);
    ImGui::SameLine();
    ImGui::TextDisabled("%s%s", person_details(m.session, row.partner).c_str(),
                        request_origin(row));
    if (!row.message.empty()) ImGui::TextWrapped("\"%s\"", row.message.c_str());
    if (!row.when.empty()) ImGui::TextDisabled("%s", row.when.c_str());
    // TRANSLATORS: button that accepts the request for a meeting
    if (ImGui::Button(tr("Accept"))) {
      m.submit(core::AcceptMeeting{.meeting = row.id},
               // TRANSLATORS: %s is the name of the person whose request was accepted
               format_text(tr("Accepted %s"), row.partner_name.c_str()));
    }
    ImGui::SameLine();
    // TRANSLATORS: button that declines the request for a meeting
    if (ImGui::Button(tr("Decline"))) {
      m.submit(core::DeclineMeeting{.meeting = row.id},
               // TRANSLATORS: %s is the name of the person whose request was declined
               format_text(tr("Declined %s"), row.partner_name.c_str()));
    }
    const core::Meeting* meeting = state.meeting(row.id);
    // An offer is for its slot only: nothing else to propose.
    const auto slot = meeting && !meeting->offered ? next_free_slot(state, *meeting) : std::nullopt;
    if (slot) {
      ImGui::SameLine();
      const std::string when = m.session.slot_label(*slot);
      // TRANSLATORS: button that proposes another slot for the meeting, "Propose Thu 14 May 10:20"
      const std::string label = format_text(tr("Propose %s"), when.c_str());
      if (ImGui::Button(label.c_str())) {
        m.submit(core::ProposeSlot{.meeting = row.id, .slot = *slot},
                 // TRANSLATORS: done; %s is the slot proposed, "Thu 14 May 10:20"
                 format_text(tr("Proposed %s"), when.c_str()));
      }
    }
    ImGui::Spacing();
    ImGui::PopID();
  }
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("Waiting for the other person"));
  ImGui::Separator();
  if (m.meetings.outgoing().empty())
    ImGui::TextDisabled("%s", tr("None: request a meeting from Partners."));
  for (const MeetingRow& row : m.meetings.outgoing()) {
    ImGui::PushID(static_cast<int>(row.id));
    person_link(m, row.partner, row.partner_name);
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", row.partner_type.c_str());
    if (!row.when.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", row.when.c_str());
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Cancel"))) {
      m.submit(core::CancelMeeting{.meeting = row.id},
               format_text(tr("Cancelled the request to %s"), row.partner_name.c_str()));
    }
    ImGui::PopID();
  }
}

}  // namespace crossmatch::client
