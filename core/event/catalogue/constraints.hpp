// Catalogue entries of the organiser's constraints for the auto-schedule: pinned meetings and
// precedences. Organisers and brokers see them; participants do not (their copies of their
// meetings carry neither). Included by operation_catalogue.hpp.
#pragma once

namespace crossmatch::core {

namespace facts {
// The organiser's planning, none of a participant's business.
struct SeenByOrganisers {
  template <class T>
  static bool view(T&, ViewContext&) {
    return false;
  }
};
}  // namespace facts

template <>
struct Catalogue<PinMeeting> : facts::AboutNobody,
                               facts::HubDecidesNothing,
                               facts::NothingBeforehand,
                               facts::SeenByOrganisers,
                               facts::NoNotice,
                               facts::NothingPersonal {
  static constexpr std::string_view name = "pin_meeting";
  static constexpr std::string_view action = tr_noop("Pin the meeting");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor",
                                   tr_noop("Only the organiser can pin meetings to a slot.")};
  static void changes(const PinMeeting& p, const ChangeContext&, ChangeSink& sink) {
    sink.meeting(p.meeting, false);
  }
};

template <>
struct Catalogue<UnpinMeeting> : facts::AboutNobody,
                                 facts::HubDecidesNothing,
                                 facts::NothingBeforehand,
                                 facts::SeenByOrganisers,
                                 facts::NoNotice,
                                 facts::NothingPersonal {
  static constexpr std::string_view name = "unpin_meeting";
  static constexpr std::string_view action = tr_noop("Unpin the meeting");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", tr_noop("Only the organiser can unpin meetings.")};
  static void changes(const UnpinMeeting& p, const ChangeContext&, ChangeSink& sink) {
    sink.meeting(p.meeting, false);
  }
};

template <>
struct Catalogue<AddPrecedence> : facts::AboutNobody,
                                  facts::HubDecidesNothing,
                                  facts::NothingBeforehand,
                                  facts::SeenByOrganisers,
                                  facts::NoNotice,
                                  facts::NothingPersonal {
  static constexpr std::string_view name = "add_precedence";
  static constexpr std::string_view action = tr_noop("Order the two meetings");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", tr_noop("Only the organiser can order meetings.")};
  static void changes(const AddPrecedence& p, const ChangeContext&, ChangeSink& sink) {
    sink.meeting(p.after, false);
  }
};

template <>
struct Catalogue<RemovePrecedence> : facts::AboutNobody,
                                     facts::HubDecidesNothing,
                                     facts::NothingBeforehand,
                                     facts::SeenByOrganisers,
                                     facts::NoNotice,
                                     facts::NothingPersonal {
  static constexpr std::string_view name = "remove_precedence";
  static constexpr std::string_view action = tr_noop("Remove the order");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor",
                                   tr_noop("Only the organiser can remove an order of meetings.")};
  static void changes(const RemovePrecedence& p, const ChangeContext&, ChangeSink& sink) {
    sink.meeting(p.after, false);
  }
};

}  // namespace crossmatch::core
