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
      // TRANSLATORS: the state of a pitching session
      return tr("not started");
    case core::PitchStatus::Pitching:
      // TRANSLATORS: the state of a pitching session: someone is pitching
      return tr("pitching");
    case core::PitchStatus::Paused:
      // TRANSLATORS: the state of a pitching session: the pitch on stage is paused
      return tr("paused");
    case core::PitchStatus::Between:
      // TRANSLATORS: the state of a pitching session: one pitch ended, the next not started
      return tr("between pitches");
    case core::PitchStatus::Finished:
      // TRANSLATORS: the state of a pitching session: it has ended
      return tr("over");
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

void pitch_session_picker(ClientModels& m) {
  PitchScreen& screen = m.pitch;
  const core::EventState& state = m.session.state();
  const core::Session* current = state.session(screen.session());
  const std::string preview = current
                                  ? current->name + ", " + core::format_day_label(current->date) +
                                        " " + core::format_time_of_day(current->start)
                                  : std::string(tr("choose a pitching session"));
  label_left(tr("Session"));
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
    const std::size_t in_order = screen.pitches().size();
    // The state, then a list of counts: "pitching; 2 given, 1 skipped, 8 in the order".
    // TRANSLATORS: how many pitches were given so far
    const std::string given = format_text(
        tr_n("%d given", "%d given", static_cast<unsigned long>(board->done)), board->done);
    // TRANSLATORS: how many pitches were skipped so far
    const std::string skipped =
        format_text(tr_n("%d skipped", "%d skipped", static_cast<unsigned long>(board->skipped)),
                    board->skipped);
    // TRANSLATORS: how many companies are in the pitch order
    const std::string listed =
        format_text(tr_n("%zu in the order", "%zu in the order", in_order), in_order);
    ImGui::TextDisabled("%s; %s, %s, %s", status_label(board->status), given.c_str(),
                        skipped.c_str(), listed.c_str());
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
  control(board.status == core::PitchStatus::NotStarted ? tr("Start the first pitch")
                                                        : tr("Start the next pitch"),
          core::PitchAction::Start, !over && !live && board.next_pitcher != 0,
          // TRANSLATORS: the status line once a pitch started; %s is who pitches
          format_text(tr("Started: %s"), next.c_str()));
  if (board.status == core::PitchStatus::Paused) {
    // TRANSLATORS: a button that resumes the paused pitch (and its clock)
    control(tr("Resume"), core::PitchAction::Resume, true, tr("Resumed"));
  } else {
    // TRANSLATORS: a button that pauses the pitch (and its clock)
    control(tr("Pause"), core::PitchAction::Pause, board.status == core::PitchStatus::Pitching,
            // TRANSLATORS: the status line once the pitch is paused
            tr("Paused"));
  }
  control(tr("End this pitch"), core::PitchAction::End, live, tr("Pitch ended"));
  // A skip can be taken back: Undo re-opens the pitch.
  const core::ParticipantId skipped = screen.skip_target();
  ImGui::BeginDisabled(over || skipped == 0);
  if (ImGui::Button(live ? tr("Skip this pitch") : tr("Skip the next pitch")))
    m.submit_undoable(screen.control(core::PitchAction::Skip),
                      // TRANSLATORS: the status line once a pitch was skipped; %s is whose
                      format_text(tr("Skipped: %s"), m.session.name_of(skipped).c_str()),
                      screen.skip_undo(m.session));
  ImGui::EndDisabled();
  // Ending the whole session is set apart from the pitch's controls, and asks first: the
  // companies still to come never pitch.
  ImGui::NewLine();
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  // TRANSLATORS: before the button that ends the whole pitching session
  ImGui::TextDisabled("%s", tr("The whole session:"));
  ImGui::SameLine();
  ImGui::BeginDisabled(over);
  // TRANSLATORS: ends the whole pitching session (asks first)
  if (ImGui::Button(tr("End the session..."))) m.ask(screen.finish_confirmation(m.session));
  ImGui::EndDisabled();
}

void draw_stage(ClientModels& m) {
  PitchScreen& screen = m.pitch;
  const core::PitchBoard& board = *screen.board();
  const core::ParticipantId me = m.session.me();
  const bool organiser = m.session.role() == core::Role::Organiser;
  if (screen.live()) {
    ImGui::TextDisabled(
        "%s", board.status == core::PitchStatus::Paused ? tr("PAUSED") : tr("PITCHING NOW"));
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
    if (over_time) {
      // TRANSLATORS: after a pitch's clock that has run out: "+00:35 over time"
      ImGui::TextDisabled("%s", tr("over time"));
    } else if (board.status == core::PitchStatus::Paused) {
      // TRANSLATORS: after a paused pitch's clock: "04:12 left (paused)"
      ImGui::TextDisabled("%s", tr("left (paused)"));
    } else {
      // TRANSLATORS: after a pitch's clock: "04:12 left"
      ImGui::TextDisabled("%s", tr("left"));
    }
    // Anyone but the pitcher may tap "interested"; organisers and brokers do not take part.
    if (m.session.role() == core::Role::Participant && me != 0 && me != board.pitching_now) {
      const bool mine = screen.interested(me);
      if (mine) {
        ImGui::TextColored(ok_colour(), "%s", tr("You are interested."));
        ImGui::SameLine();
        // TRANSLATORS: a button that withdraws one's "interested" in the company pitching
        if (ImGui::SmallButton(tr("Take it back")))
          m.submit(screen.interest_operation(me), tr("No longer marked as interested"));
      } else if (ImGui::Button(tr("Interested"),
                               ImVec2(ImGui::GetFontSize() * 10, ImGui::GetFontSize() * 2.2f))) {
        m.submit(screen.interest_operation(me),
                 format_text(tr("Marked as interested in %s"),
                             m.session.name_of(board.pitching_now).c_str()));
      }
    }
    const std::size_t interested = board.interested.size();
    // TRANSLATORS: how many people tapped "interested" during the pitch
    ImGui::Text(tr_n("%zu interested", "%zu interested", interested), interested);
    if (me == board.pitching_now || organiser) {
      if (me == board.pitching_now) ImGui::TextUnformatted(tr("Interested in your pitch:"));
      people_list(m, board.interested);
    }
  } else if (board.status == core::PitchStatus::Finished) {
    ImGui::TextUnformatted(tr("The pitching session is over."));
  } else {
    ImGui::TextDisabled("%s", board.status == core::PitchStatus::NotStarted
                                  ? tr("Not started yet.")
                                  : tr("Between pitches."));
  }
  if (board.next_pitcher != 0) {
    ImGui::Spacing();
    // TRANSLATORS: a heading above the company that pitches next
    ImGui::TextDisabled("%s", tr("NEXT"));
    company_card(m, board.next_pitcher);
    if (board.next_pitcher == me)
      ImGui::TextColored(ok_colour(), "%s", tr("You pitch next: get ready."));
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
  if (board && board->current == static_cast<int>(i)) {
    // TRANSLATORS: a pitch in the order: the one on stage, paused
    if (board->status == core::PitchStatus::Paused) return tr_ctx("pitch", "paused");
    // TRANSLATORS: a pitch in the order: the one on stage now
    return tr_ctx("pitch", "now");
  }
  // TRANSLATORS: a pitch in the order: the one after the pitch on stage
  if (board && board->next == static_cast<int>(i)) return tr_ctx("pitch", "next");
  switch (p.outcome) {
    case core::PitchOutcome::Done:
      // TRANSLATORS: a pitch in the order: it was given
      return tr_ctx("pitch", "given");
    case core::PitchOutcome::Skipped:
      // TRANSLATORS: a pitch in the order: it was skipped (the company did not pitch)
      return tr_ctx("pitch", "skipped");
    case core::PitchOutcome::Pending:
      // TRANSLATORS: a pitch in the order: it is still to come
      return tr_ctx("pitch", "to come");
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
  // TRANSLATORS: a column: the pitch's place in the order (1, 2, 3...)
  ImGui::TableSetupColumn(tr("#"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 1.5f);
  ImGui::TableSetupColumn(tr("Company"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  // TRANSLATORS: a narrow column: the pitch's length in minutes
  ImGui::TableSetupColumn(tr("Min"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
  // TRANSLATORS: a column: how many people tapped "interested" during the pitch
  ImGui::TableSetupColumn(tr("Interested"), ImGuiTableColumnFlags_WidthFixed,
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
  ImGui::TextUnformatted(tr("Pitch order"));
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr("(fixed once the first pitch starts)"));
  const float font = ImGui::GetFontSize();
  // As tall as its rows, up to what leaves room for the Save button.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row = ImGui::GetFrameHeight() + style.CellPadding.y * 2;
  const float below = ImGui::GetFrameHeightWithSpacing() * 2;
  const float rows = row * static_cast<float>(screen.order().size() + 1) + style.CellPadding.y * 2;
  const float height = std::max(std::min(rows, ImGui::GetContentRegionAvail().y - below), row * 3);
  const float controls = ImGui::GetFrameHeight() * 2 + ImGui::CalcTextSize(tr("Remove")).x +
                         style.FramePadding.x * 2 + style.ItemSpacing.x * 2;
  if (ImGui::BeginTable(
          "order-draft", 4,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
          ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    // TRANSLATORS: a column: the pitch's place in the order (1, 2, 3...)
    ImGui::TableSetupColumn(tr("#"), ImGuiTableColumnFlags_WidthFixed, font * 1.5f);
    ImGui::TableSetupColumn(tr("Company"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("Minutes"), ImGuiTableColumnFlags_WidthFixed, font * 6);
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
      // TRANSLATORS: a button that takes the company out of the pitch order
      if (ImGui::SmallButton(tr("Remove"))) remove = i;
      ImGui::PopID();
    }
    ImGui::EndTable();
    // Changed after drawing, so that the rows drawn match the list.
    if (up != SIZE_MAX) screen.move(up, -1);
    if (down != SIZE_MAX) screen.move(down, +1);
    if (remove != SIZE_MAX) screen.remove(remove);
  }
  if (screen.order().empty())
    ImGui::TextDisabled("%s", tr("No company yet: add the companies that pitch below."));
  ImGui::BeginDisabled(screen.order().empty() || !screen.order_changed());
  if (ImGui::Button(tr("Save the order"))) {
    const std::size_t companies = screen.order().size();
    m.submit(screen.order_operation(),
             format_text(tr_n("Pitch order saved: %zu company", "Pitch order saved: %zu companies",
                              companies),
                         companies));
  }
  ImGui::EndDisabled();
  if (screen.order_changed() && !screen.order().empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("not saved yet"));
  }
}

// The companies that may join the order, searchable, each with an Add button.
void company_picker(ClientModels& m) {
  PitchScreen& screen = m.pitch;
  const float font = ImGui::GetFontSize();
  ImGui::TextUnformatted(tr("Add a company"));
  ImGui::SetNextItemWidth(font * 14);
  input_with_hint("##company-search", tr("search companies"), screen.company_search);
  ImGui::SameLine();
  // TRANSLATORS: before the pitch length given to each company added to the order
  label_left(tr("minutes each"));
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
        // TRANSLATORS: a button that adds the company to the pitch order
        if (ImGui::SmallButton(tr("Add"))) screen.add(id);
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
    if (candidates.empty()) ImGui::TextDisabled("%s", tr("No other active company matches."));
  }
  ImGui::EndChild();
}

// [SECTION] Follow-ups

void follow_ups(ClientModels& m, const core::PitchFollowUp& mine) {
  PitchScreen& screen = m.pitch;
  ImGui::Separator();
  ImGui::TextUnformatted(tr("After your pitch"));
  if (mine.interested.empty()) {
    ImGui::TextDisabled("%s", tr("Nobody tapped \"interested\" during your pitch."));
    return;
  }
  const std::size_t interested = mine.interested.size();
  ImGui::Text(
      tr_n("%zu person was interested; send them a meeting request in one step.",
           "%zu people were interested; send them meeting requests in one step.", interested),
      interested);
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
      // TRANSLATORS: beside a person after a pitch: a meeting request was sent to them, or they
      // already have a meeting or request with the pitcher
      ImGui::TextDisabled("%s", screen.sent(who) ? tr("request sent") : tr("already in touch"));
    }
    ImGui::SameLine();
    // TRANSLATORS: a link that opens the person's full profile
    person_link(m, who, tr("profile"));
    ImGui::SameLine();
    ImGui::TextDisabled("%s, %s, %s", p.sector.c_str(), p.city.c_str(), p.country.c_str());
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##follow-up-message", &screen.follow_up_message);
  ImGui::BeginDisabled(chosen == 0);
  const std::string label = format_text(tr_n("Send %d meeting request", "Send %d meeting requests",
                                             static_cast<unsigned long>(chosen)),
                                        chosen);
  if (ImGui::Button(label.c_str())) {
    auto ops = screen.follow_up_operations(m.session);
    if (!ops) {
      m.report(ops.error(), "");
    } else {
      std::vector<core::OperationPayload> payloads;
      for (const core::Operation& op : *ops) payloads.push_back(op.payload);
      const std::size_t count = payloads.size();
      if (m.submit_all(std::move(payloads), format_text(tr_n("Sent %zu meeting request",
                                                             "Sent %zu meeting requests", count),
                                                        count)))
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
    ImGui::TextDisabled("%s", organiser
                                  ? tr("No pitching session yet: add one on the Event screen.")
                                  : tr("No pitching session in this event yet."));
    return;
  }
  pitch_session_picker(m);
  ImGui::Separator();
  const auto& board = screen.board();
  if (!board && !organiser) {
    ImGui::TextDisabled("%s", tr("The organiser has not set the pitch order yet."));
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
        "%s", tr("Set the pitch order first: add the companies that pitch and their minutes."));
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
    ImGui::TextUnformatted(tr("Pitch order"));
    order_table(m);
  }
  ImGui::EndChild();
}

}  // namespace crossmatch::client
