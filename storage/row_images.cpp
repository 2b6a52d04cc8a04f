#include "storage/row_images.hpp"

#include <algorithm>

namespace crossmatch::storage {

RowImages read_rows(const core::EventState& state, const Touched& touched, std::uint64_t sequence) {
  RowImages rows;
  rows.sequence = sequence;
  rows.event = state.event;
  rows.next_participant = state.next_participant;
  rows.next_meeting = state.next_meeting;
  rows.next_session = state.next_session;
  rows.next_table = state.next_table;
  rows.next_round = state.next_round;
  rows.next_announcement = state.next_announcement;
  rows.next_clinic_table = state.next_clinic_table;
  for (const core::SessionId id : touched.sessions) {
    if (const core::Session* s = state.session(id)) rows.sessions.push_back(*s);
  }
  for (const core::TableId id : touched.tables) {
    if (const core::Table* t = state.table(id)) rows.tables.push_back(*t);
  }
  for (const core::ParticipantId id : touched.participants) {
    if (const core::Participant* p = state.participant(id)) rows.participants.push_back(*p);
  }
  rows.meetings.reserve(touched.meetings.size());
  for (const core::MeetingId id : touched.meetings) {
    if (const core::Meeting* m = state.meeting(id))
      rows.meetings.push_back({*m, touched.new_meetings.count(id) > 0});
  }
  for (const auto& [id, person] : touched.feedback) {
    if (const core::Meeting* m = state.meeting(id)) {
      if (person == 0 || person == m->requester)
        rows.feedback.push_back({id, m->requester, m->requester_feedback});
      if (person == 0 || person == m->invitee)
        rows.feedback.push_back({id, m->invitee, m->invitee_feedback});
    }
  }
  for (const core::RoundId id : touched.rounds) {
    if (const auto it = state.rounds.find(id); it != state.rounds.end())
      rows.rounds.push_back(it->second);
  }
  for (const core::AnnouncementId id : touched.announcements) {
    const auto it = std::find_if(state.announcements.begin(), state.announcements.end(),
                                 [&](const core::Announcement& a) { return a.id == id; });
    if (it != state.announcements.end()) rows.announcements.push_back(*it);
  }
  for (const core::SessionId id : touched.pitching) {
    const auto it = state.pitching.find(id);
    rows.pitching.emplace_back(id, it == state.pitching.end()
                                       ? std::nullopt
                                       : std::optional<core::PitchSession>(it->second));
  }
  for (const core::ClinicTableId id : touched.clinic_tables) {
    if (const auto it = state.clinic_tables.find(id); it != state.clinic_tables.end())
      rows.clinic_tables.push_back(it->second);
  }
  for (const core::ParticipantId id : touched.clinic_themes) {
    const auto it = state.clinic_themes.find(id);
    rows.clinic_themes.emplace_back(
        id, it == state.clinic_themes.end()
                ? std::nullopt
                : std::optional<std::vector<core::ClinicTableId>>(it->second));
  }
  for (const core::FollowUpId id : touched.follow_ups) {
    if (const auto it = state.follow_ups.find(id); it != state.follow_ups.end())
      rows.follow_ups.push_back({id, it->second.name, it->second.open, it->second.opened_at});
  }
  for (const auto& [id, meeting, person] : touched.follow_up_answers) {
    const auto round = state.follow_ups.find(id);
    if (round == state.follow_ups.end()) continue;
    if (const auto a = round->second.answers.find({meeting, person});
        a != round->second.answers.end())
      rows.follow_up_answers.push_back({id, meeting, person, a->second});
  }
  rows.removed_sessions.assign(touched.removed_sessions.begin(), touched.removed_sessions.end());
  rows.removed_tables.assign(touched.removed_tables.begin(), touched.removed_tables.end());
  for (const auto& [person, erased_at] : touched.erased) {
    const core::Participant* p = state.participant(person);
    if (p == nullptr) continue;
    ErasedPerson e{person, erased_at, p->profile, p->availability, {}};
    if (const auto it = state.index.person_meetings.find(person);
        it != state.index.person_meetings.end())
      e.meetings = it->second;
    rows.erased.push_back(std::move(e));
  }
  return rows;
}

}  // namespace crossmatch::storage
