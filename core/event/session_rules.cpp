#include "core/event/session_rules.hpp"

#include <algorithm>

#include "core/event/apply_context.hpp"
#include "core/event/busy_blocks.hpp"
#include "core/event/calendar.hpp"
#include "core/event/session_slots.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core {
namespace {

using detail::check_field_text;
using detail::refuse;

bool rounds_use_session(const EventState& state, SessionId session) {
  return std::any_of(state.rounds.begin(), state.rounds.end(),
                     [&](const auto& r) { return r.second.session == session; });
}

int unavailability_in_session(const EventState& state, SessionId session) {
  int n = 0;
  for (const auto& [id, p] : state.participants) {
    n += std::any_of(p.availability.unavailable.begin(), p.availability.unavailable.end(),
                     [&](SlotRef s) { return s.session == session; });
  }
  return n;
}

}  // namespace

std::vector<MeetingId> meetings_booked_in(const EventState& state, SessionId session) {
  std::vector<MeetingId> out;
  for (const auto& [id, m] : state.meetings) {
    if (m.status == MeetingStatus::Accepted && m.placement && m.placement->slot.session == session)
      out.push_back(id);
  }
  return out;
}

Result<Session> checked_session(const EventState& state, const DefineSession& op) {
  const bool creating = op.session == 0;
  const Session* existing = creating ? nullptr : state.session(op.session);
  if (!creating && existing == nullptr)
    return refuse("not_found", "session",
                  // TRANSLATORS: %u is the number of a session
                  format_text(tr("There is no session %u."), op.session));
  if (creating && state.sessions.size() >= kMaxSessions)
    return refuse("too_many", "session",
                  format_text(tr_n("An event has at most %zu session.",
                                   "An event has at most %zu sessions.", kMaxSessions),
                              kMaxSessions));
  if (Status s =
          check_field_text(op.name, "name", tr("The session's name"), kMaxSessionNameLength, true);
      !s)
    return s.error();
  if (op.date < days_from_civil(2000, 1, 1) || op.date > days_from_civil(2199, 12, 31))
    return refuse("out_of_range", "date", tr("The session's date must be between 2000 and 2199."));
  if (op.start < 0 || op.end > 24 * 60 || op.start >= op.end)
    return refuse("invalid", "end", tr("A session ends after it starts, within one day."));
  if (op.slot_minutes < kMinSlotMinutes || op.slot_minutes > kMaxSlotMinutes)
    return refuse("out_of_range", "slot_minutes",
                  format_text(tr_n("Slots last %d to %d minute.", "Slots last %d to %d minutes.",
                                   static_cast<unsigned long>(kMaxSlotMinutes)),
                              kMinSlotMinutes, kMaxSlotMinutes));
  if (op.breaks.size() > kMaxBreaks)
    return refuse("too_many", "breaks",
                  format_text(tr_n("At most %zu break a session.", "At most %zu breaks a session.",
                                   kMaxBreaks),
                              kMaxBreaks));
  for (std::size_t i = 0; i < op.breaks.size(); ++i) {
    const TimeRange& b = op.breaks[i];
    if (b.start >= b.end || b.start < op.start || b.end > op.end)
      return refuse("invalid", "breaks[" + std::to_string(i) + "]",
                    tr("A break ends after it starts, inside the session."));
  }
  Session session;
  session.id = op.session;
  session.name = op.name;
  session.kind = op.kind;
  session.date = op.date;
  session.start = op.start;
  session.end = op.end;
  session.slot_minutes = op.slot_minutes;
  session.breaks = op.breaks;
  compute_slots(session);
  if (session.slot_starts.empty())
    return refuse("invalid", "slot_minutes", tr("The session has no room for a single slot."));
  if (session.slot_starts.size() > kMaxSlotsPerSession)
    return refuse("too_many", "slot_minutes",
                  format_text(tr_n("A session has at most %zu slot.",
                                   "A session has at most %zu slots.", kMaxSlotsPerSession),
                              kMaxSlotsPerSession));
  for (const auto& [id, other] : state.sessions) {
    if (id == op.session) continue;
    if (other.name == session.name && other.kind == session.kind && other.date == session.date &&
        other.start == session.start && other.end == session.end)
      return refuse("duplicate", "name",
                    // TRANSLATORS: %1$s is the name of a session, %2$s its date, %3$s and %4$s
                    // its start and end times
                    format_text(tr("There is already a session '%s' on %s from %s to %s."),
                                other.name.c_str(), format_date(other.date).c_str(),
                                format_time_of_day(other.start).c_str(),
                                format_time_of_day(other.end).c_str()));
  }
  if (session.kind == SessionKind::Meetings) {
    // One-to-one sessions may not overlap: a person is in one meeting at a time.
    for (const auto& [id, other] : state.sessions) {
      if (id == op.session || other.kind != SessionKind::Meetings || other.date != session.date)
        continue;
      if (session.start < other.end && other.start < session.end)
        return refuse("overlap", "start",
                      // TRANSLATORS: %1$s is the name of a session, %2$s and %3$s its start and
                      // end times
                      format_text(tr("One-to-one sessions may not overlap; this one overlaps '%s' "
                                     "(%s-%s)."),
                                  other.name.c_str(), format_time_of_day(other.start).c_str(),
                                  format_time_of_day(other.end).c_str()));
    }
  }
  if (session.kind == SessionKind::Plenary) {
    // A busy block: no meeting may stay booked at a slot it overlaps.
    int booked = 0;
    MeetingId first = 0;
    for (const auto& [id, m] : state.meetings) {
      if (m.status != MeetingStatus::Accepted || !m.placement) continue;
      const Session* ms = state.session(m.placement->slot.session);
      if (ms == nullptr || ms->date != session.date) continue;
      const int start = ms->slot_starts[m.placement->slot.index];
      if (start < session.end && session.start < start + ms->slot_minutes) {
        if (booked++ == 0) first = id;
      }
    }
    if (booked > 0)
      return refuse("in_use", "start",
                    format_text(
                        // TRANSLATORS: %1$d meetings, %2$s the plenary session ("the plenary
                        // session 'Opening', Thu 14 May 9:00-9:45"), %3$u the first meeting's
                        // number
                        tr_n("%d meeting is booked during %s (meeting %u first); move or cancel "
                             "them before making it a plenary session.",
                             "%d meetings are booked during %s (meeting %u first); move or cancel "
                             "them before making it a plenary session.",
                             static_cast<unsigned long>(booked)),
                        booked, describe_busy_block(session).c_str(), first));
  }
  if (existing != nullptr) {
    const bool layout_changed = existing->kind != session.kind || existing->date != session.date ||
                                existing->slot_starts != session.slot_starts;
    if (layout_changed) {
      if (const auto booked = meetings_booked_in(state, op.session); !booked.empty())
        return refuse("in_use", "session",
                      format_text(tr_n("%zu meeting is booked in this session; move or cancel "
                                       "them before changing its day, kind or slots.",
                                       "%zu meetings are booked in this session; move or cancel "
                                       "them before changing its day, kind or slots.",
                                       booked.size()),
                                  booked.size()));
      if (rounds_use_session(state, op.session))
        return refuse("in_use", "session",
                      tr("A team round is published for this session; it is locked."));
      if (const int n = unavailability_in_session(state, op.session); n > 0)
        return refuse("in_use", "session",
                      format_text(tr_n("%d participant marked slots of this session "
                                       "unavailable; changing its slots would change what they "
                                       "marked.",
                                       "%d participants marked slots of this session "
                                       "unavailable; changing its slots would change what they "
                                       "marked.",
                                       static_cast<unsigned long>(n)),
                                  n));
    }
  }
  return session;
}

Status check_session_removal(const EventState& state, const RemoveSession& op) {
  if (state.session(op.session) == nullptr)
    return refuse("not_found", "session",
                  // TRANSLATORS: %u is the number of a session
                  format_text(tr("There is no session %u."), op.session));
  if (const auto booked = meetings_booked_in(state, op.session); !booked.empty())
    return refuse(
        "in_use", "session",
        format_text(tr_n("%zu meeting is booked in this session; move or cancel them first.",
                         "%zu meetings are booked in this session; move or cancel them first.",
                         booked.size()),
                    booked.size()));
  if (rounds_use_session(state, op.session))
    return refuse("in_use", "session",
                  tr("A team round is published for this session; it is locked."));
  if (state.pitching.count(op.session))
    return refuse("in_use", "session", tr("This session has a pitch order."));
  for (const auto& [id, ct] : state.clinic_tables) {
    if (ct.session == op.session)
      return refuse("in_use", "session", tr("This session has clinic tables."));
  }
  return Status::success();
}

}  // namespace crossmatch::core
