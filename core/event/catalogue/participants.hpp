// Catalogue entries of participants: registering, profiles, availability, withdrawal, erasure.
// Included by operation_catalogue.hpp.
#pragma once

#include <algorithm>

namespace crossmatch::core {

namespace facts {
// The meetings of a person whose status changes: withdrawal and erasure cancel the open ones.
inline void person_meetings(const EventState& after, ParticipantId person, ChangeSink& sink,
                            bool feedback) {
  const auto it = after.index.person_meetings.find(person);
  if (it == after.index.person_meetings.end()) return;
  for (const MeetingId m : it->second) {
    sink.meeting(m, false);
    if (feedback) sink.feedback(m, 0);
  }
}

// A person leaves: their own copy says which partners' e-mails they no longer see, and each
// partner's copy whether they still see theirs.
inline void departure_contacts(ParticipantId person, ViewContext& v) {
  if (person == v.self) {
    for (const ParticipantId other : partners(v.after, v.self))
      v.contacts.push_back(Contact{other, visible_email(v.after, v.self, other)});
  } else if (v.self != 0) {
    const auto theirs = partners(v.after, person);
    if (std::binary_search(theirs.begin(), theirs.end(), v.self))
      v.contacts.push_back(Contact{person, visible_email(v.after, v.self, person)});
  }
}
}  // namespace facts

template <>
struct Catalogue<Register> : facts::NothingBeforehand, facts::NoNotice {
  static constexpr std::string_view name = "register";
  // TRANSLATORS: an action a person takes, named in the status line ("Register: done")
  static constexpr std::string_view action = tr_noop("Register");
  static constexpr Senders senders = kOrganiser | kNewcomer | kHelper;
  static constexpr Refusal refusal{
      "actor", tr_noop("Only a newcomer with the join code, the organiser or a helper "
                       "at the desk can register a participant.")};
  static Subject subject(const Register& p) { return {p.participant, 0}; }
  // The check-in code is the hub's too, but drawn outside the state machine (it is random): the
  // hub overwrites whatever a client sent before applying.
  static void clear_decided(Register& p) { p.participant = 0; }
  static void changes(const Register& p, const ChangeContext&, ChangeSink& sink) {
    sink.person(p.participant);
  }
  // Others see the public profile: the e-mail as they may see it, no availability. The claim's
  // digest stays in the hub.
  static bool view(Register& p, ViewContext& v) {
    p.claim.clear();
    if (p.participant != v.self) {
      p.check_in_code.clear();
      p.profile = public_profile(p.profile, visible_email(v.after, v.self, p.participant));
      p.availability = Availability{};
    }
    return true;
  }
  static bool forget(Register& p, const Forgotten& f) {
    p.profile = f.profile;
    p.availability = f.availability;
    return true;
  }
};

template <>
struct Catalogue<EditProfile>
    : facts::HubDecidesNothing, facts::NothingBeforehand, facts::NoNotice {
  static constexpr std::string_view name = "edit_profile";
  static constexpr std::string_view action = tr_noop("Save the profile");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{
      "actor", tr_noop("Only the participant themself or the organiser can edit a profile.")};
  static Subject subject(const EditProfile& p) { return {p.participant, 0}; }
  static void changes(const EditProfile& p, const ChangeContext&, ChangeSink& sink) {
    sink.person(p.participant);
  }
  static bool view(EditProfile& p, ViewContext& v) {
    // As the person now wants to be seen: an edit that withholds consent to appear in
    // suggestions leaves others only who they are.
    if (p.participant != v.self)
      p.profile = public_profile(p.profile, visible_email(v.after, v.self, p.participant));
    return true;
  }
  static bool forget(EditProfile& p, const Forgotten& f) {
    p.profile = f.profile;
    return true;
  }
};

template <>
struct Catalogue<SetAvailability>
    : facts::HubDecidesNothing, facts::NothingBeforehand, facts::NoNotice {
  static constexpr std::string_view name = "set_availability";
  // TRANSLATORS: an action a person takes, named in the status line ("Set availability: done")
  static constexpr std::string_view action = tr_noop("Set availability");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{
      "actor", tr_noop("Only the participant themself or the organiser can change availability.")};
  static Subject subject(const SetAvailability& p) { return {p.participant, 0}; }
  static void changes(const SetAvailability& p, const ChangeContext&, ChangeSink& sink) {
    sink.availability(p.participant);
  }
  // Availability is the person's own business.
  static bool view(SetAvailability& p, ViewContext& v) { return p.participant == v.self; }
  static bool forget(SetAvailability& p, const Forgotten& f) {
    p.availability = f.availability;
    return true;
  }
};

template <>
struct Catalogue<Withdraw>
    : facts::HubDecidesNothing, facts::NothingBeforehand, facts::NoNotice, facts::NothingPersonal {
  static constexpr std::string_view name = "withdraw";
  static constexpr std::string_view action = tr_noop("Withdraw from the event");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{
      "actor",
      tr_noop("Only the participant themself or the organiser can withdraw a participant.")};
  static Subject subject(const Withdraw& p) { return {p.participant, 0}; }
  static void changes(const Withdraw& p, const ChangeContext& c, ChangeSink& sink) {
    sink.person(p.participant);
    sink.left(p.participant);
    facts::person_meetings(c.after, p.participant, sink, false);
  }
  static bool view(Withdraw& p, ViewContext& v) {
    facts::departure_contacts(p.participant, v);
    return true;
  }
};

template <>
struct Catalogue<Erase>
    : facts::HubDecidesNothing, facts::NothingBeforehand, facts::NoNotice, facts::NothingPersonal {
  static constexpr std::string_view name = "erase";
  static constexpr std::string_view action = tr_noop("Erase the profile");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{
      "actor",
      tr_noop("Only the participant themself or the organiser can erase a participant's data.")};
  static Subject subject(const Erase& p) { return {p.participant, 0}; }
  static void changes(const Erase& p, const ChangeContext& c, ChangeSink& sink) {
    sink.person(p.participant);
    sink.left(p.participant);
    sink.erased(p.participant);
    sink.clinic_themes(p.participant);
    facts::person_meetings(c.after, p.participant, sink, true);
    // The notes of follow-up answers on their meetings go, as the meetings' other words do.
    if (const auto it = c.after.index.person_meetings.find(p.participant);
        it != c.after.index.person_meetings.end()) {
      for (const auto& [id, round] : c.after.follow_ups) {
        for (const MeetingId m : it->second) {
          for (auto a = round.answers.lower_bound({m, 0});
               a != round.answers.end() && a->first.first == m; ++a)
            sink.follow_up_answer(id, m, a->first.second);
        }
      }
    }
  }
  static bool view(Erase& p, ViewContext& v) {
    facts::departure_contacts(p.participant, v);
    return true;
  }
};

}  // namespace crossmatch::core
