// Applying meeting operations: request, introduce, accept, decline, propose a slot, cancel,
// feedback.
#include <algorithm>

#include "core/event/apply_context.hpp"
#include "core/event/booking.hpp"
#include "core/event/busy_blocks.hpp"
#include "core/event/request_expiry.hpp"
#include "core/event/session_slots.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core::detail {
namespace {

// "Meeting 3 is accepted, not awaiting an answer.": a whole message for each status a meeting
// can have when it no longer awaits an answer.
std::string not_pending(MeetingId id, MeetingStatus status) {
  switch (status) {
    case MeetingStatus::Accepted:
      // TRANSLATORS: %u is the number of a meeting
      return format_text(tr("Meeting %u is accepted, not awaiting an answer."), id);
    case MeetingStatus::Declined:
      // TRANSLATORS: %u is the number of a meeting
      return format_text(tr("Meeting %u is declined, not awaiting an answer."), id);
    case MeetingStatus::Requested:  // awaits an answer: not asked
    case MeetingStatus::Cancelled:
      break;
  }
  // TRANSLATORS: %u is the number of a meeting
  return format_text(tr("Meeting %u is cancelled, not awaiting an answer."), id);
}

// "Meeting 3 is accepted; only a pending request can get another slot.", for each status a
// meeting can have when it no longer awaits an answer.
std::string no_other_slot(MeetingId id, MeetingStatus status) {
  switch (status) {
    case MeetingStatus::Accepted:
      // TRANSLATORS: %u is the number of a meeting
      return format_text(tr("Meeting %u is accepted; only a pending request can get another slot."),
                         id);
    case MeetingStatus::Declined:
      // TRANSLATORS: %u is the number of a meeting
      return format_text(tr("Meeting %u is declined; only a pending request can get another slot."),
                         id);
    case MeetingStatus::Requested:  // pending: not asked
    case MeetingStatus::Cancelled:
      break;
  }
  // TRANSLATORS: %u is the number of a meeting
  return format_text(tr("Meeting %u is cancelled; only a pending request can get another slot."),
                     id);
}

// "Meeting 3 is declined; feedback is for accepted meetings.", for each status but accepted.
std::string no_feedback(MeetingId id, MeetingStatus status) {
  switch (status) {
    case MeetingStatus::Requested:
      // TRANSLATORS: %u is the number of a meeting
      return format_text(tr("Meeting %u is requested; feedback is for accepted meetings."), id);
    case MeetingStatus::Declined:
      // TRANSLATORS: %u is the number of a meeting
      return format_text(tr("Meeting %u is declined; feedback is for accepted meetings."), id);
    case MeetingStatus::Accepted:  // feedback is welcome: not asked
    case MeetingStatus::Cancelled:
      break;
  }
  // TRANSLATORS: %u is the number of a meeting
  return format_text(tr("Meeting %u is cancelled; feedback is for accepted meetings."), id);
}

// Refuses a new meeting between two people who declined before or already have one open.
Status check_new_pair(const ApplyContext& ctx, ParticipantId a, ParticipantId b,
                      const std::string& field) {
  if (a == b) return refuse("invalid", field, tr("A meeting needs two different people."));
  const auto it = ctx.state.index.pair_meetings.find(pair_key(a, b));
  if (it == ctx.state.index.pair_meetings.end()) return Status::success();
  for (const MeetingId id : it->second) {
    const Meeting& m = ctx.state.meetings.at(id);
    if (m.status == MeetingStatus::Declined)
      return refuse(
          "declined_pair", field,
          // TRANSLATORS: %1$s and %2$s are two people
          format_text(tr("A meeting between %s and %s was declined; a declined pair is "
                         "not matched again."),
                      person_name(ctx.state, a).c_str(), person_name(ctx.state, b).c_str()));
    if (m.open())
      return refuse(
          "already_requested", field,
          m.status == MeetingStatus::Accepted
              // TRANSLATORS: %1$s and %2$s are two people, %3$u the number of their meeting
              ? format_text(tr("%s and %s already have a meeting (meeting %u)."),
                            person_name(ctx.state, a).c_str(), person_name(ctx.state, b).c_str(),
                            id)
              // TRANSLATORS: %1$s and %2$s are two people, %3$u the number of the request
              : format_text(tr("%s and %s already have a request (meeting %u)."),
                            person_name(ctx.state, a).c_str(), person_name(ctx.state, b).c_str(),
                            id));
  }
  return Status::success();
}

// Requests a participant sends (the organiser, acting for people, may go past these): at most
// max_incoming_requests awaiting the answer of the person asked, so that fake accounts cannot
// bury a person (new ones wait until the person answers some; none expire on their own), and at
// most max_requests_per_pair ever to the same person, so that requesting and cancelling cannot
// notify them again and again. A pair that tapped "interested" during a pitch is exempt from the
// first, as from the cap on open requests.
Status check_flood(const ApplyContext& ctx, const RequestMeeting& op) {
  const EventSettings& settings = ctx.state.event.settings;
  const auto incoming_it = ctx.state.index.incoming_requests.find(op.to);
  const int incoming =
      incoming_it == ctx.state.index.incoming_requests.end() ? 0 : incoming_it->second;
  if (incoming >= settings.max_incoming_requests && !ctx.state.interested_pair(op.from, op.to))
    return refuse("incoming_request_cap", "to",
                  // TRANSLATORS: %s is the person asked for a meeting
                  format_text(tr("%s has as many requests waiting for an answer as the organiser "
                                 "allows; try again once they have answered some."),
                              person_name(ctx.state, op.to).c_str()));
  int sent = 0;
  if (const auto it = ctx.state.index.pair_meetings.find(pair_key(op.from, op.to));
      it != ctx.state.index.pair_meetings.end()) {
    for (const MeetingId id : it->second) {
      const Meeting& m = ctx.state.meetings.at(id);
      sent += m.requester == op.from && !m.introduced;
    }
  }
  if (sent >= settings.max_requests_per_pair)
    return refuse(
        "repeat_request_cap", "to",
        format_text(
            // TRANSLATORS: %1$s asked %2$s for a meeting %3$d times
            tr_n("%s has asked %s for a meeting %d time already, the most the "
                 "organiser allows.",
                 "%s has asked %s for a meeting %d times already, the most the "
                 "organiser allows.",
                 static_cast<unsigned long>(sent)),
            person_name(ctx.state, op.from).c_str(), person_name(ctx.state, op.to).c_str(), sent));
  return Status::success();
}

// The new meeting's id: the hub's next one, or the one the hub decided.
Result<MeetingId> new_meeting_id(ApplyContext& ctx, MeetingId given) {
  const MeetingId id = ctx.deciding() ? ctx.state.next_meeting : given;
  if (id == 0 || ctx.state.meeting(id) != nullptr)
    return refuse("invalid", "meeting", tr("An applied request carries a new meeting number."));
  ctx.state.next_meeting = std::max(ctx.state.next_meeting, id + 1);
  return id;
}

std::string list_slots(const EventState& state, const std::vector<SlotRef>& slots) {
  std::string out;
  for (const SlotRef s : slots) {
    const std::string slot = describe_slot(state, s, true);
    // TRANSLATORS: between the items of a list but the last two: "a, b and c"
    out = out.empty() ? slot : format_text(tr("%s, %s"), out.c_str(), slot.c_str());
  }
  return out;
}

// Why a and b cannot meet at this slot (a person's conflict, or no free table), as a clause, or
// empty.
std::string slot_problem(const EventState& state, const Meeting& m, SlotRef slot) {
  if (const Session* plenary = busy_block_at(state, slot))
    // TRANSLATORS: why a slot does not work; %s is a plenary session ("the plenary session
    // 'Opening', Thu 14 May 9:00-9:45")
    return format_text(tr("it overlaps %s"), describe_busy_block(*plenary).c_str());
  for (const ParticipantId p : {m.requester, m.invitee}) {
    const std::string why = person_conflict(state, p, slot, m.id);
    if (!why.empty()) return why;
  }
  // TRANSLATORS: why a slot does not work
  if (free_table(state, slot, 2, m.id) == 0) return tr("every table is taken then");
  return {};
}

Error slot_refusal(const EventState& state, const Meeting& m, SlotRef slot, const std::string& why,
                   const std::string& field) {
  const auto alternatives = nearest_free_slots(state, m.requester, m.invitee, slot, 3);
  const std::string when = describe_slot(state, slot);
  if (alternatives.empty())
    return refuse("slot_unavailable", field,
                  // TRANSLATORS: %1$s is a slot, %2$s why it does not work ("Ana Silva marked
                  // this slot unavailable")
                  format_text(tr("%s does not work: %s. There is no other common free slot left."),
                              when.c_str(), why.c_str()));
  return refuse("slot_unavailable", field,
                // TRANSLATORS: %1$s is a slot, %2$s why it does not work ("Ana Silva marked this
                // slot unavailable"), %3$s the free slots nearest to it
                format_text(tr("%s does not work: %s. Nearest free for both: %s."), when.c_str(),
                            why.c_str(), list_slots(state, alternatives).c_str()));
}

// The acting party of a meeting: the participant themself, or 0 for the organiser.
template <class Kind>
Result<ParticipantId> acting_party(const ApplyContext& ctx, const Meeting& m) {
  if (ctx.organiser()) return ParticipantId{0};
  if (ctx.actor().role == Role::Participant && m.involves(ctx.actor().participant))
    return ctx.actor().participant;
  return forbidden<Kind>();
}

Status both_active(const ApplyContext& ctx, const Meeting& m) {
  for (const ParticipantId p : {m.requester, m.invitee}) {
    auto found = find_active_participant(ctx, p, "meeting");
    if (!found) return found.error();
  }
  return Status::success();
}

}  // namespace

Status apply(ApplyContext& ctx, const RequestMeeting& op) {
  if (!ctx.organiser() && !ctx.is_participant(op.from)) return forbidden<RequestMeeting>();
  for (const auto& [id, field] : {std::pair{op.from, "from"}, std::pair{op.to, "to"}}) {
    auto found = find_active_participant(ctx, id, field);
    if (!found) return found.error();
  }
  if (Status s = check_new_pair(ctx, op.from, op.to, "to"); !s) return s;
  const auto open_it = ctx.state.index.open_requests.find(op.from);
  const int open = open_it == ctx.state.index.open_requests.end() ? 0 : open_it->second;
  const int cap = ctx.state.event.settings.max_open_requests;
  // Someone who tapped "interested" during the other's pitch asked for this: no cap on answering.
  if (open >= cap && !ctx.state.interested_pair(op.from, op.to))
    return refuse("request_cap", "from",
                  format_text(
                      // TRANSLATORS: %1$s is a person, %2$d how many requests they have open
                      tr_n("%s has %d open request, the most the organiser allows; wait for "
                           "answers or cancel one.",
                           "%s has %d open requests, the most the organiser allows; wait for "
                           "answers or cancel one.",
                           static_cast<unsigned long>(open)),
                      person_name(ctx.state, op.from).c_str(), open));
  if (!ctx.organiser()) {
    if (Status s = check_flood(ctx, op); !s) return s;
  }
  if (Status s = check_field_text(op.message, "message", tr("The message"), kMaxMessageLength,
                                  false, true);
      !s)
    return s;
  if (Status s = check_meeting_slots(ctx, op.preferred, "preferred", kMaxPreferredSlots); !s)
    return s;
  auto id = new_meeting_id(ctx, op.meeting);
  if (!id) return id.error();
  ctx.applied_payload<RequestMeeting>().meeting = *id;
  Meeting m;
  m.id = *id;
  m.requester = op.from;
  m.invitee = op.to;
  m.message = op.message;
  m.preferred = op.preferred;
  m.requested_at = ctx.op.at;
  ctx.state.meetings.emplace(m.id, m);
  index_new_meeting(ctx.state, ctx.taxonomy, m);
  return Status::success();
}

Status apply(ApplyContext& ctx, const Introduce& op) {
  for (const auto& [id, field] : {std::pair{op.first, "first"}, std::pair{op.second, "second"}}) {
    auto found = find_active_participant(ctx, id, field);
    if (!found) return found.error();
  }
  if (Status s = check_new_pair(ctx, op.first, op.second, "second"); !s) return s;
  if (Status s = check_field_text(op.note, "note", tr("The note"), kMaxMessageLength, false, true);
      !s)
    return s;
  if (Status s = check_meeting_slots(ctx, op.preferred, "preferred", kMaxPreferredSlots); !s)
    return s;
  auto id = new_meeting_id(ctx, op.meeting);
  if (!id) return id.error();
  ctx.applied_payload<Introduce>().meeting = *id;
  Meeting m;
  m.id = *id;
  m.requester = op.first;
  m.invitee = op.second;
  m.introduced = true;
  m.message = op.note;
  m.preferred = op.preferred;
  m.requester_accepted = false;
  m.invitee_accepted = false;
  m.requested_at = ctx.op.at;
  ctx.state.meetings.emplace(m.id, m);
  index_new_meeting(ctx.state, ctx.taxonomy, m);
  return Status::success();
}

Status apply(ApplyContext& ctx, const AcceptMeeting& op) {
  auto found = find_meeting(ctx, op.meeting);
  if (!found) return found.error();
  const Meeting& m = **found;
  auto party = acting_party<AcceptMeeting>(ctx, m);
  if (!party) return party.error();
  if (m.status != MeetingStatus::Requested)
    return refuse("not_pending", "meeting", not_pending(m.id, m.status));
  const bool by_requester = *party == m.requester;
  const bool by_invitee = *party == m.invitee;
  if ((by_requester && m.requester_accepted) || (by_invitee && m.invitee_accepted))
    return refuse("already_accepted", "meeting",
                  // TRANSLATORS: %s is the other person of the meeting
                  format_text(tr("You have already accepted; %s has to answer."),
                              person_name(ctx.state, m.other(*party)).c_str()));
  if (Status s = both_active(ctx, m); !s) return s;
  if (op.slot) {
    if (Status s = check_meeting_slots(ctx, {*op.slot}, "slot", 1); !s) return s;
  }
  const bool requester_accepted = m.requester_accepted || by_requester || *party == 0;
  const bool invitee_accepted = m.invitee_accepted || by_invitee || *party == 0;
  const bool complete = requester_accepted && invitee_accepted;

  std::optional<Placement> placement;
  if (complete) {
    if (!ctx.deciding()) {
      placement = op.placement;
      if (placement) {
        // What this replica knows must agree with the hub's decision.
        if (!slot_exists(ctx.state, placement->slot) ||
            ctx.state.table(placement->table) == nullptr)
          return refuse("invalid", "placement",
                        tr("The booked slot or table does not exist here."));
      }
    } else if (m.offered) {
      // An offer of a freed slot is booked at that slot at once, whatever the booking mode, or
      // not at all; nothing else moves.
      const SlotRef offered = m.preferred.front();
      if (op.slot && !(*op.slot == offered))
        return refuse("invalid", "slot",
                      // TRANSLATORS: %s is a slot
                      format_text(tr("The offer is for %s only."),
                                  describe_slot(ctx.state, offered).c_str()));
      const std::string why = slot_problem(ctx.state, m, offered);
      if (!why.empty())
        return refuse("slot_taken", "meeting",
                      // TRANSLATORS: %1$s is a slot, %2$s why it is not free ("Ana Silva has a
                      // meeting with Bo Berg then")
                      format_text(tr("%s is no longer free: %s; decline the offer."),
                                  describe_slot(ctx.state, offered).c_str(), why.c_str()));
      placement = Placement{offered, free_table(ctx.state, offered, 2, m.id)};
    } else if (ctx.state.event.settings.booking == BookingMode::Instant) {
      if (op.slot) {
        const std::string why = slot_problem(ctx.state, m, *op.slot);
        if (!why.empty()) return slot_refusal(ctx.state, m, *op.slot, why, "slot");
        placement = Placement{*op.slot, free_table(ctx.state, *op.slot, 2, m.id)};
      } else {
        placement = find_placement(ctx.state, m.requester, m.invitee, m.preferred);
        if (!placement)
          return refuse(
              "no_common_slot", "meeting",
              // TRANSLATORS: %1$s and %2$s are the two people of the meeting
              format_text(tr("%s and %s have no common free slot with a free table left in any "
                             "meeting session; one of them can free a slot, or ask the organiser "
                             "for another session."),
                          person_name(ctx.state, m.requester).c_str(),
                          person_name(ctx.state, m.invitee).c_str()));
      }
    }
  }
  ctx.applied_payload<AcceptMeeting>().placement = placement;
  const std::int64_t at = ctx.op.at;
  modify_meeting(ctx, m.id, [&](Meeting& x) {
    x.requester_accepted = requester_accepted;
    x.invitee_accepted = invitee_accepted;
    if (complete) {
      x.status = MeetingStatus::Accepted;
      x.accepted_at = at;
      x.placement = placement;
    }
  });
  return Status::success();
}

Status apply(ApplyContext& ctx, const DeclineMeeting& op) {
  auto found = find_meeting(ctx, op.meeting);
  if (!found) return found.error();
  const Meeting& m = **found;
  auto party = acting_party<DeclineMeeting>(ctx, m);
  if (!party) return party.error();
  if (m.status != MeetingStatus::Requested)
    return refuse("not_pending", "meeting", not_pending(m.id, m.status));
  if (*party != 0) {
    const bool accepted = *party == m.requester ? m.requester_accepted : m.invitee_accepted;
    if (accepted)
      return refuse("not_yours_to_answer", "meeting",
                    tr("You asked for this meeting; cancel it instead of declining."));
  }
  if (Status s = check_field_text(op.reason, "reason", tr("The reason"), kMaxReasonLength, false);
      !s)
    return s;
  const ParticipantId by = *party;
  // Declining an offer of a freed slot says no to the slot, not to the person: it is cancelled.
  const bool offer = m.offered;
  modify_meeting(ctx, m.id, [&](Meeting& x) {
    x.status = offer ? MeetingStatus::Cancelled : MeetingStatus::Declined;
    x.closed_by = by;
    x.close_reason = op.reason;
  });
  return Status::success();
}

Status apply(ApplyContext& ctx, const ProposeSlot& op) {
  auto found = find_meeting(ctx, op.meeting);
  if (!found) return found.error();
  const Meeting& m = **found;
  if (ctx.actor().role != Role::Participant || !m.involves(ctx.actor().participant))
    return forbidden<ProposeSlot>();
  const ParticipantId by = ctx.actor().participant;
  if (m.status != MeetingStatus::Requested)
    return refuse("not_pending", "meeting", no_other_slot(m.id, m.status));
  if (Status s = both_active(ctx, m); !s) return s;
  if (Status s = check_meeting_slots(ctx, {op.slot}, "slot", 1); !s) return s;
  if (ctx.deciding()) {
    const std::string why = slot_problem(ctx.state, m, op.slot);
    if (!why.empty()) return slot_refusal(ctx.state, m, op.slot, why, "slot");
  }
  modify_meeting(ctx, m.id, [&](Meeting& x) {
    x.preferred = {op.slot};
    // The proposer agrees to their own proposal; the other person now answers it.
    x.requester_accepted = by == x.requester;
    x.invitee_accepted = by == x.invitee;
  });
  return Status::success();
}

Status apply(ApplyContext& ctx, const CancelMeeting& op) {
  auto found = find_meeting(ctx, op.meeting);
  if (!found) return found.error();
  const Meeting& m = **found;
  auto party = acting_party<CancelMeeting>(ctx, m);
  if (!party) return party.error();
  if (!m.open())
    return refuse("not_open", "meeting",
                  m.status == MeetingStatus::Declined
                      // TRANSLATORS: %u is the number of a meeting
                      ? format_text(tr("Meeting %u is already declined."), m.id)
                      // TRANSLATORS: %u is the number of a meeting
                      : format_text(tr("Meeting %u is already cancelled."), m.id));
  if (m.status == MeetingStatus::Requested && *party != 0) {
    const bool accepted = *party == m.requester ? m.requester_accepted : m.invitee_accepted;
    if (!accepted)
      return refuse("not_yours_to_cancel", "meeting",
                    tr("This request awaits your answer; decline it instead of cancelling."));
  }
  if (Status s = check_field_text(op.reason, "reason", tr("The reason"), kMaxReasonLength, false);
      !s)
    return s;
  const ParticipantId by = *party;
  modify_meeting(ctx, m.id, [&](Meeting& x) {
    x.status = MeetingStatus::Cancelled;
    x.placement.reset();
    x.closed_by = by;
    x.close_reason = op.reason;
  });
  return Status::success();
}

// The pair's introduction that still awaits an answer: the hub finds it by the two people; a
// replica checks the one the hub found.
Status apply(ApplyContext& ctx, const WithdrawIntroduction& op) {
  if (op.first == op.second)
    return refuse("invalid", "second", tr("An introduction is of two different people."));
  const std::string first = person_name(ctx.state, op.first);
  const std::string second = person_name(ctx.state, op.second);
  const Meeting* found = nullptr;
  const Meeting* answered = nullptr;
  if (ctx.deciding()) {
    const auto it = ctx.state.index.pair_meetings.find(pair_key(op.first, op.second));
    if (it != ctx.state.index.pair_meetings.end()) {
      for (const MeetingId id : it->second) {
        const Meeting& m = ctx.state.meetings.at(id);
        if (!m.introduced || !m.open()) continue;
        (m.status == MeetingStatus::Requested ? found : answered) = &m;
      }
    }
  } else if (const Meeting* m = ctx.state.meeting(op.meeting);
             m != nullptr && m->introduced && m->involves(op.first) && m->involves(op.second)) {
    (m->status == MeetingStatus::Requested ? found : answered) = m;
  }
  if (found == nullptr && answered != nullptr)
    return refuse("already_accepted", "second",
                  // TRANSLATORS: %1$s and %2$s are the two people introduced
                  format_text(tr("%s and %s have both accepted the introduction; their meeting "
                                 "stands, and only they (or the organiser) can cancel it."),
                              first.c_str(), second.c_str()));
  if (found == nullptr)
    return refuse(
        "not_found", "second",
        // TRANSLATORS: %1$s and %2$s are the two people introduced
        format_text(tr("There is no introduction of %s and %s awaiting an answer to withdraw."),
                    first.c_str(), second.c_str()));
  if (Status s = check_field_text(op.reason, "reason", tr("The reason"), kMaxReasonLength, false);
      !s)
    return s;
  const MeetingId id = found->id;
  ctx.applied_payload<WithdrawIntroduction>().meeting = id;
  modify_meeting(ctx, id, [&](Meeting& x) {
    x.status = MeetingStatus::Cancelled;
    x.placement.reset();
    x.closed_by = 0;
    x.close_reason = op.reason.empty() ? "The introduction was withdrawn." : op.reason;
  });
  return Status::success();
}

// The deadline is checked against the operation's time, the hub's clock when it applied it, so
// that every replica and every replay decides alike; an expired request is closed once (a second
// expiry of it is refused and changes nothing). An offer of a freed slot lapses when its slot
// starts: when that is depends on the event's time zone, which the hub knows, so a replica takes
// the hub's word for it (as for the offer itself).
Status apply(ApplyContext& ctx, const ExpireRequest& op) {
  auto found = find_meeting(ctx, op.meeting);
  if (!found) return found.error();
  const Meeting& m = **found;
  if (m.introduced && !m.offered)
    return refuse(
        "not_a_request", "meeting",
        // TRANSLATORS: %u is the number of a meeting
        format_text(tr("Meeting %u is a broker's introduction; introductions do not expire."),
                    m.id));
  if (m.status != MeetingStatus::Requested)
    return refuse("not_pending", "meeting", not_pending(m.id, m.status));
  std::string reason;
  if (m.offered) {
    if (ctx.deciding()) {
      const std::int64_t starts = ctx.slot_start_ms(m.preferred.front());
      if (ctx.op.at < starts) {
        const long long minutes = (starts - ctx.op.at + 59'999) / 60'000;
        return refuse("not_due", "meeting",
                      format_text(
                          // TRANSLATORS: %1$u is the number of a meeting, %2$lld minutes
                          tr_n("The offer of meeting %u lapses only when its slot starts, %lld "
                               "minute from now.",
                               "The offer of meeting %u lapses only when its slot starts, %lld "
                               "minutes from now.",
                               static_cast<unsigned long>(minutes)),
                          m.id, minutes));
      }
    }
    reason = "The slot started before both accepted: the offer lapsed.";
  } else {
    const int minutes = ctx.state.event.settings.request_expiry_minutes;
    if (minutes <= 0)
      return refuse("expiry_off", "meeting", tr("Requests do not expire at this event."));
    const std::int64_t deadline = expiry_deadline(ctx.state, m);
    if (ctx.op.at < deadline) {
      const long long left = (deadline - ctx.op.at + 59'999) / 60'000;
      return refuse("not_due", "meeting",
                    format_text(
                        // TRANSLATORS: %1$u is the number of a meeting, %2$lld minutes
                        tr_n("Meeting %u expires only %lld minute from now.",
                             "Meeting %u expires only %lld minutes from now.",
                             static_cast<unsigned long>(left)),
                        m.id, left));
    }
    reason = "No answer within " + format_expiry(minutes) + ": the request expired.";
  }
  modify_meeting(ctx, m.id, [&](Meeting& x) {
    x.status = MeetingStatus::Cancelled;
    x.placement.reset();
    x.closed_by = 0;
    x.close_reason = reason;
  });
  return Status::success();
}

Status apply(ApplyContext& ctx, const GiveFeedback& op) {
  auto found = find_meeting(ctx, op.meeting);
  if (!found) return found.error();
  const Meeting& m = **found;
  auto party = acting_party<GiveFeedback>(ctx, m);
  if (!party) return party.error();
  if (m.status != MeetingStatus::Accepted)
    return refuse("not_accepted", "meeting", no_feedback(m.id, m.status));
  if (*party == 0 && (op.rating != 0 || !op.comment.empty()))
    return refuse(
        "forbidden", "rating",
        tr("Only the participants rate their meetings; the organiser marks them held or not."));
  if (op.rating < 0 || op.rating > 5)
    return refuse("out_of_range", "rating", tr("A rating is 1 to 5 (or none)."));
  if (Status s = check_field_text(op.comment, "comment", tr("The comment"), kMaxMessageLength,
                                  false, true);
      !s)
    return s;
  if (op.rating != 0 && op.held == HeldState::NotHeld)
    return refuse("not_held", "rating",
                  tr("You say the meeting did not take place; rate a meeting that took place."));
  if (op.held == HeldState::Unknown && op.rating == 0 && op.comment.empty())
    return refuse("invalid", "held",
                  tr("Say whether the meeting was held, or give a rating or a comment."));
  const ParticipantId by = *party;
  modify_meeting(ctx, m.id, [&](Meeting& x) {
    if (by == 0) {
      // The organiser's word is the verdict; the people's own answers stay as they gave them.
      if (op.held != HeldState::Unknown) x.held = op.held;
      return;
    }
    MeetingFeedback& f = by == x.requester ? x.requester_feedback : x.invitee_feedback;
    if (op.rating != 0) f.rating = op.rating;
    if (!op.comment.empty()) f.comment = op.comment;
    if (op.held == HeldState::Unknown) return;
    f.held = op.held;
    // Both people are asked; one "no" marks it not held, whatever the other said.
    const HeldState a = x.requester_feedback.held, b = x.invitee_feedback.held;
    x.held =
        a == HeldState::NotHeld || b == HeldState::NotHeld ? HeldState::NotHeld : HeldState::Held;
  });
  return Status::success();
}

}  // namespace crossmatch::core::detail
