#include "app/client/state/session_form.hpp"

#include <algorithm>

#include "core/event/calendar.hpp"
#include "core/event/session_rules.hpp"
#include "core/event/session_slots.hpp"

namespace crossmatch::client {
namespace {

std::string slots_text(int count, int minutes) {
  return std::to_string(count) + (count == 1 ? " slot of " : " slots of ") +
         std::to_string(minutes) + " min";
}

bool prefers_slot_in(const core::Meeting& m, core::SessionId session) {
  return std::any_of(m.preferred.begin(), m.preferred.end(),
                     [&](const core::SlotRef& s) { return s.session == session; });
}

}  // namespace

std::string meeting_line(const ClientSession& session, const core::Meeting& meeting,
                         core::SessionId in_session) {
  std::string line =
      session.name_of(meeting.requester) + " and " + session.name_of(meeting.invitee);
  if (meeting.placement) {
    line += ", " + session.slot_label(meeting.placement->slot) + ", " +
            session.table_name(meeting.placement->table);
  } else if (in_session != 0) {
    for (const core::SlotRef& slot : meeting.preferred) {
      if (slot.session != in_session) continue;
      line += ", " + session.slot_label(slot);
      break;
    }
  }
  return line;
}

void SessionForm::edit(const core::Session& session) {
  editing = session.id;
  name = session.name;
  kind = session.kind;
  day = core::format_date(session.date);
  day_typed = true;
  start = core::format_time_of_day(session.start);
  end = core::format_time_of_day(session.end);
  slot_minutes = session.slot_minutes;
  breaks = session.breaks;
}

void SessionForm::stop_editing() {
  editing = 0;
  breaks.clear();
}

void SessionForm::suggest_day(const ClientSession& session, std::int64_t today) {
  if (day_typed || editing_session()) return;
  std::int64_t first = -1;
  for (const auto& [id, s] : session.state().sessions)
    first = std::max<std::int64_t>(first, s.date);
  if (first < 0) first = today;
  constexpr int kDaysTried = 14;
  for (int d = 0; d < kDaysTried; ++d) {
    day = core::format_date(first + d);
    if (check(session).problem.empty()) return;
  }
  day = core::format_date(first);  // nothing fits soon: the problem is shown for that day
}

SessionFormCheck SessionForm::check(const ClientSession& session) const {
  SessionFormCheck out;
  core::DefineSession op{.session = editing,
                         .name = name,
                         .kind = kind,
                         .slot_minutes = slot_minutes,
                         .breaks = breaks};
  if (!core::parse_date(day, op.date)) {
    out.problem = "The day is a date like 2026-05-14.";
    out.field = "date";
    return out;
  }
  if (!core::parse_time_of_day(start, op.start) || !core::parse_time_of_day(end, op.end)) {
    out.problem = "Times are HH:MM, like 09:00.";
    out.field = !core::parse_time_of_day(start, op.start) ? "start" : "end";
    return out;
  }
  const core::EventState& state = session.state();
  const auto checked = core::checked_session(state, op);
  if (!checked) {
    out.problem = checked.error().message;
    out.field = checked.error().field;
  } else {
    out.notes.push_back("It will have " + slots_text(checked->slot_count(), checked->slot_minutes) +
                        ".");
  }
  if (const core::Session* before = editing ? state.session(editing) : nullptr) {
    const bool same_slots = checked && checked->date == before->date &&
                            checked->kind == before->kind &&
                            checked->slot_starts == before->slot_starts;
    const auto booked = core::meetings_booked_in(state, editing);
    if (!booked.empty()) {
      const std::string kept = booked.size() == 1
                                   ? "The meeting booked in it keeps its time and table:"
                                   : "The " + std::to_string(booked.size()) +
                                         " meetings booked in it keep their times and tables:";
      out.notes.push_back(same_slots ? kept
                                     : "Its day, kind and slots cannot change while these "
                                       "meetings are booked in it:");
      for (const core::MeetingId id : booked)
        out.notes.push_back("  " + meeting_line(session, state.meetings.at(id)));
    }
    int asking = 0;
    for (const auto& [id, m] : state.meetings)
      asking += m.status == core::MeetingStatus::Requested && prefers_slot_in(m, editing);
    if (checked && !same_slots && asking > 0)
      out.notes.push_back(std::to_string(asking) +
                          " open requests name preferred times in it by slot number: they will "
                          "point at the new slots.");
  }
  if (checked) out.operation = op;
  return out;
}

}  // namespace crossmatch::client
