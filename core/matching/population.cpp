#include "core/matching/population.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace crossmatch::core {
namespace {

int words_for(std::size_t bits) {
  return std::max(1, static_cast<int>((bits + 63) / 64));
}

void set_bit(std::uint64_t* words, int bit) {
  if (bit >= 0) words[bit / 64] |= std::uint64_t{1} << (bit % 64);
}

// Tags compare case-insensitively (ASCII) with runs of white space folded into one space.
std::string normalise_tag(std::string_view tag) {
  std::string out;
  bool space = false;
  for (const char c : trim(tag)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::uint64_t signature_bit(int tag) {
  return std::uint64_t{1} << ((static_cast<std::uint64_t>(tag) * 0x9e3779b97f4a7c15ULL) >> 58);
}

}  // namespace

Population::Population(const Taxonomy& taxonomy)
    : taxonomy_(&taxonomy),
      language_words_(words_for(taxonomy.languages().size())),
      country_words_(words_for(taxonomy.countries().size())),
      questions_(static_cast<int>(taxonomy.questions().size())),
      sector_count_(static_cast<int>(taxonomy.sectors().size())) {
  const int sectors = sector_count_;
  study_city_.assign(static_cast<std::size_t>(sectors) * sectors, -1);
  for (int c = 0; c < static_cast<int>(taxonomy.cities().size()); ++c) {
    const City& city = taxonomy.cities()[c];
    for (const int creative : city.creative_sectors) {
      for (const int growth : city.matching_sectors) {
        int& first = study_city_[static_cast<std::size_t>(creative) * sectors + growth];
        if (first < 0) first = c;
      }
    }
  }
}

Population Population::from_profiles(const Taxonomy& taxonomy,
                                     const std::vector<Profile>& profiles) {
  Population population(taxonomy);
  population.grow(static_cast<int>(profiles.size()));
  for (std::size_t i = 0; i < profiles.size(); ++i)
    population.set(static_cast<int>(i), profiles[i]);
  return population;
}

void Population::grow(int size) {
  if (size <= this->size()) return;
  const auto n = static_cast<std::size_t>(size);
  members_.resize(n);
  languages_.resize(n * language_words_, 0);
  targets_.resize(n * country_words_, 0);
  ties_.resize(n * country_words_, 0);
  answers_.resize(n * questions_, 0);
  offers_.resize(n);
  seeks_.resize(n);
  declined_.resize(n);
  interest_.resize(n);
  names_.resize(n);
}

int Population::intern_tag(std::string_view tag) {
  const std::string key = normalise_tag(tag);
  if (key.empty()) return -1;
  const auto it = tag_ids_.find(key);
  if (it != tag_ids_.end()) return it->second;
  const int id = static_cast<int>(tag_names_.size());
  tag_ids_.emplace(key, id);
  tag_names_.emplace_back(trim(tag));
  return id;
}

int Population::intern_organisation(std::string_view organisation) {
  const std::string key = normalise_tag(organisation);
  if (key.empty()) return -1;
  const auto it = organisation_ids_.find(key);
  if (it != organisation_ids_.end()) return it->second;
  const int id = static_cast<int>(organisation_ids_.size());
  organisation_ids_.emplace(key, id);
  return id;
}

void Population::set(int index, const Profile& profile) {
  if (index < 0) return;
  grow(index + 1);
  const Taxonomy& t = *taxonomy_;
  MemberRecord& m = members_[index];
  const bool active = m.present ? m.active : true;
  m = MemberRecord{};
  m.present = true;
  m.active = active;
  m.consents = profile.consent.suggestions;
  m.type = profile.type;
  m.sector = static_cast<std::int16_t>(t.sector_index(profile.sector));
  m.city = static_cast<std::int16_t>(t.city_index(profile.city));
  m.country = static_cast<std::int16_t>(t.country_index(profile.country));
  if (m.country < 0 && m.city >= 0)
    m.country = static_cast<std::int16_t>(t.country_index(t.cities()[m.city].country));
  if (m.sector >= 0) {
    m.sector_class = t.sectors()[m.sector].kind == SectorKind::Creative ? SectorClass::Creative
                                                                        : SectorClass::Growth;
  }
  m.organisation = intern_organisation(profile.organisation);
  if (m.sector_class == SectorClass::Creative && m.city >= 0) {
    const City& city = t.cities()[m.city];
    if (std::find(city.creative_sectors.begin(), city.creative_sectors.end(), m.sector) !=
        city.creative_sectors.end()) {
      for (const int growth : city.matching_sectors) {
        if (growth < 64) m.home_study_sectors |= std::uint64_t{1} << growth;
      }
    }
  }

  const auto row = [](std::vector<std::uint64_t>& flat, int index, int words) {
    std::uint64_t* p = &flat[static_cast<std::size_t>(index) * words];
    std::fill(p, p + words, 0);
    return p;
  };
  std::uint64_t* languages = row(languages_, index, language_words_);
  for (const auto& code : profile.languages) set_bit(languages, t.language_index(code));
  std::uint64_t* targets = row(targets_, index, country_words_);
  for (const auto& code : profile.target_markets) set_bit(targets, t.country_index(code));
  std::uint64_t* ties = row(ties_, index, country_words_);
  for (const auto& code : profile.known_markets) set_bit(ties, t.country_index(code));
  set_bit(ties, m.country);

  std::int8_t* answers = &answers_[static_cast<std::size_t>(index) * questions_];
  bool all_answered = questions_ > 0 && questions_ <= 8;
  for (int q = 0; q < questions_; ++q) {
    const int a = q < static_cast<int>(profile.answers.size()) ? profile.answers[q] : 0;
    answers[q] = static_cast<std::int8_t>(a >= kAnswerMin && a <= kAnswerMax ? a : 0);
    all_answered = all_answered && answers[q] != 0;
  }
  if (all_answered) {
    for (int q = 0; q < questions_; ++q)
      m.packed_answers |= static_cast<std::uint64_t>(answers[q]) << (8 * q);
  }

  const auto tags = [this](const std::vector<std::string>& list, std::vector<int>& ids,
                           std::uint64_t& signature) {
    ids.clear();
    for (const auto& tag : list) {
      const int id = intern_tag(tag);
      if (id >= 0) ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    signature = 0;
    for (const int id : ids) signature |= signature_bit(id);
  };
  tags(profile.offers, offers_[index], m.offer_signature);
  tags(profile.seeks, seeks_[index], m.seek_signature);
  m.offer_count = static_cast<std::uint8_t>(std::min<std::size_t>(offers_[index].size(), 255));
  m.seek_count = static_cast<std::uint8_t>(std::min<std::size_t>(seeks_[index].size(), 255));
  for (int k = 0; k < kInlineTags && k < static_cast<int>(offers_[index].size()); ++k)
    m.offer_tags[k] = offers_[index][k];
  for (int k = 0; k < kInlineTags && k < static_cast<int>(seeks_[index].size()); ++k)
    m.seek_tags[k] = seeks_[index][k];
  names_[index] = profile.display_name;
}

void Population::remove(int index) {
  if (!in_range(index)) return;
  clear_declined(index);
  clear_interest(index);
  members_[index] = MemberRecord{};
  offers_[index].clear();
  seeks_[index].clear();
  names_[index].clear();
}

void Population::set_active(int index, bool active) {
  if (present(index)) members_[index].active = active;
}

void Population::add_declined(int a, int b) {
  if (a == b || a < 0 || b < 0) return;
  grow(std::max(a, b) + 1);
  for (const auto& [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
    auto& list = declined_[x];
    const auto it = std::lower_bound(list.begin(), list.end(), y);
    if (it == list.end() || *it != y) list.insert(it, y);
  }
}

void Population::remove_declined(int a, int b) {
  if (!in_range(a) || !in_range(b)) return;
  for (const auto& [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
    auto& list = declined_[x];
    const auto it = std::lower_bound(list.begin(), list.end(), y);
    if (it != list.end() && *it == y) list.erase(it);
  }
}

bool Population::declined_slow(int a, int b) const {
  const auto& list = declined_[a].size() <= declined_[b].size() ? declined_[a] : declined_[b];
  const int other = &list == &declined_[a] ? b : a;
  return std::binary_search(list.begin(), list.end(), other);
}

void Population::clear_declined(int index) {
  for (const int other : declined_[index]) {
    auto& list = declined_[other];
    const auto it = std::lower_bound(list.begin(), list.end(), index);
    if (it != list.end() && *it == index) list.erase(it);
  }
  declined_[index].clear();
}

void Population::add_pitch_interest(int interested, int pitcher) {
  if (interested == pitcher || interested < 0 || pitcher < 0) return;
  grow(std::max(interested, pitcher) + 1);
  set_interest_bit(interested, pitcher, kViewerInterested, true);
  set_interest_bit(pitcher, interested, kOtherInterested, true);
}

void Population::remove_pitch_interest(int interested, int pitcher) {
  if (!in_range(interested) || !in_range(pitcher)) return;
  set_interest_bit(interested, pitcher, kViewerInterested, false);
  set_interest_bit(pitcher, interested, kOtherInterested, false);
}

std::uint8_t Population::pitch_interest(int viewer, int other) const {
  if (!in_range(viewer) || !in_range(other)) return 0;
  const auto& list = interest_[viewer];
  const auto it =
      std::lower_bound(list.begin(), list.end(), std::pair<int, std::uint8_t>{other, 0});
  return it != list.end() && it->first == other ? it->second : 0;
}

void Population::set_interest_bit(int a, int b, std::uint8_t bit, bool on) {
  auto& list = interest_[a];
  const auto it = std::lower_bound(list.begin(), list.end(), std::pair<int, std::uint8_t>{b, 0});
  if (it != list.end() && it->first == b) {
    it->second = static_cast<std::uint8_t>(on ? (it->second | bit) : (it->second & ~bit));
    if (it->second == 0) list.erase(it);
  } else if (on) {
    list.insert(it, {b, bit});
  }
}

void Population::clear_interest(int index) {
  for (const auto& [other, bits] : interest_[index]) {
    auto& list = interest_[other];
    const auto it =
        std::lower_bound(list.begin(), list.end(), std::pair<int, std::uint8_t>{index, 0});
    if (it != list.end() && it->first == index) list.erase(it);
  }
  interest_[index].clear();
}

std::vector<int> matchable_ids(const Population& population) {
  std::vector<int> ids;
  for (int i = 0; i < population.size(); ++i) {
    if (population.matchable(i)) ids.push_back(i);
  }
  return ids;
}

}  // namespace crossmatch::core
