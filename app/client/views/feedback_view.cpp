// Feedback after each meeting: held or not, a rating and a comment.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <map>

#include "app/client/views/participant_views.hpp"
#include "app/client/views/person_views.hpp"

namespace crossmatch::client {

void draw_feedback_view(ClientModels& m) {
  m.meetings.refresh(m.session);
  auto& drafts = m.feedback.drafts;  // what the person is typing, per meeting
  const auto due = m.meetings.feedback_due(m.session, m.now_ms);
  if (due.empty())
    ImGui::TextDisabled("Nothing to rate: meetings appear here once they have started.");
  for (const MeetingRow* row : due) {
    ImGui::PushID(static_cast<int>(row->id));
    FeedbackDraft& d = drafts[row->id];
    person_link(m, row->partner, row->partner_name);
    ImGui::SameLine();
    ImGui::Text("(%s), %s at %s", row->partner_type.c_str(), row->when.c_str(), row->where.c_str());
    ImGui::Checkbox("The meeting took place", &d.held);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::SliderInt("Rating", &d.rating, 1, 5, "%d of 5");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    ImGui::InputTextWithHint("##comment", "What came of it? (optional)", &d.comment);
    ImGui::SameLine();
    if (ImGui::Button("Send feedback")) {
      m.submit(core::GiveFeedback{.meeting = row->id,
                                  .held = d.held ? core::HeldState::Held : core::HeldState::NotHeld,
                                  .rating = d.held ? d.rating : 0,
                                  .comment = d.comment},
               "Thanks for the feedback on " + row->partner_name);
    }
    ImGui::Separator();
    ImGui::PopID();
  }
}

}  // namespace crossmatch::client
