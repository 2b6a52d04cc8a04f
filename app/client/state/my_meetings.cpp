#include "app/client/state/my_meetings.hpp"

#include <algorithm>

#include "core/event/calendar.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::client {

bool MyMeetings::refresh(const ClientSession& session) {
  if (built_ && session.meetings_version() == meetings_version_ &&
      session.profiles_version() == profiles_version_ && session.me() == me_) {
    return false;
  }
  built_ = true;
  meetings_version_ = session.meetings_version();
  profiles_version_ = session.profiles_version();
  me_ = session.me();
  incoming_.clear();
  outgoing_.clear();
  agenda_.clear();
  const core::EventState& state = session.state();
  const auto it = state.index.person_meetings.find(me_);
  if (it == state.index.person_meetings.end()) return true;
  for (const core::MeetingId id : it->second) {
    const core::Meeting* m = state.meeting(id);
    if (m == nullptr || !m->open()) continue;
    MeetingRow row;
    row.id = id;
    row.partner = m->other(me_);
    row.partner_name = session.name_of(row.partner);
    if (const core::Participant* p = state.participant(row.partner))
      row.partner_type = core::label(p->profile.type);
    row.message = m->message;
    row.introduced = m->introduced;
    row.offered = m->offered;
    if (m->placement) {
      row.when = session.slot_label(m->placement->slot);
      row.where = session.table_name(m->placement->table);
      row.start_ms = session.slot_start_ms(m->placement->slot);
    } else if (!m->preferred.empty()) {
      // TRANSLATORS: a meeting not booked yet; %s is the time proposed ("Thu 14 May 09:20")
      row.when = core::format_text(core::tr("proposed %s"),
                                   session.slot_label(m->preferred.front()).c_str());
    }
    if (m->status == core::MeetingStatus::Accepted) {
      agenda_.push_back(std::move(row));
      continue;
    }
    const bool i_accepted = m->requester == me_ ? m->requester_accepted : m->invitee_accepted;
    (i_accepted ? outgoing_ : incoming_).push_back(std::move(row));
  }
  std::stable_sort(agenda_.begin(), agenda_.end(), [](const MeetingRow& a, const MeetingRow& b) {
    // Booked meetings by time; those waiting for the schedule after them.
    if ((a.start_ms == 0) != (b.start_ms == 0)) return b.start_ms == 0;
    return a.start_ms < b.start_ms;
  });
  return true;
}

std::vector<const MeetingRow*> MyMeetings::feedback_due(const ClientSession& session,
                                                        std::int64_t now_ms) const {
  std::vector<const MeetingRow*> out;
  for (const auto& row : agenda_) {
    if (row.start_ms == 0 || row.start_ms > now_ms) continue;
    const core::Meeting* m = session.state().meeting(row.id);
    if (m == nullptr) continue;
    const core::MeetingFeedback& mine =
        m->requester == me_ ? m->requester_feedback : m->invitee_feedback;
    if (mine.rating == 0 && mine.comment.empty() && mine.held == core::HeldState::Unknown)
      out.push_back(&row);
  }
  return out;
}

const char* request_origin(const MeetingRow& row) {
  // TRANSLATORS: after a meeting request; keep the two spaces in front
  if (row.offered) return core::tr("  (a freed slot, offered to you both)");
  // TRANSLATORS: after a meeting request; keep the two spaces in front
  if (row.introduced) return core::tr("  (introduced by a broker)");
  return "";
}

std::vector<MyTeam> my_teams(const ClientSession& session) {
  std::vector<MyTeam> out;
  const core::EventState& state = session.state();
  const core::ParticipantId me = session.me();
  const auto it = state.index.person_rounds.find(me);
  if (it == state.index.person_rounds.end()) return out;
  for (const core::RoundId id : it->second) {
    const auto round = state.rounds.find(id);
    if (round == state.rounds.end()) continue;
    for (const core::Team& team : round->second.teams) {
      if (std::find(team.members.begin(), team.members.end(), me) == team.members.end()) continue;
      MyTeam t;
      t.round = id;
      t.round_name = round->second.name;
      if (const core::Session* s = state.session(round->second.session)) {
        t.when = core::format_day_label(s->date) + " " + core::format_time_of_day(s->start);
        t.start_ms = session.session_start_ms(s->id);
      }
      t.table = session.table_name(team.table);
      t.members = team.members;
      t.reasons = team.reasons;
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace crossmatch::client
