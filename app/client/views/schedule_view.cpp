// Auto-schedule: pick one-to-one sessions and a time limit, plan (off the UI thread), read the
// result, apply.
#include <imgui.h>

#include <optional>
#include <set>

#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"
#include "core/event/auto_schedule.hpp"

namespace crossmatch::client {
namespace {

// Accepted meetings without a slot: what planning is for.
int unbooked_meetings(const core::EventState& state) {
  int count = 0;
  for (const auto& [id, meeting] : state.meetings) {
    if (meeting.status == core::MeetingStatus::Accepted && !meeting.placement) ++count;
  }
  return count;
}

}  // namespace

void draw_schedule_view(ClientModels& m) {
  const core::EventState& state = m.session.state();
  ScheduleScreen& draft = m.schedule;
  SchedulePlanner& planner = *draft.planner;
  if (auto finished = planner.take()) {
    draft.plan.reset();
    draft.problem.clear();
    if (*finished) {
      draft.plan = std::move(**finished);
    } else {
      draft.problem = finished->error().message;
    }
  }
  const bool running = planner.running();

  const int waiting = unbooked_meetings(state);
  if (waiting == 0) {
    ImGui::TextUnformatted("Every accepted meeting has a slot.");
  } else if (waiting == 1) {
    ImGui::TextUnformatted("1 accepted meeting has no slot yet.");
  } else {
    ImGui::Text("%d accepted meetings have no slot yet.", waiting);
  }
  ImGui::TextUnformatted("One-to-one sessions to schedule:");
  for (const auto& [id, s] : state.sessions) {
    if (s.kind != core::SessionKind::Meetings) continue;
    bool on = draft.sessions.count(id) > 0;
    ImGui::SameLine();
    if (ImGui::Checkbox(s.name.c_str(), &on))
      on ? (void)draft.sessions.insert(id) : (void)draft.sessions.erase(id);
  }
  ImGui::Checkbox("Booked meetings may move", &draft.allow_moves);
  ImGui::SameLine();
  ImGui::TextUnformatted("  Search for up to");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(140);
  ImGui::SliderInt("##seconds", &draft.seconds, 1, 60, "%d s");
  ImGui::SameLine();
  ImGui::BeginDisabled(running);
  if (ImGui::Button("Plan")) {
    draft.plan.reset();
    draft.problem.clear();
    planner.start(state, {draft.sessions.begin(), draft.sessions.end()}, draft.allow_moves,
                  draft.seconds);
  }
  ImGui::EndDisabled();
  if (planner.running()) {
    ImGui::Text(
        "Planning: %.1f s of at most %.0f s. A better schedule may come the longer it searches.",
        planner.elapsed_seconds(), planner.limit_seconds());
    if (ImGui::Button("Stop and keep the best so far")) planner.stop();
    return;
  }
  field_message(draft.problem);
  if (!draft.plan) return;
  const auto& r = draft.plan->report;
  ImGui::Text("%zu accepted meetings: %d kept, %d moved, %d placed, %d not placed",
              r.meetings.size(), r.kept, r.moved, r.placed, r.not_placed);
  ImGui::Text(
      "Breaks (a run of free slots between two of a person's meetings): %d before, %d after%s",
      r.breaks_before, r.breaks_after, r.proven_optimal ? ", the fewest possible" : "");
  ImGui::Text("The most and the fewest breaks of one person differ by %d (fair is at most 2)%s",
              r.max_minus_min_breaks, r.fairness_met ? "" : ": not met");
  // The reasons name the people of the meeting.
  for (const auto& item : r.meetings) {
    if (item.reason) ImGui::BulletText("Not placed: %s", item.reason->message.c_str());
  }
  ImGui::BeginDisabled(draft.plan->operation.placements.empty());
  if (ImGui::Button("Apply the schedule")) {
    m.submit(draft.plan->operation,
             "Schedule sent: " + std::to_string(draft.plan->operation.placements.size()) +
                 " placements");
    draft.plan.reset();
  }
  ImGui::EndDisabled();
}

}  // namespace crossmatch::client
