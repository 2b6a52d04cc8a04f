// What the broker monitor shows: the counts, a feed of the newest pairings, accepted meetings by
// sector pair and by city pair, and the participants with neither a meeting nor a team, each of
// whom can be introduced to their best partner. Follows the meetings that changed one by one
// (counted again from the state only when too much changed at once), at most every kRefreshMs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "app/client/state/population_cache.hpp"
#include "core/event/statistics.hpp"

namespace crossmatch::client {

struct Pairing {
  core::MeetingId meeting = 0;
  core::ParticipantId first = 0, second = 0;
  std::int64_t accepted_at = 0;
  bool cross_sector = false, cross_border = false;
};

// A square matrix of counts with labels, symmetric.
struct CountMatrix {
  std::vector<std::string> labels;
  std::vector<int> counts;  // row-major, labels.size() squared
  int max = 0;
  int at(std::size_t row, std::size_t column) const { return counts[row * labels.size() + column]; }
};

class BrokerMonitor {
 public:
  static constexpr std::int64_t kRefreshMs = 500;
  static constexpr std::size_t kFeedSize = 60;

  // Recounts when needed; true when it did.
  bool refresh(const ClientSession& session, std::int64_t now_ms);

  const core::EventStatistics& statistics() const { return statistics_; }
  const std::vector<Pairing>& feed() const { return feed_; }  // newest first
  const CountMatrix& sectors() const { return sectors_; }
  const CountMatrix& cities() const { return cities_; }
  const std::vector<core::ParticipantId>& unmatched() const { return unmatched_; }
  std::uint64_t recounts() const { return recounts_; }  // full counts from the state
  std::uint64_t updates() const { return updates_; }    // meeting by meeting

 private:
  struct Counted {  // what an accepted meeting added to the counts
    bool counted = false;
    std::int16_t sector_a = -1, sector_b = -1, city_a = -1, city_b = -1;
    core::ParticipantId a = 0, b = 0;
  };
  void reindex_people(const ClientSession& session);  // every participant's rows
  // One participant's rows; false when that would change what is counted or the matrices' shape.
  bool reindex_person(const ClientSession& session, core::ParticipantId id);
  void recount(const ClientSession& session);  // everything, from the state
  void update_meeting(const core::EventState& state, core::MeetingId id);
  void count(const Counted& c, int sign);
  void add_to_feed(const core::Meeting& m);
  void list_unmatched();

  core::EventStatistics statistics_;
  std::vector<Pairing> feed_;
  CountMatrix sectors_, cities_;
  std::vector<core::ParticipantId> unmatched_;
  std::vector<std::int16_t> sector_, city_, country_;  // by participant id: matrix rows, country
  std::vector<std::int8_t> creative_;                  // 1 creative, 0 growth, -1 unknown
  std::vector<char> active_, in_team_;                 // by participant id
  std::vector<int> met_;                               // accepted meetings, by participant id
  std::vector<Counted> counted_;                       // by meeting id
  std::vector<int> sector_row_, city_row_;             // taxonomy index -> matrix row
  std::vector<ProfileChange> profile_changes_;
  std::vector<MeetingChange> meeting_changes_;
  std::uint64_t meetings_version_ = 0, profiles_version_ = 0, recounts_ = 0, updates_ = 0;
  std::int64_t last_ms_ = 0;
  bool built_ = false;
};

// The introduction a broker would make for `person`: their best allowed partner (someone they
// have no open meeting with) and a note naming why; nothing when nobody suits them.
std::optional<core::Introduce> propose_introduction(const PopulationCache& cache,
                                                    const core::EventState& state,
                                                    core::ParticipantId person);

}  // namespace crossmatch::client
