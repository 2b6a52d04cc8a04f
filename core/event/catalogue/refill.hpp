// Catalogue entries of the standby list and the offers of freed slots: being on standby is the
// person's own business; an offer is seen by its two people (and organisers and brokers). Included
// by operation_catalogue.hpp.
#pragma once

namespace crossmatch::core {

template <>
struct Catalogue<SetStandby>
    : facts::HubDecidesNothing, facts::NothingBeforehand, facts::NoNotice, facts::NothingPersonal {
  static constexpr std::string_view name = "set_standby";
  // TRANSLATORS: an action a person takes, named in the status line ("Change standby: done")
  static constexpr std::string_view action = tr_noop("Change standby");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{
      "participant",
      tr_noop("Only the participant themself or the organiser can change their standby.")};
  static Subject subject(const SetStandby& p) { return {p.participant, 0}; }
  static void changes(const SetStandby& p, const ChangeContext&, ChangeSink& sink) {
    sink.person(p.participant);
  }
  static bool view(SetStandby& p, ViewContext& v) { return p.participant == v.self; }
};

template <>
struct Catalogue<OfferSlot> : facts::NothingBeforehand, facts::NothingPersonal {
  static constexpr std::string_view name = "offer_slot";
  static constexpr std::string_view action = tr_noop("Offer the freed slot");
  // The hub sends it as the organiser when a booked slot is freed; the organiser may too.
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", tr_noop("Only the organiser offers freed slots.")};
  static Subject subject(const OfferSlot& p) { return {0, p.meeting}; }
  static void clear_decided(OfferSlot& p) { p.meeting = 0; }
  static void changes(const OfferSlot& p, const ChangeContext&, ChangeSink& sink) {
    sink.meeting(p.meeting, true);
  }
  static bool view(OfferSlot& p, ViewContext& v) {
    return facts::seen_by_its_people(p.meeting, v, false);
  }
  static std::optional<Notice> notice(const OfferSlot& p, const NoticeContext& c) {
    if (c.role != Role::Participant || (p.first != c.me && p.second != c.me)) return std::nullopt;
    // TRANSLATORS: a notification; {person} stands for the person's name and type: keep it as
    // it is
    return Notice{NoticeKind::Request, tr("A freed slot: meet {person}?"),
                  p.first == c.me ? p.second : p.first};
  }
};

}  // namespace crossmatch::core
