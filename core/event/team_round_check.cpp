#include "core/event/team_round_check.hpp"

#include <algorithm>
#include <numeric>

#include "core/i18n/translation.hpp"

namespace crossmatch::core {

RoundSeating seat_teams(const EventState& state, const std::vector<std::size_t>& team_sizes) {
  RoundSeating out;
  const std::size_t k = team_sizes.size();
  if (k == 0) return out;
  std::vector<std::size_t> teams(k);  // team indices, the largest first
  std::iota(teams.begin(), teams.end(), std::size_t{0});
  std::stable_sort(teams.begin(), teams.end(),
                   [&](std::size_t a, std::size_t b) { return team_sizes[a] > team_sizes[b]; });
  std::vector<const Table*> tables;  // the most seats first
  for (const auto& [id, table] : state.tables) tables.push_back(&table);
  std::stable_sort(tables.begin(), tables.end(),
                   [](const Table* a, const Table* b) { return a->seats > b->seats; });
  const auto fits_from = [&](std::size_t added) {
    // `added` new tables take the largest teams; the rest go to the existing tables in order.
    if (k - added > tables.size()) return false;
    for (std::size_t j = 0; added + j < k; ++j) {
      if (static_cast<std::size_t>(tables[j]->seats) < team_sizes[teams[added + j]]) return false;
    }
    return true;
  };
  if (fits_from(0)) {
    out.tables.resize(k);
    for (std::size_t j = 0; j < k; ++j) out.tables[teams[j]] = tables[j]->id;
    return out;
  }
  const std::size_t largest = team_sizes[teams.front()];
  out.seats = static_cast<int>(largest);
  std::size_t add = 1;
  while (!fits_from(add)) ++add;
  out.tables_to_add = static_cast<int>(add);
  if (tables.size() >= k) {
    for (std::size_t j = 0; j < k; ++j) {
      if (static_cast<std::size_t>(tables[j]->seats) < team_sizes[teams[j]])
        ++out.tables_to_enlarge;
    }
  }
  const std::size_t smallest = team_sizes[teams.back()];
  std::size_t seated = 0;  // tables that seat the largest team
  for (const Table* t : tables) seated += static_cast<std::size_t>(t->seats) >= largest ? 1 : 0;
  // The sentence has several counts, each with its own plural: its parts are translated each
  // with its count, and put together by a translated frame.
  const std::string sizes =
      smallest == largest
          ? std::to_string(largest)
          // TRANSLATORS: the sizes of teams, from the smallest to the largest: "2 to 5"
          : format_text(tr("%zu to %zu"), smallest, largest);
  const std::string need = format_text(
      // TRANSLATORS: part of a sentence: %1$zu teams of %2$s people ("2 to 5") need %3$zu tables
      tr_n("%zu team of %s people needs %zu table", "%zu teams of %s people need %zu tables", k), k,
      sizes.c_str(), k);
  const std::string has = format_text(
      // TRANSLATORS: part of a sentence: the event has %1$zu tables, %2$zu of them with %3$zu
      // seats or more
      tr_n("the event has %zu table, %zu of them with %zu seats or more",
           "the event has %zu tables, %zu of them with %zu seats or more", tables.size()),
      tables.size(), seated, largest);
  const std::string add_tables = format_text(
      // TRANSLATORS: part of a sentence: add %1$zu tables of %2$zu seats
      tr_n("Add %zu table of %zu seats", "Add %zu tables of %zu seats", add), add, largest);
  if (out.tables_to_enlarge > 0) {
    const std::string enlarge = format_text(
        // TRANSLATORS: part of a sentence: give %1$d of the existing tables %2$zu seats
        tr_n("give %d of the smaller tables %zu seats", "give %d of the smaller tables %zu seats",
             static_cast<unsigned long>(out.tables_to_enlarge)),
        out.tables_to_enlarge, largest);
    out.problem = format_text(
        // TRANSLATORS: why teams do not fit the tables: "3 teams of 2 to 5 people need 3 tables;
        // the event has 3 tables, 1 of them with 5 seats or more. Add 1 table of 5 seats, or give
        // 1 of the smaller tables 5 seats, or make the teams smaller (...)."
        tr("%s; %s. %s, or %s, or make the teams smaller (team sizes in the matching settings)."),
        need.c_str(), has.c_str(), add_tables.c_str(), enlarge.c_str());
  } else {
    out.problem = format_text(
        // TRANSLATORS: why teams do not fit the tables: "4 teams of 3 people need 4 tables; the
        // event has 3 tables, 1 of them with 3 seats or more. Add 3 tables of 3 seats, or make
        // the teams smaller (...)."
        tr("%s; %s. %s, or make the teams smaller (team sizes in the matching settings)."),
        need.c_str(), has.c_str(), add_tables.c_str());
  }
  return out;
}

}  // namespace crossmatch::core
