// Applying the organiser's constraints for the auto-schedule: pinned meetings and precedences.
#include <algorithm>

#include "core/event/apply_context.hpp"
#include "core/event/schedule_constraints.hpp"
#include "core/event/session_slots.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core::detail {
namespace {

// What is to be done with an accepted meeting.
enum class Constraint { Pin, Order };

// "Only an accepted meeting can be pinned to a slot; meeting 3 (...) is declined.": a whole
// message for each constraint and each status but accepted.
std::string not_accepted(Constraint what, const std::string& meeting, MeetingStatus status) {
  const char* m = meeting.c_str();
  if (what == Constraint::Pin) {
    switch (status) {
      case MeetingStatus::Requested:
        // TRANSLATORS: %s is a meeting ("meeting 7 (Ana Silva and Bo Berg)")
        return format_text(tr("Only an accepted meeting can be pinned to a slot; %s is requested."),
                           m);
      case MeetingStatus::Declined:
        // TRANSLATORS: %s is a meeting ("meeting 7 (Ana Silva and Bo Berg)")
        return format_text(tr("Only an accepted meeting can be pinned to a slot; %s is declined."),
                           m);
      case MeetingStatus::Accepted:  // not asked
      case MeetingStatus::Cancelled:
        break;
    }
    // TRANSLATORS: %s is a meeting ("meeting 7 (Ana Silva and Bo Berg)")
    return format_text(tr("Only an accepted meeting can be pinned to a slot; %s is cancelled."), m);
  }
  switch (status) {
    case MeetingStatus::Requested:
      // TRANSLATORS: %s is a meeting ("meeting 7 (Ana Silva and Bo Berg)")
      return format_text(tr("Only an accepted meeting can be ordered; %s is requested."), m);
    case MeetingStatus::Declined:
      // TRANSLATORS: %s is a meeting ("meeting 7 (Ana Silva and Bo Berg)")
      return format_text(tr("Only an accepted meeting can be ordered; %s is declined."), m);
    case MeetingStatus::Accepted:  // not asked
    case MeetingStatus::Cancelled:
      break;
  }
  // TRANSLATORS: %s is a meeting ("meeting 7 (Ana Silva and Bo Berg)")
  return format_text(tr("Only an accepted meeting can be ordered; %s is cancelled."), m);
}

// The meeting, accepted; else a refusal naming `field`.
Result<const Meeting*> accepted_meeting(const EventState& state, MeetingId id,
                                        const std::string& field, Constraint what) {
  const Meeting* m = state.meeting(id);
  if (m == nullptr)
    // TRANSLATORS: %u is the number of a meeting
    return refuse("not_found", field, format_text(tr("There is no meeting %u."), id));
  if (m->status != MeetingStatus::Accepted)
    return refuse("not_accepted", field, not_accepted(what, meeting_label(state, id), m->status));
  return m;
}

// The pinned slot's start, when the meeting is pinned to a slot that still exists.
std::optional<std::int64_t> pinned_time(const EventState& state, MeetingId id) {
  const Meeting* m = state.meeting(id);
  if (m == nullptr || !m->pinned || !slot_exists(state, *m->pinned)) return std::nullopt;
  return state.sessions.at(m->pinned->session).slot_time(m->pinned->index);
}

std::int64_t slot_time(const EventState& state, SlotRef slot) {
  return state.sessions.at(slot.session).slot_time(slot.index);
}

}  // namespace

Status apply(ApplyContext& ctx, const PinMeeting& op) {
  const EventState& state = ctx.state;
  auto found = accepted_meeting(state, op.meeting, "meeting", Constraint::Pin);
  if (!found) return found.error();
  const Meeting& m = **found;
  if (Status s = check_meeting_slots(ctx, {op.slot}, "slot", 1); !s) return s;
  const std::string when = describe_slot(state, op.slot);
  for (const ParticipantId p : {m.requester, m.invitee}) {
    auto active = find_active_participant(ctx, p, "meeting");
    if (!active) return active.error();
    const Availability& a = (*active)->availability;
    if (std::binary_search(a.unavailable.begin(), a.unavailable.end(), op.slot))
      return refuse("unavailable", "slot",
                    // TRANSLATORS: %1$s is a person, %2$s a slot
                    format_text(tr("%s is not available on %s; pick another slot or ask them to "
                                   "free it."),
                                person_name(state, p).c_str(), when.c_str()));
    const bool morning = is_morning(state, op.slot);
    if ((a.only == TimeOfDay::Morning && !morning) || (a.only == TimeOfDay::Afternoon && morning))
      return refuse("time_of_day_conflict", "slot",
                    a.only == TimeOfDay::Morning
                        // TRANSLATORS: %1$s is a person, %2$s a slot in the afternoon
                        ? format_text(tr("%s meets only in the morning; %s is not."),
                                      person_name(state, p).c_str(), when.c_str())
                        // TRANSLATORS: %1$s is a person, %2$s a slot in the morning
                        : format_text(tr("%s meets only in the afternoon; %s is not."),
                                      person_name(state, p).c_str(), when.c_str()));
  }
  // Other meetings pinned to the slot: nobody twice, no more than the tables.
  std::size_t pinned_there = 0;
  for (const auto& [id, other] : state.meetings) {
    if (id == m.id || other.status != MeetingStatus::Accepted || other.pinned != op.slot) continue;
    ++pinned_there;
    for (const ParticipantId p : {m.requester, m.invitee}) {
      if (other.involves(p))
        return refuse("conflict", "slot",
                      // TRANSLATORS: %1$s is a person, %2$s a meeting ("meeting 7 (Ana Silva and
                      // Bo Berg)"), %3$s a slot
                      format_text(tr("%s already has %s pinned to %s; pick another slot or unpin "
                                     "that one."),
                                  person_name(state, p).c_str(), meeting_label(state, id).c_str(),
                                  when.c_str()));
    }
  }
  if (pinned_there >= state.tables.size())
    return refuse("no_table", "slot",
                  format_text(
                      // TRANSLATORS: %1$s is a slot, %2$zu how many tables the event has
                      tr_n("Every table on %s already holds a pinned meeting (%zu table); pick "
                           "another slot or add a table.",
                           "Every table on %s already holds a pinned meeting (%zu tables); pick "
                           "another slot or add a table.",
                           state.tables.size()),
                      when.c_str(), state.tables.size()));
  // Precedences: whatever must come before it is pinned earlier, whatever after it later.
  const std::int64_t at = slot_time(state, op.slot);
  for (const MeetingId before : meetings_before(state, m.id)) {
    const auto t = pinned_time(state, before);
    if (t && *t >= at)
      return refuse("order_conflict", "slot",
                    // TRANSLATORS: %1$s is a meeting ("meeting 7 (Ana Silva and Bo Berg)"), %2$s
                    // a slot
                    format_text(tr("%s must come before this meeting and is pinned to %s; pick a "
                                   "later slot or remove the precedence."),
                                meeting_label(state, before).c_str(),
                                describe_slot(state, *state.meetings.at(before).pinned).c_str()));
  }
  for (const MeetingId after : meetings_after(state, m.id)) {
    const auto t = pinned_time(state, after);
    if (t && *t <= at)
      return refuse("order_conflict", "slot",
                    // TRANSLATORS: %1$s is a meeting ("meeting 7 (Ana Silva and Bo Berg)"), %2$s
                    // a slot
                    format_text(tr("%s must come after this meeting and is pinned to %s; pick an "
                                   "earlier slot or remove the precedence."),
                                meeting_label(state, after).c_str(),
                                describe_slot(state, *state.meetings.at(after).pinned).c_str()));
  }
  modify_meeting(ctx, m.id, [&](Meeting& x) { x.pinned = op.slot; });
  return Status::success();
}

Status apply(ApplyContext& ctx, const UnpinMeeting& op) {
  auto found = find_meeting(ctx, op.meeting);
  if (!found) return found.error();
  if (!(*found)->pinned)
    return refuse("not_pinned", "meeting",
                  // TRANSLATORS: %u is the number of a meeting
                  format_text(tr("Meeting %u is not pinned to a slot."), op.meeting));
  modify_meeting(ctx, op.meeting, [](Meeting& x) { x.pinned.reset(); });
  return Status::success();
}

Status apply(ApplyContext& ctx, const AddPrecedence& op) {
  const EventState& state = ctx.state;
  auto first = accepted_meeting(state, op.before, "before", Constraint::Order);
  if (!first) return first.error();
  auto second = accepted_meeting(state, op.after, "after", Constraint::Order);
  if (!second) return second.error();
  if (op.before == op.after)
    return refuse("self_precedence", "after",
                  tr("A meeting cannot come before itself; pick two different meetings."));
  const Meeting& later = **second;
  if (std::binary_search(later.after.begin(), later.after.end(), op.before))
    return refuse(
        "duplicate", "after",
        // TRANSLATORS: %1$s and %2$s are meetings ("meeting 7 (Ana Silva and Bo Berg)")
        format_text(tr("%s already comes before %s."), meeting_label(state, op.before).c_str(),
                    meeting_label(state, op.after).c_str()));
  if (later.after.size() >= kMaxPrecedences)
    return refuse("too_many", "after",
                  format_text(
                      // TRANSLATORS: %2$s is a meeting ("meeting 7 (Ana Silva and Bo Berg)")
                      tr_n("At most %zu meeting can come before %s.",
                           "At most %zu meetings can come before %s.", kMaxPrecedences),
                      kMaxPrecedences, meeting_label(state, op.after).c_str()));
  const std::vector<MeetingId> earlier = meetings_before(state, op.before);
  if (std::binary_search(earlier.begin(), earlier.end(), op.after))
    return refuse("cycle", "after",
                  // TRANSLATORS: %1$s and %2$s are meetings ("meeting 7 (Ana Silva and Bo Berg)")
                  format_text(tr("%s already comes before %s (directly or through other "
                                 "meetings); both orders cannot hold."),
                              meeting_label(state, op.after).c_str(),
                              meeting_label(state, op.before).c_str()));
  // Pins on either side must leave room for the order.
  std::vector<MeetingId> first_side = earlier, second_side = meetings_after(state, op.after);
  first_side.push_back(op.before);
  second_side.push_back(op.after);
  for (const MeetingId a : first_side) {
    const auto ta = pinned_time(state, a);
    if (!ta) continue;
    for (const MeetingId b : second_side) {
      const auto tb = pinned_time(state, b);
      if (tb && *ta >= *tb)
        return refuse("order_conflict", "after",
                      // TRANSLATORS: %1$s is a meeting, %2$s its slot, %3$s another meeting, %4$s
                      // that one's slot
                      format_text(tr("%s is pinned to %s, not before %s on %s; change a pin "
                                     "first."),
                                  meeting_label(state, a).c_str(),
                                  describe_slot(state, *state.meetings.at(a).pinned).c_str(),
                                  meeting_label(state, b).c_str(),
                                  describe_slot(state, *state.meetings.at(b).pinned).c_str()));
    }
  }
  modify_meeting(ctx, op.after, [&](Meeting& x) {
    x.after.insert(std::upper_bound(x.after.begin(), x.after.end(), op.before), op.before);
  });
  return Status::success();
}

Status apply(ApplyContext& ctx, const RemovePrecedence& op) {
  const Meeting* later = ctx.state.meeting(op.after);
  if (later == nullptr || !std::binary_search(later->after.begin(), later->after.end(), op.before))
    return refuse(
        "not_found", "after",
        // TRANSLATORS: %1$u and %2$u are the numbers of two meetings
        format_text(tr("Meeting %u is not set to come before meeting %u."), op.before, op.after));
  modify_meeting(ctx, op.after, [&](Meeting& x) {
    x.after.erase(std::find(x.after.begin(), x.after.end(), op.before));
  });
  return Status::success();
}

}  // namespace crossmatch::core::detail
