// Importing pre-registered participants from CSV: every row checked with the profile rules and
// applied as the organiser's register operation through the sequencer, so imported people land
// in the log with sequence numbers like everyone else; refused rows are reported, not dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/event/sequencer.hpp"
#include "storage/event_store.hpp"

namespace crossmatch::storage {

struct RefusedRow {
  std::size_t line = 0;  // in the file, from 1 (where the row starts)
  std::string field;     // the CSV column at fault, or empty for the whole row
  std::string code;
  std::string message;
};

struct ImportResult {
  std::size_t rows = 0;                  // data rows read
  std::vector<core::Operation> applied;  // sequenced register operations, in file order
  std::vector<RefusedRow> refused;
};

// The columns of participants_csv(); display_name, organisation, city, sector, email, languages
// and answers are required, the rest optional (type: company, size: micro, country: the city's,
// consent_suggestions: yes, consent_share_contact: no). `id` is ignored; a `status` other than
// active refuses the row. Lists are separated by ';'. A file that is not CSV, lacks a required
// column or has an unknown one is refused as a whole.
//
// Applies each row through `sequencer` as the organiser at `now_ms`. A row imported before (same
// file content, same line) is refused as a duplicate, so importing a file twice adds no one twice.
core::Result<ImportResult> sequence_participants(std::string_view csv, core::Sequencer& sequencer,
                                                 std::int64_t now_ms);

// Loads the event from `store`, sequences the rows, and appends every accepted one in a single
// transaction: all valid rows are stored, or (on a storage error) none.
// `codes` draws each registration's check-in code (the hub's random source).
core::Result<ImportResult> import_participants(EventStore& store, const core::Taxonomy& taxonomy,
                                               std::string_view csv, std::int64_t now_ms,
                                               core::Sequencer::CheckInCodeSource codes = {});

}  // namespace crossmatch::storage
