// Who may see what (docs/protocol.md, "Privacy"): organisers and brokers see everything; a
// participant sees the event, every participant's public profile (only who they are, for someone
// who withheld consent to appear in suggestions), their own record and meetings, and a partner's
// e-mail only while they have an accepted meeting with that person and that person consents to
// share it. The state-level rules are here; what each kind of operation shows
// to whom is its catalogue entry's `view` (core/event/operation_catalogue.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"

namespace crossmatch::core {

// Whose replica: a role and, for a participant, their number (0 for a newcomer).
struct Viewer {
  Role role = Role::Participant;
  ParticipantId participant = 0;
  bool privileged() const { return role != Role::Participant; }
  bool operator==(const Viewer&) const = default;
};

// A partner's e-mail as a participant may now see it (empty: hidden), sent with an operation
// that changes it.
struct Contact {
  ParticipantId participant = 0;
  std::string email;
  bool operator==(const Contact&) const = default;
};

// An applied operation as one viewer may see it, with the contact details it changes for them.
struct VisibleOperation {
  Operation op;
  std::vector<Contact> contacts;
};

// The e-mail of `subject` that participant `viewer` may see: empty unless the two have an
// accepted meeting and the subject consents to share their contact.
std::string visible_email(const EventState& state, ParticipantId viewer, ParticipantId subject);

// Everyone who has or had a meeting with `person`, ascending.
std::vector<ParticipantId> partners(const EventState& state, ParticipantId person);

// A participant's profile as other participants see it, with `email` in place of theirs (as
// visible_email says). Nobody's consent to share their contact is shown: its effect is the
// e-mail. Of someone who withheld consent to appear in suggestions, only who they are: name,
// organisation, type, sector, city, country and size (what a pitch, a team table or a meeting
// request shows), with that consent withheld; not their job title, what they offer and seek,
// their languages, markets or questionnaire answers.
Profile public_profile(const Profile& p, const std::string& email);

// A participant's record as others see it: the public profile, the status; availability is the
// person's own business.
Participant public_record(const Participant& p, const std::string& email);

// A meeting as one of its people sees it: the other person's rating and comment stay private.
void hide_partner_feedback(Meeting& m, ParticipantId viewer);
// A meeting as a participant sees it: the organiser's pin and precedences are the organiser's.
void hide_schedule_constraints(Meeting& m);

// The state as `viewer` may see it (what a snapshot sends). Indexes are not built.
EventState view_state(const EventState& state, const Viewer& viewer);

// The event and the next numbers as `viewer` sees them, no records: what a snapshot's beginning
// needs of view_state, without copying every participant for each person who joins.
EventState view_header(const EventState& state, const Viewer& viewer);

// What participant `viewer` sees beyond what every participant sees (view_state for number 0):
// their own record, the records of partners whose e-mail they may see, and their meetings.
// view_state(state, viewer) is the public view with these records laid over it.
EventState personal_view(const EventState& state, ParticipantId viewer);

// Whether `viewer` made `op` (their own copies keep its id).
bool is_own(const Operation& op, const Viewer& viewer);
// Whether `viewer` acts as `actor`: the same participant, or any organiser or broker for theirs.
bool is_own(const Actor& actor, const Viewer& viewer);

// The copy of an applied operation that `viewer` receives, or nothing when the operation is none
// of their business. `after` is the hub's state right after the operation. Except for the
// viewer's own operations (`own`), the operation's id is replaced by "s<seq>": ids are the
// client's, and a registration's id must not let anyone else claim that registration.
std::optional<VisibleOperation> view_operation(const Operation& op, const EventState& after,
                                               const Viewer& viewer, bool own);

// Participants whose copy of `op` may differ from the public one, ascending: the actor, the
// operation's subject, the people of every meeting it changes, and the partners of a person
// whose profile or status it changes (their view of that person's e-mail may change).
std::vector<ParticipantId> personal_viewers(const Operation& op, const EventState& after);

}  // namespace crossmatch::core
