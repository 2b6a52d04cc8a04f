#include "net/replica_view.hpp"

#include <algorithm>
#include <set>
#include <type_traits>

namespace crossmatch::net {
namespace {

using core::ParticipantId;

template <class T>
constexpr bool is_meeting_op =
    std::is_same_v<T, core::RequestMeeting> || std::is_same_v<T, core::Introduce> ||
    std::is_same_v<T, core::AcceptMeeting> || std::is_same_v<T, core::DeclineMeeting> ||
    std::is_same_v<T, core::ProposeSlot> || std::is_same_v<T, core::CancelMeeting> ||
    std::is_same_v<T, core::GiveFeedback>;

// Whether the op's status change can make a partner's e-mail appear or disappear.
template <class T>
constexpr bool changes_contact =
    std::is_same_v<T, core::AcceptMeeting> || std::is_same_v<T, core::DeclineMeeting> ||
    std::is_same_v<T, core::CancelMeeting>;

// The meeting an operation is about, and its two people (from the state after it).
const core::Meeting* meeting_of(const core::OperationPayload& payload, const core::EventState& after) {
  return std::visit(
      [&](const auto& p) -> const core::Meeting* {
        using T = std::decay_t<decltype(p)>;
        if constexpr (is_meeting_op<T>) return after.meeting(p.meeting);
        return nullptr;
      },
      payload);
}

// The person whose profile or status an operation changes, or 0.
ParticipantId subject_of(const core::OperationPayload& payload) {
  return std::visit(
      [](const auto& p) -> ParticipantId {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, core::Register> || std::is_same_v<T, core::EditProfile> ||
                      std::is_same_v<T, core::SetAvailability> || std::is_same_v<T, core::Withdraw> ||
                      std::is_same_v<T, core::Erase>)
          return p.participant;
        return 0;
      },
      payload);
}

// Everyone who has or had a meeting with `person`.
std::vector<ParticipantId> partners(const core::EventState& state, ParticipantId person) {
  std::vector<ParticipantId> out;
  const auto it = state.index.person_meetings.find(person);
  if (it == state.index.person_meetings.end()) return out;
  for (const core::MeetingId id : it->second) {
    if (const core::Meeting* m = state.meeting(id)) out.push_back(m->other(person));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

core::Participant public_record(const core::Participant& p, const std::string& email) {
  core::Participant out;
  out.id = p.id;
  out.profile = p.profile;
  out.profile.email = email;
  out.status = p.status;
  return out;  // availability is the person's own business
}

// A meeting as one of its people sees it: the other person's rating and comment stay private.
void hide_partner_feedback(core::Meeting& m, ParticipantId viewer) {
  core::MeetingFeedback& theirs = m.requester == viewer ? m.invitee_feedback : m.requester_feedback;
  theirs = core::MeetingFeedback{};
}

}  // namespace

std::string visible_email(const core::EventState& state, ParticipantId viewer, ParticipantId subject) {
  if (viewer == 0 || viewer == subject) return viewer == subject && viewer != 0 ? state.participants.at(subject).profile.email : "";
  const core::Participant* p = state.participant(subject);
  if (p == nullptr || !p->profile.consent.share_contact || p->profile.email.empty()) return {};
  const auto it = state.index.pair_meetings.find(core::pair_key(viewer, subject));
  if (it == state.index.pair_meetings.end()) return {};
  for (const core::MeetingId id : it->second) {
    const core::Meeting* m = state.meeting(id);
    if (m != nullptr && m->status == core::MeetingStatus::Accepted) return p->profile.email;
  }
  return {};
}

core::EventState view_state(const core::EventState& state, const Viewer& viewer) {
  if (viewer.privileged()) {
    core::EventState copy = state;
    copy.index = core::EventIndex{};
    return copy;
  }
  const ParticipantId me = viewer.participant;
  core::EventState v;
  v.event = state.event;
  v.sessions = state.sessions;
  v.tables = state.tables;
  v.rounds = state.rounds;
  v.announcements = state.announcements;
  // Pitching sessions (with who tapped "interested") and policy clinics (tables, picks, seating,
  // outcomes) are the whole room's: their operations reach every participant too, so a snapshot
  // must hold them or the replica could not apply the next one.
  v.pitching = state.pitching;
  v.clinic_tables = state.clinic_tables;
  v.clinic_themes = state.clinic_themes;
  v.next_clinic_table = state.next_clinic_table;
  v.next_participant = state.next_participant;
  v.next_session = state.next_session;
  v.next_table = state.next_table;
  v.next_round = state.next_round;
  v.next_announcement = state.next_announcement;
  for (const auto& [id, p] : state.participants) {
    if (id == me) {
      v.participants.emplace(id, p);
    } else {
      v.participants.emplace(id, public_record(p, visible_email(state, me, id)));
    }
  }
  // A replica learns meeting numbers from the meetings it sees.
  v.next_meeting = 1;
  if (me != 0) {
    if (const auto it = state.index.person_meetings.find(me); it != state.index.person_meetings.end()) {
      for (const core::MeetingId id : it->second) {
        core::Meeting m = state.meetings.at(id);
        hide_partner_feedback(m, me);
        v.next_meeting = std::max(v.next_meeting, id + 1);
        v.meetings.emplace(id, std::move(m));
      }
    }
  }
  return v;
}

core::EventState personal_view(const core::EventState& state, ParticipantId me) {
  core::EventState v;
  if (me == 0) return v;
  if (const core::Participant* self = state.participant(me)) v.participants.emplace(me, *self);
  for (const ParticipantId other : partners(state, me)) {
    std::string email = visible_email(state, me, other);
    if (!email.empty()) v.participants.emplace(other, public_record(state.participants.at(other), email));
  }
  if (const auto it = state.index.person_meetings.find(me); it != state.index.person_meetings.end()) {
    for (const core::MeetingId id : it->second) {
      core::Meeting m = state.meetings.at(id);
      hide_partner_feedback(m, me);
      v.meetings.emplace(id, std::move(m));
    }
  }
  return v;
}

bool is_own(const core::Operation& op, const Viewer& viewer) {
  if (op.actor.role != viewer.role) return false;
  if (viewer.role == core::Role::Participant)
    return viewer.participant != 0 && op.actor.participant == viewer.participant;
  return true;
}

std::optional<Applied> view_operation(const core::Operation& op, const core::EventState& after,
                                      const Viewer& viewer, bool own) {
  Applied out{op, {}};
  if (!own) out.op.id = "s" + std::to_string(op.sequence);
  if (viewer.privileged()) return out;
  const ParticipantId me = viewer.participant;
  // The registering newcomer becomes the new participant.
  const ParticipantId self =
      own && me == 0 && std::holds_alternative<core::Register>(op.payload)
          ? std::get<core::Register>(op.payload).participant
          : me;

  bool visible = true;
  std::visit(
      [&](auto& p) {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, core::Register> || std::is_same_v<T, core::EditProfile>) {
          if (p.participant != self) p.profile.email = visible_email(after, self, p.participant);
          if constexpr (std::is_same_v<T, core::Register>) {
            if (p.participant != self) p.availability = core::Availability{};
          }
        } else if constexpr (std::is_same_v<T, core::SetAvailability>) {
          visible = p.participant == self;
        } else if constexpr (std::is_same_v<T, core::Withdraw> || std::is_same_v<T, core::Erase>) {
          if (p.participant == self) {
            for (const ParticipantId other : partners(after, self))
              out.contacts.push_back(Contact{other, visible_email(after, self, other)});
          } else if (self != 0) {
            const auto theirs = partners(after, p.participant);
            if (std::binary_search(theirs.begin(), theirs.end(), self))
              out.contacts.push_back(Contact{p.participant, visible_email(after, self, p.participant)});
          }
        } else if constexpr (std::is_same_v<T, core::ApplySchedule>) {
          std::erase_if(p.placements, [&](const auto& placement) {
            const core::Meeting* m = after.meeting(placement.first);
            return m == nullptr || !m->involves(self) || self == 0;
          });
          visible = !p.placements.empty();
        } else if constexpr (is_meeting_op<T>) {
          const core::Meeting* m = after.meeting(p.meeting);
          visible = m != nullptr && self != 0 && m->involves(self);
          if (!visible) return;
          if constexpr (std::is_same_v<T, core::GiveFeedback>) {
            // Someone else's rating and comment stay theirs; the held state is shared.
            if (!(op.actor.role == core::Role::Participant && op.actor.participant == self)) {
              p.rating = 0;
              p.comment.clear();
              visible = p.held != core::HeldState::Unknown;
            }
          }
          if constexpr (changes_contact<T>) {
            const ParticipantId other = m->other(self);
            out.contacts.push_back(Contact{other, visible_email(after, self, other)});
          }
        }
      },
      out.op.payload);
  if (!visible) return std::nullopt;
  return out;
}

std::vector<ParticipantId> personal_viewers(const core::Operation& op, const core::EventState& after) {
  std::set<ParticipantId> out;
  if (op.actor.role == core::Role::Participant && op.actor.participant != 0) out.insert(op.actor.participant);
  if (const core::Meeting* m = meeting_of(op.payload, after)) {
    out.insert(m->requester);
    out.insert(m->invitee);
  }
  if (const ParticipantId subject = subject_of(op.payload); subject != 0) {
    out.insert(subject);
    if (!std::holds_alternative<core::SetAvailability>(op.payload)) {
      for (const ParticipantId other : partners(after, subject)) out.insert(other);
    }
  }
  if (const auto* schedule = std::get_if<core::ApplySchedule>(&op.payload)) {
    for (const auto& [id, placement] : schedule->placements) {
      if (const core::Meeting* m = after.meeting(id)) {
        out.insert(m->requester);
        out.insert(m->invitee);
      }
    }
  }
  return {out.begin(), out.end()};
}

OperationLines::Line OperationLines::for_viewer(const Viewer& viewer, bool own_connection) const {
  if (own_connection) return own;
  if (viewer.privileged()) return privileged;
  if (viewer.participant != 0) {
    const auto it = std::lower_bound(personal.begin(), personal.end(), viewer.participant,
                                     [](const auto& entry, ParticipantId p) { return entry.first < p; });
    if (it != personal.end() && it->first == viewer.participant) return it->second;
  }
  return everyone;
}

OperationLines render_operation(const core::Operation& op, const core::EventState& after) {
  OperationLines lines;
  lines.seq = op.sequence;
  lines.actor = op.actor;
  const auto line = [&](const Viewer& viewer, bool own) -> OperationLines::Line {
    auto viewed = view_operation(op, after, viewer, own);
    if (!viewed) return nullptr;
    return std::make_shared<const std::string>(encode_applied(viewed->op, viewed->contacts) + "\n");
  };
  const Viewer actor{op.actor.role, op.actor.participant};
  lines.own = line(actor, true);
  lines.privileged = line(Viewer{core::Role::Broker, 0}, false);
  // A participant who is not involved: number 0 has no meetings and sees no e-mail.
  lines.everyone = line(Viewer{core::Role::Participant, 0}, false);
  for (const ParticipantId p : personal_viewers(op, after))
    lines.personal.emplace_back(p, line(Viewer{core::Role::Participant, p}, false));
  return lines;
}

}  // namespace crossmatch::net
