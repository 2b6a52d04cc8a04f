#include "app/client/state/session_form.hpp"

#include <algorithm>

#include "core/event/calendar.hpp"
#include "core/event/session_rules.hpp"
#include "core/event/session_slots.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::client {

using core::format_text;
using core::tr;
using core::tr_n;

namespace {

bool prefers_slot_in(const core::Meeting& m, core::SessionId session) {
  return std::any_of(m.preferred.begin(), m.preferred.end(),
                     [&](const core::SlotRef& s) { return s.session == session; });
}

}  // namespace

std::string meeting_line(const ClientSession& session, const core::Meeting& meeting,
                         core::SessionId in_session) {
  // TRANSLATORS: the two people of a meeting, "Ana Silva and Ben Okafor"
  std::string line = format_text(tr("%s and %s"), session.name_of(meeting.requester).c_str(),
                                 session.name_of(meeting.invitee).c_str());
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
    out.problem = tr("The day is a date like 2026-05-14.");
    out.field = "date";
    return out;
  }
  if (!core::parse_time_of_day(start, op.start) || !core::parse_time_of_day(end, op.end)) {
    // TRANSLATORS: HH:MM is the form a time is typed in: hours and minutes, 24-hour clock
    out.problem = tr("Times are HH:MM, like 09:00.");
    out.field = !core::parse_time_of_day(start, op.start) ? "start" : "end";
    return out;
  }
  const core::EventState& state = session.state();
  const auto checked = core::checked_session(state, op);
  if (!checked) {
    out.problem = checked.error().message;
    out.field = checked.error().field;
  } else {
    const int slots = checked->slot_count();
    out.notes.push_back(format_text(
        // TRANSLATORS: the slots of a session being defined: "It will have 6 slots of 20 min."
        tr_n("It will have %d slot of %d min.", "It will have %d slots of %d min.", slots), slots,
        checked->slot_minutes));
  }
  if (const core::Session* before = editing ? state.session(editing) : nullptr) {
    const bool same_slots = checked && checked->date == before->date &&
                            checked->kind == before->kind &&
                            checked->slot_starts == before->slot_starts;
    const auto booked = core::meetings_booked_in(state, editing);
    if (!booked.empty()) {
      if (same_slots) {
        out.notes.push_back(format_text(
            // TRANSLATORS: said of a session being changed, before the list of its meetings
            tr_n("The meeting booked in it keeps its time and table:",
                 "The %zu meetings booked in it keep their times and tables:", booked.size()),
            booked.size()));
      } else {
        out.notes.push_back(
            // TRANSLATORS: said of a session being changed, before the list of its meetings
            tr("Its day, kind and slots cannot change while these meetings are booked in it:"));
      }
      for (const core::MeetingId id : booked)
        out.notes.push_back("  " + meeting_line(session, state.meetings.at(id)));
    }
    int asking = 0;
    for (const auto& [id, m] : state.meetings)
      asking += m.status == core::MeetingStatus::Requested && prefers_slot_in(m, editing);
    if (checked && !same_slots && asking > 0)
      out.notes.push_back(format_text(
          tr_n("%d open request names a preferred time in it by slot number: it will point at "
               "the new slots.",
               "%d open requests name preferred times in it by slot number: they will point at "
               "the new slots.",
               asking),
          asking));
  }
  if (checked) out.operation = op;
  return out;
}

}  // namespace crossmatch::client
