#include "app/client/state/schedule_constraints_form.hpp"

#include <algorithm>

#include "app/client/state/client_models.hpp"

namespace crossmatch::client {
namespace {

std::string names_of(const ClientSession& session, const core::Meeting& m) {
  return session.name_of(m.requester) + " & " + session.name_of(m.invitee);
}

std::string names_of(const ClientSession& session, core::MeetingId id) {
  const core::Meeting* m = session.state().meeting(id);
  return m == nullptr ? "meeting " + std::to_string(id) : names_of(session, *m);
}

}  // namespace

std::vector<ConstrainedMeeting> ScheduleConstraintsForm::meetings(const ClientSession& session) {
  std::vector<ConstrainedMeeting> out;
  for (const auto& [id, m] : session.state().meetings) {
    if (m.status != core::MeetingStatus::Accepted) continue;
    ConstrainedMeeting row;
    row.id = id;
    row.names = names_of(session, m);
    row.pinned = m.pinned;
    if (m.placement) row.booked_label = session.slot_label(m.placement->slot);
    if (m.pinned) {
      row.pinned_label = session.slot_label(*m.pinned);
      if (!m.placement) {
        row.pin_note = "not booked yet; the next auto-schedule places it on " + row.pinned_label;
      } else if (!(m.placement->slot == *m.pinned)) {
        row.pin_note = "booked on " + row.booked_label + "; it moves to " + row.pinned_label +
                       " on the next auto-schedule with moves allowed";
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<SlotChoice> ScheduleConstraintsForm::slots(const ClientSession& session) {
  std::vector<std::pair<std::int64_t, SlotChoice>> timed;
  for (const auto& [id, s] : session.state().sessions) {
    if (s.kind != core::SessionKind::Meetings) continue;
    for (int i = 0; i < s.slot_count(); ++i) {
      const core::SlotRef ref{id, i};
      timed.push_back({s.slot_time(i), {ref, session.slot_label(ref) + " (" + s.name + ")"}});
    }
  }
  std::stable_sort(timed.begin(), timed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<SlotChoice> out;
  out.reserve(timed.size());
  for (auto& [time, choice] : timed) out.push_back(std::move(choice));
  return out;
}

std::vector<PrecedenceRow> ScheduleConstraintsForm::precedences(const ClientSession& session) {
  std::vector<PrecedenceRow> out;
  for (const core::Precedence& p : core::precedences(session.state()))
    out.push_back({p, names_of(session, p.before) + "  before  " + names_of(session, p.after)});
  return out;
}

std::optional<core::SlotRef> ScheduleConstraintsForm::picked(
    const ClientSession& session, const ConstrainedMeeting& meeting) const {
  if (const auto it = pin_choice.find(meeting.id); it != pin_choice.end()) return it->second;
  if (meeting.pinned) return meeting.pinned;
  if (const core::Meeting* m = session.state().meeting(meeting.id); m && m->placement)
    return m->placement->slot;
  const auto all = slots(session);
  if (all.empty()) return std::nullopt;
  return all.front().slot;
}

bool ScheduleConstraintsForm::pin(ClientModels& m, const ConstrainedMeeting& meeting) {
  const auto slot = picked(m.session, meeting);
  if (!slot) return false;
  return m.submit(core::PinMeeting{.meeting = meeting.id, .slot = *slot},
                  "Pinned " + meeting.names + " to " + m.session.slot_label(*slot));
}

bool ScheduleConstraintsForm::unpin(ClientModels& m, core::MeetingId meeting) {
  return m.submit(core::UnpinMeeting{.meeting = meeting},
                  "Unpinned " + names_of(m.session, meeting));
}

bool ScheduleConstraintsForm::add_precedence(ClientModels& m) {
  if (before == 0 || after == 0) return false;
  const std::string done =
      names_of(m.session, before) + " now comes before " + names_of(m.session, after);
  return m.submit(core::AddPrecedence{.before = before, .after = after}, done);
}

bool ScheduleConstraintsForm::remove_precedence(ClientModels& m, core::Precedence precedence) {
  return m.submit(core::RemovePrecedence{.before = precedence.before, .after = precedence.after},
                  "No longer ordered: " + names_of(m.session, precedence.before) + " and " +
                      names_of(m.session, precedence.after));
}

}  // namespace crossmatch::client
