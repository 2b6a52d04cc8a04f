#include "core/matching/pair_reasons.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

#include "core/i18n/translation.hpp"

namespace crossmatch::core {
namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

std::string sector_name(const Population& p, int sector) {
  return sector_in_sentence(p.taxonomy().sectors()[sector].name);
}

std::string city_name(const Population& p, int city) {
  return tr_ctx("city", p.taxonomy().cities()[city].name.c_str());
}

std::string country_name(const Population& p, int country) {
  return tr_iso(IsoNames::Countries, p.taxonomy().countries()[country].name.c_str());
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
      // TRANSLATORS: a match reason: "architecture (Rome) with tourism, which Rome's profile
      // calls for": the creative sector, its city, the other sector, the city again
      return format_text(tr("%s (%s) with %s, which %s's profile calls for"), c.c_str(),
                         city.c_str(), g.c_str(), city.c_str());
    }
    case SectorRelation::StudyPairing:
      // TRANSLATORS: a match reason: "games with health, which the study pairs in Linz"
      return format_text(tr("%s with %s, which the study pairs in %s"), c.c_str(), g.c_str(),
                         city_name(p, p.study_city(creative.sector, growth.sector)).c_str());
    case SectorRelation::CreativeWithGrowth:
      // TRANSLATORS: a match reason: "cross-sector: design with manufacturing"
      return format_text(tr("cross-sector: %s with %s"), c.c_str(), g.c_str());
    case SectorRelation::Neighbouring:
      return format_text(tr("neighbouring sectors: %s and %s"), sector_name(p, ra.sector).c_str(),
                         sector_name(p, rb.sector).c_str());
    case SectorRelation::SameSector:
      return format_text(tr("the same sector: %s"), sector_name(p, ra.sector).c_str());
    case SectorRelation::Unknown:
      return tr("sectors to explore together");
  }
  return {};
}

std::string style_phrase(const Population& p, int a, int b) {
  const auto traits = shared_traits(p, {a, b}, 2);
  if (traits.empty()) return tr("similar answers on how you work");
  // TRANSLATORS: a match reason; %s lists working-style traits ("informal and fast-paced")
  return format_text(tr("same way of working: %s"), list_words(traits).c_str());
}

std::string international_phrase(const Population& p, int other) {
  const MemberRecord& r = p.record(other);
  if (r.country < 0) return tr("from elsewhere");
  const std::string country = country_name(p, r.country);
  if (r.city < 0) return format_text(tr("from %s"), country.c_str());
  // TRANSLATORS: a match reason: "from Tallinn, Estonia"
  return format_text(tr("from %s, %s"), city_name(p, r.city).c_str(), country.c_str());
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
  // TRANSLATORS: a match reason; %s lists what the other offers ("3D scanning and funding")
  if (takes.empty())
    return gives.empty() ? "" : format_text(tr("offers %s, which you seek"), names(gives).c_str());
  // TRANSLATORS: a match reason; %s lists what the other seeks
  if (gives.empty()) return format_text(tr("seeks %s, which you offer"), names(takes).c_str());
  // TRANSLATORS: a match reason: what the other offers that you seek, then what they seek that
  // you offer
  return format_text(tr("offers %s, which you seek, and seeks %s, which you offer"),
                     names(gives).c_str(), names(takes).c_str());
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
    const std::string country = country_name(p, there);
    // TRANSLATORS: a match reason: "based in Sweden, a market you target"
    out = there == home ? format_text(tr("based in %s, a market you target"), country.c_str())
                        // TRANSLATORS: a match reason: "knows Sweden, a market you target"
                        : format_text(tr("knows %s, a market you target"), country.c_str());
  }
  const int back = first_bit(p.targets(other), p.ties(viewer), words, p.record(viewer).country);
  if (back >= 0) {
    if (!out.empty()) out += "; ";
    // TRANSLATORS: a match reason: "targets Poland, where you have ties"
    out += format_text(tr("targets %s, where you have ties"), country_name(p, back).c_str());
  }
  return out;
}

// A participant type inside the sentence below, with its article in English; translators give
// each the form their grammar needs in its place.
const char* type_as_other(ParticipantType type) {
  switch (type) {
    case ParticipantType::Company:
      return tr_ctx("the other's type, in a match reason", "a company");
    case ParticipantType::PolicyMaker:
      return tr_ctx("the other's type, in a match reason", "a policy maker");
    case ParticipantType::Intermediary:
      return tr_ctx("the other's type, in a match reason", "a broker or intermediary");
    case ParticipantType::Researcher:
      return tr_ctx("the other's type, in a match reason", "a researcher or university");
  }
  return "";
}

const char* type_as_yours(ParticipantType type) {
  switch (type) {
    case ParticipantType::Company:
      return tr_ctx("your type, in a match reason", "a company");
    case ParticipantType::PolicyMaker:
      return tr_ctx("your type, in a match reason", "a policy maker");
    case ParticipantType::Intermediary:
      return tr_ctx("your type, in a match reason", "a broker or intermediary");
    case ParticipantType::Researcher:
      return tr_ctx("your type, in a match reason", "a researcher or university");
  }
  return "";
}

// "a policy maker, useful to you as a company": both types named, the other's first.
std::string type_phrase(const Population& p, int viewer, int other) {
  // TRANSLATORS: a match reason: "a policy maker, useful to you as a company"; both parts are
  // translated below, as "the other's type" and "your type"
  return format_text(tr("%s, useful to you as %s"), type_as_other(p.record(other).type),
                     type_as_yours(p.record(viewer).type));
}

}  // namespace

std::string list_words(const std::vector<std::string>& words) {
  if (words.empty()) return "";
  std::string out = words.front();
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    // TRANSLATORS: between the items of a list but the last two: "a, b and c"
    out = format_text(tr("%s, %s"), out.c_str(), words[i].c_str());
  }
  // TRANSLATORS: between the last two items of a list: "a, b and c"
  if (words.size() > 1) out = format_text(tr("%s and %s"), out.c_str(), words.back().c_str());
  return out;
}

std::string sector_in_sentence(const std::string& name) {
  const char* translated = tr_ctx("sector, inside a sentence", name.c_str());
  // A catalogue gives the form its language uses inside a sentence; English lowers the capital.
  return translated == name.c_str() ? name_in_sentence(name) : translated;
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
    const std::string& trait = s.high ? question.high_trait : question.low_trait;
    out.push_back(tr_ctx("working-style trait, in a match reason", trait.c_str()));
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
