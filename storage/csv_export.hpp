// The event's exports as CSV (RFC 4180, UTF-8; for_spreadsheets in storage/csv.hpp adds what
// spreadsheet programs need): participants, meetings with their slot and table,
// teams, policy-clinic tables with their outcomes, and pitches with who was interested. The
// participants' columns are the ones the import reads back.
#pragma once

#include <string>
#include <vector>

#include "core/event/event_state.hpp"

namespace crossmatch::storage {

// id, status, then the profile: display_name, organisation, job_title, type, size, city,
// country, sector, email, languages, offers, seeks, target_markets, known_markets, answers (lists
// separated by ';'), consent_suggestions, consent_share_contact (yes/no). An erased participant
// keeps only type, country and sector.
const std::vector<std::string>& participant_columns();
std::string participants_csv(const core::EventState& state);

// One row per meeting: id, status, introduced, both people (id, name, organisation), the booked
// session, date, start, end and table (empty while unbooked), held, both ratings.
std::string meetings_csv(const core::EventState& state);

// One row per member of every team of every published round: round, its session's date and
// times, team number, table, member (id, name, organisation, sector, country), the reasons.
std::string teams_csv(const core::EventState& state);

// One row per member of every policy-clinic table (one row with the member columns empty for a
// table nobody sits at): clinic_table_id, session, date, start, end, table, theme,
// participant_id, name, organisation, type, sector, country, reasons, outcome (the policy
// measures the table proposes).
std::string clinics_csv(const core::EventState& state);

// One row per pitch of every pitching session, in pitching order: session, date, position,
// pitcher (id, name, organisation), minutes, outcome, interested (ids in tapping order, ';'),
// interested_names (their display names in the same order, ';'), interested_count.
std::string pitches_csv(const core::EventState& state);

}  // namespace crossmatch::storage
