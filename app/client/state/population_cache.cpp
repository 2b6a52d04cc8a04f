#include "app/client/state/population_cache.hpp"

namespace crossmatch::client {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool PopulationCache::refresh(const ClientSession& session) {
  if (population_ && session.profiles_version() == version_) return false;
  if (!population_ || !session.profile_changes_since(version_, changes_)) {
    return refresh(session.state(), session.profiles_version());
  }
  const core::EventState& state = session.state();
  last_partial_ = true;
  last_changed_.clear();
  for (const ProfileChange& change : changes_) {
    if (change.other != 0) {
      population_->add_declined(static_cast<int>(change.participant),
                                static_cast<int>(change.other));
      last_changed_.push_back(change.other);
    } else if (change.participant == 0) {
      last_partial_ = false;  // new weights: every score may change
    }
    if (change.participant != 0) last_changed_.push_back(change.participant);
    if (change.participant != 0 && change.other == 0) set_participant(state, change.participant);
  }
  version_ = session.profiles_version();
  ++builds_;
  scorer_ = std::make_unique<core::PairScorer>(*population_, state.event.settings.matching.weights);
  return true;
}

void PopulationCache::set_participant(const core::EventState& state, core::ParticipantId id) {
  const core::Participant* p = state.participant(id);
  const int index = static_cast<int>(id);
  if (id >= search_text_.size()) search_text_.resize(id + 1);
  if (p == nullptr || p->status == core::ParticipantStatus::Erased) {
    if (population_->present(index)) population_->remove(index);
    search_text_[id].clear();
    return;
  }
  population_->set(index, p->profile);
  population_->set_active(index, p->active());
  std::string text =
      p->profile.display_name + '\n' + p->profile.organisation + '\n' + p->profile.job_title;
  if (const core::City* c = taxonomy_->city(p->profile.city)) text += '\n' + c->name;
  if (const core::Sector* s = taxonomy_->sector(p->profile.sector)) text += '\n' + s->name;
  for (const auto& tag : p->profile.offers) text += '\n' + tag;
  for (const auto& tag : p->profile.seeks) text += '\n' + tag;
  search_text_[id] = lower_ascii(text);
}

bool PopulationCache::refresh(const core::EventState& state, std::uint64_t profiles_version) {
  if (population_ && profiles_version == version_) return false;
  version_ = profiles_version;
  ++builds_;
  ++full_builds_;
  last_partial_ = false;
  last_changed_.clear();
  scorer_.reset();
  population_ = std::make_unique<core::Population>(*taxonomy_);
  search_text_.assign(state.next_participant, std::string());
  for (const auto& [id, p] : state.participants) set_participant(state, id);
  for (const auto& [id, m] : state.meetings) {
    if (m.status == core::MeetingStatus::Declined &&
        population_->present(static_cast<int>(m.requester)) &&
        population_->present(static_cast<int>(m.invitee))) {
      population_->add_declined(static_cast<int>(m.requester), static_cast<int>(m.invitee));
    }
  }
  scorer_ = std::make_unique<core::PairScorer>(*population_, state.event.settings.matching.weights);
  return true;
}

const std::string& PopulationCache::search_text(core::ParticipantId id) const {
  static const std::string kNone;
  return id < search_text_.size() ? search_text_[id] : kNone;
}

}  // namespace crossmatch::client
