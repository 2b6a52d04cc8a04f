#include "app/client/state/unmatched_list.hpp"

#include <algorithm>
#include <tuple>

#include "app/client/state/person_summary.hpp"
#include "app/client/state/population_cache.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::client {

const char* label(UnmatchedSort sort) {
  switch (sort) {
    case UnmatchedSort::Waiting:
      // TRANSLATORS: an order of the list of people without a meeting
      return core::tr("waiting longest (registered first)");
    case UnmatchedSort::Name:
      // TRANSLATORS: an order of the list of people without a meeting: by name
      return core::tr("name");
    case UnmatchedSort::Sector:
      // TRANSLATORS: an order of the list of people without a meeting: by sector
      return core::tr("sector");
    case UnmatchedSort::City:
      // TRANSLATORS: an order of the list of people without a meeting: by city
      return core::tr("city");
    case UnmatchedSort::Requests:
      // TRANSLATORS: an order of the list of people without a meeting
      return core::tr("fewest requests");
  }
  return "";
}

std::vector<UnmatchedRow> unmatched_rows(const ClientSession& session,
                                         const std::vector<core::ParticipantId>& people,
                                         const UnmatchedFilter& filter) {
  const std::string needle = lower_ascii(filter.search);
  const core::EventState& state = session.state();
  std::vector<UnmatchedRow> rows;
  for (const core::ParticipantId id : people) {
    const PersonSummary s = person_summary(session, id);
    UnmatchedRow row{id, s.name, s.type, s.organisation, s.sector, s.city, 0};
    if (!needle.empty()) {
      const std::string text =
          lower_ascii(row.name + "\n" + row.organisation + "\n" + row.sector + "\n" + row.city);
      if (text.find(needle) == std::string::npos) continue;
    }
    if (const auto it = state.index.person_meetings.find(id);
        it != state.index.person_meetings.end())
      row.requests = static_cast<int>(it->second.size());
    rows.push_back(std::move(row));
  }
  const auto by = [&](const UnmatchedRow& r) {
    switch (filter.sort) {
      case UnmatchedSort::Name:
        return std::tuple(lower_ascii(r.name), 0, r.id);
      case UnmatchedSort::Sector:
        return std::tuple(lower_ascii(r.sector), 0, r.id);
      case UnmatchedSort::City:
        return std::tuple(lower_ascii(r.city), 0, r.id);
      case UnmatchedSort::Requests:
        return std::tuple(std::string(), r.requests, r.id);
      case UnmatchedSort::Waiting:
        break;
    }
    return std::tuple(std::string(), 0, r.id);  // numbers are given in the order people registered
  };
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const UnmatchedRow& a, const UnmatchedRow& b) { return by(a) < by(b); });
  return rows;
}

}  // namespace crossmatch::client
