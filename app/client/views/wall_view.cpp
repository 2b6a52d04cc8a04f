// The big screen in the room (`--screen wall`, full screen on a projector): the pitch on stage
// with its time left (red and counting on when over) and who is next; otherwise the live figures
// and the countdown to the next team round; and which table each person goes to in the slot under
// way or next, page by page when they do not fit.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/client/state/wall_board.hpp"
#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {
namespace {

constexpr std::int64_t kPageMs = 10'000;  // a page of seats stays this long

// Text sizes follow the window's height, so that a projector's full screen reads from the back.
class Sizes {
 public:
  Sizes() : unit_(std::max(1.0f, ImGui::GetContentRegionAvail().y / 560.0f)) {}
  void use(float scale) const { ImGui::SetWindowFontScale(scale * unit_); }

 private:
  float unit_;
};

void centred(const char* text) {
  const float width = ImGui::CalcTextSize(text).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) / 2);
  ImGui::TextUnformatted(text);
}

void draw_pitch(const WallPitch& p, const Sizes& size) {
  size.use(1.4f);
  ImGui::TextDisabled("%s", p.session.c_str());
  if (p.between) {
    size.use(2.4f);
    centred(tr("Next on stage"));
    size.use(4.0f);
    centred(p.next_company.empty() ? "..." : p.next_company.c_str());
    return;
  }
  size.use(4.0f);
  centred(p.company.c_str());
  size.use(1.6f);
  centred(p.presenter.c_str());
  size.use(7.0f);
  const bool over = p.time_left_ms < 0;
  const ImVec4 colour = over                      ? error_colour()
                        : p.time_left_ms < 60'000 ? warning_colour()
                                                  : ImGui::GetStyleColorVec4(ImGuiCol_Text);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  const std::string left = time_left_text(p.time_left_ms);
  centred(left.c_str());
  ImGui::PopStyleColor();
  size.use(1.6f);
  // TRANSLATORS: under a pitch's time left on the big screen: its clock is stopped
  if (p.paused) centred(tr("paused"));
  // TRANSLATORS: under a pitch's time left on the big screen: it has run past its time
  if (over) centred(tr("over time"));
  size.use(2.0f);
  std::string next = tr("The last pitch of the session");
  // TRANSLATORS: %s is the company that pitches next
  if (!p.next_company.empty()) next = format_text(tr("Next: %s"), p.next_company.c_str());
  centred(next.c_str());
}

void figure(const char* name, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(name);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(value.c_str());
}

void draw_figures(const ClientModels& m, const WallFigures& f, const Sizes& size) {
  size.use(2.2f);
  centred(m.session.state().event.name.c_str());
  size.use(1.7f);
  if (ImGui::BeginTable("figures", 2, ImGuiTableFlags_SizingFixedFit)) {
    if (f.checking_in) {
      // TRANSLATORS: people arrived of those expected, "12 of 40"
      const std::string arrived = format_text(tr("%d of %d"), f.arrived, f.participants);
      figure(tr("Arrived"), arrived);
    } else {
      figure(tr("Participants"), std::to_string(f.participants));
    }
    figure(tr("Meetings held today"), std::to_string(f.held_today));
    figure(tr("Cross-sector meetings"), std::to_string(f.cross_sector_percent) + " %");
    figure(tr("Cross-border meetings"), std::to_string(f.cross_border_percent) + " %");
    const int made = f.relationships, target = f.relationship_target;
    std::string relationships = std::to_string(made);
    if (target > 0)
      // TRANSLATORS: new relationships made, of the organiser's target: "12 of a target of 25"
      relationships = format_text(tr("%d of a target of %d"), made, target);
    figure(tr("New relationships"), relationships);
    ImGui::EndTable();
  }
  if (f.next_round_ms != 0) {
    size.use(2.2f);
    // TRANSLATORS: the next team round's name and the time until it starts, "Round 2 in 12:04"
    const std::string line = format_text(tr("%s in %s"), f.next_round.c_str(),
                                         countdown(m.now_ms, f.next_round_ms).c_str());
    ImGui::TextColored(ok_colour(), "%s", line.c_str());
  }
}

void draw_seats(const ClientModels& m, const WallSlot& slot, const Sizes& size) {
  size.use(1.7f);
  ImGui::Separator();
  std::string head;
  if (slot.under_way)
    // TRANSLATORS: heading of the big screen's list of people and their tables in the slot under
    // way; %s is the slot, "Thu 14 May 10:20"
    head = format_text(tr("Now, %s: your table"), slot.label.c_str());
  else
    // TRANSLATORS: heading of the big screen's list of people and their tables in the next slot;
    // %s is the slot, "Thu 14 May 10:20"
    head = format_text(tr("Next, %s: your table"), slot.label.c_str());
  ImGui::TextUnformatted(head.c_str());
  size.use(1.3f);
  const float row = ImGui::GetTextLineHeightWithSpacing();
  const float column_width = ImGui::CalcTextSize("Maria Ferreira-Silva   Table 120").x;
  const int columns =
      std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / (column_width * 1.1f)));
  const int rows =
      std::max(1, static_cast<int>((ImGui::GetContentRegionAvail().y - 2 * row) / row));
  const int per_page = rows * columns;
  const int count = static_cast<int>(slot.seats.size());
  const int pages = (count + per_page - 1) / per_page;
  const int page = pages > 1 ? static_cast<int>((m.now_ms / kPageMs) % pages) : 0;
  const int first = page * per_page;
  const int shown = std::min(per_page, count - first);
  const int used_rows = std::min(rows, (shown + columns - 1) / columns);
  if (ImGui::BeginTable("seats", columns * 2, ImGuiTableFlags_SizingFixedFit)) {
    for (int r = 0; r < used_rows; ++r) {
      ImGui::TableNextRow();
      for (int c = 0; c < columns; ++c) {
        // Down each column first, as people read a list.
        const int i = first + c * used_rows + r;
        ImGui::TableNextColumn();
        if (i < first + shown) ImGui::TextUnformatted(slot.seats[i].person.c_str());
        ImGui::TableNextColumn();
        if (i < first + shown) ImGui::TextColored(ok_colour(), "%s", slot.seats[i].table.c_str());
      }
    }
    ImGui::EndTable();
  }
  if (pages > 1) {
    size.use(1.0f);
    // TRANSLATORS: the big screen shows the list page by page; "s" is seconds
    ImGui::TextDisabled(tr("page %d of %d (the next in %lld s)"), page + 1, pages,
                        static_cast<long long>((kPageMs - m.now_ms % kPageMs + 999) / 1000));
  }
}

}  // namespace

void draw_wall_view(ClientModels& m) {
  const WallBoard board = wall_board(m.session, m.now_ms);
  const Sizes size;
  if (board.pitch) {
    draw_pitch(*board.pitch, size);
  } else {
    draw_figures(m, board.figures, size);
    if (board.slot) draw_seats(m, *board.slot, size);
  }
  ImGui::SetWindowFontScale(1.0f);
}

}  // namespace crossmatch::client
