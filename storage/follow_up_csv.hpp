// A follow-up round as CSV, for people who do not answer in the app: the organiser sends each
// person the rows of their held meetings and imports the answers back. The import is all or
// nothing: every refused row is reported (line, column, reason) and then nothing is stored.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/event/sequencer.hpp"
#include "storage/event_store.hpp"
#include "storage/participant_import.hpp"

namespace crossmatch::storage {

// follow_up, meeting, participant, name, email, partner, partner_organisation, outcome, note. One
// row per held meeting and per person of it (erased people left out), with the answer given so
// far; outcome is one of no-contact, knowledge, valuable, negotiation, agreement, or empty.
const std::vector<std::string>& follow_up_columns();
// Refuses a round that does not exist.
core::Result<std::string> follow_up_csv(const core::EventState& state, core::FollowUpId round);

struct FollowUpImport {
  std::size_t rows = 0;                  // data rows read
  std::size_t unanswered = 0;            // rows with no outcome: skipped
  std::vector<core::Operation> applied;  // sequenced rate_follow_up operations, in file order
  std::vector<RefusedRow> refused;       // when not empty, `applied` is empty
};

// Checks every row against the event (the organiser answering for the row's person) and, when
// none is refused, sequences them all through `sequencer`. Columns besides follow_up, meeting,
// participant, outcome and note are there for people to read and are ignored. An answer the log
// already holds (same file content and line) is not applied twice.
core::Result<FollowUpImport> sequence_follow_up_answers(std::string_view csv,
                                                        core::Sequencer& sequencer,
                                                        std::int64_t now_ms);

// Loads the event from `store`, sequences the answers, and appends them in one transaction.
core::Result<FollowUpImport> import_follow_up_answers(EventStore& store,
                                                      const core::Taxonomy& taxonomy,
                                                      std::string_view csv, std::int64_t now_ms);

}  // namespace crossmatch::storage
