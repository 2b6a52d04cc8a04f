// The participant's suggested partners: every allowed partner ranked by pair score, filtered by
// sector, city, country, language and a search text. Ranking is redone only when profiles
// or weights change, links to the viewer's meetings when meetings change; filtering only when the
// filter or the ranking changes; reasons only for the rows a screen asks about.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/client/state/population_cache.hpp"
#include "core/matching/pair_reasons.hpp"

namespace crossmatch::client {

struct PartnerFilter {
  std::string sector;  // taxonomy ids; empty: any
  std::string city;
  std::string country;
  std::string language;
  std::string search;  // matched in name, organisation, city, sector, offers and seeks
  bool operator==(const PartnerFilter&) const = default;
};

// What already links the viewer and a suggested partner.
enum class PartnerLink { None, Requested, Meeting };

struct PartnerRow {
  core::ParticipantId id = 0;
  float score = 0;  // 0..1
  PartnerLink link = PartnerLink::None;
};

class PartnerList {
 public:
  // Brings rows up to date for `viewer`; cheap when nothing changed. True when rows changed.
  bool refresh(const PopulationCache& cache, const core::EventState& state,
               core::ParticipantId viewer, std::uint64_t meetings_version,
               const PartnerFilter& filter);

  // The rows that pass the filter, best first.
  std::size_t size() const { return rows_.size(); }
  const PartnerRow& row(std::size_t i) const { return ranked_[rows_[i]]; }
  std::size_t ranked() const { return ranked_.size(); }  // before filtering
  // Why this partner suits the viewer (computed on first ask, until the ranking changes).
  const std::vector<core::Reason>& reasons(const PopulationCache& cache,
                                           core::ParticipantId partner);

  // How often each stage ran (for tests and the benchmark).
  std::uint64_t rankings() const { return rankings_; }
  std::uint64_t partial_rankings() const { return partial_rankings_; }
  std::uint64_t filterings() const { return filterings_; }

 private:
  void rank(const PopulationCache& cache);
  // Re-places only the participants the cache's last build changed (when the viewer is not one).
  void rerank(const PopulationCache& cache);
  void index_positions();
  void link(const core::EventState& state);
  // Checks every ranked partner against the filter, or only `only` (the rest kept from before).
  void apply_filter(const PopulationCache& cache, const std::vector<core::ParticipantId>* only);

  std::vector<PartnerRow> ranked_;
  std::vector<std::uint32_t> rows_;     // indices into ranked_
  std::vector<std::int32_t> position_;  // by participant id: index in ranked_, or -1
  std::unordered_map<core::ParticipantId, std::vector<core::Reason>> reasons_;
  core::ParticipantId viewer_ = 0;
  std::uint64_t population_builds_ = 0, meetings_version_ = 0;
  bool have_ranking_ = false;
  PartnerFilter filter_;
  bool filter_valid_ = false;
  std::vector<char> passes_;  // by participant id: passes the filter
  std::uint64_t rankings_ = 0, partial_rankings_ = 0, filterings_ = 0;
};

}  // namespace crossmatch::client
