// Applying the organiser's bulk operations: an auto-schedule's placements, and a team round.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/event/apply_context.hpp"
#include "core/event/booking.hpp"
#include "core/event/session_slots.hpp"
#include "core/event/team_round_check.hpp"

namespace crossmatch::core::detail {

Status apply(ApplyContext& ctx, const ApplySchedule& op) {
  EventState& state = ctx.state;
  if (op.sessions.empty() || op.sessions.size() > kMaxSessions)
    return refuse("invalid", "sessions", "Name the one-to-one sessions the schedule covers.");
  std::unordered_set<SessionId> sessions;
  for (std::size_t i = 0; i < op.sessions.size(); ++i) {
    const std::string field = "sessions[" + std::to_string(i) + "]";
    const Session* session = state.session(op.sessions[i]);
    if (session == nullptr)
      return refuse("not_found", field,
                    "There is no session " + std::to_string(op.sessions[i]) + ".");
    if (session->kind != SessionKind::Meetings)
      return refuse("wrong_session", field,
                    "'" + session->name + "' is not a one-to-one meeting session.");
    if (!sessions.insert(op.sessions[i]).second)
      return refuse("duplicate", field, "'" + session->name + "' is listed twice.");
  }
  if (op.placements.size() > kMaxPlacements)
    return refuse("too_many", "placements",
                  "At most " + std::to_string(kMaxPlacements) + " placements.");

  // Check every placement against the state without the meetings being placed, and against each
  // other; change nothing until all are good.
  std::unordered_set<MeetingId> moving;
  for (std::size_t i = 0; i < op.placements.size(); ++i) {
    const auto& [id, placement] = op.placements[i];
    const std::string field = "placements[" + std::to_string(i) + "]";
    const Meeting* m = state.meeting(id);
    if (m == nullptr)
      return refuse("not_found", field, "There is no meeting " + std::to_string(id) + ".");
    if (m->status != MeetingStatus::Accepted)
      return refuse(
          "not_accepted", field,
          "Meeting " + std::to_string(id) + " is " + to_string(m->status) + ", not accepted.");
    if (!moving.insert(id).second)
      return refuse("duplicate", field, "Meeting " + std::to_string(id) + " is placed twice.");
    if (m->placement && !(m->placement == placement)) {
      if (!sessions.count(m->placement->slot.session))
        return refuse("moves_not_allowed", field,
                      "Meeting " + std::to_string(id) +
                          " is booked in a session the schedule does not cover.");
      if (!op.moves_allowed)
        return refuse(
            "moves_not_allowed", field,
            "Meeting " + std::to_string(id) + " is already booked; allow moves to change it.");
    }
    if (!sessions.count(placement.slot.session) || !slot_exists(state, placement.slot))
      return refuse("not_found", field, "The slot is not in a session the schedule covers.");
    if (state.table(placement.table) == nullptr)
      return refuse("not_found", field,
                    "There is no table " + std::to_string(placement.table) + ".");
  }
  std::unordered_map<std::uint64_t, MeetingId> taken_people, taken_tables;
  const auto moved = [&](MeetingId other) { return other != 0 && moving.count(other) > 0; };
  for (std::size_t i = 0; i < op.placements.size(); ++i) {
    const auto& [id, placement] = op.placements[i];
    const std::string field = "placements[" + std::to_string(i) + "]";
    const Meeting& m = state.meetings.at(id);
    const std::string when = describe_slot(state, placement.slot);
    for (const ParticipantId p : {m.requester, m.invitee}) {
      auto active = find_active_participant(ctx, p, field);
      if (!active) return active.error();
      const MeetingId busy = state.meeting_at(p, placement.slot);
      const std::string why =
          person_conflict(state, p, placement.slot, busy != 0 && moved(busy) ? busy : id);
      if (!why.empty())
        return refuse("conflict", field,
                      "Meeting " + std::to_string(id) + " on " + when + ": " +
                          person_name(state, p) + " " + why + ".");
      if (!taken_people.emplace(person_slot_key(p, placement.slot), id).second)
        return refuse("conflict", field,
                      person_name(state, p) + " would have two meetings on " + when + ".");
    }
    const auto table_it =
        state.index.table_slot.find(table_slot_key(placement.table, placement.slot));
    if (table_it != state.index.table_slot.end() && table_it->second != id &&
        !moved(table_it->second))
      return refuse("conflict", field,
                    state.tables.at(placement.table).name + " is taken on " + when + ".");
    if (!taken_tables.emplace(table_slot_key(placement.table, placement.slot), id).second)
      return refuse(
          "conflict", field,
          state.tables.at(placement.table).name + " would hold two meetings on " + when + ".");
  }
  // Unbook every moving meeting first so they can trade places, then book them all.
  for (const auto& [id, placement] : op.placements) {
    modify_meeting(ctx, id, [](Meeting& m) { m.placement.reset(); });
  }
  for (const auto& entry : op.placements) {
    modify_meeting(ctx, entry.first, [&](Meeting& m) { m.placement = entry.second; });
  }
  return Status::success();
}

}  // namespace crossmatch::core::detail

namespace crossmatch::core {

Status check_team_round(const EventState& state, const PublishTeamRound& op) {
  using detail::refuse;
  if (Status s = detail::check_field_text(op.name, "name", "The round's name",
                                          kMaxSessionNameLength, true);
      !s)
    return s;
  const Session* session = state.session(op.session);
  if (session == nullptr)
    return refuse("not_found", "session",
                  "There is no session " + std::to_string(op.session) + ".");
  if (session->kind != SessionKind::TeamRound)
    return refuse("wrong_session", "session",
                  "'" + session->name + "' is not a team-round session.");
  for (const auto& [id, round] : state.rounds) {
    if (round.session == op.session)
      return refuse("round_locked", "session",
                    "Round '" + round.name +
                        "' is already published for this session; a published round is locked.");
  }
  if (op.teams.empty() || op.teams.size() > kMaxTeamsPerRound)
    return refuse("invalid", "teams",
                  "A round has 1 to " + std::to_string(kMaxTeamsPerRound) + " teams.");
  const std::int64_t round_start = session->date * 1440 + session->start;
  const std::int64_t round_end = session->date * 1440 + session->end;
  std::unordered_set<ParticipantId> seen;
  std::unordered_set<TableId> tables;
  for (std::size_t t = 0; t < op.teams.size(); ++t) {
    const Team& team = op.teams[t];
    const std::string field = "teams[" + std::to_string(t) + "]";
    if (team.members.size() < 2 || team.members.size() > static_cast<std::size_t>(kMaxTeamSize))
      return refuse("invalid", field + ".members",
                    "A team has 2 to " + std::to_string(kMaxTeamSize) + " members.");
    const Table* table = state.table(team.table);
    if (table == nullptr)
      return refuse("not_found", field + ".table",
                    "There is no table " + std::to_string(team.table) + ".");
    if (!tables.insert(team.table).second)
      return refuse("duplicate", field + ".table", table->name + " holds two teams.");
    if (static_cast<int>(team.members.size()) > table->seats)
      return refuse("too_small", field + ".table",
                    table->name + " seats " + std::to_string(table->seats) + ", not " +
                        std::to_string(team.members.size()) + ".");
    if (Status s = detail::check_field_text(team.reasons, field + ".reasons", "The team's reasons",
                                            kMaxMessageLength, false, true);
        !s)
      return s;
    for (const ParticipantId p : team.members) {
      auto found = detail::find_active_participant(state, p, field + ".members");
      if (!found) return found.error();
      if (!seen.insert(p).second)
        return refuse("duplicate", field + ".members",
                      detail::person_name(state, p) + " is in two teams.");
      // The round is a time: nobody in it may have a meeting booked then.
      const auto it = state.index.person_meetings.find(p);
      if (it == state.index.person_meetings.end()) continue;
      for (const MeetingId mid : it->second) {
        const Meeting& m = state.meetings.at(mid);
        if (m.status != MeetingStatus::Accepted || !m.placement) continue;
        const Session& ms = state.sessions.at(m.placement->slot.session);
        const std::int64_t start = ms.slot_time(m.placement->slot.index);
        if (start < round_end && round_start < start + ms.slot_minutes)
          return refuse("conflict", field + ".members",
                        detail::person_name(state, p) + " has a meeting on " +
                            describe_slot(state, m.placement->slot) + ", during the round.");
      }
    }
  }
  return Status::success();
}

}  // namespace crossmatch::core

namespace crossmatch::core::detail {

Status apply(ApplyContext& ctx, const PublishTeamRound& op) {
  EventState& state = ctx.state;
  if (Status s = check_team_round(state, op); !s) return s;
  const RoundId id = ctx.deciding() ? state.next_round : op.round;
  if (id == 0 || state.rounds.count(id))
    return refuse("invalid", "round", "An applied round carries a new round number.");
  ctx.applied_payload<PublishTeamRound>().round = id;
  state.next_round = std::max(state.next_round, id + 1);
  state.rounds[id] = TeamRound{id, op.name, op.session, op.teams, ctx.op.at};
  for (const Team& team : op.teams) {
    for (const ParticipantId p : team.members) state.index.person_rounds[p].push_back(id);
  }
  return Status::success();
}

}  // namespace crossmatch::core::detail
