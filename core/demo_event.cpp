#include "core/demo_event.hpp"

#include <algorithm>
#include <set>

#include "core/random.hpp"
#include "core/text.hpp"

namespace crossmatch::core {
namespace {

// Lower-case ASCII for e-mail addresses: common Latin letters lose their accents, the rest go.
std::string ascii_fold(std::string_view text) {
  static const std::map<std::string, char, std::less<>> kFolds = {
      {"á", 'a'}, {"à", 'a'}, {"â", 'a'}, {"ã", 'a'}, {"ä", 'a'}, {"ą", 'a'}, {"å", 'a'},
      {"ç", 'c'}, {"č", 'c'}, {"ć", 'c'}, {"ď", 'd'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'},
      {"ë", 'e'}, {"ě", 'e'}, {"ę", 'e'}, {"ė", 'e'}, {"í", 'i'}, {"ì", 'i'}, {"î", 'i'},
      {"ï", 'i'}, {"į", 'i'}, {"ł", 'l'}, {"ñ", 'n'}, {"ń", 'n'}, {"ň", 'n'}, {"ó", 'o'},
      {"ò", 'o'}, {"ô", 'o'}, {"õ", 'o'}, {"ö", 'o'}, {"ř", 'r'}, {"š", 's'}, {"ś", 's'},
      {"ť", 't'}, {"ú", 'u'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ů", 'u'}, {"ū", 'u'},
      {"ų", 'u'}, {"ý", 'y'}, {"ž", 'z'}, {"ź", 'z'}, {"ż", 'z'}, {"Č", 'c'}, {"Š", 's'},
      {"Ž", 'z'}, {"Ł", 'l'}, {"Ś", 's'}, {"Ż", 'z'}, {"Ö", 'o'}, {"Ä", 'a'}, {"Ü", 'u'}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      ++i;
      continue;
    }
    const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    const auto it = kFolds.find(text.substr(i, len));
    if (it != kFolds.end()) out += it->second;
    i += len;
  }
  return out;
}

template <class T>
const T& pick(Rng& rng, const std::vector<T>& items) {
  return items[rng.below(items.size())];
}

// k distinct items of `pool` (fewer when the pool is smaller), in the pool's order of drawing.
std::vector<std::string> pick_distinct(Rng& rng, const std::vector<std::string>& pool,
                                       std::size_t k, const std::set<std::string>& exclude = {}) {
  std::vector<std::string> candidates;
  for (const auto& item : pool) {
    if (!exclude.count(item)) candidates.push_back(item);
  }
  rng.shuffle(candidates);
  if (candidates.size() > k) candidates.resize(k);
  return candidates;
}

// Who else comes to a cross-innovation event besides companies, and what their organisations
// and jobs are called. "{city}" and "{country}" are filled in.
struct OtherType {
  ParticipantType type;
  double share;  // of all participants
  std::vector<std::string> organisations;
  std::vector<std::string> job_titles;
};

const std::vector<OtherType>& other_types() {
  static const std::vector<OtherType> kTypes = {
      {ParticipantType::PolicyMaker,
       0.09,
       {"{city} City Council", "{country} Ministry of Economy", "{country} Ministry of Culture",
        "{city} Regional Development Office", "{city} Department of Economic Affairs"},
       {"Policy Officer", "Head of Economic Development", "Councillor for Innovation",
        "Programme Manager, Creative Economy"}},
      {ParticipantType::Intermediary,
       0.08,
       {"{city} Creative Cluster", "{city} Innovation Agency", "{city} Chamber of Commerce",
        "Enterprise Europe Network {city}", "{city} Design Centre"},
       {"Cluster Manager", "Innovation Broker", "Business Adviser",
        "Internationalisation Adviser"}},
      {ParticipantType::Researcher,
       0.07,
       {"University of {city}", "{city} Institute of Technology",
        "{city} School of Arts and Design", "{country} Research Centre for Creative Industries"},
       {"Researcher", "Professor", "Lecturer", "Technology Transfer Officer"}},
  };
  return kTypes;
}

std::string fill(std::string text, const std::string& city, const std::string& country) {
  for (const auto& [key, value] :
       {std::pair<std::string, std::string>{"{city}", city}, {"{country}", country}}) {
    const auto at = text.find(key);
    if (at != std::string::npos) text.replace(at, key.size(), value);
  }
  return text;
}

}  // namespace

Result<DemoVocabulary> DemoVocabulary::parse(const DemoSources& sources, const Taxonomy& taxonomy) {
  DemoVocabulary v;
  auto names = read_tsv(sources.names, 4);
  if (!names) return names.error();
  for (const TsvRow& row : *names) {
    const std::string code(row.fields[0]);
    if (code != "*" && taxonomy.country(code) == nullptr)
      return asset_error(sources.names, row.line, code, "unknown country");
    Country c{split_list(row.fields[1]), split_list(row.fields[2]), split_list(row.fields[3])};
    if (c.languages.empty() || c.given_names.empty() || c.family_names.empty())
      return asset_error(sources.names, row.line, code, "languages and both name lists are needed");
    for (const auto& language : c.languages) {
      if (taxonomy.language(language) == nullptr)
        return asset_error(sources.names, row.line, code, "unknown language '" + language + "'");
    }
    v.countries[code] = std::move(c);
  }
  if (!v.countries.count("*"))
    return asset_error(sources.names, 0, "", "the default row '*' is missing");

  auto sectors = read_tsv(sources.sectors, 4);
  if (!sectors) return sectors.error();
  for (const TsvRow& row : *sectors) {
    const std::string id(row.fields[0]);
    if (taxonomy.sector(id) == nullptr)
      return asset_error(sources.sectors, row.line, id, "unknown sector");
    SectorWords words{split_list(row.fields[1]), split_list(row.fields[2]),
                      split_list(row.fields[3])};
    if (words.organisation_words.empty() || words.offers.empty() || words.seeks.empty())
      return asset_error(sources.sectors, row.line, id, "every list needs at least one entry");
    for (const auto* list : {&words.offers, &words.seeks}) {
      for (const auto& tag : *list) {
        if (tag.size() > kMaxTagLength)
          return asset_error(sources.sectors, row.line, id, "tag '" + tag + "' is too long");
      }
    }
    v.sectors[id] = std::move(words);
  }
  for (const Sector& sector : taxonomy.sectors()) {
    if (!v.sectors.count(sector.id))
      return asset_error(sources.sectors, 0, sector.id, "the sector has no row");
  }

  auto prefixes = read_tsv(sources.organisations, 1);
  if (!prefixes) return prefixes.error();
  for (const TsvRow& row : *prefixes) v.organisation_prefixes.emplace_back(row.fields[0]);

  auto titles = read_tsv(sources.job_titles, 1);
  if (!titles) return titles.error();
  for (const TsvRow& row : *titles) v.job_titles.emplace_back(row.fields[0]);

  auto styles = read_tsv(sources.working_styles, 2);
  if (!styles) return styles.error();
  for (const TsvRow& row : *styles) {
    StyleCluster cluster{std::string(row.fields[0]), {}};
    for (const auto& answer : split_list(row.fields[1])) {
      if (answer.size() != 1 || answer[0] < '1' || answer[0] > '5')
        return asset_error(sources.working_styles, row.line, cluster.name,
                           "answers are 1 to 5, not '" + answer + "'");
      cluster.answers.push_back(answer[0] - '0');
    }
    if (cluster.answers.size() != taxonomy.questions().size())
      return asset_error(
          sources.working_styles, row.line, cluster.name,
          "expected " + std::to_string(taxonomy.questions().size()) + " answers, one per question");
    v.style_clusters.push_back(std::move(cluster));
  }
  return v;
}

Result<std::vector<DemoParticipant>> generate_demo_participants(const Taxonomy& taxonomy,
                                                                const DemoVocabulary& vocabulary,
                                                                const DemoOptions& options) {
  if (options.participants < 1 || options.participants > kMaxDemoParticipants)
    return make_error("out_of_range", "participants",
                      "A demo event has 1 to " + std::to_string(kMaxDemoParticipants) +
                          " participants, not " + std::to_string(options.participants) + ".");
  Rng rng(options.seed);
  // Types come from a stream of their own, so that the rest of each profile stays what the same
  // seed always gave.
  Rng type_rng(options.seed ^ 0x5bd1e9955bd1e995ULL);

  std::vector<int> partner_cities, other_cities;
  for (std::size_t i = 0; i < taxonomy.cities().size(); ++i) {
    (taxonomy.cities()[i].is_partner() ? partner_cities : other_cities)
        .push_back(static_cast<int>(i));
  }
  std::vector<std::string> creative_sectors, growth_sectors;
  for (const Sector& s : taxonomy.sectors()) {
    (s.kind == SectorKind::Creative ? creative_sectors : growth_sectors).push_back(s.id);
  }
  std::vector<std::string> partner_countries;
  for (int c : partner_cities) partner_countries.push_back(taxonomy.cities()[c].country);
  const std::vector<std::string> far_markets = {"US", "CN", "JP", "KR", "BR", "IN",
                                                "AE", "CA", "SG", "AU", "ZA", "MX"};
  const std::vector<std::string> extra_languages = {"de", "fr", "es", "it", "ru", "pl", "sv"};

  struct Organisation {
    std::string name;
    std::string domain;
    int city;
    std::string sector;
    ParticipantType type;
  };
  std::vector<Organisation> organisations;
  std::set<std::string> emails;
  std::vector<DemoParticipant> out;
  out.reserve(static_cast<std::size_t>(options.participants));

  for (int n = 0; n < options.participants; ++n) {
    DemoParticipant dp;
    Profile& p = dp.profile;

    // A second representative of an existing organisation now and then.
    const Organisation* shared = nullptr;
    if (!organisations.empty() && rng.chance(0.08)) shared = &pick(rng, organisations);
    // Drawn for everyone, so the type stream advances the same way whatever else happens.
    const double type_roll = type_rng.unit();
    const std::size_t org_template = type_rng.below(1000);
    const std::size_t title_template = type_rng.below(1000);
    const OtherType* other = nullptr;
    double below = 0;
    for (const OtherType& t : other_types()) {
      below += t.share;
      if (type_roll < below) {
        other = &t;
        break;
      }
    }

    int city;
    if (shared != nullptr) {
      city = shared->city;
      p.sector = shared->sector;
    } else {
      city = rng.chance(0.8) ? pick(rng, partner_cities) : pick(rng, other_cities);
      const City& c = taxonomy.cities()[city];
      const bool creative = rng.chance(0.5);
      if (c.is_partner()) {
        // Sectors follow the city's profile in the study, with some from outside it.
        const auto& list = creative ? c.creative_sectors : c.matching_sectors;
        p.sector = rng.chance(0.85) ? taxonomy.sectors()[pick(rng, list)].id
                                    : pick(rng, creative ? creative_sectors : growth_sectors);
      } else {
        p.sector = pick(rng, creative ? creative_sectors : growth_sectors);
      }
    }
    const City& c = taxonomy.cities()[city];
    p.city = c.id;
    p.country = c.country;
    const auto country_it = vocabulary.countries.find(c.country);
    const DemoVocabulary::Country& people = country_it != vocabulary.countries.end()
                                                ? country_it->second
                                                : vocabulary.countries.find("*")->second;

    const std::string given = pick(rng, people.given_names);
    const std::string family = pick(rng, people.family_names);
    p.display_name = given + " " + family;
    p.job_title = pick(rng, vocabulary.job_titles);
    if (shared != nullptr) {
      p.type = shared->type;
      if (p.type != ParticipantType::Company) {
        for (const OtherType& t : other_types()) {
          if (t.type == p.type) p.job_title = t.job_titles[title_template % t.job_titles.size()];
        }
      }
    } else if (other != nullptr) {
      p.type = other->type;
      p.job_title = other->job_titles[title_template % other->job_titles.size()];
    }

    const DemoVocabulary::SectorWords& words = vocabulary.sectors.find(p.sector)->second;
    if (shared != nullptr) {
      p.organisation = shared->name;
    } else {
      std::string name =
          pick(rng, vocabulary.organisation_prefixes) + " " + pick(rng, words.organisation_words);
      if (rng.chance(0.3)) name += " " + c.name;
      if (other != nullptr) {
        const Country* country = taxonomy.country(c.country);
        name = fill(other->organisations[org_template % other->organisations.size()], c.name,
                    country != nullptr ? country->name : c.country);
      }
      Organisation org{name, ascii_fold(name) + ".example", city, p.sector, p.type};
      organisations.push_back(std::move(org));
      shared = &organisations.back();
      p.organisation = name;
    }
    std::string local = ascii_fold(given) + "." + ascii_fold(family);
    std::string email = local + "@" + shared->domain;
    for (int k = 2; emails.count(email); ++k)
      email = local + std::to_string(k) + "@" + shared->domain;
    emails.insert(email);
    p.email = email;

    const bool creative = taxonomy.sector(p.sector)->kind == SectorKind::Creative;
    const int size_roll = rng.between(0, 99);
    if (creative) {
      p.size = size_roll < 35   ? CompanySize::Solo
               : size_roll < 85 ? CompanySize::Micro
               : size_roll < 97 ? CompanySize::Small
                                : CompanySize::Medium;
    } else {
      p.size = size_roll < 5    ? CompanySize::Solo
               : size_roll < 40 ? CompanySize::Micro
               : size_roll < 75 ? CompanySize::Small
               : size_roll < 93 ? CompanySize::Medium
                                : CompanySize::Large;
    }

    p.offers = pick_distinct(rng, words.offers, static_cast<std::size_t>(rng.between(2, 4)));
    p.seeks = pick_distinct(rng, words.seeks, static_cast<std::size_t>(rng.between(2, 4)));

    p.languages = people.languages;
    if (std::find(p.languages.begin(), p.languages.end(), "en") == p.languages.end() &&
        rng.chance(0.9))
      p.languages.push_back("en");
    if (rng.chance(0.3)) {
      const std::string& extra = pick(rng, extra_languages);
      if (std::find(p.languages.begin(), p.languages.end(), extra) == p.languages.end())
        p.languages.push_back(extra);
    }

    const std::set<std::string> home = {p.country};
    p.target_markets =
        pick_distinct(rng, partner_countries, static_cast<std::size_t>(rng.between(1, 3)), home);
    if (rng.chance(0.25)) {
      const std::string& far = pick(rng, far_markets);
      if (far != p.country && std::find(p.target_markets.begin(), p.target_markets.end(), far) ==
                                  p.target_markets.end())
        p.target_markets.push_back(far);
    }
    std::set<std::string> not_known = home;
    not_known.insert(p.target_markets.begin(), p.target_markets.end());
    p.known_markets = pick_distinct(rng, partner_countries,
                                    static_cast<std::size_t>(rng.between(0, 2)), not_known);
    if (rng.chance(0.2)) {
      const std::string& far = pick(rng, far_markets);
      if (!not_known.count(far) &&
          std::find(p.known_markets.begin(), p.known_markets.end(), far) == p.known_markets.end())
        p.known_markets.push_back(far);
    }

    // Working style: near the cluster's typical answers. Creative people lean to the faster,
    // more informal clusters, but every cluster spans both kinds of sector.
    const int clusters = static_cast<int>(vocabulary.style_clusters.size());
    int cluster = static_cast<int>(rng.below(static_cast<std::uint64_t>(clusters)));
    if (clusters > 1 && rng.chance(0.25)) cluster = creative ? 0 : 1;
    dp.style_cluster = cluster;
    for (const int typical : vocabulary.style_clusters[cluster].answers) {
      const double roll = rng.unit();
      const int shift = roll < 0.6    ? 0
                        : roll < 0.8  ? 1
                        : roll < 0.96 ? -1
                                      : (rng.chance(0.5) ? 2 : -2);
      p.answers.push_back(std::clamp(typical + shift, kAnswerMin, kAnswerMax));
    }

    p.consent.suggestions = rng.chance(0.95);
    p.consent.share_contact = rng.chance(0.7);
    out.push_back(std::move(dp));
  }
  return out;
}

}  // namespace crossmatch::core
