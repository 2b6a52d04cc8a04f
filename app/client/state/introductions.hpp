// A broker's introductions: choosing the two people (type-ahead by name or organisation, with the
// best partner for the first one suggested, not imposed), the confirmation that says who will be
// told what (with Undo: withdraw it), and the event's introductions so far with their status, each
// of which can be withdrawn while it awaits an answer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "app/client/state/confirmation.hpp"
#include "app/client/state/population_cache.hpp"

namespace crossmatch::client {

// Active participants whose name or organisation holds `typed` (any case), sorted by name, at
// most `max`, without `except`. Empty `typed`: nobody (the list would be the whole event).
std::vector<core::ParticipantId> find_people(const ClientSession& session, std::string_view typed,
                                             std::size_t max = 8, core::ParticipantId except = 0);

struct IntroductionSuggestion {
  core::ParticipantId partner = 0;
  float score = 0;  // 0..1
  std::vector<std::string> reasons;
};

// The best partner for `person` whom they have no open meeting with, and why; nothing when
// nobody suits them. `cache` must be refreshed by the caller.
std::optional<IntroductionSuggestion> best_partner(const PopulationCache& cache,
                                                   const core::EventState& state,
                                                   core::ParticipantId person);

struct IntroductionForm {
  std::string first_typed, second_typed;  // what is typed in each search
  core::ParticipantId first = 0, second = 0;
  std::string note;
  // The confirmation asked for these two ("Introduced Ana and Ben"): once it is sent, the form
  // starts over for the next introduction; a cancelled one keeps what was chosen.
  std::string asked;

  // Choosing someone fills their search with their name.
  void choose_first(const ClientSession& session, core::ParticipantId id);
  void choose_second(const ClientSession& session, core::ParticipantId id);
  // What stops these two being introduced, in words (the rules core applies); empty when none.
  std::string problem(const ClientSession& session) const;
  // The introduction as chosen (check problem() first).
  core::Introduce introduction() const;
  // After the dialog closed: clears the form when the asked introduction was sent (`sent_message`
  // is the done message of the action the status line now follows, `pending` while no dialog is
  // open), keeps it when it was cancelled.
  void settle(bool dialog_open, const std::string& sent_message);
  void clear() { *this = IntroductionForm{}; }
};

// "Introduce Ana and Ben?": who is told what, and Undo (withdraw it) once it is done.
Confirmation introduce_confirmation(const ClientSession& session, core::Introduce introduction);

struct IntroductionRow {
  core::MeetingId meeting = 0;
  core::ParticipantId first = 0, second = 0;
  std::int64_t at_ms = 0;  // when it was made
  std::string status;      // "awaiting both", "Ana accepted; awaiting Ben", "accepted: Thu 09:20"
  std::string note;
  bool withdrawable = false;  // awaits an answer
};

// Every introduction of the event (brokers share one credential, so all brokers' and the
// organiser's), newest first.
std::vector<IntroductionRow> introductions(const ClientSession& session);

// "Withdraw the introduction of Ana and Ben?": their pending meeting is cancelled and both are
// told; Undo introduces them again with the same note.
Confirmation withdraw_confirmation(const ClientSession& session, const IntroductionRow& row);

}  // namespace crossmatch::client
