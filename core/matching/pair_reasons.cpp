#include "core/matching/pair_reasons.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

namespace crossmatch::core {
namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

std::string sector_name(const Population& p, int sector) {
  return name_in_sentence(p.taxonomy().sectors()[sector].name);
}

std::string city_name(const Population& p, int city) {
  return p.taxonomy().cities()[city].name;
}

std::string country_name(const Population& p, int country) {
  return p.taxonomy().countries()[country].name;
}

std::string sector_phrase(const PairScorer& scorer, SectorRelation relation, int a, int b) {
  const Population& p = scorer.population();
  const MemberRecord& ra = p.record(a);
  const MemberRecord& rb = p.record(b);
  const bool a_creative = ra.sector_class == SectorClass::Creative;
  const MemberRecord& creative = a_creative ? ra : rb;
  const MemberRecord& growth = a_creative ? rb : ra;
  const std::string c = sector_name(p, creative.sector);
  const std::string g = sector_name(p, growth.sector);
  switch (relation) {
    case SectorRelation::StudyMatch: {
      const std::string city = city_name(p, creative.city);
      return c + " (" + city + ") with " + g + ", which " + city + "'s profile calls for";
    }
    case SectorRelation::StudyPairing:
      return c + " with " + g + ", which the study pairs in " +
             city_name(p, p.study_city(creative.sector, growth.sector));
    case SectorRelation::CreativeWithGrowth:
      return "cross-sector: " + c + " with " + g;
    case SectorRelation::Neighbouring:
      return "neighbouring sectors: " + sector_name(p, ra.sector) + " and " +
             sector_name(p, rb.sector);
    case SectorRelation::SameSector:
      return "the same sector: " + sector_name(p, ra.sector);
    case SectorRelation::Unknown:
      return "sectors to explore together";
  }
  return {};
}

std::string style_phrase(const Population& p, int a, int b) {
  const auto traits = shared_traits(p, {a, b}, 2);
  if (traits.empty()) return "similar answers on how you work";
  return "same way of working: " + list_words(traits);
}

std::string international_phrase(const Population& p, int other) {
  const MemberRecord& r = p.record(other);
  if (r.country < 0) return "from elsewhere";
  const std::string country = country_name(p, r.country);
  if (r.city < 0) return "from " + country;
  return "from " + city_name(p, r.city) + ", " + country;
}

std::string offers_phrase(const Population& p, int viewer, int other) {
  const auto common = [](const std::vector<int>& x, const std::vector<int>& y) {
    std::vector<int> out;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out));
    return out;
  };
  const auto names = [&p](const std::vector<int>& tags) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < tags.size() && i < 2; ++i) out.push_back(p.tag_name(tags[i]));
    return list_words(out);
  };
  const auto gives = common(p.offers(other), p.seeks(viewer));
  const auto takes = common(p.seeks(other), p.offers(viewer));
  std::string out;
  if (!gives.empty()) out = "offers " + names(gives) + ", which you seek";
  if (!takes.empty()) {
    if (!out.empty()) out += ", and ";
    out += "seeks " + names(takes) + ", which you offer";
  }
  return out;
}

int first_bit(const std::uint64_t* a, const std::uint64_t* b, int words, int prefer) {
  if (prefer >= 0 && ((a[prefer / 64] & b[prefer / 64]) >> (prefer % 64) & 1) != 0) return prefer;
  for (int w = 0; w < words; ++w) {
    const std::uint64_t x = a[w] & b[w];
    if (x != 0) return w * 64 + std::countr_zero(x);
  }
  return -1;
}

std::string market_phrase(const Population& p, int viewer, int other) {
  const int words = p.country_words();
  const int home = p.record(other).country;
  const int there = first_bit(p.targets(viewer), p.ties(other), words, home);
  std::string out;
  if (there >= 0) {
    out =
        (there == home ? "based in " : "knows ") + country_name(p, there) + ", a market you target";
  }
  const int back = first_bit(p.targets(other), p.ties(viewer), words, p.record(viewer).country);
  if (back >= 0) {
    if (!out.empty()) out += "; ";
    out += "targets " + country_name(p, back) + ", where you have ties";
  }
  return out;
}

// "a policy maker, useful to you as a company": both types named, the other's first.
std::string type_phrase(const Population& p, int viewer, int other) {
  // Every label starts with a consonant: "a company", "a broker or intermediary".
  const auto article = [](ParticipantType t) { return "a " + lower_label(t); };
  return article(p.record(other).type) + ", useful to you as " + article(p.record(viewer).type);
}

}  // namespace

std::string list_words(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

std::string lower_label(ParticipantType type) {
  std::string out = label(type);
  if (!out.empty() && is_upper(out[0])) out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

std::string name_in_sentence(const std::string& name) {
  std::string out = name;
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t end = start;
    while (end < out.size() && out[end] != ' ' && out[end] != '/') ++end;
    bool later_upper = false;
    for (std::size_t i = start + 1; i < end; ++i) later_upper = later_upper || is_upper(out[i]);
    if (end > start && is_upper(out[start]) && !later_upper)
      out[start] = static_cast<char>(out[start] - 'A' + 'a');
    start = end + 1;
  }
  return out;
}

std::vector<std::string> shared_traits(const Population& population,
                                       const std::vector<int>& participants, int max_traits) {
  struct Shared {
    int strength;
    int question;
    bool high;
  };
  std::vector<Shared> found;
  if (participants.size() < 2) return {};
  for (int q = 0; q < population.questions(); ++q) {
    int low = 0, high = 0, strength = 0;
    for (const int i : participants) {
      const int a = population.answers(i)[q];
      if (a == 0) break;
      low += a <= 2;
      high += a >= 4;
      strength += a <= 2 ? 3 - a : a >= 4 ? a - 3 : 0;
    }
    const int n = static_cast<int>(participants.size());
    if (low == n || high == n) found.push_back({strength, q, high == n});
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Shared& x, const Shared& y) { return x.strength > y.strength; });
  std::vector<std::string> out;
  for (const Shared& s : found) {
    if (static_cast<int>(out.size()) >= max_traits) break;
    const Question& question = population.taxonomy().questions()[s.question];
    out.push_back(s.high ? question.high_trait : question.low_trait);
  }
  return out;
}

std::vector<Reason> explain_pair(const PairScorer& scorer, const ScoreBreakdown& breakdown,
                                 int viewer, int other, int max_reasons) {
  const Population& p = scorer.population();
  std::array<int, kScoreComponents> order;
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return breakdown.contributions[x] > breakdown.contributions[y];
  });
  std::vector<Reason> out;
  for (const int c : order) {
    if (static_cast<int>(out.size()) >= max_reasons) break;
    if (breakdown.values[c] < kReasonMinValue || breakdown.contributions[c] <= 0) continue;
    const auto component = static_cast<ScoreComponent>(c);
    std::string text;
    switch (component) {
      case ScoreComponent::Sector:
        text = sector_phrase(scorer, breakdown.sector_relation, viewer, other);
        break;
      case ScoreComponent::WorkingStyle:
        text = style_phrase(p, viewer, other);
        break;
      case ScoreComponent::International:
        text = international_phrase(p, other);
        break;
      case ScoreComponent::OffersSeeks:
        text = offers_phrase(p, viewer, other);
        break;
      case ScoreComponent::MarketBridge:
        text = market_phrase(p, viewer, other);
        break;
      case ScoreComponent::ParticipantTypes:
        text = type_phrase(p, viewer, other);
        break;
      case ScoreComponent::PitchInterest:
        break;  // not a weighted component; suggest_partners adds it
    }
    if (!text.empty()) out.push_back(Reason{component, breakdown.contributions[c], text});
  }
  return out;
}

std::vector<Reason> explain_pair(const PairScorer& scorer, int viewer, int other, int max_reasons) {
  return explain_pair(scorer, scorer.breakdown(viewer, other), viewer, other, max_reasons);
}

std::string join_reasons(const std::vector<Reason>& reasons) {
  std::string out;
  for (const Reason& r : reasons) {
    if (!out.empty()) out += "; ";
    out += r.text;
  }
  return out;
}

}  // namespace crossmatch::core
