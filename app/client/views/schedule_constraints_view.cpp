// On the Schedule screen: the organiser pins accepted meetings to a slot (any free table) and sets
// "A before B"; every auto-schedule keeps them.
#include <imgui.h>

#include <algorithm>

#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

// A combo of the accepted meetings by both people's names; `id` 0 shows "pick a meeting".
void meeting_combo(const char* label, core::MeetingId& id,
                   const std::vector<ConstrainedMeeting>& meetings, float width) {
  std::string preview = tr("pick a meeting");
  for (const ConstrainedMeeting& m : meetings) {
    if (m.id == id) preview = m.names;
  }
  ImGui::SetNextItemWidth(width);
  if (!ImGui::BeginCombo(label, preview.c_str())) return;
  for (const ConstrainedMeeting& m : meetings) {
    ImGui::PushID(static_cast<int>(m.id));
    if (ImGui::Selectable(m.names.c_str(), m.id == id)) id = m.id;
    ImGui::PopID();
  }
  ImGui::EndCombo();
}

void pin_rows(ClientModels& m, const std::vector<ConstrainedMeeting>& meetings,
              const std::vector<SlotChoice>& slots) {
  ScheduleConstraintsForm& form = m.schedule.constraints;
  const float font = ImGui::GetFontSize();
  const float rows = static_cast<float>(std::min<std::size_t>(meetings.size(), 8));
  ImGui::BeginChild("pins", ImVec2(0, (rows + 0.6f) * ImGui::GetFrameHeightWithSpacing()), true);
  for (const ConstrainedMeeting& meeting : meetings) {
    ImGui::PushID(static_cast<int>(meeting.id));
    ImGui::AlignTextToFramePadding();
    if (meeting.pinned) {
      ImGui::TextColored(ok_colour(), "* %s", meeting.names.c_str());
    } else {
      ImGui::TextUnformatted(meeting.names.c_str());
    }
    ImGui::SameLine(font * 22);
    const auto picked = form.picked(m.session, meeting);
    std::string preview = tr("no one-to-one slots");
    for (const SlotChoice& s : slots) {
      if (picked && s.slot == *picked) preview = s.label;
    }
    ImGui::SetNextItemWidth(font * 22);
    if (ImGui::BeginCombo("##slot", preview.c_str())) {
      for (const SlotChoice& s : slots) {
        ImGui::PushID(s.slot.session * 1000 + s.slot.index);
        if (ImGui::Selectable(s.label.c_str(), picked && s.slot == *picked))
          form.pin_choice[meeting.id] = s.slot;
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!picked || (meeting.pinned && picked == meeting.pinned));
    // TRANSLATORS: button that pins the meeting to the slot chosen beside it
    if (ImGui::Button(tr_ctx("button: pin a meeting", "Pin"))) form.pin(m, meeting);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!meeting.pinned);
    // TRANSLATORS: button that takes the pin off the meeting
    if (ImGui::Button(tr("Unpin"))) ScheduleConstraintsForm::unpin(m, meeting.id);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (meeting.pinned && meeting.pin_note.empty()) {
      // TRANSLATORS: %s is a slot, "Thu 14 May 10:20"
      ImGui::Text(tr("pinned to %s"), meeting.pinned_label.c_str());
    } else if (meeting.pinned) {
      // TRANSLATORS: a slot, "Thu 14 May 10:20", then a note on where the meeting is booked now
      ImGui::Text(tr("pinned to %s: %s"), meeting.pinned_label.c_str(), meeting.pin_note.c_str());
    } else if (!meeting.booked_label.empty()) {
      // TRANSLATORS: %s is a slot, "Thu 14 May 10:20"
      ImGui::TextDisabled(tr("booked on %s"), meeting.booked_label.c_str());
    } else {
      ImGui::TextDisabled("%s", tr("not booked yet"));
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void precedence_rows(ClientModels& m, const std::vector<ConstrainedMeeting>& meetings) {
  ScheduleConstraintsForm& form = m.schedule.constraints;
  const float font = ImGui::GetFontSize();
  ImGui::AlignTextToFramePadding();
  // TRANSLATORS: before two pickers of meetings: "Order: [meeting A] before [meeting B]"
  ImGui::TextUnformatted(tr("Order:"));
  ImGui::SameLine();
  meeting_combo("##before", form.before, meetings, font * 17);
  ImGui::SameLine();
  // TRANSLATORS: between two pickers of meetings: "Order: [meeting A] before [meeting B]"
  ImGui::TextUnformatted(tr("before"));
  ImGui::SameLine();
  meeting_combo("##after", form.after, meetings, font * 17);
  ImGui::SameLine();
  ImGui::BeginDisabled(form.before == 0 || form.after == 0);
  if (ImGui::Button(tr("Add order"))) form.add_precedence(m);
  ImGui::EndDisabled();
  const auto rows = ScheduleConstraintsForm::precedences(m.session);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::Bullet();
    ImGui::TextUnformatted(rows[i].text.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Remove")))
      ScheduleConstraintsForm::remove_precedence(m, rows[i].precedence);
    ImGui::PopID();
  }
}

}  // namespace

void draw_schedule_constraints(ClientModels& m) {
  const auto meetings = ScheduleConstraintsForm::meetings(m.session);
  int pinned = 0;
  for (const ConstrainedMeeting& meeting : meetings) pinned += meeting.pinned ? 1 : 0;
  const std::size_t orders = core::precedences(m.session.state()).size();
  // TRANSLATORS: meetings pinned to a slot, in "Pinned meetings and order (2 pinned, 1 ordered)"
  const std::string pinned_text = format_text(tr_n("%d pinned", "%d pinned", pinned), pinned);
  // TRANSLATORS: "A before B" orders set, in "Pinned meetings and order (2 pinned, 1 ordered)"
  const std::string orders_text = format_text(tr_n("%zu ordered", "%zu ordered", orders), orders);
  // TRANSLATORS: a heading that opens; "(2 pinned, 1 ordered)"
  const std::string title = format_text(tr("Pinned meetings and order (%s, %s)"),
                                        pinned_text.c_str(), orders_text.c_str());
  const std::string header = labelled(title.c_str(), "constraints");
  // Closed until the organiser opens it: the plan's grid keeps the screen's height.
  if (!ImGui::CollapsingHeader(header.c_str())) return;
  if (meetings.empty()) {
    note(tr("No accepted meetings yet: pins and order are set on accepted meetings."));
    return;
  }
  ImGui::TextDisabled(
      "%s", tr("A pinned meeting takes place in its slot (any free table); \"A before B\" holds A "
               "in an earlier slot. Every auto-schedule keeps them."));
  pin_rows(m, meetings, ScheduleConstraintsForm::slots(m.session));
  precedence_rows(m, meetings);
  ImGui::Separator();
}

}  // namespace crossmatch::client
