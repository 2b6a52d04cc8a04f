// Statistics: participation, requests, meetings and the cross-sector, cross-border shares; after
// the event, follow-up rounds and the event's report.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/client/views/organiser_views.hpp"
#include "core/event/statistics.hpp"

namespace crossmatch::client {

namespace {

// After the event: follow-up rounds (open, close, answers so far) and the event's report.
void draw_follow_up_rounds(ClientModels& m) {
  const core::EventState& state = m.session.state();
  ImGui::Separator();
  ImGui::TextUnformatted("After the event");
  ImGui::TextWrapped(
      "A follow-up round asks every participant what came of each meeting they "
      "held: no further contact, knowledge gained, a valuable contact, a "
      "negotiation, an agreement.");
  for (const auto& [id, round] : state.follow_ups) {
    ImGui::PushID(static_cast<int>(id));
    ImGui::BulletText("%s: %s, %zu answers", round.name.c_str(), round.open ? "open" : "closed",
                      round.answers.size());
    ImGui::SameLine();
    if (ImGui::SmallButton(round.open ? "Close" : "Re-open")) {
      m.submit(core::DefineFollowUp{.follow_up = id, .name = round.name, .open = !round.open},
               round.open ? "Follow-up round closed" : "Follow-up round re-opened");
    }
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  ImGui::InputText("##round", &m.follow_up.new_round);
  ImGui::SameLine();
  if (ImGui::Button("Open a follow-up round")) {
    m.submit(core::DefineFollowUp{.name = m.follow_up.new_round},
             "Follow-up round '" + m.follow_up.new_round + "' is open");
  }
  ImGui::Spacing();
  if (ImGui::Button("Open report")) {
    auto written = write_event_report(state, m.session.taxonomy(), m.exports.chosen_folder());
    if (written && !open_on_desktop(*written)) {
      m.report_saved(written, "Report written (no program to open it) to");
    } else {
      m.report_saved(written, "Report written to");
    }
  }
  ImGui::SameLine();
  ImGui::TextDisabled("report.html in %s: the funnel, relationships, matrices, how counted",
                      m.exports.chosen_folder().c_str());
}

// The organiser's target for new relationships, which the big screen counts against.
void draw_relationship_target(ClientModels& m) {
  const core::EventSettings& settings = m.session.state().event.settings;
  if (m.relationship_target < 0) m.relationship_target = settings.relationship_target;
  ImGui::TextUnformatted("Target for new relationships (0: none), shown on the big screen:");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  ImGui::InputInt("##target", &m.relationship_target, 10, 100);
  m.relationship_target = std::clamp(m.relationship_target, 0, core::kMaxRelationshipTarget);
  ImGui::SameLine();
  ImGui::BeginDisabled(m.relationship_target == settings.relationship_target);
  if (ImGui::Button("Save target")) {
    core::EventSettings changed = settings;
    changed.relationship_target = m.relationship_target;
    m.submit(core::SetSettings{.settings = changed},
             "Target for new relationships set to " + std::to_string(m.relationship_target));
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
  row("Participants", std::to_string(s.participants));
  row("Withdrawn", std::to_string(s.withdrawn));
  row("Requests", std::to_string(s.requests));
  row("Awaiting an answer", std::to_string(s.pending));
  row("Accepted", std::to_string(s.accepted));
  row("Declined", std::to_string(s.declined));
  row("Cancelled", std::to_string(s.cancelled));
  row("Held", std::to_string(s.held));
  row("Not held", std::to_string(s.not_held));
  row("Cross-sector share of accepted", pct(s.share_cross_sector()));
  row("Cross-border share of accepted", pct(s.share_cross_border()));
  row("New cross-sector, cross-border relationships", std::to_string(s.relationships));
  ImGui::EndTable();
  draw_relationship_target(m);
  draw_follow_up_rounds(m);
}

}  // namespace crossmatch::client
