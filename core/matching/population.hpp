// The participants as matching sees them: a compact, incrementally updatable copy of their
// profiles (sectors, cities and countries as small ints, languages and markets as bitsets, tags
// as ids, answers as small arrays), so that a pair score costs tens of nanoseconds.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/profile.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::core {

inline constexpr int kInlineTags = 4;

// Which side of the cross-innovation pairing a participant is on.
enum class SectorClass : std::uint8_t { Creative, Growth, Unknown };

// One participant, compact. Bitsets and answers live in the Population's flat arrays.
struct MemberRecord {
  std::int16_t sector = -1;   // taxonomy sector index, -1 when unknown
  std::int16_t city = -1;     // taxonomy city index, -1 when unknown
  std::int16_t country = -1;  // taxonomy country index, -1 when unknown
  SectorClass sector_class = SectorClass::Unknown;
  ParticipantType type = ParticipantType::Company;
  bool present = false;               // the slot holds a participant
  bool active = true;                 // not withdrawn or inactive (caller's say)
  bool consents = true;               // consent.suggestions
  std::int32_t organisation = -1;     // interned, case-insensitive; -1 when empty
  std::uint64_t offer_signature = 0;  // one bit per tag id (hashed): a quick "no overlap" test
  std::uint64_t seek_signature = 0;
  // The first kInlineTags tag ids of each list, here for speed (the full lists are in the
  // Population); -1 pads.
  std::uint8_t offer_count = 0;
  std::uint8_t seek_count = 0;
  std::array<std::int32_t, 4> offer_tags{-1, -1, -1, -1};
  std::array<std::int32_t, 4> seek_tags{-2, -2, -2, -2};
  // The answers one per byte when every question (at most 8) is answered; 0 otherwise.
  std::uint64_t packed_answers = 0;
  std::uint64_t home_study_sectors = 0;  // growth sectors (index < 64) the study pairs this
                                         // creative participant's sector with in their city
};

// A population of participants identified by their index (the caller's order). Slots are never
// renumbered: removing a participant leaves an empty slot, so other indices stay valid.
// Keeps a reference to the taxonomy, which must outlive it.
class Population {
 public:
  explicit Population(const Taxonomy& taxonomy);
  static Population from_profiles(const Taxonomy& taxonomy, const std::vector<Profile>& profiles);

  // Number of slots (participants and empty slots).
  int size() const { return static_cast<int>(members_.size()); }
  // Adds or replaces the participant at `index` (slots up to it are created empty). Unknown
  // sector, city or country ids are kept as unknown; costs O(profile), not O(population).
  void set(int index, const Profile& profile);
  // Empties the slot; declined requests with others are dropped.
  void remove(int index);
  // Inactive or withdrawn participants keep their slot but are neither suggested nor teamed.
  void set_active(int index, bool active);

  bool present(int index) const { return in_range(index) && members_[index].present; }
  bool active(int index) const { return present(index) && members_[index].active; }
  // Present, active and consenting: may be suggested to others and put in teams.
  bool matchable(int index) const {
    return present(index) && members_[index].active && members_[index].consents;
  }

  // A declined request between a and b: they are never suggested to each other.
  void add_declined(int a, int b);
  void remove_declined(int a, int b);
  bool declined(int a, int b) const {
    if (!in_range(a) || !in_range(b) || declined_[a].empty()) return false;
    return declined_slow(a, b);
  }

  // "Interested" tapped by `interested` during `pitcher`'s pitch: the pair rises in both
  // people's suggestions (suggestions.hpp). Taking it back removes it.
  void add_pitch_interest(int interested, int pitcher);
  void remove_pitch_interest(int interested, int pitcher);
  // Bits of pitch interest between `viewer` and `other`, from the viewer's side.
  static constexpr std::uint8_t kViewerInterested = 1;  // the viewer tapped during other's pitch
  static constexpr std::uint8_t kOtherInterested = 2;   // the other tapped during viewer's pitch
  std::uint8_t pitch_interest(int viewer, int other) const;
  // Everyone with pitch interest to or from `index`, sorted by index, with the bits above.
  const std::vector<std::pair<int, std::uint8_t>>& pitch_interests(int index) const {
    return interest_[index];
  }

  const Taxonomy& taxonomy() const { return *taxonomy_; }
  const MemberRecord& record(int index) const { return members_[index]; }

  // Flat per-participant data, for the scorer.
  int language_words() const { return language_words_; }
  int country_words() const { return country_words_; }
  int questions() const { return questions_; }
  const std::uint64_t* languages(int index) const {
    return &languages_[static_cast<std::size_t>(index) * language_words_];
  }
  // Countries the participant wants to enter.
  const std::uint64_t* targets(int index) const {
    return &targets_[static_cast<std::size_t>(index) * country_words_];
  }
  // Countries where the participant has ties: the known markets and the home country.
  const std::uint64_t* ties(int index) const {
    return &ties_[static_cast<std::size_t>(index) * country_words_];
  }
  // Answers 1..5 per question; 0 where a profile has no answer.
  const std::int8_t* answers(int index) const {
    return &answers_[static_cast<std::size_t>(index) * questions_];
  }
  const std::vector<int>& offers(int index) const { return offers_[index]; }  // tag ids, sorted
  const std::vector<int>& seeks(int index) const { return seeks_[index]; }    // tag ids, sorted

  // The text of a tag as first written by a participant.
  const std::string& tag_name(int tag) const { return tag_names_[tag]; }
  // The profile's own display name (for team reasons and logs).
  const std::string& display_name(int index) const { return names_[index]; }

  // The first partner city whose row of the study's table pairs these two sectors, or -1.
  int study_city(int creative_sector, int growth_sector) const {
    const int sectors = sector_count_;
    if (creative_sector < 0 || growth_sector < 0 || creative_sector >= sectors ||
        growth_sector >= sectors)
      return -1;
    return study_city_[static_cast<std::size_t>(creative_sector) * sectors + growth_sector];
  }

 private:
  bool in_range(int index) const { return index >= 0 && index < size(); }
  void grow(int size);
  int intern_tag(std::string_view tag);
  int intern_organisation(std::string_view organisation);
  void clear_declined(int index);
  bool declined_slow(int a, int b) const;
  void set_interest_bit(int a, int b, std::uint8_t bit, bool on);
  void clear_interest(int index);

  const Taxonomy* taxonomy_;
  int language_words_ = 1;
  int country_words_ = 1;
  int questions_ = 0;
  int sector_count_ = 0;
  std::vector<int> study_city_;  // [creative * sectors + growth]: first partner city, or -1

  std::vector<MemberRecord> members_;
  std::vector<std::uint64_t> languages_, targets_, ties_;
  std::vector<std::int8_t> answers_;
  std::vector<std::vector<int>> offers_, seeks_;
  std::vector<std::vector<int>> declined_;                           // per participant, sorted
  std::vector<std::vector<std::pair<int, std::uint8_t>>> interest_;  // per participant, sorted
  std::vector<std::string> names_;

  std::unordered_map<std::string, int> tag_ids_;
  std::vector<std::string> tag_names_;
  std::unordered_map<std::string, int> organisation_ids_;
};

// The indices of the people matching may place (Population::matchable), in order.
std::vector<int> matchable_ids(const Population& population);

}  // namespace crossmatch::core
