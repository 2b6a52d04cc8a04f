#include "app/client/state/wall_board.hpp"

#include <algorithm>
#include <cmath>

#include "app/client/state/person_summary.hpp"
#include "core/event/pitch_board.hpp"
#include "core/event/statistics.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::client {
namespace {

std::string company_of(const ClientSession& session, core::ParticipantId id) {
  const PersonSummary p = person_summary(session, id);
  return p.organisation.empty() ? p.name : p.organisation;
}

std::optional<WallPitch> pitch_on_stage(const ClientSession& session, std::int64_t now_ms) {
  const core::EventState& state = session.state();
  for (const auto& [id, pitching] : state.pitching) {
    auto board = core::pitch_board(state, id, now_ms);
    if (!board) continue;
    const bool on = board->status == core::PitchStatus::Pitching ||
                    board->status == core::PitchStatus::Paused ||
                    board->status == core::PitchStatus::Between;
    if (!on) continue;
    WallPitch out;
    const core::Session* s = state.session(id);
    // TRANSLATORS: on the wall screen, when the pitching session has no name
    out.session = s ? s->name : std::string(core::tr("Pitching"));
    out.paused = board->status == core::PitchStatus::Paused;
    out.between = board->status == core::PitchStatus::Between || board->pitching_now == 0;
    if (!out.between) {
      out.company = company_of(session, board->pitching_now);
      const PersonSummary p = person_summary(session, board->pitching_now);
      out.presenter = p.name + ", " + p.city + ", " + p.country;
      out.time_left_ms = board->time_left_ms;
    }
    if (board->next_pitcher != 0) out.next_company = company_of(session, board->next_pitcher);
    return out;
  }
  return std::nullopt;
}

int percent(int part, int whole) {
  return whole > 0 ? static_cast<int>(std::lround(100.0 * part / whole)) : 0;
}

WallFigures figures(const ClientSession& session, std::int64_t now_ms) {
  const core::EventState& state = session.state();
  const core::EventStatistics st = core::statistics(state);
  WallFigures f;
  f.participants = st.participants;
  f.arrived = st.arrived;
  f.checking_in = st.arrived > 0;
  f.accepted = st.accepted;
  f.cross_sector_percent = percent(st.accepted_cross_sector, st.accepted);
  f.cross_border_percent = percent(st.accepted_cross_border, st.accepted);
  f.relationships = st.relationships;
  f.relationship_target = state.event.settings.relationship_target;
  // Today: the local date whose midnight-to-midnight holds now.
  for (const auto& [id, meeting] : state.meetings) {
    if (meeting.held != core::HeldState::Held || !meeting.placement) continue;
    const core::Session* s = state.session(meeting.placement->slot.session);
    if (s == nullptr) continue;
    if (session.local_to_ms(s->date * 1440) <= now_ms &&
        now_ms < session.local_to_ms((s->date + 1) * 1440))
      ++f.held_today;
  }
  for (const auto& [id, round] : state.rounds) {
    const std::int64_t start = session.session_start_ms(round.session);
    if (start > now_ms && (f.next_round_ms == 0 || start < f.next_round_ms)) {
      f.next_round_ms = start;
      f.next_round = round.name;
    }
  }
  return f;
}

// The one-to-one slot under way at `now_ms`, else the next to start, among slots with meetings.
std::optional<WallSlot> slot_now(const ClientSession& session, std::int64_t now_ms) {
  const core::EventState& state = session.state();
  std::optional<core::SlotRef> best;
  std::int64_t best_start = 0;
  bool best_under_way = false;
  for (const auto& [id, meeting] : state.meetings) {
    if (meeting.status != core::MeetingStatus::Accepted || !meeting.placement) continue;
    const core::SlotRef ref = meeting.placement->slot;
    const core::Session* s = state.session(ref.session);
    if (s == nullptr || ref.index < 0 || ref.index >= s->slot_count()) continue;
    const std::int64_t start = session.slot_start_ms(ref);
    const std::int64_t end = start + std::int64_t{s->slot_minutes} * 60'000;
    if (end <= now_ms) continue;
    const bool under_way = start <= now_ms;
    // Under way beats upcoming; among upcoming, the soonest.
    if (!best || (under_way && !best_under_way) ||
        (under_way == best_under_way && start < best_start)) {
      best = ref;
      best_start = start;
      best_under_way = under_way;
    }
  }
  if (!best) return std::nullopt;
  WallSlot out;
  out.label = session.slot_label(*best);
  out.under_way = best_under_way;
  for (const auto& [id, meeting] : state.meetings) {
    if (meeting.status != core::MeetingStatus::Accepted || !meeting.placement ||
        !(meeting.placement->slot == *best))
      continue;
    const std::string table = session.table_name(meeting.placement->table);
    for (const core::ParticipantId p : {meeting.requester, meeting.invitee})
      out.seats.push_back({session.name_of(p), table});
  }
  std::sort(out.seats.begin(), out.seats.end(),
            [](const WallSeat& a, const WallSeat& b) { return a.person < b.person; });
  return out;
}

}  // namespace

WallBoard wall_board(const ClientSession& session, std::int64_t now_ms) {
  WallBoard board;
  board.pitch = pitch_on_stage(session, now_ms);
  board.figures = figures(session, now_ms);
  board.slot = slot_now(session, now_ms);
  return board;
}

}  // namespace crossmatch::client
