// Feedback after each meeting (held or not, a rating and a comment) and, while a follow-up round
// is open, what came of each held meeting.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <map>

#include "app/client/views/participant_views.hpp"
#include "app/client/views/person_views.hpp"

namespace crossmatch::client {

namespace {

// While a follow-up round is open: what came of each held meeting, months later.
void draw_follow_up(ClientModels& m, const core::FollowUpRound& round) {
  ImGui::Separator();
  ImGui::Text("Follow-up: %s", round.name.c_str());
  const auto rows = follow_up_rows(m.session.state(), m.session.me(), round);
  if (rows.empty()) {
    ImGui::TextDisabled("None of your meetings was marked as held, so there is nothing to tell.");
    ImGui::Spacing();
    return;
  }
  ImGui::TextWrapped(
      "What came of each meeting you held? Your answers are yours alone: the "
      "other person does not see them.");
  for (const FollowUpRow& row : rows) {
    ImGui::PushID(static_cast<int>(row.meeting) + 1000000);
    FollowUpDraft& d = m.follow_up.draft(row);
    const std::string partner = m.session.name_of(row.partner);
    person_link(m, row.partner, partner);
    if (row.answered) {
      ImGui::SameLine();
      ImGui::TextDisabled("(answered: %s)", core::label(*row.answered));
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    const char* current = core::label(static_cast<core::FollowUpOutcome>(d.outcome));
    if (ImGui::BeginCombo("Outcome", current)) {
      for (int o = 0; o <= static_cast<int>(core::FollowUpOutcome::Agreement); ++o) {
        if (ImGui::Selectable(core::label(static_cast<core::FollowUpOutcome>(o)), o == d.outcome))
          d.outcome = o;
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    ImGui::InputTextWithHint("##note", "A note (optional)", &d.note);
    ImGui::SameLine();
    if (ImGui::Button(row.answered ? "Change the answer" : "Send the answer")) {
      m.submit(core::RateFollowUp{.follow_up = round.id,
                                  .meeting = row.meeting,
                                  .participant = m.session.me(),
                                  .outcome = static_cast<core::FollowUpOutcome>(d.outcome),
                                  .note = d.note},
               "Thanks: your answer on the meeting with " + partner + " is saved");
    }
    ImGui::PopID();
  }
  ImGui::Spacing();
}

}  // namespace

void draw_feedback_view(ClientModels& m) {
  if (const core::FollowUpRound* round = open_follow_up(m.session.state()))
    draw_follow_up(m, *round);
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
