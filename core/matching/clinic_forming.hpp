// Forming a policy clinic's tables from the event: who picked which themes, seated by
// seat_clinic, as the FormClinicTables operation the organiser applies (so the seating is stored
// and replicated like everything else); and the reasons each member sees.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/event/operation.hpp"
#include "core/matching/clinic_tables.hpp"
#include "core/search_budget.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::core {

struct ClinicForming {
  FormClinicTables operation;           // apply as the organiser; each table's reasons filled in
  ClinicSeatingPlan plan;               // the figures (mix violations, theme misses, values)
  std::vector<ClinicTableId> tables;    // the plan's table index -> clinic table
  std::vector<ParticipantId> people;    // the plan's person index -> participant
  std::vector<ParticipantId> unseated;  // picked themes but found no seat
};

// Seats every active participant who picked at least one theme of the clinic `session` at its
// tables (each table's seats are its place's seats). Refused when the session is not a policy
// clinic, has no tables, is already seated (locked), or nobody picked a theme.
Result<ClinicForming> form_clinic_tables(const EventState& state, const Taxonomy& taxonomy,
                                         SessionId session, SearchBudget& budget,
                                         std::uint64_t seed);

// Why these people share a table: the mix of types, how many picked the theme, the shared
// working style, the sectors and the countries.
std::vector<std::string> explain_clinic_table(const EventState& state, const Taxonomy& taxonomy,
                                              ClinicTableId table,
                                              const std::vector<ParticipantId>& members);

// What one member sees about their seat: the theme (picked or not), who else is at the table by
// type, and the member they have most in common with and why.
Result<std::vector<std::string>> explain_clinic_seat(const EventState& state,
                                                     const Taxonomy& taxonomy, ClinicTableId table,
                                                     ParticipantId member);

// "a policy maker, 3 companies and a broker or intermediary"
std::string describe_type_mix(const std::vector<ParticipantType>& types);

}  // namespace crossmatch::core
