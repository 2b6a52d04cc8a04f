#include "core/event/privacy.hpp"

#include <algorithm>
#include <set>

#include "core/event/operation_catalogue.hpp"

namespace crossmatch::core {

std::string visible_email(const EventState& state, ParticipantId viewer, ParticipantId subject) {
  if (viewer == 0) return {};
  if (viewer == subject) return state.participants.at(subject).profile.email;
  const Participant* p = state.participant(subject);
  if (p == nullptr || !p->profile.consent.share_contact || p->profile.email.empty()) return {};
  const auto it = state.index.pair_meetings.find(pair_key(viewer, subject));
  if (it == state.index.pair_meetings.end()) return {};
  for (const MeetingId id : it->second) {
    const Meeting* m = state.meeting(id);
    if (m != nullptr && m->status == MeetingStatus::Accepted) return p->profile.email;
  }
  return {};
}

std::vector<ParticipantId> partners(const EventState& state, ParticipantId person) {
  std::vector<ParticipantId> out;
  const auto it = state.index.person_meetings.find(person);
  if (it == state.index.person_meetings.end()) return out;
  for (const MeetingId id : it->second) {
    if (const Meeting* m = state.meeting(id)) out.push_back(m->other(person));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Profile public_profile(const Profile& p, const std::string& email) {
  if (!p.consent.suggestions) {
    Profile who;
    who.display_name = p.display_name;
    who.organisation = p.organisation;
    who.type = p.type;
    who.city = p.city;
    who.country = p.country;
    who.sector = p.sector;
    who.size = p.size;
    who.consent = Consent{.suggestions = false, .share_contact = false};
    who.email = email;
    return who;
  }
  Profile out = p;
  out.consent.share_contact = false;
  out.email = email;
  return out;
}

Participant public_record(const Participant& p, const std::string& email) {
  Participant out;
  out.id = p.id;
  out.profile = public_profile(p.profile, email);
  out.status = p.status;
  out.arrived_at = p.arrived_at;  // who is here is everyone's to know; the check-in code is not
  return out;
}

// The follow-up rounds with only `viewer`'s own answers.
std::map<FollowUpId, FollowUpRound> own_follow_ups(const EventState& state, ParticipantId viewer) {
  std::map<FollowUpId, FollowUpRound> out;
  for (const auto& [id, round] : state.follow_ups) {
    FollowUpRound copy = round;
    std::erase_if(copy.answers, [&](const auto& a) { return a.first.second != viewer; });
    out.emplace(id, std::move(copy));
  }
  return out;
}

void hide_partner_feedback(Meeting& m, ParticipantId viewer) {
  MeetingFeedback& theirs = m.requester == viewer ? m.invitee_feedback : m.requester_feedback;
  // Whether it took place is both people's business (their answers make the verdict); the
  // rating and the comment stay the author's.
  theirs = MeetingFeedback{.held = theirs.held};
}

void hide_schedule_constraints(Meeting& m) {
  m.pinned.reset();
  m.after.clear();
}

EventState view_header(const EventState& state, const Viewer& viewer) {
  EventState v;
  v.event = state.event;
  v.next_participant = state.next_participant;
  v.next_session = state.next_session;
  v.next_table = state.next_table;
  v.next_round = state.next_round;
  v.next_announcement = state.next_announcement;
  v.next_clinic_table = state.next_clinic_table;
  v.next_follow_up = state.next_follow_up;
  if (viewer.privileged()) {
    v.next_meeting = state.next_meeting;
    return v;
  }
  // A replica learns meeting numbers from the meetings it sees.
  v.next_meeting = 1;
  if (viewer.participant == 0) return v;
  if (const auto it = state.index.person_meetings.find(viewer.participant);
      it != state.index.person_meetings.end()) {
    for (const MeetingId id : it->second) v.next_meeting = std::max(v.next_meeting, id + 1);
  }
  return v;
}

EventState view_state(const EventState& state, const Viewer& viewer) {
  if (viewer.privileged()) {
    EventState copy = state;
    copy.index = EventIndex{};
    return copy;
  }
  const ParticipantId me = viewer.participant;
  EventState v;
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
  v.follow_ups = own_follow_ups(state, me);
  v.next_follow_up = state.next_follow_up;
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
    if (const auto it = state.index.person_meetings.find(me);
        it != state.index.person_meetings.end()) {
      for (const MeetingId id : it->second) {
        Meeting m = state.meetings.at(id);
        hide_partner_feedback(m, me);
        hide_schedule_constraints(m);
        v.next_meeting = std::max(v.next_meeting, id + 1);
        v.meetings.emplace(id, std::move(m));
      }
    }
  }
  return v;
}

EventState personal_view(const EventState& state, ParticipantId me) {
  EventState v;
  if (me == 0) return v;
  if (const Participant* self = state.participant(me)) v.participants.emplace(me, *self);
  for (const ParticipantId other : partners(state, me)) {
    std::string email = visible_email(state, me, other);
    if (!email.empty())
      v.participants.emplace(other, public_record(state.participants.at(other), email));
  }
  if (const auto it = state.index.person_meetings.find(me);
      it != state.index.person_meetings.end()) {
    for (const MeetingId id : it->second) {
      Meeting m = state.meetings.at(id);
      hide_partner_feedback(m, me);
      hide_schedule_constraints(m);
      v.meetings.emplace(id, std::move(m));
    }
  }
  // The rounds they answered in, with their own answers: laid over the public rounds, which
  // carry none.
  for (auto& [id, round] : own_follow_ups(state, me)) {
    if (!round.answers.empty()) v.follow_ups.emplace(id, std::move(round));
  }
  return v;
}

bool is_own(const Operation& op, const Viewer& viewer) {
  return is_own(op.actor, viewer);
}

bool is_own(const Actor& actor, const Viewer& viewer) {
  if (actor.role != viewer.role) return false;
  if (viewer.role == Role::Participant)
    return viewer.participant != 0 && actor.participant == viewer.participant;
  return true;
}

std::optional<VisibleOperation> view_operation(const Operation& op, const EventState& after,
                                               const Viewer& viewer, bool own) {
  VisibleOperation out{op, {}};
  if (!own) out.op.id = "s" + std::to_string(op.sequence);
  // A registration's claim (its digest, in the hub) is nobody's to see, the organiser's neither.
  if (auto* reg = std::get_if<Register>(&out.op.payload)) reg->claim.clear();
  if (viewer.privileged()) return out;
  // A newcomer's own registration makes them its subject: they see it as that participant.
  const ParticipantId self =
      own && viewer.participant == 0 ? subject(op.payload).participant : viewer.participant;
  if (!view_payload(out.op.payload, op, after, self, out.contacts)) return std::nullopt;
  return out;
}

namespace {

// Collects the people whose copy of an operation may be their own.
class Readers final : public ChangeSink {
 public:
  explicit Readers(const EventState& after) : after_(after) {}
  void meeting(MeetingId id, bool) override { add_people_of(id); }
  void person(ParticipantId id) override {
    add(id);
    for (const ParticipantId other : partners(after_, id)) add(other);
  }
  void add(ParticipantId id) {
    if (id != 0) out_.insert(id);
  }
  void add_people_of(MeetingId id) {
    if (const Meeting* m = after_.meeting(id)) {
      add(m->requester);
      add(m->invitee);
    }
  }
  std::vector<ParticipantId> sorted() const { return {out_.begin(), out_.end()}; }

 private:
  const EventState& after_;
  std::set<ParticipantId> out_;
};

}  // namespace

std::vector<ParticipantId> personal_viewers(const Operation& op, const EventState& after) {
  Readers readers(after);
  if (op.actor.role == Role::Participant) readers.add(op.actor.participant);
  const Subject about = subject(op.payload);
  readers.add(about.participant);
  if (about.meeting != 0) readers.add_people_of(about.meeting);
  report_changes(op, after, readers);
  return readers.sorted();
}

}  // namespace crossmatch::core
