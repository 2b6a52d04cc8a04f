// The pair score: a weighted sum of named components, each in [0, 1], and the rules that keep a
// pair out of suggestions altogether. Hot paths are inline: a score costs tens of nanoseconds.
#pragma once

#include <array>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "core/matching/matching_settings.hpp"
#include "core/matching/population.hpp"

namespace crossmatch::core {

// The components, in the order of ScoreWeights. To add one: a value here, its weight in
// ScoreWeights, its value in PairScorer::breakdown and score, and its phrase in pair_reasons.cpp.
enum class ScoreComponent : std::uint8_t {
  Sector,
  WorkingStyle,
  International,
  OffersSeeks,
  MarketBridge,
  ParticipantTypes,
  // Not a weighted component: the reason given when one tapped "interested" during the other's
  // pitch, a rule that lifts the pair in suggestions (suggestions.hpp).
  PitchInterest,
};
inline constexpr int kScoreComponents = 6;        // the weighted ones, PitchInterest excluded
const char* to_string(ScoreComponent component);  // "sector", "working_style", ...

// How two sectors relate, from best to worst for a cross-innovation pair.
enum class SectorRelation : std::uint8_t {
  StudyMatch,          // creative with growth, in the study's row for the creative one's city
  StudyPairing,        // creative with growth, paired in the study's row of another city
  CreativeWithGrowth,  // creative with growth, not in the study's table
  Neighbouring,        // two different creative sectors, or two different growth sectors
  SameSector,
  Unknown,  // a sector the taxonomy does not know
};

// The component's value for each relation (documented in docs/matching.md).
inline constexpr double sector_value(SectorRelation relation) {
  switch (relation) {
    case SectorRelation::StudyMatch:
      return 1.0;
    case SectorRelation::StudyPairing:
      return 0.8;
    case SectorRelation::CreativeWithGrowth:
      return 0.6;
    case SectorRelation::Neighbouring:
      return 0.25;
    case SectorRelation::SameSector:
      return 0.0;
    case SectorRelation::Unknown:
      return 0.25;
  }
  return 0.0;
}

// How useful a meeting of two participant types is (documented in docs/matching.md): a company
// with a policy maker or a broker is the pairing the events exist for; two companies are the
// ordinary case, left to the other components; two of the same non-company type the least.
inline constexpr double participant_type_value(ParticipantType a, ParticipantType b) {
  using T = ParticipantType;
  if (a == b) return a == T::Company ? 0.4 : 0.2;
  if (a != T::Company && b != T::Company) return 0.6;  // policy, brokers and research together
  const T other = a == T::Company ? b : a;
  return other == T::Researcher ? 0.8 : 1.0;
}

// Bits set in a word, without a library call when the target lacks a popcount instruction.
inline int count_bits(std::uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
}

// 1 - 0.4^k: one match 0.6, two 0.84, three 0.94.
inline double saturating(int matches) {
  static constexpr std::array<double, 8> kTable = {0.0,     0.6,     0.84,     0.936,
                                                   0.97440, 0.98976, 0.995904, 0.9983616};
  return matches < static_cast<int>(kTable.size()) ? kTable[matches] : 1.0;
}

struct ScoreBreakdown {
  std::array<double, kScoreComponents> values{};         // each in [0, 1]
  std::array<double, kScoreComponents> contributions{};  // weight share times value
  double score = 0;                                      // the sum of contributions, in [0, 1]
  SectorRelation sector_relation = SectorRelation::Unknown;

  double value(ScoreComponent c) const { return values[static_cast<int>(c)]; }
  double contribution(ScoreComponent c) const { return contributions[static_cast<int>(c)]; }
};

// Scores pairs of one population under one set of weights. Cheap to construct; keeps references.
class PairScorer {
 public:
  PairScorer(const Population& population, const ScoreWeights& weights);

  const Population& population() const { return *p_; }
  // Each component's share of the score: its weight divided by the sum of the weights.
  const std::array<double, kScoreComponents>& shares() const { return shares_; }

  // False when the pair must never be suggested: not two present participants, no common
  // language, the same organisation, or a declined request between them.
  bool allowed(int a, int b) const {
    if (a == b || !p_->present(a) || !p_->present(b)) return false;
    const MemberRecord& ra = p_->record(a);
    const MemberRecord& rb = p_->record(b);
    if (ra.organisation >= 0 && ra.organisation == rb.organisation) return false;
    if (!common_language(a, b)) return false;
    return !p_->declined(a, b);
  }

  // The score in [0, 1], whether or not the pair is allowed.
  double score(int a, int b) const {
    const MemberRecord& ra = p_->record(a);
    const MemberRecord& rb = p_->record(b);
    double s = shares_[0] * sector_value(relation(ra, rb));
    s += shares_[1] * style(a, b);
    s += shares_[2] * international(ra, rb);
    s += shares_[3] * saturating(tag_matches(a, b));
    s += shares_[4] * saturating(market_bridges(a, b));
    s += shares_[5] * participant_type_value(ra.type, rb.type);
    return s;
  }

  // For teams: the score of an allowed pair, 0 otherwise.
  double value(int a, int b) const { return allowed(a, b) ? score(a, b) : 0.0; }

  ScoreBreakdown breakdown(int a, int b) const;

  // The parts, exposed for reasons and tests.
  SectorRelation relation(const MemberRecord& a, const MemberRecord& b) const {
    const SectorRelation base = base_[static_cast<std::size_t>(a.sector + 1) * stride_ +
                                      static_cast<std::size_t>(b.sector + 1)];
    if (base != SectorRelation::StudyPairing) return base;
    const MemberRecord& creative = a.sector_class == SectorClass::Creative ? a : b;
    const MemberRecord& growth = a.sector_class == SectorClass::Creative ? b : a;
    const bool home = growth.sector < 64 ? ((creative.home_study_sectors >> growth.sector) & 1) != 0
                                         : p_->taxonomy().study_matches(
                                               creative.city, creative.sector, growth.sector);
    return home ? SectorRelation::StudyMatch : SectorRelation::StudyPairing;
  }
  // 1 - (mean absolute difference of the answers both gave) / 4; 0.5 when none to compare.
  double style(int a, int b) const {
    const std::uint64_t x = p_->record(a).packed_answers;
    const std::uint64_t y = p_->record(b).packed_answers;
    if (x != 0 && y != 0) {
      // Byte-wise |x - y| (answers are 1..5): 128 + x - y per byte never borrows.
      constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
      const std::uint64_t xy = (x | kHigh) - y;
      const std::uint64_t yx = (y | kHigh) - x;
      const std::uint64_t x_ge = ((xy & kHigh) >> 7) * 0xff;
      const std::uint64_t diff = ((xy & ~kHigh) & x_ge) | ((yx & ~kHigh) & ~x_ge);
      const auto distance = static_cast<int>((diff * 0x0101010101010101ULL) >> 56);
      return 1.0 - distance * style_scale_;
    }
    const std::int8_t* xa = p_->answers(a);
    const std::int8_t* ya = p_->answers(b);
    int distance = 0, known = 0;
    for (int q = 0; q < p_->questions(); ++q) {
      const bool both = xa[q] != 0 && ya[q] != 0;
      distance += both ? std::abs(xa[q] - ya[q]) : 0;
      known += both;
    }
    return known == 0 ? 0.5 : 1.0 - static_cast<double>(distance) / (4.0 * known);
  }
  // Same city 0, same country 0.5, another country 1; 0.5 when a location is unknown.
  static double international(const MemberRecord& a, const MemberRecord& b) {
    if (a.country < 0 || b.country < 0) return 0.5;
    if (a.country != b.country) return 1.0;
    return (a.city >= 0 && a.city == b.city) ? 0.0 : 0.5;
  }
  // What one offers that the other seeks, counted both ways.
  int tag_matches(int a, int b) const {
    const MemberRecord& ra = p_->record(a);
    const MemberRecord& rb = p_->record(b);
    int k = 0;
    if ((ra.offer_signature & rb.seek_signature) != 0) {
      k += ra.offer_count <= kInlineTags && rb.seek_count <= kInlineTags
               ? overlap_inline(ra.offer_tags, rb.seek_tags)
               : overlap(p_->offers(a), p_->seeks(b));
    }
    if ((rb.offer_signature & ra.seek_signature) != 0) {
      k += rb.offer_count <= kInlineTags && ra.seek_count <= kInlineTags
               ? overlap_inline(rb.offer_tags, ra.seek_tags)
               : overlap(p_->offers(b), p_->seeks(a));
    }
    return k;
  }
  // Markets one targets where the other has ties (known markets or home country), both ways.
  int market_bridges(int a, int b) const {
    const std::uint64_t* ta = p_->targets(a);
    const std::uint64_t* tb = p_->targets(b);
    const std::uint64_t* ka = p_->ties(a);
    const std::uint64_t* kb = p_->ties(b);
    int k = 0;
    for (int w = 0; w < p_->country_words(); ++w) {
      const std::uint64_t x = ta[w] & kb[w];
      const std::uint64_t y = tb[w] & ka[w];
      if ((x | y) != 0) k += count_bits(x) + count_bits(y);
    }
    return k;
  }
  bool common_language(int a, int b) const {
    const std::uint64_t* la = p_->languages(a);
    const std::uint64_t* lb = p_->languages(b);
    std::uint64_t any = 0;
    for (int w = 0; w < p_->language_words(); ++w) any |= la[w] & lb[w];
    return any != 0;
  }

 private:
  // Offer pads are -1 and seek pads -2, so pads never match; ids are unique within a list.
  static int overlap_inline(const std::array<std::int32_t, kInlineTags>& x,
                            const std::array<std::int32_t, kInlineTags>& y) {
    int k = 0;
    for (int i = 0; i < kInlineTags; ++i) {
      for (int j = 0; j < kInlineTags; ++j) k += x[i] == y[j];
    }
    return k;
  }
  static int overlap(const std::vector<int>& x, const std::vector<int>& y) {
    int k = 0;
    auto i = x.begin();
    auto j = y.begin();
    while (i != x.end() && j != y.end()) {
      if (*i < *j) {
        ++i;
      } else if (*j < *i) {
        ++j;
      } else {
        ++k, ++i, ++j;
      }
    }
    return k;
  }

  const Population* p_;
  std::array<double, kScoreComponents> shares_{};
  double style_scale_ = 0;  // 1 / (4 * questions)
  // The relation of two sectors (index + 1, 0 for unknown), except that creative-with-growth
  // pairs the study has anywhere are StudyPairing here and checked for the home city after.
  std::size_t stride_ = 1;
  std::vector<SectorRelation> base_;
};

}  // namespace crossmatch::core
