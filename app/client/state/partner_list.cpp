#include "app/client/state/partner_list.hpp"

#include <algorithm>

namespace crossmatch::client {

bool PartnerList::refresh(const PopulationCache& cache, const core::EventState& state,
                          core::ParticipantId viewer, std::uint64_t meetings_version,
                          const PartnerFilter& filter) {
  const bool rerank = !have_ranking_ || viewer != viewer_ || cache.builds() != population_builds_;
  const bool relink = rerank || meetings_version != meetings_version_;
  if (rerank) {
    viewer_ = viewer;
    population_builds_ = cache.builds();
    have_ranking_ = true;
    rank(cache);
  }
  if (relink) {
    meetings_version_ = meetings_version;
    link(state);
  }
  if (!rerank && filter == filter_) return relink;
  filter_ = filter;
  apply_filter(cache, state);
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
  std::sort(ranked_.begin(), ranked_.end(), [](const PartnerRow& a, const PartnerRow& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  position_.clear();
  position_.reserve(ranked_.size());
  for (std::size_t i = 0; i < ranked_.size(); ++i) position_[ranked_[i].id] = static_cast<std::uint32_t>(i);
}

void PartnerList::link(const core::EventState& state) {
  for (auto& row : ranked_) row.link = PartnerLink::None;
  const auto it = state.index.person_meetings.find(viewer_);
  if (it == state.index.person_meetings.end()) return;
  for (const core::MeetingId id : it->second) {
    const core::Meeting* m = state.meeting(id);
    if (m == nullptr) continue;
    const auto at = position_.find(m->other(viewer_));
    if (at == position_.end()) continue;
    PartnerLink& link = ranked_[at->second].link;
    if (m->status == core::MeetingStatus::Accepted) link = PartnerLink::Meeting;
    if (m->status == core::MeetingStatus::Requested && link == PartnerLink::None) link = PartnerLink::Requested;
  }
}

void PartnerList::apply_filter(const PopulationCache& cache, const core::EventState& state) {
  ++filterings_;
  rows_.clear();
  const std::string needle = lower_ascii(filter_.search);
  for (std::uint32_t i = 0; i < ranked_.size(); ++i) {
    const PartnerRow& row = ranked_[i];
    const core::Participant* p = state.participant(row.id);
    if (p == nullptr) continue;
    const core::Profile& profile = p->profile;
    if (!filter_.sector.empty() && profile.sector != filter_.sector) continue;
    if (!filter_.city.empty() && profile.city != filter_.city) continue;
    if (!filter_.country.empty() && profile.country != filter_.country) continue;
    if (!filter_.language.empty() &&
        std::find(profile.languages.begin(), profile.languages.end(), filter_.language) ==
            profile.languages.end()) {
      continue;
    }
    if (!needle.empty() && cache.search_text(row.id).find(needle) == std::string::npos) continue;
    rows_.push_back(i);
  }
}

const std::vector<core::Reason>& PartnerList::reasons(const PopulationCache& cache,
                                                      core::ParticipantId partner) {
  auto it = reasons_.find(partner);
  if (it == reasons_.end()) {
    std::vector<core::Reason> reasons;
    if (cache.built() && cache.population().present(static_cast<int>(viewer_)) &&
        cache.population().present(static_cast<int>(partner))) {
      reasons = core::explain_pair(cache.scorer(), static_cast<int>(viewer_), static_cast<int>(partner));
    }
    it = reasons_.emplace(partner, std::move(reasons)).first;
  }
  return it->second;
}

}  // namespace crossmatch::client
