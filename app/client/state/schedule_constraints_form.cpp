#include "app/client/state/schedule_constraints_form.hpp"

#include <algorithm>

#include "app/client/state/client_models.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::client {
namespace {

std::string names_of(const ClientSession& session, const core::Meeting& m) {
  return session.name_of(m.requester) + " & " + session.name_of(m.invitee);
}

std::string names_of(const ClientSession& session, core::MeetingId id) {
  const core::Meeting* m = session.state().meeting(id);
  if (m != nullptr) return names_of(session, *m);
  // TRANSLATORS: a meeting no longer known, by its number
  return core::format_text(core::tr("meeting %u"), static_cast<unsigned>(id));
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
        row.pin_note = core::format_text(
            // TRANSLATORS: %s is the slot the meeting is pinned to ("Thu 14 May 10:20")
            core::tr("not booked yet; the next auto-schedule places it on %s"),
            row.pinned_label.c_str());
      } else if (!(m.placement->slot == *m.pinned)) {
        row.pin_note = core::format_text(
            // TRANSLATORS: the slot the meeting is booked on, then the slot it is pinned to
            core::tr("booked on %s; it moves to %s on the next auto-schedule with moves allowed"),
            row.booked_label.c_str(), row.pinned_label.c_str());
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
  for (const core::Precedence& p : core::precedences(session.state())) {
    const std::string first = names_of(session, p.before), second = names_of(session, p.after);
    // TRANSLATORS: two meetings ("Ana Silva & Ben Okafor"): the first is held before the second
    std::string text = core::format_text(core::tr("%s  before  %s"), first.c_str(), second.c_str());
    out.push_back({p, std::move(text)});
  }
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
  const std::string when = m.session.slot_label(*slot);
  const std::string done = core::format_text(
      // TRANSLATORS: a meeting ("Ana Silva & Ben Okafor"), then the slot it is pinned to
      core::tr("Pinned %s to %s"), meeting.names.c_str(), when.c_str());
  return m.submit(core::PinMeeting{.meeting = meeting.id, .slot = *slot}, done);
}

bool ScheduleConstraintsForm::unpin(ClientModels& m, core::MeetingId meeting) {
  const std::string names = names_of(m.session, meeting);
  // TRANSLATORS: %s is a meeting ("Ana Silva & Ben Okafor")
  const std::string done = core::format_text(core::tr("Unpinned %s"), names.c_str());
  return m.submit(core::UnpinMeeting{.meeting = meeting}, done);
}

bool ScheduleConstraintsForm::add_precedence(ClientModels& m) {
  if (before == 0 || after == 0) return false;
  const std::string first = names_of(m.session, before), second = names_of(m.session, after);
  const std::string done = core::format_text(
      // TRANSLATORS: two meetings ("Ana Silva & Ben Okafor"); the first is now held first
      core::tr("%s now comes before %s"), first.c_str(), second.c_str());
  return m.submit(core::AddPrecedence{.before = before, .after = after}, done);
}

bool ScheduleConstraintsForm::remove_precedence(ClientModels& m, core::Precedence precedence) {
  const std::string first = names_of(m.session, precedence.before),
                    second = names_of(m.session, precedence.after);
  const std::string done = core::format_text(
      // TRANSLATORS: two meetings ("Ana Silva & Ben Okafor") that may now be held in either order
      core::tr("No longer ordered: %s and %s"), first.c_str(), second.c_str());
  return m.submit(core::RemovePrecedence{.before = precedence.before, .after = precedence.after},
                  done);
}

}  // namespace crossmatch::client
