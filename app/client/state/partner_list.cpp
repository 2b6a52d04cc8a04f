#include "app/client/state/partner_list.hpp"

#include <algorithm>

namespace crossmatch::client {
namespace {

// Best first; ties to the lower id, so that the order is the same however it was reached.
bool better(const PartnerRow& a, const PartnerRow& b) {
  return a.score != b.score ? a.score > b.score : a.id < b.id;
}

}  // namespace

bool PartnerList::refresh(const PopulationCache& cache, const core::EventState& state,
                          core::ParticipantId viewer, std::uint64_t meetings_version,
                          const PartnerFilter& filter) {
  bool changed_ranking =
      !have_ranking_ || viewer != viewer_ || cache.builds() != population_builds_;
  const bool relink = changed_ranking || meetings_version != meetings_version_;
  if (changed_ranking) {
    const auto& changed = cache.last_changed();
    const bool partial = have_ranking_ && viewer == viewer_ &&
                         cache.builds() == population_builds_ + 1 && cache.last_build_partial() &&
                         std::find(changed.begin(), changed.end(), viewer) == changed.end();
    viewer_ = viewer;
    population_builds_ = cache.builds();
    have_ranking_ = true;
    partial ? rerank(cache) : rank(cache);
    // After a partial ranking with the same filter, only the changed people are checked again.
    if (partial && filter == filter_) {
      apply_filter(cache, &cache.last_changed());
      changed_ranking = false;
    } else {
      filter_valid_ = false;
    }
  }
  if (relink) {
    meetings_version_ = meetings_version;
    link(state);
  }
  if (filter_valid_ && filter == filter_) return changed_ranking || relink;
  filter_ = filter;
  filter_valid_ = true;
  apply_filter(cache, nullptr);
  return true;
}

void PartnerList::rank(const PopulationCache& cache) {
  ++rankings_;
  ranked_.clear();
  reasons_.clear();
  if (!cache.built()) return;
  const core::Population& population = cache.population();
  const core::PairScorer& scorer = cache.scorer();
  const int v = static_cast<int>(viewer_);
  if (!population.present(v)) return;
  ranked_.reserve(static_cast<std::size_t>(population.size()));
  for (int i = 1; i < population.size(); ++i) {
    if (!population.matchable(i) || !scorer.allowed(v, i)) continue;
    ranked_.push_back({static_cast<core::ParticipantId>(i), static_cast<float>(scorer.score(v, i)),
                       PartnerLink::None});
  }
  std::sort(ranked_.begin(), ranked_.end(), better);
  index_positions();
}

void PartnerList::rerank(const PopulationCache& cache) {
  ++partial_rankings_;
  const core::Population& population = cache.population();
  const core::PairScorer& scorer = cache.scorer();
  const int v = static_cast<int>(viewer_);
  for (const core::ParticipantId id : cache.last_changed()) {
    reasons_.erase(id);
    if (id < position_.size() && position_[id] >= 0) {
      ranked_.erase(ranked_.begin() + position_[id]);
      index_positions();
    }
    const int i = static_cast<int>(id);
    if (!population.matchable(i) || !scorer.allowed(v, i)) continue;
    const PartnerRow row{id, static_cast<float>(scorer.score(v, i)), PartnerLink::None};
    ranked_.insert(std::upper_bound(ranked_.begin(), ranked_.end(), row, better), row);
    index_positions();
  }
}

void PartnerList::index_positions() {
  std::size_t n = position_.size();
  for (const auto& row : ranked_) n = std::max<std::size_t>(n, row.id + 1);
  position_.assign(n, -1);
  for (std::size_t i = 0; i < ranked_.size(); ++i)
    position_[ranked_[i].id] = static_cast<std::int32_t>(i);
}

void PartnerList::link(const core::EventState& state) {
  for (auto& row : ranked_) row.link = PartnerLink::None;
  const auto it = state.index.person_meetings.find(viewer_);
  if (it == state.index.person_meetings.end()) return;
  for (const core::MeetingId id : it->second) {
    const core::Meeting* m = state.meeting(id);
    if (m == nullptr) continue;
    const core::ParticipantId other = m->other(viewer_);
    if (other >= position_.size() || position_[other] < 0) continue;
    PartnerLink& link = ranked_[static_cast<std::size_t>(position_[other])].link;
    if (m->status == core::MeetingStatus::Accepted) link = PartnerLink::Meeting;
    if (m->status == core::MeetingStatus::Requested && link == PartnerLink::None)
      link = PartnerLink::Requested;
  }
}

void PartnerList::apply_filter(const PopulationCache& cache,
                               const std::vector<core::ParticipantId>* only) {
  ++filterings_;
  rows_.clear();
  if (!cache.built()) return;
  // Taxonomy indices, compared with matching's compact records: no profile is looked up.
  const core::Population& population = cache.population();
  const core::Taxonomy& taxonomy = population.taxonomy();
  const std::string needle = lower_ascii(filter_.search);
  const int sector = filter_.sector.empty() ? -2 : taxonomy.sector_index(filter_.sector);
  const int city = filter_.city.empty() ? -2 : taxonomy.city_index(filter_.city);
  const int country = filter_.country.empty() ? -2 : taxonomy.country_index(filter_.country);
  const int language = filter_.language.empty() ? -2 : taxonomy.language_index(filter_.language);
  const auto passes = [&](core::ParticipantId pid) {
    const int id = static_cast<int>(pid);
    if (!population.present(id)) return false;
    const core::MemberRecord& r = population.record(id);
    if (sector != -2 && r.sector != sector) return false;
    if (city != -2 && r.city != city) return false;
    if (country != -2 && r.country != country) return false;
    if (language != -2 &&
        (language < 0 || ((population.languages(id)[language / 64] >> (language % 64)) & 1) == 0)) {
      return false;
    }
    return needle.empty() || cache.search_text(pid).find(needle) != std::string::npos;
  };
  if (passes_.size() < position_.size()) passes_.resize(position_.size(), 0);
  if (only == nullptr) {
    for (const PartnerRow& row : ranked_) passes_[row.id] = passes(row.id) ? 1 : 0;
  } else {
    for (const core::ParticipantId id : *only) {
      if (id < passes_.size()) passes_[id] = passes(id) ? 1 : 0;
    }
  }
  rows_.reserve(ranked_.size());
  for (std::uint32_t i = 0; i < ranked_.size(); ++i) {
    if (passes_[ranked_[i].id]) rows_.push_back(i);
  }
}

const std::vector<core::Reason>& PartnerList::reasons(const PopulationCache& cache,
                                                      core::ParticipantId partner) {
  auto it = reasons_.find(partner);
  if (it == reasons_.end()) {
    std::vector<core::Reason> reasons;
    if (cache.built() && cache.population().present(static_cast<int>(viewer_)) &&
        cache.population().present(static_cast<int>(partner))) {
      reasons =
          core::explain_pair(cache.scorer(), static_cast<int>(viewer_), static_cast<int>(partner));
    }
    it = reasons_.emplace(partner, std::move(reasons)).first;
  }
  return it->second;
}

}  // namespace crossmatch::client
