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
    if (ImGui::Checkbox("Standby: offer me freed slots", &standby)) {
      m.submit(core::SetStandby{.participant = me->id, .on = standby},
               standby ? "You are on standby for freed slots" : "You left the standby list");
    }
    ImGui::SameLine();
    ImGui::TextDisabled(
        "(when a meeting is cancelled or someone does not come, its slot may be "
        "offered to you and someone else on standby)");
    ImGui::Spacing();
  }
  ImGui::TextUnformatted("Waiting for your answer");
  ImGui::Separator();
  if (m.meetings.incoming().empty()) ImGui::TextDisabled("No requests right now.");
  for (const MeetingRow& row : m.meetings.incoming()) {
    ImGui::PushID(static_cast<int>(row.id));
    person_link(m, row.partner, row.partner_name);
    ImGui::SameLine();
    ImGui::TextDisabled("%s%s", person_details(m.session, row.partner).c_str(),
                        request_origin(row));
    if (!row.message.empty()) ImGui::TextWrapped("\"%s\"", row.message.c_str());
    if (!row.when.empty()) ImGui::TextDisabled("%s", row.when.c_str());
    if (ImGui::Button("Accept")) {
      m.submit(core::AcceptMeeting{.meeting = row.id}, "Accepted " + row.partner_name);
    }
    ImGui::SameLine();
    if (ImGui::Button("Decline")) {
      m.submit(core::DeclineMeeting{.meeting = row.id}, "Declined " + row.partner_name);
    }
    const core::Meeting* meeting = state.meeting(row.id);
    // An offer is for its slot only: nothing else to propose.
    const auto slot = meeting && !meeting->offered ? next_free_slot(state, *meeting) : std::nullopt;
    if (slot) {
      ImGui::SameLine();
      const std::string label = "Propose " + m.session.slot_label(*slot);
      if (ImGui::Button(label.c_str())) {
        m.submit(core::ProposeSlot{.meeting = row.id, .slot = *slot},
                 "Proposed " + m.session.slot_label(*slot));
      }
    }
    ImGui::Spacing();
    ImGui::PopID();
  }
  ImGui::Spacing();
  ImGui::TextUnformatted("Waiting for the other person");
  ImGui::Separator();
  if (m.meetings.outgoing().empty()) ImGui::TextDisabled("None: request a meeting from Partners.");
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
    if (ImGui::SmallButton("Cancel")) {
      m.submit(core::CancelMeeting{.meeting = row.id},
               "Cancelled the request to " + row.partner_name);
    }
    ImGui::PopID();
  }
}

}  // namespace crossmatch::client
