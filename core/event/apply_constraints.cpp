// Applying the organiser's constraints for the auto-schedule: pinned meetings and precedences.
#include <algorithm>

#include "core/event/apply_context.hpp"
#include "core/event/schedule_constraints.hpp"
#include "core/event/session_slots.hpp"

namespace crossmatch::core::detail {
namespace {

// The meeting, accepted; else a refusal naming `field`.
Result<const Meeting*> accepted_meeting(const EventState& state, MeetingId id,
                                        const std::string& field, const std::string& what) {
  const Meeting* m = state.meeting(id);
  if (m == nullptr)
    return refuse("not_found", field, "There is no meeting " + std::to_string(id) + ".");
  if (m->status != MeetingStatus::Accepted)
    return refuse("not_accepted", field,
                  "Only an accepted meeting can " + what + "; " + meeting_label(state, id) +
                      " is " + to_string(m->status) + ".");
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
  auto found = accepted_meeting(state, op.meeting, "meeting", "be pinned to a slot");
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
                    person_name(state, p) + " is not available on " + when +
                        "; pick another slot or ask them to free it.");
    const bool morning = is_morning(state, op.slot);
    if ((a.only == TimeOfDay::Morning && !morning) || (a.only == TimeOfDay::Afternoon && morning))
      return refuse("time_of_day_conflict", "slot",
                    person_name(state, p) + " meets only in the " +
                        (a.only == TimeOfDay::Morning ? "morning" : "afternoon") + "; " + when +
                        " is not.");
  }
  // Other meetings pinned to the slot: nobody twice, no more than the tables.
  std::size_t pinned_there = 0;
  for (const auto& [id, other] : state.meetings) {
    if (id == m.id || other.status != MeetingStatus::Accepted || other.pinned != op.slot) continue;
    ++pinned_there;
    for (const ParticipantId p : {m.requester, m.invitee}) {
      if (other.involves(p))
        return refuse("conflict", "slot",
                      person_name(state, p) + " already has " + meeting_label(state, id) +
                          " pinned to " + when + "; pick another slot or unpin that one.");
    }
  }
  if (pinned_there >= state.tables.size())
    return refuse("no_table", "slot",
                  "Every table on " + when + " already holds a pinned meeting (" +
                      std::to_string(state.tables.size()) +
                      " tables); pick another slot or add a table.");
  // Precedences: whatever must come before it is pinned earlier, whatever after it later.
  const std::int64_t at = slot_time(state, op.slot);
  for (const MeetingId before : meetings_before(state, m.id)) {
    const auto t = pinned_time(state, before);
    if (t && *t >= at)
      return refuse("order_conflict", "slot",
                    meeting_label(state, before) +
                        " must come before this meeting and is pinned to " +
                        describe_slot(state, *state.meetings.at(before).pinned) +
                        "; pick a later slot or remove the precedence.");
  }
  for (const MeetingId after : meetings_after(state, m.id)) {
    const auto t = pinned_time(state, after);
    if (t && *t <= at)
      return refuse("order_conflict", "slot",
                    meeting_label(state, after) +
                        " must come after this meeting and is pinned to " +
                        describe_slot(state, *state.meetings.at(after).pinned) +
                        "; pick an earlier slot or remove the precedence.");
  }
  modify_meeting(ctx, m.id, [&](Meeting& x) { x.pinned = op.slot; });
  return Status::success();
}

Status apply(ApplyContext& ctx, const UnpinMeeting& op) {
  auto found = find_meeting(ctx, op.meeting);
  if (!found) return found.error();
  if (!(*found)->pinned)
    return refuse("not_pinned", "meeting",
                  "Meeting " + std::to_string(op.meeting) + " is not pinned to a slot.");
  modify_meeting(ctx, op.meeting, [](Meeting& x) { x.pinned.reset(); });
  return Status::success();
}

Status apply(ApplyContext& ctx, const AddPrecedence& op) {
  const EventState& state = ctx.state;
  auto first = accepted_meeting(state, op.before, "before", "be ordered");
  if (!first) return first.error();
  auto second = accepted_meeting(state, op.after, "after", "be ordered");
  if (!second) return second.error();
  if (op.before == op.after)
    return refuse("self_precedence", "after",
                  "A meeting cannot come before itself; pick two different meetings.");
  const Meeting& later = **second;
  if (std::binary_search(later.after.begin(), later.after.end(), op.before))
    return refuse("duplicate", "after",
                  meeting_label(state, op.before) + " already comes before " +
                      meeting_label(state, op.after) + ".");
  if (later.after.size() >= kMaxPrecedences)
    return refuse("too_many", "after",
                  "At most " + std::to_string(kMaxPrecedences) + " meetings can come before " +
                      meeting_label(state, op.after) + ".");
  const std::vector<MeetingId> earlier = meetings_before(state, op.before);
  if (std::binary_search(earlier.begin(), earlier.end(), op.after))
    return refuse("cycle", "after",
                  meeting_label(state, op.after) + " already comes before " +
                      meeting_label(state, op.before) +
                      " (directly or through other meetings); both orders cannot hold.");
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
                      meeting_label(state, a) + " is pinned to " +
                          describe_slot(state, *state.meetings.at(a).pinned) + ", not before " +
                          meeting_label(state, b) + " on " +
                          describe_slot(state, *state.meetings.at(b).pinned) +
                          "; change a pin first.");
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
    return refuse("not_found", "after",
                  "Meeting " + std::to_string(op.before) + " is not set to come before meeting " +
                      std::to_string(op.after) + ".");
  modify_meeting(ctx, op.after, [&](Meeting& x) {
    x.after.erase(std::find(x.after.begin(), x.after.end(), op.before));
  });
  return Status::success();
}

}  // namespace crossmatch::core::detail
