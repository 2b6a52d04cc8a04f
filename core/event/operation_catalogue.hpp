// The operation catalogue: every fact about each kind of operation, kept in one entry per kind
// beside the operations' definitions (operation.hpp): its wire name, who may send it, whom it is
// about, what it changes, who may see it, what it tells a participant, what erasure removes from
// it. storage (changed rows, erasure), net (the privacy filter) and the client (notifications,
// caches) ask the catalogue; none of them lists the kinds again.
//
// Adding a kind (docs/adding-an-operation.md): its struct in operation.hpp and in
// OperationPayload, its apply function (an `apply` overload in core/event/apply_*.cpp), and its
// entry in core/event/catalogue/. An entry missing a fact fails to compile.
//
// [SECTION] The facts an entry gives
// [SECTION] Every entry complete
// [SECTION] Asking the catalogue about an operation
#pragma once

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "core/event/privacy.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core {

// [SECTION] The facts an entry gives

// Who may send a kind at all. Finer rules (a request only for yourself, an answer only from the
// meeting's people) are checked by the kind's apply function, with the same refusal.
enum Sender : unsigned {
  kOrganiser = 1,
  kBroker = 2,
  kParticipant = 4,
  kNewcomer = 8,
  kHelper = 16
};
using Senders = unsigned;
// A participant without a number is a newcomer, who may only register.
Sender sender_of(const Actor& actor);

// What a sender who may not send a kind is told: the field at fault and the message (English,
// marked with tr_noop: the client translates it where it shows the refusal).
struct Refusal {
  std::string_view field;
  std::string_view message;
};

// Whom an operation is about: the participant whose record or choices it changes and the meeting
// it concerns. Stored beside each logged operation (erasure finds what to rewrite by them); a
// newcomer's registration makes them its subject.
struct Subject {
  ParticipantId participant = 0;
  MeetingId meeting = 0;
};

// What an applied operation changed, told to a sink; each consumer keeps what it needs (storage:
// the rows to rewrite; the client: its caches; the hub: the team suggestions to redo). Every
// operation also changes the event's next ids, which nobody needs told.
class ChangeSink {
 public:
  virtual ~ChangeSink() = default;
  virtual void event_record() {}      // the event's name, time zone, registration, settings
  virtual void settings() {}          // the matching settings
  virtual void session(SessionId) {}  // defined or changed
  virtual void session_removed(SessionId) {}
  virtual void table(TableId) {}
  virtual void table_removed(TableId) {}
  virtual void person(ParticipantId) {}  // profile or status: registered, edited, withdrawn, erased
  virtual void left(ParticipantId) {
  }  // withdrawn or erased: out of suggestions, meetings cancelled
  virtual void availability(ParticipantId) {}
  virtual void erased(ParticipantId) {}
  virtual void meeting(MeetingId, bool /*created*/) {}
  virtual void feedback(MeetingId, ParticipantId /*whose; 0: both people's*/) {}
  virtual void kept_apart(ParticipantId, ParticipantId) {
  }  // a declined request: never suggested again
  virtual void round(RoundId) {}
  virtual void announcement(AnnouncementId) {}
  virtual void pitching(SessionId) {}  // a pitch session's order, state or interest
  virtual void clinic_table(ClinicTableId) {}
  virtual void clinic_themes(ParticipantId) {}  // the themes a person picked
  virtual void follow_up(FollowUpId) {}         // a follow-up round defined, closed or re-opened
  virtual void follow_up_answer(FollowUpId, MeetingId, ParticipantId /*whose*/) {}
};

// An operation as applied, and the state right after it.
struct ChangeContext {
  const Operation& applied;
  const EventState& after;
};

// One participant's copy of an applied operation being made (privileged viewers see everything
// and never get here). `self` is 0 for the copy every uninvolved participant gets.
struct ViewContext {
  const Operation& op;
  const EventState& after;
  ParticipantId self = 0;
  std::vector<Contact>& contacts;  // contact details this operation changes for `self`
  bool by_self() const {
    return self != 0 && op.actor.role == Role::Participant && op.actor.participant == self;
  }
};

enum class NoticeKind { Request, Answer, Announcement, Reminder, TeamRound, Refused, Connection };

// What a participant's app tells its user about an operation. When `person` is set, `text` is a
// fixed phrase in which "{person}" stands for that person's name with their participant type, or
// "{name}" for their name alone; otherwise `text` is shown as it is (an announcement's own words).
struct Notice {
  NoticeKind kind = NoticeKind::Announcement;
  std::string text;
  ParticipantId person = 0;
  bool operator==(const Notice&) const = default;
};

// The app of `role` (for a participant, number `me`) that received `op`.
struct NoticeContext {
  const Operation& op;
  const EventState& after;
  Role role = Role::Participant;
  ParticipantId me = 0;
  // A participant who did not make the operation themself: answers and requests are for them.
  bool participant_not_actor() const {
    return role == Role::Participant && me != 0 &&
           !(op.actor.role == Role::Participant && op.actor.participant == me);
  }
};

// What an erased person's logged operations keep: the anonymised profile and availability the
// state keeps of them.
struct Forgotten {
  const Profile& profile;
  const Availability& availability;
};
// What a comment-only feedback operation carries once its comment is erased: an operation with
// neither a held mark, a rating nor a comment would be refused on replay.
inline constexpr const char* kErasedText = "(erased)";

// One entry per kind, in core/event/catalogue/*.hpp.
template <class Kind>
struct Catalogue;

// Facts many kinds share; an entry states each one it takes by deriving from it.
namespace facts {
struct AboutNobody {
  template <class T>
  static Subject subject(const T&) {
    return {};
  }
};
struct HubDecidesNothing {
  template <class T>
  static void clear_decided(T&) {}
};
struct NothingBeforehand {
  template <class T>
  static void changes_before(const T&, const EventState&, ChangeSink&) {}
};
struct SeenByEveryone {
  template <class T>
  static bool view(T&, ViewContext&) {
    return true;
  }
};
struct NoNotice {
  template <class T>
  static std::optional<Notice> notice(const T&, const NoticeContext&) {
    return std::nullopt;
  }
};
struct NothingPersonal {
  template <class T>
  static bool forget(T&, const Forgotten&) {
    return false;
  }
};
}  // namespace facts

}  // namespace crossmatch::core

#include "core/event/catalogue/check_in.hpp"
#include "core/event/catalogue/constraints.hpp"
#include "core/event/catalogue/follow_up.hpp"
#include "core/event/catalogue/meetings.hpp"
#include "core/event/catalogue/participants.hpp"
#include "core/event/catalogue/pitching_and_clinics.hpp"
#include "core/event/catalogue/refill.hpp"
#include "core/event/catalogue/setup.hpp"

namespace crossmatch::core {

// [SECTION] Every entry complete

template <class T>
concept CatalogueEntry = requires(T& payload, const T& applied, const EventState& state,
                                  const ChangeContext& change, ChangeSink& sink, ViewContext& view,
                                  const NoticeContext& notice, const Forgotten& forgotten) {
  { Catalogue<T>::name } -> std::convertible_to<std::string_view>;  // on the wire and in the log
  // What a person does with it, for the people who see its outcome: "Save the session" (marked
  // with tr_noop for the catalogue of translations, translated where shown).
  { Catalogue<T>::action } -> std::convertible_to<std::string_view>;
  { Catalogue<T>::senders } -> std::convertible_to<Senders>;
  { Catalogue<T>::refusal } -> std::convertible_to<Refusal>;  // for anyone else
  { Catalogue<T>::subject(applied) } -> std::same_as<Subject>;
  Catalogue<T>::clear_decided(payload);  // fields the hub decides, cleared before it decides them
  Catalogue<T>::changes_before(applied, state, sink);  // what it will change, from the state before
  Catalogue<T>::changes(applied, change, sink);        // what it changed, from the state after
  {
    Catalogue<T>::view(payload, view)
    } -> std::same_as<bool>;  // false: none of the viewer's business
  { Catalogue<T>::notice(applied, notice) } -> std::same_as<std::optional<Notice>>;
  { Catalogue<T>::forget(payload, forgotten) } -> std::same_as<bool>;  // true: erasure changed it
};

template <class... Kinds>
constexpr bool every_kind_catalogued(const std::variant<Kinds...>*) {
  return (CatalogueEntry<Kinds> && ...);
}
static_assert(every_kind_catalogued(static_cast<const OperationPayload*>(nullptr)),
              "every kind of operation needs a complete entry in core/event/catalogue/");

// [SECTION] Asking the catalogue about an operation

// operation_type() and operation_index() (operation.hpp) read the entries' names.
// A payload of the kind at `index` (0 <= index < variant_size), default-constructed.
OperationPayload payload_of_kind(std::size_t index);

// "Save the session": the action as the person who made it would name it, in English (a string
// literal, so its view ends in a terminating zero): translate it where shown with tr().
std::string_view operation_action(const OperationPayload& payload);
Senders senders(const OperationPayload& payload);
// The refusal for an actor who may not send this kind, or nothing when they may.
std::optional<Error> refuse_sender(const Operation& op);
Subject subject(const OperationPayload& payload);
void clear_decided(OperationPayload& payload);
void report_changes_before(const EventState& before, const Operation& op, ChangeSink& sink);
void report_changes(const Operation& applied, const EventState& after, ChangeSink& sink);
// The copy of `payload` (part of `op`) that participant `self` may see, in place; false when
// none of their business. Contacts the operation changes for them are added to `contacts`.
bool view_payload(OperationPayload& payload, const Operation& op, const EventState& after,
                  ParticipantId self, std::vector<Contact>& contacts);
std::optional<Notice> notice(const Operation& op, const EventState& after, Role role,
                             ParticipantId me);
bool forget(OperationPayload& payload, const Forgotten& forgotten);

}  // namespace crossmatch::core
