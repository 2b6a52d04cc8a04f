// Auto-schedule: pick one-to-one sessions, plan (under a time budget), read the result, apply.
#include <imgui.h>

#include <chrono>
#include <optional>
#include <set>

#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"
#include "core/event/auto_schedule.hpp"

namespace crossmatch::client {

void draw_schedule_view(ClientModels& m) {
  const core::EventState& state = m.session.state();
  std::set<core::SessionId>& chosen = m.drafts.schedule.sessions;
  bool& allow_moves = m.drafts.schedule.allow_moves;
  std::optional<core::AutoSchedule>& plan = m.drafts.schedule.plan;
  std::string& problem = m.drafts.schedule.problem;
  ImGui::TextUnformatted("One-to-one sessions to schedule:");
  for (const auto& [id, s] : state.sessions) {
    if (s.kind != core::SessionKind::Meetings) continue;
    bool on = chosen.count(id) > 0;
    ImGui::SameLine();
    if (ImGui::Checkbox(s.name.c_str(), &on)) on ? (void)chosen.insert(id) : (void)chosen.erase(id);
  }
  ImGui::Checkbox("Booked meetings may move", &allow_moves);
  ImGui::SameLine();
  if (ImGui::Button("Plan")) {
    // Planning runs on this thread under a two-second budget: the organiser asked and waits.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    core::SearchBudget budget(UINT64_MAX, [deadline] { return std::chrono::steady_clock::now() >= deadline; });
    auto result = core::plan_auto_schedule(state, {chosen.begin(), chosen.end()}, allow_moves, budget);
    plan.reset();
    problem.clear();
    if (result) {
      plan = std::move(*result);
    } else {
      problem = result.error().message;
    }
  }
  field_message(problem);
  if (!plan) return;
  const auto& r = plan->report;
  ImGui::Text("%zu accepted meetings: %d kept, %d moved, %d placed, %d not placed", r.meetings.size(), r.kept, r.moved,
              r.placed, r.not_placed);
  ImGui::Text("Idle slots between meetings: %d before, %d after; fairness %s%s", r.breaks_before, r.breaks_after,
              r.fairness_met ? "met" : "not met", r.proven_optimal ? "; proven optimal" : "");
  for (const auto& item : r.meetings) {
    if (!item.reason) continue;
    ImGui::BulletText("Meeting %u not placed: %s", item.meeting, item.reason->message.c_str());
  }
  ImGui::BeginDisabled(plan->operation.placements.empty());
  if (ImGui::Button("Apply the schedule")) {
    m.submit(plan->operation, "Schedule sent: " + std::to_string(plan->operation.placements.size()) + " placements");
    plan.reset();
  }
  ImGui::EndDisabled();
}

}  // namespace crossmatch::client
