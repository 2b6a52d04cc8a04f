// Catalogue entries of meetings: requests, introductions, answers, other slots, cancellations and
// feedback. A meeting's operations are seen by its two people (and organisers and brokers).
// Included by operation_catalogue.hpp.
#pragma once

namespace crossmatch::core {

namespace facts {
// The meeting's two people see it; with `contact`, it may show or hide their partner's e-mail.
inline bool seen_by_its_people(MeetingId id, ViewContext& v, bool contact) {
  const Meeting* m = v.after.meeting(id);
  if (m == nullptr || v.self == 0 || !m->involves(v.self)) return false;
  if (contact) {
    const ParticipantId other = m->other(v.self);
    v.contacts.push_back(Contact{other, visible_email(v.after, v.self, other)});
  }
  return true;
}

// "Anna accepted your meeting", to the other person of the meeting: `by_organiser` when the
// organiser answered, else `by_person` (in which "{name}" stands for the person who answered).
inline std::optional<Notice> answer_notice(MeetingId id, const NoticeContext& c,
                                           const char* by_organiser, const char* by_person) {
  if (!c.participant_not_actor()) return std::nullopt;
  const Meeting* m = c.after.meeting(id);
  if (m == nullptr || !m->involves(c.me)) return std::nullopt;
  if (c.op.actor.role != Role::Participant) return Notice{NoticeKind::Answer, by_organiser, 0};
  return Notice{NoticeKind::Answer, by_person, c.op.actor.participant};
}
}  // namespace facts

template <>
struct Catalogue<RequestMeeting> : facts::NothingBeforehand {
  static constexpr std::string_view name = "request_meeting";
  static constexpr std::string_view action = tr_noop("Request the meeting");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{"from", tr_noop("You can request meetings only for yourself.")};
  static Subject subject(const RequestMeeting& p) { return {0, p.meeting}; }
  static void clear_decided(RequestMeeting& p) { p.meeting = 0; }
  static void changes(const RequestMeeting& p, const ChangeContext&, ChangeSink& sink) {
    sink.meeting(p.meeting, true);
  }
  static bool view(RequestMeeting& p, ViewContext& v) {
    return facts::seen_by_its_people(p.meeting, v, false);
  }
  static std::optional<Notice> notice(const RequestMeeting& p, const NoticeContext& c) {
    if (!c.participant_not_actor() || p.to != c.me) return std::nullopt;
    // TRANSLATORS: a notification; {person} stands for the person's name and type (e.g. "Ana
    // Silva (company)"): keep it as it is
    return Notice{NoticeKind::Request, tr("New request from {person}"), p.from};
  }
  static bool forget(RequestMeeting& p, const Forgotten&) {
    p.message.clear();
    return true;
  }
};

template <>
struct Catalogue<Introduce> : facts::NothingBeforehand {
  static constexpr std::string_view name = "introduce";
  static constexpr std::string_view action = tr_noop("Introduce the two people");
  static constexpr Senders senders = kOrganiser | kBroker;
  static constexpr Refusal refusal{"actor",
                                   tr_noop("Only a broker or the organiser can introduce people.")};
  static Subject subject(const Introduce& p) { return {0, p.meeting}; }
  static void clear_decided(Introduce& p) { p.meeting = 0; }
  static void changes(const Introduce& p, const ChangeContext&, ChangeSink& sink) {
    sink.meeting(p.meeting, true);
  }
  static bool view(Introduce& p, ViewContext& v) {
    return facts::seen_by_its_people(p.meeting, v, false);
  }
  static std::optional<Notice> notice(const Introduce& p, const NoticeContext& c) {
    if (!c.participant_not_actor() || (p.first != c.me && p.second != c.me)) return std::nullopt;
    // TRANSLATORS: a notification; {person} stands for the person's name and type: keep it as
    // it is
    return Notice{NoticeKind::Request, tr("A broker introduces you to {person}"),
                  p.first == c.me ? p.second : p.first};
  }
  static bool forget(Introduce& p, const Forgotten&) {
    p.note.clear();
    return true;
  }
};

template <>
struct Catalogue<AcceptMeeting> : facts::NothingBeforehand, facts::NothingPersonal {
  static constexpr std::string_view name = "accept_meeting";
  static constexpr std::string_view action = tr_noop("Accept the meeting");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{
      "actor", tr_noop("Only the two people of the meeting or the organiser can accept it.")};
  static Subject subject(const AcceptMeeting& p) { return {0, p.meeting}; }
  static void clear_decided(AcceptMeeting& p) { p.placement.reset(); }
  static void changes(const AcceptMeeting& p, const ChangeContext&, ChangeSink& sink) {
    sink.meeting(p.meeting, false);
  }
  static bool view(AcceptMeeting& p, ViewContext& v) {
    return facts::seen_by_its_people(p.meeting, v, true);
  }
  static std::optional<Notice> notice(const AcceptMeeting& p, const NoticeContext& c) {
    return facts::answer_notice(
        p.meeting, c, tr("The organiser accepted your meeting"),
        // TRANSLATORS: a notification; {name} stands for the person's name: keep it as it is
        tr("{name} accepted your meeting"));
  }
};

template <>
struct Catalogue<DeclineMeeting> : facts::HubDecidesNothing, facts::NothingBeforehand {
  static constexpr std::string_view name = "decline_meeting";
  static constexpr std::string_view action = tr_noop("Decline the meeting");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{
      "actor", tr_noop("Only the two people of the meeting or the organiser can decline it.")};
  static Subject subject(const DeclineMeeting& p) { return {0, p.meeting}; }
  static void changes(const DeclineMeeting& p, const ChangeContext& c, ChangeSink& sink) {
    sink.meeting(p.meeting, false);
    if (const Meeting* m = c.after.meeting(p.meeting); m != nullptr && !m->offered)
      sink.kept_apart(m->requester, m->invitee);
  }
  static bool view(DeclineMeeting& p, ViewContext& v) {
    return facts::seen_by_its_people(p.meeting, v, true);
  }
  static std::optional<Notice> notice(const DeclineMeeting& p, const NoticeContext& c) {
    return facts::answer_notice(
        p.meeting, c, tr("The organiser declined your meeting"),
        // TRANSLATORS: a notification; {name} stands for the person's name: keep it as it is
        tr("{name} declined your meeting"));
  }
  static bool forget(DeclineMeeting& p, const Forgotten&) {
    p.reason.clear();
    return true;
  }
};

template <>
struct Catalogue<ProposeSlot>
    : facts::HubDecidesNothing, facts::NothingBeforehand, facts::NothingPersonal {
  static constexpr std::string_view name = "propose_slot";
  static constexpr std::string_view action = tr_noop("Propose a time");
  static constexpr Senders senders = kParticipant;
  static constexpr Refusal refusal{
      "actor", tr_noop("Only the two people of the meeting can propose another slot.")};
  static Subject subject(const ProposeSlot& p) { return {0, p.meeting}; }
  static void changes(const ProposeSlot& p, const ChangeContext&, ChangeSink& sink) {
    sink.meeting(p.meeting, false);
  }
  static bool view(ProposeSlot& p, ViewContext& v) {
    return facts::seen_by_its_people(p.meeting, v, false);
  }
  static std::optional<Notice> notice(const ProposeSlot& p, const NoticeContext& c) {
    return facts::answer_notice(
        p.meeting, c, tr("The organiser proposed another slot for your meeting"),
        // TRANSLATORS: a notification; {name} stands for the person's name: keep it as it is
        tr("{name} proposed another slot for your meeting"));
  }
};

template <>
struct Catalogue<CancelMeeting> : facts::HubDecidesNothing, facts::NothingBeforehand {
  static constexpr std::string_view name = "cancel_meeting";
  static constexpr std::string_view action = tr_noop("Cancel the meeting");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{
      "actor", tr_noop("Only the two people of the meeting or the organiser can cancel it.")};
  static Subject subject(const CancelMeeting& p) { return {0, p.meeting}; }
  static void changes(const CancelMeeting& p, const ChangeContext&, ChangeSink& sink) {
    sink.meeting(p.meeting, false);
  }
  static bool view(CancelMeeting& p, ViewContext& v) {
    return facts::seen_by_its_people(p.meeting, v, true);
  }
  static std::optional<Notice> notice(const CancelMeeting& p, const NoticeContext& c) {
    return facts::answer_notice(
        p.meeting, c, tr("The organiser cancelled your meeting"),
        // TRANSLATORS: a notification; {name} stands for the person's name: keep it as it is
        tr("{name} cancelled your meeting"));
  }
  static bool forget(CancelMeeting& p, const Forgotten&) {
    p.reason.clear();
    return true;
  }
};

template <>
struct Catalogue<WithdrawIntroduction> : facts::NothingBeforehand {
  static constexpr std::string_view name = "withdraw_introduction";
  static constexpr std::string_view action = tr_noop("Withdraw the introduction");
  static constexpr Senders senders = kOrganiser | kBroker;
  static constexpr Refusal refusal{
      "actor", tr_noop("Only a broker or the organiser can withdraw an introduction.")};
  static Subject subject(const WithdrawIntroduction& p) { return {0, p.meeting}; }
  static void clear_decided(WithdrawIntroduction& p) { p.meeting = 0; }
  static void changes(const WithdrawIntroduction& p, const ChangeContext&, ChangeSink& sink) {
    sink.meeting(p.meeting, false);
  }
  static bool view(WithdrawIntroduction& p, ViewContext& v) {
    return facts::seen_by_its_people(p.meeting, v, false);
  }
  static std::optional<Notice> notice(const WithdrawIntroduction& p, const NoticeContext& c) {
    if (c.role != Role::Participant || (p.first != c.me && p.second != c.me)) return std::nullopt;
    // TRANSLATORS: a notification; {person} stands for the person's name and type: keep it as
    // it is
    return Notice{NoticeKind::Answer, tr("The introduction to {person} was withdrawn"),
                  p.first == c.me ? p.second : p.first};
  }
  static bool forget(WithdrawIntroduction& p, const Forgotten&) {
    p.reason.clear();
    return true;
  }
};

template <>
struct Catalogue<ExpireRequest>
    : facts::HubDecidesNothing, facts::NothingBeforehand, facts::NothingPersonal {
  static constexpr std::string_view name = "expire_request";
  static constexpr std::string_view action = tr_noop("Expire the request");
  // The hub sends it as the organiser once the deadline has passed: the organiser's setting for
  // a request, the slot's start for an offer of a freed slot.
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", tr_noop("Only the hub expires requests.")};
  static Subject subject(const ExpireRequest& p) { return {0, p.meeting}; }
  static void changes(const ExpireRequest& p, const ChangeContext&, ChangeSink& sink) {
    sink.meeting(p.meeting, false);
  }
  static bool view(ExpireRequest& p, ViewContext& v) {
    return facts::seen_by_its_people(p.meeting, v, false);
  }
  // "Your request to Ana Silva expired" to its sender; the person asked is told too. Both people
  // of a lapsed offer are told the slot started.
  static std::optional<Notice> notice(const ExpireRequest& p, const NoticeContext& c) {
    if (c.role != Role::Participant) return std::nullopt;
    const Meeting* m = c.after.meeting(p.meeting);
    if (m == nullptr || !m->involves(c.me)) return std::nullopt;
    if (m->offered)
      return Notice{NoticeKind::Answer,
                    // TRANSLATORS: a notification; {person} stands for the person's name and
                    // type: keep it as it is
                    tr("The freed slot with {person} started before you both accepted: the offer "
                       "lapsed"),
                    m->other(c.me)};
    if (m->requester == c.me)
      // TRANSLATORS: a notification; {person} stands for the person's name and type: keep it as
      // it is
      return Notice{NoticeKind::Answer, tr("Your request to {person} expired"), m->invitee};
    // TRANSLATORS: a notification; {person} stands for the person's name and type: keep it as it
    // is
    return Notice{NoticeKind::Answer, tr("The request from {person} expired unanswered"),
                  m->requester};
  }
};

template <>
struct Catalogue<GiveFeedback>
    : facts::HubDecidesNothing, facts::NothingBeforehand, facts::NoNotice {
  static constexpr std::string_view name = "give_feedback";
  // TRANSLATORS: an action a person takes, named in the status line ("Give feedback: done")
  static constexpr std::string_view action = tr_noop("Give feedback");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{
      "actor",
      tr_noop("Only the two people of the meeting or the organiser can give feedback on it.")};
  static Subject subject(const GiveFeedback& p) { return {0, p.meeting}; }
  static void changes(const GiveFeedback& p, const ChangeContext& c, ChangeSink& sink) {
    sink.meeting(p.meeting, false);
    // A participant's feedback changes only their own row; the organiser's (held or not)
    // changes none, but both are rewritten to be safe.
    const bool own = c.applied.actor.role == Role::Participant;
    sink.feedback(p.meeting, own ? c.applied.actor.participant : 0);
  }
  // Someone else's rating and comment stay theirs; whether the meeting was held is shared.
  static bool view(GiveFeedback& p, ViewContext& v) {
    if (!facts::seen_by_its_people(p.meeting, v, false)) return false;
    if (v.by_self()) return true;
    p.rating = 0;
    p.comment.clear();
    return p.held != HeldState::Unknown;
  }
  static bool forget(GiveFeedback& p, const Forgotten&) {
    if (p.comment.empty()) return false;
    const bool comment_only = p.held == HeldState::Unknown && p.rating == 0;
    p.comment = comment_only ? kErasedText : "";
    return true;
  }
};

}  // namespace crossmatch::core
