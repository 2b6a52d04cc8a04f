// The "No meeting yet" list as a broker sorts and searches it: the participants with neither a
// meeting nor a team, found by name, organisation, sector or city, and sorted by name, sector,
// city, how long they have waited (registered first) or how many requests they have had.
#pragma once

#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"

namespace crossmatch::client {

enum class UnmatchedSort { Waiting, Name, Sector, City, Requests };
const char* label(UnmatchedSort sort);  // "waiting longest"
inline constexpr UnmatchedSort kUnmatchedSorts[] = {UnmatchedSort::Waiting, UnmatchedSort::Name,
                                                    UnmatchedSort::Sector, UnmatchedSort::City,
                                                    UnmatchedSort::Requests};

struct UnmatchedRow {
  core::ParticipantId id = 0;
  std::string name, type, organisation, sector, city;
  int requests = 0;  // requests they sent or received, answered or not
};

struct UnmatchedFilter {
  std::string search;  // in name, organisation, sector and city, any case
  UnmatchedSort sort = UnmatchedSort::Waiting;
};

// The rows of `people` that the search finds, in the chosen order (ties by number).
std::vector<UnmatchedRow> unmatched_rows(const ClientSession& session,
                                         const std::vector<core::ParticipantId>& people,
                                         const UnmatchedFilter& filter);

}  // namespace crossmatch::client
