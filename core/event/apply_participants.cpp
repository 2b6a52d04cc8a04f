// Applying participants' operations: register, edit the profile, availability, withdraw, erase.
#include <algorithm>

#include "core/event/apply_context.hpp"
#include "core/event/booking.hpp"
#include "core/event/check_in_code.hpp"
#include "core/event/session_slots.hpp"
#include "core/i18n/translation.hpp"
#include "core/profile_validation.hpp"
#include "core/text.hpp"

namespace crossmatch::core::detail {
namespace {

Status check_profile_fields(const ApplyContext& ctx, const Profile& profile, ParticipantId self) {
  // A replica may hold profiles without contact details, which the hub keeps from it; the hub
  // has checked the profile already.
  if (!ctx.deciding()) return Status::success();
  const auto errors = validate_profile(profile, ctx.taxonomy);
  if (!errors.empty()) {
    Error e = errors.front();
    e.field = "profile." + e.field;
    return e;
  }
  const auto it = ctx.state.index.emails.find(ascii_lower(profile.email));
  if (it != ctx.state.index.emails.end() && it->second != self)
    return refuse("email_taken", "profile.email",
                  // TRANSLATORS: %s is an e-mail address
                  format_text(tr("Someone is already registered with %s; sign in with your own "
                                 "token, or use another address."),
                              profile.email.c_str()));
  return Status::success();
}

// Sorted without duplicates, every slot real; unavailable slots must not hold the person's
// booked meetings, and a time-of-day requirement must fit them too.
Status check_availability(const ApplyContext& ctx, Availability& availability, ParticipantId self) {
  auto& slots = availability.unavailable;
  if (slots.size() > kMaxUnavailableSlots)
    return refuse("too_many", "availability.unavailable",
                  format_text(tr_n("At most %zu unavailable slot.",
                                   "At most %zu unavailable slots.", kMaxUnavailableSlots),
                              kMaxUnavailableSlots));
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (!slot_exists(ctx.state, slots[i]))
      return refuse("not_found", "availability.unavailable[" + std::to_string(i) + "]",
                    // TRANSLATORS: %1$d is the number of a slot, %2$u of a session
                    format_text(tr("There is no slot %d in session %u."), slots[i].index + 1,
                                slots[i].session));
  }
  if (self == 0) return Status::success();
  const auto it = ctx.state.index.person_meetings.find(self);
  if (it == ctx.state.index.person_meetings.end()) return Status::success();
  for (const MeetingId mid : it->second) {
    const Meeting& m = ctx.state.meetings.at(mid);
    if (m.status != MeetingStatus::Accepted || !m.placement) continue;
    const SlotRef slot = m.placement->slot;
    const std::string when = describe_slot(ctx.state, slot);
    const std::string with = person_name(ctx.state, m.other(self));
    if (std::binary_search(slots.begin(), slots.end(), slot))
      return refuse("busy", "availability.unavailable",
                    // TRANSLATORS: %1$s is a person, %2$s a slot
                    format_text(tr("You have a meeting with %s on %s; cancel it before marking "
                                   "that slot unavailable."),
                                with.c_str(), when.c_str()));
    const bool morning = is_morning(ctx.state, slot);
    if ((availability.only == TimeOfDay::Morning && !morning) ||
        (availability.only == TimeOfDay::Afternoon && morning))
      return refuse("busy", "availability.only",
                    // TRANSLATORS: %1$s is a person, %2$s a slot
                    format_text(tr("You have a meeting with %s on %s; cancel it first."),
                                with.c_str(), when.c_str()));
  }
  return Status::success();
}

}  // namespace

Status apply(ApplyContext& ctx, const Register& op) {
  EventState& state = ctx.state;
  const bool newcomer = ctx.actor().role == Role::Participant && ctx.actor().participant == 0;
  // Who may register at all is the catalogue's rule, checked before this.
  if (op.arrived && newcomer)
    return refuse("forbidden", "arrived",
                  tr("Only the organiser or a helper at the desk registers a walk-in as arrived."));
  if (ctx.deciding() && ctx.actor().role == Role::Helper && !op.arrived)
    return refuse("forbidden", "arrived",
                  tr("A helper registers only walk-ins, who are at the desk: mark them arrived."));
  if (!op.check_in_code.empty()) {
    if (!is_check_in_code(op.check_in_code))
      return refuse("invalid", "check_in_code", tr("A registration's check-in code is malformed."));
    if (state.index.check_in_codes.count(op.check_in_code) != 0)
      return refuse("code_in_use", "check_in_code",
                    tr("That check-in code is someone else's; the hub draws another."));
  }
  if (newcomer && !state.event.registration_open)
    return refuse("registration_closed", "type",
                  // TRANSLATORS: %s is the name of the event
                  format_text(tr("Registration for '%s' is closed."), state.event.name.c_str()));
  if (ctx.deciding() && state.participants.size() >= kMaxParticipants)
    return refuse(
        "too_many", "type",
        format_text(tr_n("The event is full: at most %zu participant.",
                         "The event is full: at most %zu participants.", kMaxParticipants),
                    kMaxParticipants));
  if (Status s = check_profile_fields(ctx, op.profile, 0); !s) return s;
  Register& applied = ctx.applied_payload<Register>();
  if (Status s = check_availability(ctx, applied.availability, 0); !s) return s;
  const ParticipantId id = ctx.deciding() ? state.next_participant : op.participant;
  if (id == 0 || state.participant(id) != nullptr)
    return refuse("invalid", "participant",
                  tr("An applied registration carries a new participant number."));
  applied.participant = id;
  state.next_participant = std::max(state.next_participant, id + 1);
  Participant p{id, applied.profile, applied.availability, ParticipantStatus::Active};
  p.check_in_code = op.check_in_code;
  p.arrived_at = op.arrived ? ctx.op.at : 0;
  account_participant(state, p, +1);
  state.participants.emplace(id, std::move(p));
  return Status::success();
}

Status apply(ApplyContext& ctx, const EditProfile& op) {
  if (Status s = require_self_or_organiser<EditProfile>(ctx, op.participant); !s) return s;
  auto found = find_active_participant(ctx, op.participant, "participant");
  if (!found) return found.error();
  if (Status s = check_profile_fields(ctx, op.profile, op.participant); !s) return s;
  EventState& state = ctx.state;
  // Sector and country count in the statistics of every accepted meeting of theirs.
  std::vector<MeetingId> mine;
  if (const auto it = state.index.person_meetings.find(op.participant);
      it != state.index.person_meetings.end())
    mine = it->second;
  for (const MeetingId m : mine) account_meeting(state, ctx.taxonomy, state.meetings.at(m), -1);
  Participant& p = state.participants.at(op.participant);
  account_participant(state, p, -1);
  p.profile = op.profile;
  account_participant(state, p, +1);
  for (const MeetingId m : mine) account_meeting(state, ctx.taxonomy, state.meetings.at(m), +1);
  return Status::success();
}

Status apply(ApplyContext& ctx, const SetAvailability& op) {
  if (Status s = require_self_or_organiser<SetAvailability>(ctx, op.participant); !s) return s;
  auto found = find_active_participant(ctx, op.participant, "participant");
  if (!found) return found.error();
  SetAvailability& applied = ctx.applied_payload<SetAvailability>();
  if (Status s = check_availability(ctx, applied.availability, op.participant); !s) return s;
  ctx.state.participants.at(op.participant).availability = applied.availability;
  return Status::success();
}

Status apply(ApplyContext& ctx, const Withdraw& op) {
  if (Status s = require_self_or_organiser<Withdraw>(ctx, op.participant); !s) return s;
  auto found = find_active_participant(ctx, op.participant, "participant");
  if (!found) return found.error();
  cancel_open_meetings(ctx, op.participant, "withdrew from the event");
  modify_participant_status(ctx, op.participant, ParticipantStatus::Withdrawn);
  return Status::success();
}

Status apply(ApplyContext& ctx, const Erase& op) {
  if (Status s = require_self_or_organiser<Erase>(ctx, op.participant); !s) return s;
  auto found = find_participant(ctx, op.participant, "participant");
  if (!found) return found.error();
  if ((*found)->status == ParticipantStatus::Erased)
    return refuse("erased", "participant",
                  // TRANSLATORS: %u is the number of a participant
                  format_text(tr("Participant %u is already erased."), op.participant));
  EventState& state = ctx.state;
  cancel_open_meetings(ctx, op.participant, "");
  // Their meetings stay, without the words anyone wrote in them.
  if (const auto it = state.index.person_meetings.find(op.participant);
      it != state.index.person_meetings.end()) {
    for (const MeetingId mid : it->second) {
      Meeting& m = state.meetings.at(mid);
      m.message.clear();
      m.close_reason.clear();
      m.requester_feedback.comment.clear();
      m.invitee_feedback.comment.clear();
      for (auto& [id, round] : state.follow_ups) {
        for (const ParticipantId person : {m.requester, m.invitee}) {
          if (const auto a = round.answers.find({mid, person}); a != round.answers.end())
            a->second.note.clear();
        }
      }
    }
  }
  Participant& p = state.participants.at(op.participant);
  account_participant(state, p, -1);
  // What remains is not personal: the kind of organisation, its sector and country, which the
  // event's statistics on cross-sector and cross-border meetings count.
  Profile anonymous;
  anonymous.type = p.profile.type;
  anonymous.sector = p.profile.sector;
  anonymous.country = p.profile.country;
  anonymous.consent = Consent{false, false};
  p.profile = std::move(anonymous);
  p.availability = Availability{};
  p.status = ParticipantStatus::Erased;
  state.clinic_themes.erase(op.participant);
  account_participant(state, p, +1);
  return Status::success();
}

}  // namespace crossmatch::core::detail
