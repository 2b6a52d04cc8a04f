#include "core/event/session_rules.hpp"

#include <algorithm>

#include "core/event/apply_context.hpp"
#include "core/event/busy_blocks.hpp"
#include "core/event/calendar.hpp"
#include "core/event/session_slots.hpp"

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

// "1 meeting is" / "3 meetings are"
std::string meetings_are(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " meeting is" : " meetings are");
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
                  "There is no session " + std::to_string(op.session) + ".");
  if (creating && state.sessions.size() >= kMaxSessions)
    return refuse("too_many", "session",
                  "An event has at most " + std::to_string(kMaxSessions) + " sessions.");
  if (Status s =
          check_field_text(op.name, "name", "The session's name", kMaxSessionNameLength, true);
      !s)
    return s.error();
  if (op.date < days_from_civil(2000, 1, 1) || op.date > days_from_civil(2199, 12, 31))
    return refuse("out_of_range", "date", "The session's date must be between 2000 and 2199.");
  if (op.start < 0 || op.end > 24 * 60 || op.start >= op.end)
    return refuse("invalid", "end", "A session ends after it starts, within one day.");
  if (op.slot_minutes < kMinSlotMinutes || op.slot_minutes > kMaxSlotMinutes)
    return refuse("out_of_range", "slot_minutes",
                  "Slots last " + std::to_string(kMinSlotMinutes) + " to " +
                      std::to_string(kMaxSlotMinutes) + " minutes.");
  if (op.breaks.size() > kMaxBreaks)
    return refuse("too_many", "breaks",
                  "At most " + std::to_string(kMaxBreaks) + " breaks a session.");
  for (std::size_t i = 0; i < op.breaks.size(); ++i) {
    const TimeRange& b = op.breaks[i];
    if (b.start >= b.end || b.start < op.start || b.end > op.end)
      return refuse("invalid", "breaks[" + std::to_string(i) + "]",
                    "A break ends after it starts, inside the session.");
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
    return refuse("invalid", "slot_minutes", "The session has no room for a single slot.");
  if (session.slot_starts.size() > kMaxSlotsPerSession)
    return refuse("too_many", "slot_minutes",
                  "A session has at most " + std::to_string(kMaxSlotsPerSession) + " slots.");
  for (const auto& [id, other] : state.sessions) {
    if (id == op.session) continue;
    if (other.name == session.name && other.kind == session.kind && other.date == session.date &&
        other.start == session.start && other.end == session.end)
      return refuse("duplicate", "name",
                    "There is already a session '" + other.name + "' on " +
                        format_date(other.date) + " from " + format_time_of_day(other.start) +
                        " to " + format_time_of_day(other.end) + ".");
  }
  if (session.kind == SessionKind::Meetings) {
    // One-to-one sessions may not overlap: a person is in one meeting at a time.
    for (const auto& [id, other] : state.sessions) {
      if (id == op.session || other.kind != SessionKind::Meetings || other.date != session.date)
        continue;
      if (session.start < other.end && other.start < session.end)
        return refuse("overlap", "start",
                      "One-to-one sessions may not overlap; this one overlaps '" + other.name +
                          "' (" + format_time_of_day(other.start) + "-" +
                          format_time_of_day(other.end) + ").");
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
                    meetings_are(static_cast<std::size_t>(booked)) + " booked during " +
                        describe_busy_block(session) + " (meeting " + std::to_string(first) +
                        " first); move or cancel them before making it a plenary session.");
  }
  if (existing != nullptr) {
    const bool layout_changed = existing->kind != session.kind || existing->date != session.date ||
                                existing->slot_starts != session.slot_starts;
    if (layout_changed) {
      if (const auto booked = meetings_booked_in(state, op.session); !booked.empty())
        return refuse("in_use", "session",
                      meetings_are(booked.size()) +
                          " booked in this session; move or cancel them before changing its "
                          "day, kind or slots.");
      if (rounds_use_session(state, op.session))
        return refuse("in_use", "session",
                      "A team round is published for this session; it is locked.");
      if (const int n = unavailability_in_session(state, op.session); n > 0)
        return refuse("in_use", "session",
                      std::to_string(n) +
                          " participants marked slots of this session unavailable; "
                          "changing its slots would change what they marked.");
    }
  }
  return session;
}

Status check_session_removal(const EventState& state, const RemoveSession& op) {
  if (state.session(op.session) == nullptr)
    return refuse("not_found", "session",
                  "There is no session " + std::to_string(op.session) + ".");
  if (const auto booked = meetings_booked_in(state, op.session); !booked.empty())
    return refuse(
        "in_use", "session",
        meetings_are(booked.size()) + " booked in this session; move or cancel them first.");
  if (rounds_use_session(state, op.session))
    return refuse("in_use", "session", "A team round is published for this session; it is locked.");
  if (state.pitching.count(op.session))
    return refuse("in_use", "session", "This session has a pitch order.");
  for (const auto& [id, ct] : state.clinic_tables) {
    if (ct.session == op.session)
      return refuse("in_use", "session", "This session has clinic tables.");
  }
  return Status::success();
}

}  // namespace crossmatch::core
