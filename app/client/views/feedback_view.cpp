// Feedback after each meeting (held or not, a rating and a comment) and, while a follow-up round
// is open, what came of each held meeting.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <map>

#include "app/client/views/participant_views.hpp"
#include "app/client/views/person_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {

namespace {

// While a follow-up round is open: what came of each held meeting, months later.
void draw_follow_up(ClientModels& m, const core::FollowUpRound& round) {
  ImGui::Separator();
  // TRANSLATORS: %s is the name of the follow-up round the organiser opened
  ImGui::Text(tr("Follow-up: %s"), round.name.c_str());
  const auto rows = follow_up_rows(m.session.state(), m.session.me(), round);
  if (rows.empty()) {
    ImGui::TextDisabled(
        "%s", tr("None of your meetings was marked as held, so there is nothing to tell."));
    ImGui::Spacing();
    return;
  }
  ImGui::TextWrapped("%s", tr("What came of each meeting you held? Your answers are yours alone: "
                              "the other person does not see them."));
  for (const FollowUpRow& row : rows) {
    ImGui::PushID(static_cast<int>(row.meeting) + 1000000);
    FollowUpDraft& d = m.follow_up.draft(row);
    const std::string partner = m.session.name_of(row.partner);
    person_link(m, row.partner, partner);
    if (row.answered) {
      ImGui::SameLine();
      // TRANSLATORS: %s is the outcome answered before, "A partnership agreement"
      ImGui::TextDisabled(tr("(answered: %s)"), core::label(*row.answered));
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    const char* current = core::label(static_cast<core::FollowUpOutcome>(d.outcome));
    if (ImGui::BeginCombo(labelled(tr("Outcome"), "outcome").c_str(), current)) {
      for (int o = 0; o <= static_cast<int>(core::FollowUpOutcome::Agreement); ++o) {
        if (ImGui::Selectable(core::label(static_cast<core::FollowUpOutcome>(o)), o == d.outcome))
          d.outcome = o;
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    input_with_hint("##note", tr("A note (optional)"), d.note);
    ImGui::SameLine();
    if (ImGui::Button(row.answered ? tr("Change the answer") : tr("Send the answer"))) {
      m.submit(
          core::RateFollowUp{.follow_up = round.id,
                             .meeting = row.meeting,
                             .participant = m.session.me(),
                             .outcome = static_cast<core::FollowUpOutcome>(d.outcome),
                             .note = d.note},
          format_text(tr("Thanks: your answer on the meeting with %s is saved"), partner.c_str()));
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
  if (due.empty()) note(tr("Nothing to rate: meetings appear here once they have started."));
  for (const MeetingRow* row : due) {
    ImGui::PushID(static_cast<int>(row->id));
    FeedbackDraft& d = drafts[row->id];
    person_link(m, row->partner, row->partner_name);
    ImGui::SameLine();
    // TRANSLATORS: the partner's type, then when and where the meeting was:
    // "(Company), Thu 14 May 10:20 at Table 4"
    ImGui::Text(tr("(%s), %s at %s"), row->partner_type.c_str(), row->when.c_str(),
                row->where.c_str());
    ImGui::Checkbox(tr("The meeting took place"), &d.held);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    // TRANSLATORS: on the rating slider: the rating chosen, from 1 to 5
    const char* rating_format = tr("%d of 5");
    ImGui::SliderInt(tr("Rating"), &d.rating, 1, 5, rating_format);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    input_with_hint("##comment", tr("What came of it? (optional)"), d.comment);
    ImGui::SameLine();
    if (ImGui::Button(tr("Send feedback"))) {
      m.submit(core::GiveFeedback{.meeting = row->id,
                                  .held = d.held ? core::HeldState::Held : core::HeldState::NotHeld,
                                  .rating = d.held ? d.rating : 0,
                                  .comment = d.comment},
               format_text(tr("Thanks for the feedback on %s"), row->partner_name.c_str()));
    }
    ImGui::Separator();
    ImGui::PopID();
  }
}

}  // namespace crossmatch::client
