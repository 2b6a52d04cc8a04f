#include "core/matching/pair_score.hpp"

#include <algorithm>

namespace crossmatch::core {

const char* to_string(ScoreComponent component) {
  switch (component) {
    case ScoreComponent::Sector:
      return "sector";
    case ScoreComponent::WorkingStyle:
      return "working_style";
    case ScoreComponent::International:
      return "international";
    case ScoreComponent::OffersSeeks:
      return "offers_seeks";
    case ScoreComponent::MarketBridge:
      return "market_bridge";
    case ScoreComponent::ParticipantTypes:
      return "participant_types";
    case ScoreComponent::PitchInterest:
      return "pitch_interest";
  }
  return "sector";
}

PairScorer::PairScorer(const Population& population, const ScoreWeights& weights)
    : p_(&population) {
  const std::array<double, kScoreComponents> w = {weights.sector,        weights.working_style,
                                                  weights.international, weights.offers_seeks,
                                                  weights.market_bridge, weights.participant_types};
  double sum = 0;
  for (const double x : w) sum += std::max(0.0, x);
  for (int c = 0; c < kScoreComponents; ++c) shares_[c] = sum > 0 ? std::max(0.0, w[c]) / sum : 0;
  style_scale_ = population.questions() > 0 ? 1.0 / (4.0 * population.questions()) : 0;

  const Taxonomy& t = population.taxonomy();
  const int sectors = static_cast<int>(t.sectors().size());
  stride_ = static_cast<std::size_t>(sectors) + 1;
  base_.assign(stride_ * stride_, SectorRelation::Unknown);
  for (int a = 0; a < sectors; ++a) {
    for (int b = 0; b < sectors; ++b) {
      SectorRelation r;
      const SectorKind ka = t.sectors()[a].kind;
      const SectorKind kb = t.sectors()[b].kind;
      if (a == b) {
        r = SectorRelation::SameSector;
      } else if (ka == kb) {
        r = SectorRelation::Neighbouring;
      } else {
        const int creative = ka == SectorKind::Creative ? a : b;
        const int growth = ka == SectorKind::Creative ? b : a;
        r = population.study_city(creative, growth) >= 0 ? SectorRelation::StudyPairing
                                                         : SectorRelation::CreativeWithGrowth;
      }
      base_[static_cast<std::size_t>(a + 1) * stride_ + static_cast<std::size_t>(b + 1)] = r;
    }
  }
}

ScoreBreakdown PairScorer::breakdown(int a, int b) const {
  ScoreBreakdown out;
  const MemberRecord& ra = p_->record(a);
  const MemberRecord& rb = p_->record(b);
  out.sector_relation = relation(ra, rb);
  out.values = {sector_value(out.sector_relation),
                style(a, b),
                international(ra, rb),
                saturating(tag_matches(a, b)),
                saturating(market_bridges(a, b)),
                participant_type_value(ra.type, rb.type)};
  // Summed in the same order as score(), so both give the same double.
  double s = 0;
  for (int c = 0; c < kScoreComponents; ++c) {
    out.contributions[c] = shares_[c] * out.values[c];
    s += out.contributions[c];
  }
  out.score = s;
  return out;
}

}  // namespace crossmatch::core
