// The organiser's matching settings: the weights of the pair-score components and team sizes.
#pragma once

namespace crossmatch::core {

// Weights of the named components of a pair score. They need not sum to 1: the score divides by
// their sum, so it stays in [0, 1]. Defaults are documented in docs/matching.md.
struct ScoreWeights {
  double sector = 0.30;             // sector complementarity (CCI with growth; the study's table)
  double working_style = 0.25;      // like-minded answers to the questionnaire
  double international = 0.15;      // a different city, more for a different country
  double offers_seeks = 0.20;       // what one offers the other seeks, either way
  double market_bridge = 0.10;      // one knows a market the other targets
  double participant_types = 0.10;  // a company with a policy maker, broker or researcher
  bool operator==(const ScoreWeights&) const = default;
};

struct MatchingSettings {
  ScoreWeights weights;
  int team_min = 3;  // team sizes, organiser settings
  int team_max = 5;
  // A team whose members all come from one country loses this much of its value (in pair-score
  // units: a team of five has ten pairs), so that teams span two or more countries when they can.
  double single_country_penalty = 0.5;
  // When teams are re-optimised after a change, each participant who leaves their current team
  // costs this much (in pair-score units), so that teams only change for a real gain.
  double stability_cost = 1.0;
  bool operator==(const MatchingSettings&) const = default;
};

// Limits an organiser's settings must stay inside.
inline constexpr double kMaxWeight = 10.0;
inline constexpr int kMinTeamSize = 2;
inline constexpr int kMaxTeamSize = 12;
inline constexpr double kMaxTeamPenalty = 10.0;  // single_country_penalty and stability_cost

}  // namespace crossmatch::core
