#include "core/event/auto_schedule.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/event/booking.hpp"
#include "core/event/busy_blocks.hpp"
#include "core/event/schedule_constraints.hpp"
#include "core/event/session_slots.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core {

Result<AutoSchedule> plan_auto_schedule(const EventState& state,
                                        const std::vector<SessionId>& sessions, bool allow_moves,
                                        SearchBudget& budget,
                                        const scheduling::ScheduleOptions& options) {
  if (sessions.empty())
    return make_error("invalid", "sessions", tr("Pick the one-to-one sessions to schedule."));
  // Slots of the chosen sessions in time order; a day per date.
  std::vector<std::pair<std::int64_t, SlotRef>> timed;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const Session* s = state.session(sessions[i]);
    const std::string field = "sessions[" + std::to_string(i) + "]";
    if (s == nullptr)
      return make_error("not_found", field,
                        // TRANSLATORS: %u is the number of a session
                        format_text(tr("There is no session %u."), sessions[i]));
    if (s->kind != SessionKind::Meetings)
      return make_error(
          "wrong_session", field,
          // TRANSLATORS: %s is the name of a session
          format_text(tr("'%s' is not a one-to-one meeting session."), s->name.c_str()));
    if (std::count(sessions.begin(), sessions.end(), sessions[i]) > 1)
      return make_error("duplicate", field,
                        // TRANSLATORS: %s is the name of a session
                        format_text(tr("'%s' is listed twice."), s->name.c_str()));
    // A slot overlapping a plenary session (a busy block) is no place for a meeting.
    for (int k = 0; k < s->slot_count(); ++k) {
      if (busy_block_at(state, {s->id, k}) == nullptr)
        timed.push_back({s->slot_time(k), {s->id, k}});
    }
  }
  std::sort(timed.begin(), timed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });

  scheduling::Problem problem;
  problem.allow_moves = allow_moves;
  std::map<SlotRef, int> slot_index;
  std::map<std::int64_t, int> day_of_date;
  std::vector<SlotRef> slots;
  for (const auto& [time, ref] : timed) {
    const std::int64_t date = state.sessions.at(ref.session).date;
    const int day = day_of_date.emplace(date, static_cast<int>(day_of_date.size())).first->second;
    slot_index[ref] = static_cast<int>(problem.slots.size());
    problem.slots.push_back({day, is_morning(state, ref), describe_slot(state, ref)});
    slots.push_back(ref);
  }
  std::unordered_map<TableId, int> table_index;
  std::vector<TableId> tables;
  for (const auto& [id, table] : state.tables) {
    table_index[id] = static_cast<int>(problem.tables.size());
    problem.tables.push_back({table.seats, table.name});
    tables.push_back(id);
  }

  // The meetings, and the people in them.
  std::unordered_map<ParticipantId, int> person_index;
  std::vector<ParticipantId> people;
  std::vector<MeetingId> meeting_ids;
  const auto person = [&](ParticipantId id) {
    const auto [it, added] = person_index.emplace(id, static_cast<int>(people.size()));
    if (added) people.push_back(id);
    return it->second;
  };
  std::vector<AutoScheduleReport::Item> pinned_outside;
  std::unordered_map<MeetingId, int> meeting_index;
  for (const auto& [id, m] : state.meetings) {
    if (m.status != MeetingStatus::Accepted) continue;
    const Participant* a = state.participant(m.requester);
    const Participant* b = state.participant(m.invitee);
    if (a == nullptr || b == nullptr || !a->active() || !b->active()) continue;
    std::optional<scheduling::Placement> existing;
    if (m.placement) {
      const auto slot = slot_index.find(m.placement->slot);
      if (slot == slot_index.end()) continue;  // booked in a session this schedule does not cover
      existing = scheduling::Placement{slot->second, table_index.at(m.placement->table)};
    }
    std::optional<int> pinned_slot;
    if (m.pinned) {
      const auto slot = slot_index.find(*m.pinned);
      if (slot != slot_index.end()) {
        pinned_slot = slot->second;
      } else if (!existing) {
        // Pinned outside this schedule: it is not placed anywhere else.
        AutoScheduleReport::Item item;
        item.meeting = id;
        item.pinned = m.pinned;
        const bool exists = slot_exists(state, *m.pinned);
        item.reason = Error{
            exists ? "pinned_outside" : "pinned_slot_gone", "meeting " + std::to_string(id),
            exists
                // TRANSLATORS: %1$s is a meeting ("meeting 7 (Ana Silva and Bo Berg)"), %2$s a
                // slot with its session
                ? format_text(tr("%s is pinned to %s, outside the sessions scheduled; schedule "
                                 "that session too, or pin it again."),
                              meeting_label(state, id).c_str(),
                              describe_slot(state, *m.pinned, true).c_str())
                // TRANSLATORS: %s is a meeting ("meeting 7 (Ana Silva and Bo Berg)")
                : format_text(tr("%s is pinned to a slot its session no longer has; pin it "
                                 "again."),
                              meeting_label(state, id).c_str())};
        pinned_outside.push_back(std::move(item));
        continue;
      }
    }
    meeting_index[id] = static_cast<int>(problem.meetings.size());
    scheduling::Meeting sm{{person(m.requester), person(m.invitee)},
                           scheduling::TimeOfDay::any,
                           existing,
                           pinned_slot,
                           {}};
    problem.meetings.push_back(std::move(sm));
    meeting_ids.push_back(id);
  }
  // Precedences between meetings this schedule covers.
  int precedence_count = 0;
  for (std::size_t i = 0; i < meeting_ids.size(); ++i) {
    for (const MeetingId before : state.meetings.at(meeting_ids[i]).after) {
      const auto it = meeting_index.find(before);
      if (it == meeting_index.end()) continue;
      problem.meetings[i].after.push_back(it->second);
      ++precedence_count;
    }
  }
  for (const ParticipantId id : people) {
    const Participant& p = state.participants.at(id);
    scheduling::Participant sp;
    sp.name = p.profile.display_name;
    sp.time_of_day = p.availability.only == TimeOfDay::Morning ? scheduling::TimeOfDay::morning
                     : p.availability.only == TimeOfDay::Afternoon
                         ? scheduling::TimeOfDay::afternoon
                         : scheduling::TimeOfDay::any;
    for (std::size_t k = 0; k < slots.size(); ++k) {
      const SlotRef ref = slots[k];
      if (std::binary_search(p.availability.unavailable.begin(), p.availability.unavailable.end(),
                             ref)) {
        sp.unavailable.push_back(static_cast<int>(k));
        continue;
      }
      // Team rounds they are in (other conflicts are meetings, which the problem holds).
      if (team_round_at(state, id, ref) != nullptr) sp.unavailable.push_back(static_cast<int>(k));
    }
    problem.participants.push_back(std::move(sp));
  }

  auto schedule = scheduling::schedule_meetings(problem, budget, options);
  if (!schedule) return schedule.error();

  AutoSchedule out;
  out.operation.sessions = sessions;
  out.operation.moves_allowed = allow_moves;
  AutoScheduleReport& report = out.report;
  for (std::size_t i = 0; i < meeting_ids.size(); ++i) {
    const scheduling::MeetingOutcome& o = schedule->meetings[i];
    AutoScheduleReport::Item item;
    item.meeting = meeting_ids[i];
    item.status = o.status;
    item.reason = o.reason;
    if (o.placement)
      item.placement = Placement{slots[o.placement->slot], tables[o.placement->table]};
    if (item.reason) item.reason->field = "meeting " + std::to_string(item.meeting);
    const Meeting& m = state.meetings.at(item.meeting);
    item.pinned = m.pinned;
    if (m.pinned && problem.meetings[i].pinned_slot && item.placement &&
        !(item.placement->slot == *m.pinned))
      item.pin_not_kept =
          Error{"pinned_elsewhere", "meeting " + std::to_string(item.meeting),
                // TRANSLATORS: %1$s is a meeting ("meeting 7 (Ana Silva and Bo Berg)"), %2$s the
                // slot it stays on, %3$s the slot it is pinned to
                format_text(tr("%s stays on %s, not on its pin %s; allow moves to move it there."),
                            meeting_label(state, item.meeting).c_str(),
                            describe_slot(state, item.placement->slot).c_str(),
                            describe_slot(state, *m.pinned).c_str())};
    switch (o.status) {
      case scheduling::MeetingStatus::kept:
        ++report.kept;
        break;
      case scheduling::MeetingStatus::moved:
        ++report.moved;
        break;
      case scheduling::MeetingStatus::placed:
        ++report.placed;
        break;
      case scheduling::MeetingStatus::not_placed:
        ++report.not_placed;
        break;
    }
    if ((o.status == scheduling::MeetingStatus::placed ||
         o.status == scheduling::MeetingStatus::moved) &&
        item.placement)
      out.operation.placements.push_back({item.meeting, *item.placement});
    report.meetings.push_back(std::move(item));
  }
  report.breaks_before = schedule->breaks_before;
  report.breaks_after = schedule->breaks_after;
  report.max_minus_min_breaks = schedule->max_minus_min_breaks;
  report.fairness_met = schedule->fairness_met;
  report.breaks_lower_bound = schedule->breaks_lower_bound;
  report.proven_optimal = schedule->proven_optimal;
  report.breaks_lower_bound = schedule->breaks_lower_bound;
  report.precedences = precedence_count;
  for (AutoScheduleReport::Item& item : pinned_outside) {
    ++report.not_placed;
    report.meetings.push_back(std::move(item));
  }
  return out;
}

}  // namespace crossmatch::core
