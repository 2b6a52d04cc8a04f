// Applying the organiser's bulk operations: an auto-schedule's placements, and a team round.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/event/apply_context.hpp"
#include "core/event/booking.hpp"
#include "core/event/session_slots.hpp"
#include "core/event/team_round_check.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core::detail {
namespace {

// "Meeting 3 is declined, not accepted.": a whole message for each status but accepted.
std::string not_accepted(MeetingId id, MeetingStatus status) {
  switch (status) {
    case MeetingStatus::Requested:
      // TRANSLATORS: %u is the number of a meeting
      return format_text(tr("Meeting %u is requested, not accepted."), id);
    case MeetingStatus::Declined:
      // TRANSLATORS: %u is the number of a meeting
      return format_text(tr("Meeting %u is declined, not accepted."), id);
    case MeetingStatus::Accepted:  // not asked
    case MeetingStatus::Cancelled:
      break;
  }
  // TRANSLATORS: %u is the number of a meeting
  return format_text(tr("Meeting %u is cancelled, not accepted."), id);
}

}  // namespace

Status apply(ApplyContext& ctx, const ApplySchedule& op) {
  EventState& state = ctx.state;
  if (op.sessions.empty() || op.sessions.size() > kMaxSessions)
    return refuse("invalid", "sessions", tr("Name the one-to-one sessions the schedule covers."));
  std::unordered_set<SessionId> sessions;
  for (std::size_t i = 0; i < op.sessions.size(); ++i) {
    const std::string field = "sessions[" + std::to_string(i) + "]";
    const Session* session = state.session(op.sessions[i]);
    if (session == nullptr)
      return refuse("not_found", field,
                    // TRANSLATORS: %u is the number of a session
                    format_text(tr("There is no session %u."), op.sessions[i]));
    if (session->kind != SessionKind::Meetings)
      return refuse(
          "wrong_session", field,
          // TRANSLATORS: %s is the name of a session
          format_text(tr("'%s' is not a one-to-one meeting session."), session->name.c_str()));
    if (!sessions.insert(op.sessions[i]).second)
      return refuse("duplicate", field,
                    // TRANSLATORS: %s is the name of a session
                    format_text(tr("'%s' is listed twice."), session->name.c_str()));
  }
  if (op.placements.size() > kMaxPlacements)
    return refuse(
        "too_many", "placements",
        format_text(tr_n("At most %zu placement.", "At most %zu placements.", kMaxPlacements),
                    kMaxPlacements));

  // Check every placement against the state without the meetings being placed, and against each
  // other; change nothing until all are good.
  std::unordered_set<MeetingId> moving;
  for (std::size_t i = 0; i < op.placements.size(); ++i) {
    const auto& [id, placement] = op.placements[i];
    const std::string field = "placements[" + std::to_string(i) + "]";
    const Meeting* m = state.meeting(id);
    if (m == nullptr)
      // TRANSLATORS: %u is the number of a meeting
      return refuse("not_found", field, format_text(tr("There is no meeting %u."), id));
    if (m->status != MeetingStatus::Accepted)
      return refuse("not_accepted", field, not_accepted(id, m->status));
    if (!moving.insert(id).second)
      return refuse("duplicate", field,
                    // TRANSLATORS: %u is the number of a meeting
                    format_text(tr("Meeting %u is placed twice."), id));
    if (m->placement && !(m->placement == placement)) {
      if (!sessions.count(m->placement->slot.session))
        return refuse(
            "moves_not_allowed", field,
            // TRANSLATORS: %u is the number of a meeting
            format_text(tr("Meeting %u is booked in a session the schedule does not cover."), id));
      if (!op.moves_allowed)
        return refuse(
            "moves_not_allowed", field,
            // TRANSLATORS: %u is the number of a meeting
            format_text(tr("Meeting %u is already booked; allow moves to change it."), id));
    }
    if (!sessions.count(placement.slot.session) || !slot_exists(state, placement.slot))
      return refuse("not_found", field, tr("The slot is not in a session the schedule covers."));
    if (state.table(placement.table) == nullptr)
      return refuse("not_found", field,
                    // TRANSLATORS: %u is the number of a table
                    format_text(tr("There is no table %u."), placement.table));
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
                      // TRANSLATORS: %1$u is the number of a meeting, %2$s a slot, %3$s why it
                      // cannot be there ("Ana Silva marked this slot unavailable")
                      format_text(tr("Meeting %u on %s: %s."), id, when.c_str(), why.c_str()));
      if (!taken_people.emplace(person_slot_key(p, placement.slot), id).second)
        return refuse("conflict", field,
                      // TRANSLATORS: %1$s is a person, %2$s a slot
                      format_text(tr("%s would have two meetings on %s."),
                                  person_name(state, p).c_str(), when.c_str()));
    }
    const auto table_it =
        state.index.table_slot.find(table_slot_key(placement.table, placement.slot));
    if (table_it != state.index.table_slot.end() && table_it->second != id &&
        !moved(table_it->second))
      return refuse("conflict", field,
                    // TRANSLATORS: %1$s is the name of a table, %2$s a slot
                    format_text(tr("%s is taken on %s."),
                                state.tables.at(placement.table).name.c_str(), when.c_str()));
    if (!taken_tables.emplace(table_slot_key(placement.table, placement.slot), id).second)
      return refuse("conflict", field,
                    // TRANSLATORS: %1$s is the name of a table, %2$s a slot
                    format_text(tr("%s would hold two meetings on %s."),
                                state.tables.at(placement.table).name.c_str(), when.c_str()));
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
  if (Status s = detail::check_field_text(op.name, "name", tr("The round's name"),
                                          kMaxSessionNameLength, true);
      !s)
    return s;
  const Session* session = state.session(op.session);
  if (session == nullptr)
    return refuse("not_found", "session",
                  // TRANSLATORS: %u is the number of a session
                  format_text(tr("There is no session %u."), op.session));
  if (session->kind != SessionKind::TeamRound)
    return refuse("wrong_session", "session",
                  // TRANSLATORS: %s is the name of a session
                  format_text(tr("'%s' is not a team-round session."), session->name.c_str()));
  for (const auto& [id, round] : state.rounds) {
    if (round.session == op.session)
      return refuse("round_locked", "session",
                    // TRANSLATORS: %s is the name of a team round
                    format_text(tr("Round '%s' is already published for this session; a "
                                   "published round is locked."),
                                round.name.c_str()));
  }
  if (op.teams.empty() || op.teams.size() > kMaxTeamsPerRound)
    return refuse("invalid", "teams",
                  format_text(tr_n("A round has 1 to %zu team.", "A round has 1 to %zu teams.",
                                   kMaxTeamsPerRound),
                              kMaxTeamsPerRound));
  const std::int64_t round_start = session->date * 1440 + session->start;
  const std::int64_t round_end = session->date * 1440 + session->end;
  std::unordered_set<ParticipantId> seen;
  std::unordered_set<TableId> tables;
  for (std::size_t t = 0; t < op.teams.size(); ++t) {
    const Team& team = op.teams[t];
    const std::string field = "teams[" + std::to_string(t) + "]";
    if (team.members.size() < 2 || team.members.size() > static_cast<std::size_t>(kMaxTeamSize))
      return refuse("invalid", field + ".members",
                    format_text(tr_n("A team has 2 to %d member.", "A team has 2 to %d members.",
                                     static_cast<unsigned long>(kMaxTeamSize)),
                                kMaxTeamSize));
    const Table* table = state.table(team.table);
    if (table == nullptr)
      return refuse("not_found", field + ".table",
                    // TRANSLATORS: %u is the number of a table
                    format_text(tr("There is no table %u."), team.table));
    if (!tables.insert(team.table).second)
      return refuse("duplicate", field + ".table",
                    // TRANSLATORS: %s is the name of a table
                    format_text(tr("%s holds two teams."), table->name.c_str()));
    if (static_cast<int>(team.members.size()) > table->seats)
      return refuse("too_small", field + ".table",
                    // TRANSLATORS: %1$s is the name of a table, %2$d its seats, %3$zu the team's
                    // size
                    format_text(tr("%s seats %d, not %zu."), table->name.c_str(), table->seats,
                                team.members.size()));
    if (Status s =
            detail::check_field_text(team.reasons, field + ".reasons", tr("The team's reasons"),
                                     kMaxMessageLength, false, true);
        !s)
      return s;
    for (const ParticipantId p : team.members) {
      auto found = detail::find_active_participant(state, p, field + ".members");
      if (!found) return found.error();
      if (!seen.insert(p).second)
        return refuse(
            "duplicate", field + ".members",
            // TRANSLATORS: %s is a person
            format_text(tr("%s is in two teams."), detail::person_name(state, p).c_str()));
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
                        // TRANSLATORS: %1$s is a person, %2$s a slot
                        format_text(tr("%s has a meeting on %s, during the round."),
                                    detail::person_name(state, p).c_str(),
                                    describe_slot(state, m.placement->slot).c_str()));
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
    return refuse("invalid", "round", tr("An applied round carries a new round number."));
  ctx.applied_payload<PublishTeamRound>().round = id;
  state.next_round = std::max(state.next_round, id + 1);
  state.rounds[id] = TeamRound{id, op.name, op.session, op.teams, ctx.op.at};
  for (const Team& team : op.teams) {
    for (const ParticipantId p : team.members) state.index.person_rounds[p].push_back(id);
  }
  return Status::success();
}

}  // namespace crossmatch::core::detail
