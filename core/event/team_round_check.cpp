#include "core/event/team_round_check.hpp"

#include <algorithm>
#include <numeric>

namespace crossmatch::core {
namespace {

std::string count_of(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

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
  std::string sizes = smallest == largest
                          ? std::to_string(largest)
                          : std::to_string(smallest) + " to " + std::to_string(largest);
  out.problem = count_of(k, "team", "teams") + " of " + sizes + " people need " +
                count_of(k, "table", "tables") + "; the event has " +
                count_of(tables.size(), "table", "tables") + ", " + std::to_string(seated) +
                " of them with " + std::to_string(largest) + " seats or more. Add " +
                count_of(add, "table", "tables") + " of " + std::to_string(largest) + " seats";
  if (out.tables_to_enlarge > 0)
    out.problem += ", or give " + std::to_string(out.tables_to_enlarge) +
                   " of the smaller tables " + std::to_string(largest) + " seats";
  out.problem += ", or make the teams smaller (team sizes in the matching settings).";
  return out;
}

}  // namespace crossmatch::core
