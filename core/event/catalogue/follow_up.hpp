// Catalogue entries of follow-up rounds after the event: the rounds are everyone's business, an
// answer only its author's. Included by operation_catalogue.hpp.
#pragma once

namespace crossmatch::core {

template <>
struct Catalogue<DefineFollowUp> : facts::AboutNobody,
                                   facts::HubDecidesNothing,
                                   facts::NothingBeforehand,
                                   facts::SeenByEveryone,
                                   facts::NothingPersonal {
  static constexpr std::string_view name = "define_follow_up";
  static constexpr std::string_view action = tr_noop("Open the follow-up round");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor",
                                   tr_noop("Only the organiser can open follow-up rounds.")};
  static void changes(const DefineFollowUp& p, const ChangeContext& c, ChangeSink& sink) {
    sink.follow_up(p.follow_up != 0 ? p.follow_up : c.after.next_follow_up - 1);
  }
  // A participant's app asks them to answer while the round is open.
  static std::optional<Notice> notice(const DefineFollowUp& p, const NoticeContext& c) {
    if (c.role != Role::Participant || !p.open) return std::nullopt;
    return Notice{NoticeKind::Announcement,
                  // TRANSLATORS: a notification; %s is the name of the follow-up round
                  format_text(tr("Follow-up \"%s\" is open: tell what came of your meetings"),
                              p.name.c_str()),
                  0};
  }
};

template <>
struct Catalogue<RateFollowUp>
    : facts::HubDecidesNothing, facts::NothingBeforehand, facts::NoNotice {
  static constexpr std::string_view name = "rate_follow_up";
  static constexpr std::string_view action = tr_noop("Save the follow-up answer");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{
      "actor",
      tr_noop("Only the meeting's people, or the organiser for them, answer a follow-up.")};
  static Subject subject(const RateFollowUp& p) { return {p.participant, p.meeting}; }
  static void changes(const RateFollowUp& p, const ChangeContext&, ChangeSink& sink) {
    sink.follow_up_answer(p.follow_up, p.meeting, p.participant);
  }
  // An answer stays its author's (sent by them, or by the organiser for them): the other person
  // of the meeting does not see it.
  static bool view(RateFollowUp& p, ViewContext& v) {
    return v.self != 0 && v.self == p.participant;
  }
  static bool forget(RateFollowUp& p, const Forgotten&) {
    if (p.note.empty()) return false;
    p.note.clear();
    return true;
  }
};

}  // namespace crossmatch::core
