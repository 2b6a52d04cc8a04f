// Why two participants should meet: short readable phrases built from the score components that
// weighed most, in the questionnaire's trait words and the taxonomy's names.
#pragma once

#include <string>
#include <vector>

#include "core/matching/pair_score.hpp"

namespace crossmatch::core {

struct Reason {
  ScoreComponent component = ScoreComponent::Sector;
  double contribution = 0;  // this component's part of the score
  std::string text;         // "knows Sweden, a market you target"
};

// A component is named as a reason only when its value is at least this.
inline constexpr double kReasonMinValue = 0.5;
inline constexpr int kDefaultReasons = 3;

// The reasons `other` suits `viewer`, phrased for the viewer: the components whose value is at
// least kReasonMinValue, largest contribution first (ties in component order), at most
// `max_reasons`. Empty when nothing stands out.
std::vector<Reason> explain_pair(const PairScorer& scorer, const ScoreBreakdown& breakdown,
                                 int viewer, int other, int max_reasons = kDefaultReasons);
std::vector<Reason> explain_pair(const PairScorer& scorer, int viewer, int other,
                                 int max_reasons = kDefaultReasons);

// "a; b; c"
std::string join_reasons(const std::vector<Reason>& reasons);

// Phrase parts shared with team reasons.
// "a", "a and b", "a, b and c"
std::string list_words(const std::vector<std::string>& words);
// A sector's name as it reads inside a sentence, in the current language: "architecture".
std::string sector_in_sentence(const std::string& name);
// A taxonomy name as it reads inside an English sentence: "Architecture" -> "architecture", "ICT"
// stays.
std::string name_in_sentence(const std::string& name);
// A participant type as it reads inside a sentence: "policy maker", "broker or intermediary".
std::string lower_label(ParticipantType type);
// The working-style traits two or more participants share, strongest first: a question counts
// when every one of them answered on the same side of the middle (both 4-5, or both 1-2).
std::vector<std::string> shared_traits(const Population& population,
                                       const std::vector<int>& participants, int max_traits);

}  // namespace crossmatch::core
