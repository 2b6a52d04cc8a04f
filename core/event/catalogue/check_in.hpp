// Catalogue entries of the event day's desk: everyone learns who has arrived (partners are told
// when someone is not here yet); the code is only the desk's and its owner's. Included by
// operation_catalogue.hpp.
#pragma once

namespace crossmatch::core {

template <>
struct Catalogue<CheckIn> : facts::NothingBeforehand, facts::NothingPersonal {
  static constexpr std::string_view name = "check_in";
  // TRANSLATORS: an action a person takes, named in the status line ("Check in: done")
  static constexpr std::string_view action = tr_noop("Check in");
  static constexpr Senders senders = kOrganiser | kHelper;
  static constexpr Refusal refusal{
      "actor", tr_noop("Only the organiser or a helper at the desk checks people in.")};
  static Subject subject(const CheckIn& p) { return {p.participant, 0}; }
  static void clear_decided(CheckIn& p) { p.participant = 0; }
  static void changes(const CheckIn& p, const ChangeContext&, ChangeSink& sink) {
    sink.person(p.participant);
  }
  static bool view(CheckIn& p, ViewContext& v) {
    if (v.self == 0 || v.self != p.participant) p.code.clear();
    return true;
  }
  static std::optional<Notice> notice(const CheckIn& p, const NoticeContext& c) {
    if (c.role != Role::Participant || c.me == 0 || c.me != p.participant) return std::nullopt;
    return Notice{NoticeKind::Announcement, tr("You are checked in. Welcome!"), 0};
  }
};

}  // namespace crossmatch::core
