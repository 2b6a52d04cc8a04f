#include "storage/touched.hpp"

#include <algorithm>
#include <type_traits>

namespace crossmatch::storage {
namespace {

template <class T, class Payload>
constexpr bool is = std::is_same_v<std::decay_t<Payload>, T>;

void note_person_meetings(const core::EventState& state, core::ParticipantId id, Touched& touched,
                          bool feedback) {
  const auto it = state.index.person_meetings.find(id);
  if (it == state.index.person_meetings.end()) return;
  for (const core::MeetingId m : it->second) {
    touched.meetings.insert(m);
    if (feedback) touched.feedback.insert(m);
  }
}

}  // namespace

void note_before(const core::EventState& before, const core::Operation& op, Touched& touched) {
  const auto* remove = std::get_if<core::RemoveSession>(&op.payload);
  if (remove == nullptr) return;
  const auto in_session = [&](const core::SlotRef& s) { return s.session == remove->session; };
  for (const auto& [id, p] : before.participants) {
    const auto& u = p.availability.unavailable;
    if (std::any_of(u.begin(), u.end(), in_session)) touched.participants.insert(id);
  }
  for (const auto& [id, m] : before.meetings) {
    if (std::any_of(m.preferred.begin(), m.preferred.end(), in_session)) touched.meetings.insert(id);
  }
}

void note_after(const core::EventState& after, const core::Operation& applied, Touched& touched) {
  std::visit(
      [&](const auto& p) {
        using P = decltype(p);
        if constexpr (is<core::DefineSession, P>) {
          // A new session's id is the one just assigned: the highest.
          touched.sessions.insert(p.session != 0 ? p.session : after.next_session - 1);
        } else if constexpr (is<core::RemoveSession, P>) {
          touched.sessions.erase(p.session);
          touched.removed_sessions.insert(p.session);
        } else if constexpr (is<core::DefineTable, P>) {
          touched.tables.insert(p.table != 0 ? p.table : after.next_table - 1);
        } else if constexpr (is<core::RemoveTable, P>) {
          touched.tables.erase(p.table);
          touched.removed_tables.insert(p.table);
        } else if constexpr (is<core::Announce, P>) {
          touched.announcements.insert(p.announcement);
        } else if constexpr (is<core::ApplySchedule, P>) {
          for (const auto& [meeting, placement] : p.placements) touched.meetings.insert(meeting);
        } else if constexpr (is<core::PublishTeamRound, P>) {
          touched.rounds.insert(p.round);
        } else if constexpr (is<core::Register, P> || is<core::EditProfile, P> ||
                             is<core::SetAvailability, P>) {
          touched.participants.insert(p.participant);
        } else if constexpr (is<core::Withdraw, P>) {
          touched.participants.insert(p.participant);
          note_person_meetings(after, p.participant, touched, false);
        } else if constexpr (is<core::Erase, P>) {
          touched.participants.insert(p.participant);
          touched.erased[p.participant] = applied.sequence;
          touched.clinic_themes.insert(p.participant);
          note_person_meetings(after, p.participant, touched, true);
        } else if constexpr (is<core::RequestMeeting, P> || is<core::Introduce, P>) {
          touched.meetings.insert(p.meeting);
          touched.new_meetings.insert(p.meeting);
        } else if constexpr (is<core::AcceptMeeting, P> || is<core::DeclineMeeting, P> ||
                             is<core::ProposeSlot, P> || is<core::CancelMeeting, P>) {
          touched.meetings.insert(p.meeting);
        } else if constexpr (is<core::GiveFeedback, P>) {
          touched.meetings.insert(p.meeting);
          touched.feedback.insert(p.meeting);
        } else if constexpr (is<core::SetPitchOrder, P> || is<core::ControlPitch, P> ||
                             is<core::MarkInterested, P>) {
          touched.pitching.insert(p.session);
        } else if constexpr (is<core::DefineClinicTable, P>) {
          touched.clinic_tables.insert(p.clinic_table != 0 ? p.clinic_table : after.next_clinic_table - 1);
        } else if constexpr (is<core::PickThemes, P>) {
          touched.clinic_themes.insert(p.participant);
        } else if constexpr (is<core::FormClinicTables, P>) {
          for (const core::ClinicSeating& s : p.seating) touched.clinic_tables.insert(s.clinic_table);
        } else if constexpr (is<core::RecordClinicOutcome, P>) {
          touched.clinic_tables.insert(p.clinic_table);
        }
        // create_event, set_registration and set_settings change the event row, which every
        // group rewrites anyway (it also holds the next ids).
      },
      applied.payload);
}

core::ParticipantId subject_participant(const core::Operation& op) {
  return std::visit(
      [](const auto& p) -> core::ParticipantId {
        using P = decltype(p);
        if constexpr (is<core::Register, P> || is<core::EditProfile, P> ||
                      is<core::SetAvailability, P> || is<core::Withdraw, P> || is<core::Erase, P> ||
                      is<core::PickThemes, P>)
          return p.participant;
        return 0;
      },
      op.payload);
}

core::MeetingId subject_meeting(const core::Operation& op) {
  return std::visit(
      [](const auto& p) -> core::MeetingId {
        using P = decltype(p);
        if constexpr (is<core::RequestMeeting, P> || is<core::Introduce, P> ||
                      is<core::AcceptMeeting, P> || is<core::DeclineMeeting, P> ||
                      is<core::ProposeSlot, P> || is<core::CancelMeeting, P> ||
                      is<core::GiveFeedback, P>)
          return p.meeting;
        return 0;
      },
      op.payload);
}

}  // namespace crossmatch::storage
