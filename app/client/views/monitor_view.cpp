// The broker monitor: counts, the feed of new pairings, and accepted meetings by sector pair and
// by city pair.
#include <imgui.h>

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include "app/client/state/arrivals.hpp"
#include "app/client/state/heat_scale.hpp"
#include "app/client/state/person_summary.hpp"
#include "app/client/views/broker_views.hpp"
#include "app/client/views/person_views.hpp"
#include "app/client/views/widgets.hpp"
#include "core/event/booking.hpp"
#include "core/event/refill.hpp"

namespace crossmatch::client {

namespace {

constexpr std::size_t kRefillSlotsAhead = 3;

// The organiser offers the next slots, freed ones among them, to people on standby.
void draw_refill_offers(ClientModels& m) {
  const core::EventState& state = m.session.state();
  int standby = 0;
  for (const auto& [id, p] : state.participants) standby += p.active() && p.standby;
  std::vector<core::SlotRef> next;
  for (const core::SlotRef slot : core::meeting_slots(state)) {
    if (m.session.slot_start_ms(slot) > m.now_ms) next.push_back(slot);
    if (next.size() == kRefillSlotsAhead) break;
  }
  ImGui::BeginDisabled(standby < 2 || next.empty());
  if (ImGui::Button(tr("Offer the next slots to people on standby"))) {
    std::vector<core::OperationPayload> offers;
    for (core::OfferSlot& offer : core::plan_refill_offers(state, m.session.taxonomy(), next))
      offers.push_back(std::move(offer));
    if (offers.empty()) {
      m.report(core::Status::success(), tr("No pair on standby is free in the next slots"));
    } else {
      const std::size_t n = offers.size();
      m.submit_all(std::move(offers),
                   format_text(tr_n("Offered %zu freed slot", "Offered %zu freed slots", n), n));
    }
  }
  ImGui::EndDisabled();
  const std::string on_standby = format_text(
      // TRANSLATORS: how many participants are on the standby list (put in place of the %s of
      // "%s; offers the next %zu slots, one pair each")
      tr_n("%d on standby", "%d on standby", standby), standby);
  const std::string offers =
      // TRANSLATORS: %s is how many are on standby, e.g. "6 on standby"
      format_text(tr_n("%s; offers the next %zu slot, one pair each",
                       "%s; offers the next %zu slots, one pair each", next.size()),
                  on_standby.c_str(), next.size());
  text_beside(offers.c_str(), ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
}

}  // namespace

void draw_monitor_view(ClientModels& m) {
  m.monitor.refresh(m.session, m.now_ms);
  const core::EventStatistics& s = m.monitor.statistics();
  {
    const auto pct = [](double v) {
      return std::to_string(static_cast<int>(v * 100 + 0.5)) + " %";
    };
    figures({
        // TRANSLATORS: statistics: how many people take part
        {tr("Participants"), std::to_string(s.participants)},
        // TRANSLATORS: statistics: how many people have arrived at the venue
        {tr("Arrived"), std::to_string(s.arrived)},
        // TRANSLATORS: statistics: how many meeting requests were made
        {tr("Requests"), std::to_string(s.requests)},
        // TRANSLATORS: statistics: meetings accepted
        {tr("Accepted"), std::to_string(s.accepted)},
        // TRANSLATORS: statistics: meetings that took place
        {tr("Held"), std::to_string(s.held)},
        // TRANSLATORS: statistics: the share of accepted meetings between different sectors
        {tr("Cross-sector"), pct(s.share_cross_sector())},
        // TRANSLATORS: statistics: the share of accepted meetings between different countries
        {tr("Cross-border"), pct(s.share_cross_border())},
    });
  }
  if (const auto late = people_not_arrived(m.session, m.now_ms); !late.empty()) {
    ImGui::TextColored(warning_colour(),
                       tr("Not arrived yet, though their meetings have started (%zu):"),
                       late.size());
    std::string names;
    for (const core::ParticipantId p : late)
      names += (names.empty() ? "" : ", ") + m.session.name_of(p);
    ImGui::TextWrapped("%s", names.c_str());
  }
  if (m.session.role() == core::Role::Organiser) draw_refill_offers(m);
  ImGui::Separator();
  const float avail = ImGui::GetContentRegionAvail().x;
  ImGui::BeginChild("feed", ImVec2(avail * 0.34f, 0), true);
  ImGui::TextUnformatted(tr("New pairings"));
  for (const Pairing& p : m.monitor.feed()) {
    const std::time_t t = static_cast<std::time_t>(p.accepted_at / 1000);
    std::tm tm{};
    char when[16] = "";
    if (localtime_r(&t, &tm) != nullptr) std::strftime(when, sizeof when, "%H:%M:%S", &tm);
    ImGui::PushID(static_cast<int>(p.meeting));
    ImGui::TextDisabled("%s", when);
    ImGui::SameLine();
    person_link(m, p.first, name_with_type(m.session, p.first));
    ImGui::SameLine();
    ImGui::TextUnformatted("+");
    ImGui::SameLine();
    person_link(m, p.second, name_with_type(m.session, p.second));
    if (p.cross_sector || p.cross_border) {
      ImGui::SameLine();
      // TRANSLATORS: marks on a new pairing: the two are of different sectors, of different
      // countries
      ImGui::TextDisabled("%s%s%s", p.cross_sector ? tr("[cross-sector]") : "",
                          p.cross_border ? " " : "", p.cross_border ? tr("[cross-border]") : "");
    }
    ImGui::PopID();
  }
  if (m.monitor.feed().empty()) note(tr("No accepted meetings yet."));
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("maps", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  const float cell = ImGui::GetFontSize() * 1.8f;
  ImGui::TextUnformatted(tr("Accepted meetings by sector pair"));
  draw_count_matrix("sectors", m.monitor.sectors(), cell);
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("Accepted meetings by city pair"));
  draw_count_matrix("cities", m.monitor.cities(), cell);
  ImGui::EndChild();
}

namespace {

ImU32 to_imgui(Rgb c) {
  return IM_COL32(c.r, c.g, c.b, 255);
}

}  // namespace

// Rows are labelled "1 Architecture", columns by the same numbers; each cell holds its count in
// a colour legible on it, so the map reads without colour; the scale's legend is below.
void draw_count_matrix(const char* id, const CountMatrix& matrix, float cell) {
  const std::size_t n = matrix.labels.size();
  if (n == 0) {
    // TRANSLATORS: in place of a map of counts that has nothing to count yet
    ImGui::TextDisabled("%s", tr("nothing yet"));
    return;
  }
  std::vector<std::string> rows;
  float label_width = 0;
  for (std::size_t r = 0; r < n; ++r) {
    rows.push_back(std::to_string(r + 1) + "  " + matrix.labels[r]);
    label_width = std::max(label_width, ImGui::CalcTextSize(rows.back().c_str()).x);
  }
  label_width += ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 empty = ImGui::GetColorU32(ImGuiCol_FrameBg);
  const auto centred = [&](float x, float y, const std::string& s, ImU32 colour) {
    const ImVec2 size = ImGui::CalcTextSize(s.c_str());
    draw->AddText(ImVec2(x + (cell - size.x) * 0.5f, y + (cell - line) * 0.5f), colour, s.c_str());
  };
  // Column numbers above the grid.
  for (std::size_t c = 0; c < n; ++c)
    centred(origin.x + label_width + static_cast<float>(c) * cell, origin.y, std::to_string(c + 1),
            text);
  const float top = origin.y + cell;
  for (std::size_t r = 0; r < n; ++r) {
    const float y = top + static_cast<float>(r) * cell;
    draw->AddText(ImVec2(origin.x, y + (cell - line) * 0.5f), text, rows[r].c_str());
    for (std::size_t c = 0; c < n; ++c) {
      const float x = origin.x + label_width + static_cast<float>(c) * cell;
      const int v = matrix.at(r, c);
      if (v == 0) {
        draw->AddRectFilled(ImVec2(x, y), ImVec2(x + cell - 1, y + cell - 1), empty);
        continue;
      }
      const ImU32 colour = to_imgui(heat_cell(v, matrix.max));
      draw->AddRectFilled(ImVec2(x, y), ImVec2(x + cell - 1, y + cell - 1), colour);
      // The count itself, so that the colour is never the only way to read a cell.
      cell_number(draw, ImVec2(x, y), cell - 1, v, colour);
    }
  }
  const ImVec2 size(label_width + static_cast<float>(n) * cell, static_cast<float>(n + 1) * cell);
  ImGui::InvisibleButton(id, size);
  if (ImGui::IsItemHovered()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const int c = static_cast<int>((mouse.x - origin.x - label_width) / cell);
    const int r = static_cast<int>((mouse.y - top) / cell);
    if (mouse.x >= origin.x + label_width && mouse.y >= top && c < static_cast<int>(n) &&
        r < static_cast<int>(n)) {
      // TRANSLATORS: a cell of a map of accepted meetings: the row's sector or city, the
      // column's, and how many meetings between them
      ImGui::SetTooltip(tr("%s with %s: %d"), matrix.labels[static_cast<std::size_t>(r)].c_str(),
                        matrix.labels[static_cast<std::size_t>(c)].c_str(),
                        matrix.at(static_cast<std::size_t>(r), static_cast<std::size_t>(c)));
    }
  }
  // The legend: the scale from 1 to the most, and what a blank cell means.
  // TRANSLATORS: the legend of a map of counts: a blank cell means none; the colour scale
  // follows, from 1
  ImGui::TextDisabled("%s", tr("blank: none   1"));
  ImGui::SameLine();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = cell * 6;
  for (int i = 0; i < 24; ++i) {
    const float x0 = at.x + width * static_cast<float>(i) / 24;
    draw->AddRectFilled(ImVec2(x0, at.y), ImVec2(x0 + width / 24 + 1, at.y + line),
                        to_imgui(viridis(static_cast<float>(i) / 23)));
  }
  ImGui::Dummy(ImVec2(width, line));
  ImGui::SameLine();
  // TRANSLATORS: the end of a map's legend: %d is the largest count, at the end of the scale
  ImGui::TextDisabled(tr("%d (the most); columns are numbered as the rows"), matrix.max);
}

}  // namespace crossmatch::client
