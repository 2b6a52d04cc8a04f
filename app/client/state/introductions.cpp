#include "app/client/state/introductions.hpp"

#include <algorithm>

#include "app/client/state/person_summary.hpp"
#include "core/i18n/translation.hpp"
#include "core/matching/suggestions.hpp"

namespace crossmatch::client {

using core::format_text;
using core::tr;
using core::tr_n;

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
  if (first == 0) return tr("Choose the first person: type part of a name or organisation.");
  if (second == 0) return tr("Choose the second person, or take the suggested one.");
  if (first == second) return tr("Choose two different people.");
  const core::EventState& state = session.state();
  for (const core::ParticipantId id : {first, second}) {
    const core::Participant* p = state.participant(id);
    if (p == nullptr || !p->active())
      return format_text(tr("%s no longer takes part in the event."), session.name_of(id).c_str());
  }
  const std::string a = session.name_of(first);
  const std::string b = session.name_of(second);
  if (state.declined_pair(first, second))
    return format_text(
        tr("A meeting between %s and %s was declined; a declined pair is not matched again."),
        a.c_str(), b.c_str());
  if (const auto it = state.index.pair_meetings.find(core::pair_key(first, second));
      it != state.index.pair_meetings.end()) {
    for (const core::MeetingId id : it->second) {
      const core::Meeting* m = state.meeting(id);
      if (m != nullptr && m->open())
        return format_text(m->status == core::MeetingStatus::Accepted
                               ? tr("%s and %s already have a meeting.")
                               : tr("%s and %s already have a request."),
                           a.c_str(), b.c_str());
    }
  }
  if (note.size() > core::kMaxMessageLength)
    return format_text(
        tr_n("The note is too long: at most %zu character.",
             "The note is too long: at most %zu characters.", core::kMaxMessageLength),
        core::kMaxMessageLength);
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
  c.question = format_text(tr("Introduce %s and %s?"), a.c_str(), b.c_str());
  const std::string first = name_with_type(session, introduction.first);
  const std::string second = name_with_type(session, introduction.second);
  if (introduction.note.empty()) {
    c.consequences.push_back(format_text(
        // TRANSLATORS: each %s is a person's name with their type, e.g. "Ana Ferreira (company)"
        tr("%s and %s will each be told that a broker introduces them to the other."),
        first.c_str(), second.c_str()));
  } else {
    c.consequences.push_back(format_text(
        // TRANSLATORS: each %s is a person's name with their type, e.g. "Ana Ferreira (company)"
        tr("%s and %s will each be told that a broker introduces them to the other, with your "
           "note."),
        first.c_str(), second.c_str()));
  }
  if (!introduction.note.empty())
    // TRANSLATORS: %s is the broker's note to the two people, quoted
    c.consequences.push_back(format_text(tr("Note: \"%s\""), introduction.note.c_str()));
  c.consequences.push_back(
      tr("The meeting is booked once both accept; either may decline. Until then you can "
         "withdraw it."));
  // TRANSLATORS: button that sends the introduction of two people
  c.confirm_label = tr("Introduce");
  c.done_message = format_text(tr("Introduced %s and %s"), a.c_str(), b.c_str());
  c.undo = UndoOffer{
      .label = tr("Withdraw the introduction"),
      .operations = {core::WithdrawIntroduction{.first = introduction.first,
                                                .second = introduction.second}},
      .done_message = format_text(tr("Introduction withdrawn: %s and %s"), a.c_str(), b.c_str()),
  };
  c.operations.push_back(std::move(introduction));
  return c;
}

namespace {

std::string status_of(const ClientSession& session, const core::Meeting& m) {
  switch (m.status) {
    case core::MeetingStatus::Requested:
      // TRANSLATORS: status of an introduction neither person has accepted yet
      if (m.requester_accepted == m.invitee_accepted) return tr("awaiting both");
      // TRANSLATORS: status of an introduction: who accepted, then who has not answered yet
      return format_text(tr("%s accepted; awaiting %s"),
                         session.name_of(m.requester_accepted ? m.requester : m.invitee).c_str(),
                         session.name_of(m.requester_accepted ? m.invitee : m.requester).c_str());
    case core::MeetingStatus::Accepted:
      // TRANSLATORS: status of an introduction whose meeting is booked but has no time yet
      if (!m.placement) return tr("accepted: awaiting a slot");
      // TRANSLATORS: status of an introduction whose meeting is booked; %s is its day and time
      return format_text(tr("accepted: %s"), session.slot_label(m.placement->slot).c_str());
    case core::MeetingStatus::Declined:
      // TRANSLATORS: status of an introduction one of the two declined
      if (!m.closed_by) return tr("declined");
      // TRANSLATORS: status of an introduction; %s is the person who declined
      return format_text(tr("declined by %s"), session.name_of(m.closed_by).c_str());
    case core::MeetingStatus::Cancelled:
      // TRANSLATORS: status of an introduction that was cancelled
      if (m.close_reason.empty()) return tr("cancelled");
      // TRANSLATORS: status of an introduction; %s is why it was cancelled
      return format_text(tr("cancelled: %s"), m.close_reason.c_str());
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
  c.question = format_text(tr("Withdraw the introduction of %s and %s?"), a.c_str(), b.c_str());
  // TRANSLATORS: %s is the introduction's status, e.g. "awaiting both"
  c.consequences.push_back(format_text(tr("Cancel their pending meeting (now %s) and tell both of "
                                          "them."),
                                       row.status.c_str()));
  c.consequences.push_back(tr("Leave them free to be introduced again later."));
  // TRANSLATORS: button that withdraws an introduction
  c.confirm_label = tr("Withdraw");
  c.operations.push_back(core::WithdrawIntroduction{.first = row.first, .second = row.second});
  c.done_message = format_text(tr("Introduction withdrawn: %s and %s"), a.c_str(), b.c_str());
  c.undo = UndoOffer{
      .label = tr("Introduce them again"),
      .operations = {core::Introduce{.first = row.first, .second = row.second, .note = row.note}},
      .done_message = format_text(tr("Introduced %s and %s again"), a.c_str(), b.c_str()),
  };
  return c;
}

}  // namespace crossmatch::client
