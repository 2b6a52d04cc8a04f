#include "app/client/state/session_removal.hpp"

#include <algorithm>

#include "app/client/state/session_form.hpp"
#include "core/event/calendar.hpp"
#include "core/event/session_rules.hpp"

namespace crossmatch::client {

SessionRemoval plan_session_removal(const ClientSession& session, core::SessionId id) {
  SessionRemoval out;
  const core::EventState& state = session.state();
  const core::Session* s = state.session(id);
  const core::Status allowed = core::check_session_removal(state, core::RemoveSession{id});
  if (!allowed) {
    out.blocked = allowed.error().message;
    for (const core::MeetingId m : core::meetings_booked_in(state, id))
      out.booked.push_back(meeting_line(session, state.meetings.at(m)));
    return out;
  }
  const std::string when = core::format_day_label(s->date) + " " +
                           core::format_time_of_day(s->start) + "-" +
                           core::format_time_of_day(s->end);
  Confirmation c;
  c.question = "Remove the session '" + s->name + "' (" + core::label(s->kind) + ", " + when +
               ", " + std::to_string(s->slot_count()) + " slots)?";
  c.consequences.push_back("No meeting is booked in it: no meeting loses its time.");
  const auto in_session = [&](const core::SlotRef& slot) { return slot.session == id; };
  int lost = 0;
  for (const auto& [mid, m] : state.meetings) {
    if (!std::any_of(m.preferred.begin(), m.preferred.end(), in_session)) continue;
    ++lost;
    c.consequences.push_back("The request of " + meeting_line(session, m, id) +
                             " loses that preferred time.");
  }
  for (const auto& [pid, p] : state.participants) {
    const auto& u = p.availability.unavailable;
    const auto n = std::count_if(u.begin(), u.end(), in_session);
    if (n == 0) continue;
    ++lost;
    c.consequences.push_back(session.name_of(pid) + "'s " + std::to_string(n) +
                             (n == 1 ? " slot marked unavailable in it is forgotten."
                                     : " slots marked unavailable in it are forgotten."));
  }
  c.consequences.push_back(lost == 0 ? "Undo defines the session again as it was."
                                     : "Undo defines the session again with the same name, "
                                       "day, times and slots; the preferred times and "
                                       "unavailable slots above are not restored.");
  c.confirm_label = "Remove session";
  c.operations.push_back(core::RemoveSession{id});
  c.done_message = "Session removed: " + s->name;
  UndoOffer undo;
  undo.label = "Restore the session";
  undo.operations.push_back(core::DefineSession{.name = s->name,
                                                .kind = s->kind,
                                                .date = s->date,
                                                .start = s->start,
                                                .end = s->end,
                                                .slot_minutes = s->slot_minutes,
                                                .breaks = s->breaks});
  undo.done_message = "Session restored: " + s->name +
                      (lost == 0 ? "" : " (without the preferred times and unavailable slots)");
  c.undo = std::move(undo);
  out.confirmation = std::move(c);
  return out;
}

}  // namespace crossmatch::client
