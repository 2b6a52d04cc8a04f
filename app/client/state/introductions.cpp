#include "app/client/state/introductions.hpp"

#include <algorithm>

#include "app/client/state/person_summary.hpp"
#include "core/matching/suggestions.hpp"

namespace crossmatch::client {

std::vector<core::ParticipantId> find_people(const ClientSession& session, std::string_view typed,
                                             std::size_t max, core::ParticipantId except) {
  const std::string needle = lower_ascii(typed);
  std::vector<std::pair<std::string, core::ParticipantId>> found;
  if (needle.empty()) return {};
  for (const auto& [id, p] : session.state().participants) {
    if (id == except || !p.active()) continue;
    const std::string name = lower_ascii(p.profile.display_name);
    if (name.find(needle) == std::string::npos &&
        lower_ascii(p.profile.organisation).find(needle) == std::string::npos)
      continue;
    found.emplace_back(name, id);
  }
  std::sort(found.begin(), found.end());
  std::vector<core::ParticipantId> out;
  for (std::size_t i = 0; i < found.size() && i < max; ++i) out.push_back(found[i].second);
  return out;
}

std::optional<IntroductionSuggestion> best_partner(const PopulationCache& cache,
                                                   const core::EventState& state,
                                                   core::ParticipantId person) {
  if (!cache.built() || !cache.population().present(static_cast<int>(person))) return std::nullopt;
  std::vector<int> exclude;
  if (const auto it = state.index.person_meetings.find(person);
      it != state.index.person_meetings.end()) {
    for (const auto id : it->second) {
      const core::Meeting* m = state.meeting(id);
      if (m != nullptr && m->open()) exclude.push_back(static_cast<int>(m->other(person)));
    }
  }
  std::sort(exclude.begin(), exclude.end());
  const auto best = core::suggest_partners(cache.scorer(), static_cast<int>(person), 1, exclude,
                                           core::kScoreComponents + 1);
  if (best.empty()) return std::nullopt;
  IntroductionSuggestion out;
  out.partner = static_cast<core::ParticipantId>(best.front().participant);
  out.score = static_cast<float>(best.front().score);
  for (const auto& r : best.front().reasons) out.reasons.push_back(r.text);
  return out;
}

void IntroductionForm::choose_first(const ClientSession& session, core::ParticipantId id) {
  first = id;
  first_typed = session.name_of(id);
}

void IntroductionForm::choose_second(const ClientSession& session, core::ParticipantId id) {
  second = id;
  second_typed = session.name_of(id);
}

std::string IntroductionForm::problem(const ClientSession& session) const {
  if (first == 0) return "Choose the first person: type part of a name or organisation.";
  if (second == 0) return "Choose the second person, or take the suggested one.";
  if (first == second) return "Choose two different people.";
  const core::EventState& state = session.state();
  for (const core::ParticipantId id : {first, second}) {
    const core::Participant* p = state.participant(id);
    if (p == nullptr || !p->active())
      return session.name_of(id) + " no longer takes part in the event.";
  }
  const std::string pair = session.name_of(first) + " and " + session.name_of(second);
  if (state.declined_pair(first, second))
    return "A meeting between " + pair + " was declined; a declined pair is not matched again.";
  if (const auto it = state.index.pair_meetings.find(core::pair_key(first, second));
      it != state.index.pair_meetings.end()) {
    for (const core::MeetingId id : it->second) {
      const core::Meeting* m = state.meeting(id);
      if (m != nullptr && m->open())
        return pair + " already have a " +
               (m->status == core::MeetingStatus::Accepted ? "meeting." : "request.");
    }
  }
  if (note.size() > core::kMaxMessageLength)
    return "The note is too long: at most " + std::to_string(core::kMaxMessageLength) +
           " characters.";
  return {};
}

core::Introduce IntroductionForm::introduction() const {
  return core::Introduce{.first = first, .second = second, .note = note};
}

void IntroductionForm::settle(bool dialog_open, const std::string& sent_message) {
  if (asked.empty() || dialog_open) return;
  if (sent_message == asked) {
    clear();
  } else {
    asked.clear();
  }
}

Confirmation introduce_confirmation(const ClientSession& session, core::Introduce introduction) {
  const std::string a = session.name_of(introduction.first);
  const std::string b = session.name_of(introduction.second);
  Confirmation c;
  c.question = "Introduce " + a + " and " + b + "?";
  c.consequences.push_back(name_with_type(session, introduction.first) + " and " +
                           name_with_type(session, introduction.second) +
                           " will each be told that a broker introduces them to the other" +
                           (introduction.note.empty() ? "." : ", with your note."));
  if (!introduction.note.empty()) c.consequences.push_back("Note: \"" + introduction.note + "\"");
  c.consequences.push_back(
      "The meeting is booked once both accept; either may decline. Until then you can withdraw "
      "it.");
  c.confirm_label = "Introduce";
  c.done_message = "Introduced " + a + " and " + b;
  c.undo = UndoOffer{
      .label = "Withdraw the introduction",
      .operations = {core::WithdrawIntroduction{.first = introduction.first,
                                                .second = introduction.second}},
      .done_message = "Introduction withdrawn: " + a + " and " + b,
  };
  c.operations.push_back(std::move(introduction));
  return c;
}

namespace {

std::string status_of(const ClientSession& session, const core::Meeting& m) {
  switch (m.status) {
    case core::MeetingStatus::Requested:
      if (m.requester_accepted == m.invitee_accepted) return "awaiting both";
      return session.name_of(m.requester_accepted ? m.requester : m.invitee) +
             " accepted; awaiting " +
             session.name_of(m.requester_accepted ? m.invitee : m.requester);
    case core::MeetingStatus::Accepted:
      return m.placement ? "accepted: " + session.slot_label(m.placement->slot)
                         : "accepted: awaiting a slot";
    case core::MeetingStatus::Declined:
      return m.closed_by ? "declined by " + session.name_of(m.closed_by) : "declined";
    case core::MeetingStatus::Cancelled:
      return m.close_reason.empty() ? "cancelled" : "cancelled: " + m.close_reason;
  }
  return "";
}

}  // namespace

std::vector<IntroductionRow> introductions(const ClientSession& session) {
  std::vector<IntroductionRow> rows;
  for (const auto& [id, m] : session.state().meetings) {
    if (!m.introduced || m.offered)
      continue;  // offers of freed slots are the hub's, not a broker's
    rows.push_back({id, m.requester, m.invitee, m.requested_at, status_of(session, m), m.message,
                    m.status == core::MeetingStatus::Requested});
  }
  std::sort(rows.begin(), rows.end(), [](const IntroductionRow& a, const IntroductionRow& b) {
    return a.at_ms != b.at_ms ? a.at_ms > b.at_ms : a.meeting > b.meeting;
  });
  return rows;
}

Confirmation withdraw_confirmation(const ClientSession& session, const IntroductionRow& row) {
  const std::string a = session.name_of(row.first);
  const std::string b = session.name_of(row.second);
  Confirmation c;
  c.question = "Withdraw the introduction of " + a + " and " + b + "?";
  c.consequences.push_back("Cancel their pending meeting (now " + row.status +
                           ") and tell both of them.");
  c.consequences.push_back("Leave them free to be introduced again later.");
  c.confirm_label = "Withdraw";
  c.operations.push_back(core::WithdrawIntroduction{.first = row.first, .second = row.second});
  c.done_message = "Introduction withdrawn: " + a + " and " + b;
  c.undo = UndoOffer{
      .label = "Introduce them again",
      .operations = {core::Introduce{.first = row.first, .second = row.second, .note = row.note}},
      .done_message = "Introduced " + a + " and " + b + " again",
  };
  return c;
}

}  // namespace crossmatch::client
