// Statistics: participation, requests, meetings and the cross-sector, cross-border shares; after
// the event, follow-up rounds and the event's report.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"
#include "core/event/statistics.hpp"

namespace crossmatch::client {

namespace {

// After the event: follow-up rounds (open, close, answers so far) and the event's report.
void draw_follow_up_rounds(ClientModels& m) {
  const core::EventState& state = m.session.state();
  ImGui::Separator();
  ImGui::TextUnformatted(tr("After the event"));
  ImGui::TextWrapped("%s", tr("A follow-up round asks every participant what came of each "
                              "meeting they held: no further contact, knowledge gained, a "
                              "valuable contact, a negotiation, an agreement."));
  for (const auto& [id, round] : state.follow_ups) {
    ImGui::PushID(static_cast<int>(id));
    const std::size_t answers = round.answers.size();
    ImGui::BulletText(round.open
                          // TRANSLATORS: a follow-up round taking answers; %s is its name
                          ? tr_n("%s: open, %zu answer", "%s: open, %zu answers", answers)
                          // TRANSLATORS: a follow-up round no longer taking answers; %s is its
                          // name
                          : tr_n("%s: closed, %zu answer", "%s: closed, %zu answers", answers),
                      round.name.c_str(), answers);
    ImGui::SameLine();
    // TRANSLATORS: small buttons that stop or restart a follow-up round taking answers
    if (ImGui::SmallButton(round.open ? tr("Close") : tr("Re-open"))) {
      m.submit(core::DefineFollowUp{.follow_up = id, .name = round.name, .open = !round.open},
               round.open ? tr("Follow-up round closed") : tr("Follow-up round re-opened"));
    }
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  ImGui::InputText("##round", &m.follow_up.new_round);
  same_line_if_fits(tr("Open a follow-up round"));
  if (ImGui::Button(tr("Open a follow-up round"))) {
    m.submit(core::DefineFollowUp{.name = m.follow_up.new_round},
             // TRANSLATORS: %s is the name the organiser gave the follow-up round
             format_text(tr("Follow-up round '%s' is open"), m.follow_up.new_round.c_str()));
  }
  ImGui::Spacing();
  // TRANSLATORS: button that writes the event's report (an HTML page) and opens it
  if (ImGui::Button(tr("Open report"))) {
    auto written = write_event_report(state, m.session.taxonomy(), m.exports.chosen_folder());
    if (!written) {
      m.report(written.error(), "");
    } else if (open_on_desktop(*written)) {
      m.report(core::Status::success(),
               // TRANSLATORS: %s is the report file's path
               format_text(tr("Report written to %s"), written->c_str()));
    } else {
      m.report(core::Status::success(),
               // TRANSLATORS: %s is the report file's path; no program could open the report
               format_text(tr("Report written (no program to open it) to %s"), written->c_str()));
    }
  }
  // TRANSLATORS: "report.html" is the file's name; %s is the folder it is written to
  text_beside(format_text(tr("report.html in %s: the funnel, relationships, matrices, how counted"),
                          m.exports.chosen_folder().c_str())
                  .c_str(),
              ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
}

// The organiser's target for new relationships, which the big screen counts against.
void draw_relationship_target(ClientModels& m) {
  const core::EventSettings& settings = m.session.state().event.settings;
  if (m.relationship_target < 0) m.relationship_target = settings.relationship_target;
  ImGui::TextWrapped("%s", tr("Target for new relationships (0: none), shown on the big screen:"));
  same_line_if_room(ImGui::GetFontSize() * 8);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  ImGui::InputInt("##target", &m.relationship_target, 10, 100);
  m.relationship_target = std::clamp(m.relationship_target, 0, core::kMaxRelationshipTarget);
  same_line_if_fits(tr("Save target"));
  ImGui::BeginDisabled(m.relationship_target == settings.relationship_target);
  if (ImGui::Button(tr("Save target"))) {
    core::EventSettings changed = settings;
    changed.relationship_target = m.relationship_target;
    m.submit(core::SetSettings{.settings = changed},
             format_text(tr("Target for new relationships set to %d"), m.relationship_target));
  }
  ImGui::EndDisabled();
}

}  // namespace

void draw_statistics_view(ClientModels& m) {
  const core::EventStatistics s = core::statistics(m.session.state());
  if (!ImGui::BeginTable("statistics", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit))
    return;
  const auto row = [](const char* name, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value.c_str());
  };
  const auto pct = [](double v) { return std::to_string(static_cast<int>(v * 100 + 0.5)) + " %"; };
  // TRANSLATORS: statistics: how many people take part
  row(tr("Participants"), std::to_string(s.participants));
  // TRANSLATORS: statistics: how many people withdrew from the event
  row(tr("Withdrawn"), std::to_string(s.withdrawn));
  // TRANSLATORS: statistics: how many meeting requests were made
  row(tr("Requests"), std::to_string(s.requests));
  // TRANSLATORS: statistics: requests not answered yet
  row(tr("Awaiting an answer"), std::to_string(s.pending));
  // TRANSLATORS: statistics: meetings accepted
  row(tr("Accepted"), std::to_string(s.accepted));
  // TRANSLATORS: statistics: meeting requests declined
  row(tr("Declined"), std::to_string(s.declined));
  // TRANSLATORS: statistics: meetings cancelled
  row(tr("Cancelled"), std::to_string(s.cancelled));
  // TRANSLATORS: statistics: meetings that took place
  row(tr("Held"), std::to_string(s.held));
  // TRANSLATORS: statistics: meetings that did not take place
  row(tr("Not held"), std::to_string(s.not_held));
  row(tr("Cross-sector share of accepted"), pct(s.share_cross_sector()));
  row(tr("Cross-border share of accepted"), pct(s.share_cross_border()));
  row(tr("New cross-sector, cross-border relationships"), std::to_string(s.relationships));
  ImGui::EndTable();
  draw_relationship_target(m);
  draw_follow_up_rounds(m);
}

}  // namespace crossmatch::client
