#include "app/client/state/session_removal.hpp"

#include <algorithm>

#include "app/client/state/session_form.hpp"
#include "core/event/calendar.hpp"
#include "core/event/session_rules.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::client {

using core::format_text;
using core::tr;
using core::tr_n;

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
  const int slots = s->slot_count();
  // TRANSLATORS: the session's name, its kind ("One-to-one meetings"), when it is and its slots
  c.question = format_text(tr_n("Remove the session '%s' (%s, %s, %d slot)?",
                                "Remove the session '%s' (%s, %s, %d slots)?", slots),
                           s->name.c_str(), core::label(s->kind), when.c_str(), slots);
  c.consequences.push_back(tr("No meeting is booked in it: no meeting loses its time."));
  const auto in_session = [&](const core::SlotRef& slot) { return slot.session == id; };
  int lost = 0;
  for (const auto& [mid, m] : state.meetings) {
    if (!std::any_of(m.preferred.begin(), m.preferred.end(), in_session)) continue;
    ++lost;
    // TRANSLATORS: %s is the two people and the slot, "Ana Silva and Ben Okafor, Thu 14 May 10:20"
    c.consequences.push_back(format_text(tr("The request of %s loses that preferred time."),
                                         meeting_line(session, m, id).c_str()));
  }
  for (const auto& [pid, p] : state.participants) {
    const auto& u = p.availability.unavailable;
    const int n = static_cast<int>(std::count_if(u.begin(), u.end(), in_session));
    if (n == 0) continue;
    ++lost;
    c.consequences.push_back(
        // TRANSLATORS: %s is a person's name
        format_text(tr_n("%s's %d slot marked unavailable in it is forgotten.",
                         "%s's %d slots marked unavailable in it are forgotten.", n),
                    session.name_of(pid).c_str(), n));
  }
  c.consequences.push_back(lost == 0
                               ? std::string(tr("Undo defines the session again as it was."))
                               : std::string(tr("Undo defines the session again with the same "
                                                "name, day, times and slots; the preferred times "
                                                "and unavailable slots above are not restored.")));
  c.confirm_label = tr("Remove session");
  c.operations.push_back(core::RemoveSession{id});
  c.done_message = format_text(tr("Session removed: %s"), s->name.c_str());
  UndoOffer undo;
  undo.label = tr("Restore the session");
  undo.operations.push_back(core::DefineSession{.name = s->name,
                                                .kind = s->kind,
                                                .date = s->date,
                                                .start = s->start,
                                                .end = s->end,
                                                .slot_minutes = s->slot_minutes,
                                                .breaks = s->breaks});
  undo.done_message = lost == 0
                          ? format_text(tr("Session restored: %s"), s->name.c_str())
                          : format_text(tr("Session restored: %s (without the preferred times and "
                                           "unavailable slots)"),
                                        s->name.c_str());
  c.undo = std::move(undo);
  out.confirmation = std::move(c);
  return out;
}

}  // namespace crossmatch::client
