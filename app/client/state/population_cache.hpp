// The replica's participants as matching sees them (core::Population, indexed by participant id),
// with a lower-case search text per participant; rebuilt only when profiles change.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "core/event/event_state.hpp"
#include "core/matching/pair_score.hpp"
#include "core/matching/population.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::client {

class PopulationCache {
 public:
  explicit PopulationCache(const core::Taxonomy& taxonomy) : taxonomy_(&taxonomy) {}

  // Rebuilds when `profiles_version` differs from the last build; true when it did.
  bool refresh(const core::EventState& state, std::uint64_t profiles_version);
  // The same, following only what changed when the session still has the changes (a profile
  // edit then costs one participant, not the whole event).
  bool refresh(const ClientSession& session);

  const core::Population& population() const { return *population_; }
  const core::PairScorer& scorer() const { return *scorer_; }
  bool built() const { return population_ != nullptr; }
  std::uint64_t builds() const { return builds_; }  // full or incremental: scores may have changed
  std::uint64_t full_builds() const { return full_builds_; }
  // Whether the last build followed changes of some participants only (not a rebuild, not new
  // weights), and whose records it changed.
  bool last_build_partial() const { return last_partial_; }
  const std::vector<core::ParticipantId>& last_changed() const { return last_changed_; }
  // Display name, organisation, city, sector, offers and seeks in lower case.
  const std::string& search_text(core::ParticipantId id) const;

 private:
  const core::Taxonomy* taxonomy_;
  std::unique_ptr<core::Population> population_;
  std::unique_ptr<core::PairScorer> scorer_;
  std::vector<std::string> search_text_;
  std::uint64_t version_ = 0;
  std::uint64_t builds_ = 0, full_builds_ = 0;
  std::vector<ProfileChange> changes_;
  bool last_partial_ = false;
  std::vector<core::ParticipantId> last_changed_;

  void set_participant(const core::EventState& state, core::ParticipantId id);
};

// Lower case of ASCII letters (names in other scripts are matched as written).
std::string lower_ascii(std::string_view text);

}  // namespace crossmatch::client
