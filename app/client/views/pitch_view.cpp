// The pitching session: who pitches now with the time left, who is next and the order; a
// participant's "interested"; the pitcher's list of the interested and, after the pitch, their
// follow-up requests in one step; the organiser's order editor and controls.
//
// [SECTION] Shared pieces   [SECTION] The stage   [SECTION] The order   [SECTION] Follow-ups
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "app/client/state/person_summary.hpp"
#include "app/client/views/person_views.hpp"
#include "app/client/views/pitch_and_clinic_views.hpp"
#include "app/client/views/widgets.hpp"
#include "core/event/calendar.hpp"

namespace crossmatch::client {
namespace {

// [SECTION] Shared pieces

const char* status_label(core::PitchStatus status) {
  switch (status) {
    case core::PitchStatus::NotStarted:
      return "not started";
    case core::PitchStatus::Pitching:
      return "pitching";
    case core::PitchStatus::Paused:
      return "paused";
    case core::PitchStatus::Between:
      return "between pitches";
    case core::PitchStatus::Finished:
      return "over";
  }
  return "";
}

// The company, then the person with their type, then sector and place.
void company_card(ClientModels& m, core::ParticipantId id) {
  const PersonSummary p = person_summary(m.session, id);
  ImGui::TextUnformatted(p.organisation.empty() ? p.name.c_str() : p.organisation.c_str());
  person_link(m, id, p.name);
  ImGui::SameLine();
  ImGui::Text("(%s)", p.type.c_str());
  ImGui::TextDisabled("%s, %s, %s", p.sector.c_str(), p.city.c_str(), p.country.c_str());
}

void people_list(ClientModels& m, const std::vector<core::ParticipantId>& ids) {
  for (const core::ParticipantId id : ids) {
    const PersonSummary p = person_summary(m.session, id);
    ImGui::Bullet();
    person_link(m, id, p.name);
    ImGui::SameLine();
    ImGui::Text("(%s), %s", p.type.c_str(), p.organisation.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s, %s, %s", p.sector.c_str(), p.city.c_str(), p.country.c_str());
  }
}

void session_picker(ClientModels& m) {
  PitchScreen& screen = m.pitch;
  const core::EventState& state = m.session.state();
  const core::Session* current = state.session(screen.session());
  const std::string preview = current
                                  ? current->name + ", " + core::format_day_label(current->date) +
                                        " " + core::format_time_of_day(current->start)
                                  : std::string("choose a pitching session");
  label_left("Session");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
  if (ImGui::BeginCombo("##pitch-session", preview.c_str())) {
    for (const core::SessionId id : screen.sessions()) {
      if (ImGui::Selectable(state.sessions.at(id).name.c_str(), id == screen.session()))
        screen.choose(id);
    }
    ImGui::EndCombo();
  }
  if (const auto& board = screen.board()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s; %d given, %d skipped, %zu in the order", status_label(board->status),
                        board->done, board->skipped, screen.pitches().size());
  }
}

// [SECTION] The stage

void organiser_controls(ClientModels& m) {
  PitchScreen& screen = m.pitch;
  const core::PitchBoard& board = *screen.board();
  const bool live = screen.live();
  const auto control = [&](const char* label, core::PitchAction action, bool enabled,
                           const std::string& done) {
    ImGui::BeginDisabled(!enabled);
    if (ImGui::Button(label)) m.submit(screen.control(action), done);
    ImGui::EndDisabled();
    ImGui::SameLine();
  };
  const bool over = board.status == core::PitchStatus::Finished;
  const std::string next =
      board.next_pitcher ? m.session.name_of(board.next_pitcher) : std::string();
  control(board.status == core::PitchStatus::NotStarted ? "Start the first pitch"
                                                        : "Start the next pitch",
          core::PitchAction::Start, !over && !live && board.next_pitcher != 0, "Started: " + next);
  if (board.status == core::PitchStatus::Paused) {
    control("Resume", core::PitchAction::Resume, true, "Resumed");
  } else {
    control("Pause", core::PitchAction::Pause, board.status == core::PitchStatus::Pitching,
            "Paused");
  }
  control("End this pitch", core::PitchAction::End, live, "Pitch ended");
  // A skip can be taken back: Undo re-opens the pitch.
  const core::ParticipantId skipped = screen.skip_target();
  ImGui::BeginDisabled(over || skipped == 0);
  if (ImGui::Button(live ? "Skip this pitch" : "Skip the next pitch"))
    m.submit_undoable(screen.control(core::PitchAction::Skip),
                      "Skipped: " + m.session.name_of(skipped), screen.skip_undo(m.session));
  ImGui::EndDisabled();
  // Ending the whole session is set apart from the pitch's controls, and asks first: the
  // companies still to come never pitch.
  ImGui::NewLine();
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("The whole session:");
  ImGui::SameLine();
  ImGui::BeginDisabled(over);
  if (ImGui::Button("End the session...")) m.ask(screen.finish_confirmation(m.session));
  ImGui::EndDisabled();
}

void draw_stage(ClientModels& m) {
  PitchScreen& screen = m.pitch;
  const core::PitchBoard& board = *screen.board();
  const core::ParticipantId me = m.session.me();
  const bool organiser = m.session.role() == core::Role::Organiser;
  if (screen.live()) {
    ImGui::TextDisabled(board.status == core::PitchStatus::Paused ? "PAUSED" : "PITCHING NOW");
    ImGui::SetWindowFontScale(1.5f);
    company_card(m, board.pitching_now);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::Spacing();
    const bool over_time = board.time_left_ms < 0;
    ImGui::SetWindowFontScale(2.2f);
    ImGui::TextColored(
        over_time ? error_colour()
                  : (board.status == core::PitchStatus::Paused ? muted_colour() : ok_colour()),
        "%s", time_left_text(board.time_left_ms).c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled(
        over_time ? "over time"
                  : (board.status == core::PitchStatus::Paused ? "left (paused)" : "left"));
    // Anyone but the pitcher may tap "interested"; organisers and brokers do not take part.
    if (m.session.role() == core::Role::Participant && me != 0 && me != board.pitching_now) {
      const bool mine = screen.interested(me);
      if (mine) {
        ImGui::TextColored(ok_colour(), "You are interested.");
        ImGui::SameLine();
        if (ImGui::SmallButton("Take it back"))
          m.submit(screen.interest_operation(me), "No longer marked as interested");
      } else if (ImGui::Button("Interested",
                               ImVec2(ImGui::GetFontSize() * 10, ImGui::GetFontSize() * 2.2f))) {
        m.submit(screen.interest_operation(me),
                 "Marked as interested in " + m.session.name_of(board.pitching_now));
      }
    }
    ImGui::Text("%zu interested", board.interested.size());
    if (me == board.pitching_now || organiser) {
      if (me == board.pitching_now) ImGui::TextUnformatted("Interested in your pitch:");
      people_list(m, board.interested);
    }
  } else if (board.status == core::PitchStatus::Finished) {
    ImGui::TextUnformatted("The pitching session is over.");
  } else {
    ImGui::TextDisabled(board.status == core::PitchStatus::NotStarted ? "Not started yet."
                                                                      : "Between pitches.");
  }
  if (board.next_pitcher != 0) {
    ImGui::Spacing();
    ImGui::TextDisabled("NEXT");
    company_card(m, board.next_pitcher);
    if (board.next_pitcher == me) ImGui::TextColored(ok_colour(), "You pitch next: get ready.");
  }
  if (organiser) {
    ImGui::Spacing();
    ImGui::Separator();
    organiser_controls(m);
  }
}

// [SECTION] The order

const char* outcome_label(const PitchScreen& screen, std::size_t i) {
  const core::Pitch& p = screen.pitches()[i];
  const auto& board = screen.board();
  if (board && board->current == static_cast<int>(i))
    return board->status == core::PitchStatus::Paused ? "paused" : "now";
  if (board && board->next == static_cast<int>(i)) return "next";
  switch (p.outcome) {
    case core::PitchOutcome::Done:
      return "given";
    case core::PitchOutcome::Skipped:
      return "skipped";
    case core::PitchOutcome::Pending:
      return "to come";
  }
  return "";
}

// The order as it stands: read-only once the organiser has set it (or for everyone else).
void order_table(ClientModels& m) {
  const PitchScreen& screen = m.pitch;
  if (!ImGui::BeginTable(
          "order", 5,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
          ImVec2(0, ImGui::GetContentRegionAvail().y))) {
    return;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 1.5f);
  ImGui::TableSetupColumn("Company", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Min", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
  ImGui::TableSetupColumn("Interested", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::GetFontSize() * 4.5f);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < screen.pitches().size(); ++i) {
    const core::Pitch& p = screen.pitches()[i];
    const PersonSummary who = person_summary(m.session, p.pitcher);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%zu", i + 1);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(who.organisation.c_str());
    person_link(m, p.pitcher, who.name);
    ImGui::SameLine();
    ImGui::TextDisabled("(%s), %s, %s", who.type.c_str(), who.sector.c_str(), who.city.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%d", p.minutes);
    ImGui::TableNextColumn();
    const char* label = outcome_label(screen, i);
    const bool now = screen.board() && screen.board()->current == static_cast<int>(i);
    if (now) {
      ImGui::TextColored(ok_colour(), "%s", label);
    } else {
      ImGui::TextDisabled("%s", label);
    }
    ImGui::TableNextColumn();
    ImGui::Text("%zu", p.interested.size());
  }
  ImGui::EndTable();
}

// The organiser's draft: companies in order with their minutes, moved up and down.
void order_editor(ClientModels& m) {
  PitchScreen& screen = m.pitch;
  ImGui::TextUnformatted("Pitch order");
  ImGui::SameLine();
  ImGui::TextDisabled("(fixed once the first pitch starts)");
  const float font = ImGui::GetFontSize();
  // As tall as its rows, up to what leaves room for the Save button.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row = ImGui::GetFrameHeight() + style.CellPadding.y * 2;
  const float below = ImGui::GetFrameHeightWithSpacing() * 2;
  const float rows = row * static_cast<float>(screen.order().size() + 1) + style.CellPadding.y * 2;
  const float height = std::max(std::min(rows, ImGui::GetContentRegionAvail().y - below), row * 3);
  const float controls = ImGui::GetFrameHeight() * 2 + ImGui::CalcTextSize("Remove").x +
                         style.FramePadding.x * 2 + style.ItemSpacing.x * 2;
  if (ImGui::BeginTable(
          "order-draft", 4,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
          ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, font * 1.5f);
    ImGui::TableSetupColumn("Company", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Minutes", ImGuiTableColumnFlags_WidthFixed, font * 6);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, controls);
    ImGui::TableHeadersRow();
    std::size_t remove = SIZE_MAX;
    std::size_t up = SIZE_MAX, down = SIZE_MAX;
    const auto& order = screen.order();
    for (std::size_t i = 0; i < order.size(); ++i) {
      ImGui::PushID(static_cast<int>(order[i].pitcher));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::Text("%zu", i + 1);
      ImGui::TableNextColumn();
      const PersonSummary who = person_summary(m.session, order[i].pitcher);
      ImGui::AlignTextToFramePadding();
      ImGui::Text("%s", who.organisation.c_str());
      ImGui::SameLine();
      person_link(m, order[i].pitcher, who.name);
      ImGui::SameLine();
      ImGui::TextDisabled("(%s), %s", who.type.c_str(), who.sector.c_str());
      ImGui::TableNextColumn();
      int minutes = order[i].minutes;
      ImGui::SetNextItemWidth(-1);
      if (ImGui::InputInt("##minutes", &minutes, 1, 5)) screen.set_minutes(i, minutes);
      ImGui::TableNextColumn();
      if (ImGui::ArrowButton("up", ImGuiDir_Up)) up = i;
      ImGui::SameLine();
      if (ImGui::ArrowButton("down", ImGuiDir_Down)) down = i;
      ImGui::SameLine();
      if (ImGui::SmallButton("Remove")) remove = i;
      ImGui::PopID();
    }
    ImGui::EndTable();
    // Changed after drawing, so that the rows drawn match the list.
    if (up != SIZE_MAX) screen.move(up, -1);
    if (down != SIZE_MAX) screen.move(down, +1);
    if (remove != SIZE_MAX) screen.remove(remove);
  }
  if (screen.order().empty())
    ImGui::TextDisabled("No company yet: add the companies that pitch below.");
  ImGui::BeginDisabled(screen.order().empty() || !screen.order_changed());
  if (ImGui::Button("Save the order")) {
    m.submit(screen.order_operation(),
             "Pitch order saved: " + std::to_string(screen.order().size()) + " companies");
  }
  ImGui::EndDisabled();
  if (screen.order_changed() && !screen.order().empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("not saved yet");
  }
}

// The companies that may join the order, searchable, each with an Add button.
void company_picker(ClientModels& m) {
  PitchScreen& screen = m.pitch;
  const float font = ImGui::GetFontSize();
  ImGui::TextUnformatted("Add a company");
  ImGui::SetNextItemWidth(font * 14);
  ImGui::InputTextWithHint("##company-search", "search companies", &screen.company_search);
  ImGui::SameLine();
  label_left("minutes each");
  ImGui::SetNextItemWidth(font * 6);
  ImGui::InputInt("##minutes-each", &screen.minutes, 1, 5);
  screen.minutes = std::clamp(screen.minutes, 1, core::kMaxPitchMinutes);
  const auto candidates = screen.candidates(m.session);
  if (ImGui::BeginChild("candidates", ImVec2(0, 0), true)) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(candidates.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const core::ParticipantId id = candidates[static_cast<std::size_t>(i)];
        ImGui::PushID(static_cast<int>(id));
        if (ImGui::SmallButton("Add")) screen.add(id);
        ImGui::SameLine();
        const PersonSummary who = person_summary(m.session, id);
        ImGui::Text("%s", who.organisation.c_str());
        ImGui::SameLine();
        person_link(m, id, who.name);
        ImGui::SameLine();
        ImGui::TextDisabled("(%s), %s, %s", who.type.c_str(), who.sector.c_str(), who.city.c_str());
        ImGui::PopID();
      }
    }
    if (candidates.empty()) ImGui::TextDisabled("No other active company matches.");
  }
  ImGui::EndChild();
}

// [SECTION] Follow-ups

void follow_ups(ClientModels& m, const core::PitchFollowUp& mine) {
  PitchScreen& screen = m.pitch;
  ImGui::Separator();
  ImGui::TextUnformatted("After your pitch");
  if (mine.interested.empty()) {
    ImGui::TextDisabled("Nobody tapped \"interested\" during your pitch.");
    return;
  }
  ImGui::Text("%zu people were interested; send them meeting requests in one step.",
              mine.interested.size());
  int chosen = 0;
  for (const core::ParticipantId who : mine.interested) {
    ImGui::PushID(static_cast<int>(who));
    const bool requestable =
        std::find(mine.requestable.begin(), mine.requestable.end(), who) != mine.requestable.end();
    const PersonSummary p = person_summary(m.session, who);
    const std::string line = p.name + " (" + p.type + "), " + p.organisation;
    if (requestable && !screen.sent(who)) {
      bool pick = screen.picked(who);
      if (ImGui::Checkbox(line.c_str(), &pick)) screen.toggle_pick(who);
      chosen += pick;
    } else {
      ImGui::BulletText("%s", line.c_str());
      ImGui::SameLine();
      ImGui::TextDisabled(screen.sent(who) ? "request sent" : "already in touch");
    }
    ImGui::SameLine();
    person_link(m, who, "profile");
    ImGui::SameLine();
    ImGui::TextDisabled("%s, %s, %s", p.sector.c_str(), p.city.c_str(), p.country.c_str());
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##follow-up-message", &screen.follow_up_message);
  ImGui::BeginDisabled(chosen == 0);
  const std::string label =
      "Send " + std::to_string(chosen) + (chosen == 1 ? " meeting request" : " meeting requests");
  if (ImGui::Button(label.c_str())) {
    auto ops = screen.follow_up_operations(m.session);
    if (!ops) {
      m.report(ops.error(), "");
    } else {
      std::vector<core::OperationPayload> payloads;
      for (const core::Operation& op : *ops) payloads.push_back(op.payload);
      const std::size_t count = payloads.size();
      if (m.submit_all(std::move(payloads),
                       "Sent " + std::to_string(count) +
                           (count == 1 ? " meeting request" : " meeting requests")))
        screen.mark_sent(*ops);
    }
  }
  ImGui::EndDisabled();
}

}  // namespace

void draw_pitch_view(ClientModels& m) {
  PitchScreen& screen = m.pitch;
  screen.refresh(m.session, m.now_ms);
  const bool organiser = m.session.role() == core::Role::Organiser;
  if (screen.sessions().empty()) {
    ImGui::TextDisabled(organiser ? "No pitching session yet: add one on the Event screen."
                                  : "No pitching session in this event yet.");
    return;
  }
  session_picker(m);
  ImGui::Separator();
  const auto& board = screen.board();
  if (!board && !organiser) {
    ImGui::TextDisabled("The organiser has not set the pitch order yet.");
    return;
  }
  const float width = ImGui::GetContentRegionAvail().x;
  // Before the first pitch the organiser edits the order on the left and picks companies on the
  // right; from then on the stage is on the left and the order on the right.
  const bool editing = organiser && !screen.started();
  ImGui::BeginChild("stage", ImVec2(width * 0.52f, 0));
  if (board) {
    draw_stage(m);
  } else {
    ImGui::TextDisabled(
        "Set the pitch order first: add the companies that pitch and their minutes.");
  }
  if (const core::PitchFollowUp* mine = screen.my_follow_up(m.session.me())) follow_ups(m, *mine);
  if (editing) {
    ImGui::Separator();
    order_editor(m);
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("order-pane", ImVec2(0, 0));
  if (editing) {
    company_picker(m);
  } else {
    ImGui::TextUnformatted("Pitch order");
    order_table(m);
  }
  ImGui::EndChild();
}

}  // namespace crossmatch::client
