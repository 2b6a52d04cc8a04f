#include "app/client/state/broker_monitor.hpp"

#include <algorithm>

#include "core/i18n/taxonomy_names.hpp"
#include "core/i18n/translation.hpp"
#include "core/matching/suggestions.hpp"
#include "core/text.hpp"

namespace crossmatch::client {

bool BrokerMonitor::refresh(const ClientSession& session, std::int64_t now_ms) {
  statistics_ = core::statistics(session.state());  // O(1): kept by the state's counters
  const bool changed = !built_ || session.meetings_version() != meetings_version_ ||
                       session.profiles_version() != profiles_version_;
  if (!changed || (built_ && now_ms - last_ms_ < kRefreshMs && now_ms >= last_ms_)) return false;
  last_ms_ = now_ms;
  bool full = !built_;
  if (!full && session.profiles_version() != profiles_version_) {
    full = !session.profile_changes_since(profiles_version_, profile_changes_);
    for (const ProfileChange& change : profile_changes_) {
      if (full) break;
      if (change.other == 0 && change.participant != 0)
        full = !reindex_person(session, change.participant);
    }
  }
  if (!full && session.meetings_version() != meetings_version_) {
    full = !session.meeting_changes_since(meetings_version_, meeting_changes_);
    for (const MeetingChange& change : meeting_changes_) full = full || change.meeting == 0;
  }
  built_ = true;
  profiles_version_ = session.profiles_version();
  const bool meetings_changed = meetings_version_ != session.meetings_version();
  meetings_version_ = session.meetings_version();
  if (full) {
    reindex_people(session);
    recount(session);
    return true;
  }
  if (!meetings_changed) return true;
  ++updates_;
  for (const MeetingChange& change : meeting_changes_)
    update_meeting(session.state(), change.meeting);
  // A feed emptied by cancellations is filled again from the state.
  if (feed_.size() < kFeedSize / 2 && statistics_.accepted > static_cast<int>(feed_.size()))
    recount(session);
  sectors_.max = sectors_.counts.empty()
                     ? 0
                     : *std::max_element(sectors_.counts.begin(), sectors_.counts.end());
  cities_.max =
      cities_.counts.empty() ? 0 : *std::max_element(cities_.counts.begin(), cities_.counts.end());
  list_unmatched();
  return true;
}

namespace {

std::string short_label(const std::string& name) {
  // Counted in characters, cut between two: names are UTF-8, and translated ones often accented.
  if (core::utf8_length(name) <= 28) return name;
  std::size_t end = 0;
  for (int kept = 0; end < name.size() && kept < 26; ++kept) {
    ++end;
    while (end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) ++end;
  }
  return name.substr(0, end) + "...";
}

}  // namespace

void BrokerMonitor::reindex_people(const ClientSession& session) {
  const core::EventState& state = session.state();
  const core::Taxonomy& taxonomy = session.taxonomy();
  // Per participant: their row in the sector and city matrices (only sectors and cities someone
  // active is in get one), their sector's kind and their country, in flat arrays by id.
  const std::size_t n = state.next_participant + 1;
  sector_.assign(n, -1);
  city_.assign(n, -1);
  country_.assign(n, -1);
  creative_.assign(n, -1);
  active_.assign(n, 0);
  sector_row_.assign(taxonomy.sectors().size(), -1);
  city_row_.assign(taxonomy.cities().size(), -1);
  sectors_.labels.clear();
  cities_.labels.clear();
  const auto row_of = [](std::vector<int>& rows, CountMatrix& matrix, int index,
                         const std::string& name) {
    if (rows[static_cast<std::size_t>(index)] < 0) {
      rows[static_cast<std::size_t>(index)] = static_cast<int>(matrix.labels.size());
      matrix.labels.push_back(short_label(name));
    }
    return static_cast<std::int16_t>(rows[static_cast<std::size_t>(index)]);
  };
  for (const auto& [id, p] : state.participants) {
    if (id >= n || !p.active()) continue;
    active_[id] = 1;
    country_[id] = static_cast<std::int16_t>(taxonomy.country_index(p.profile.country));
    if (const int s = taxonomy.sector_index(p.profile.sector); s >= 0) {
      sector_[id] = row_of(sector_row_, sectors_, s,
                           core::sector_name(taxonomy.sectors()[static_cast<std::size_t>(s)]));
      creative_[id] =
          taxonomy.sectors()[static_cast<std::size_t>(s)].kind == core::SectorKind::Creative ? 1
                                                                                             : 0;
    }
    if (const int c = taxonomy.city_index(p.profile.city); c >= 0) {
      city_[id] =
          row_of(city_row_, cities_, c, taxonomy.cities()[static_cast<std::size_t>(c)].name);
    }
  }
}

bool BrokerMonitor::reindex_person(const ClientSession& session, core::ParticipantId id) {
  const core::Taxonomy& taxonomy = session.taxonomy();
  const core::Participant* p = session.state().participant(id);
  if (p == nullptr || !p->active()) return false;  // leaving changes counts: count again
  const int s = taxonomy.sector_index(p->profile.sector), c = taxonomy.city_index(p->profile.city);
  const std::int16_t srow =
      s >= 0 ? static_cast<std::int16_t>(sector_row_[static_cast<std::size_t>(s)]) : -1;
  const std::int16_t crow =
      c >= 0 ? static_cast<std::int16_t>(city_row_[static_cast<std::size_t>(c)]) : -1;
  if ((s >= 0 && srow < 0) || (c >= 0 && crow < 0)) return false;  // a new row in a matrix
  if (id >= sector_.size()) {
    const std::size_t n = id + 1;
    sector_.resize(n, -1), city_.resize(n, -1), country_.resize(n, -1), creative_.resize(n, -1);
    active_.resize(n, 0), met_.resize(n, 0), in_team_.resize(n, 0);
  } else if (met_[id] > 0 && (sector_[id] != srow || city_[id] != crow)) {
    return false;  // their meetings are counted under the old rows
  }
  sector_[id] = srow;
  city_[id] = crow;
  country_[id] = static_cast<std::int16_t>(taxonomy.country_index(p->profile.country));
  creative_[id] =
      s < 0                                                                                ? -1
      : taxonomy.sectors()[static_cast<std::size_t>(s)].kind == core::SectorKind::Creative ? 1
                                                                                           : 0;
  active_[id] = 1;
  return true;
}

void BrokerMonitor::count(const Counted& c, int sign) {
  const std::size_t s = sectors_.labels.size(), n = cities_.labels.size();
  if (c.sector_a >= 0 && c.sector_b >= 0) {
    sectors_
        .counts[static_cast<std::size_t>(c.sector_a) * s + static_cast<std::size_t>(c.sector_b)] +=
        sign;
    if (c.sector_a != c.sector_b)
      sectors_.counts[static_cast<std::size_t>(c.sector_b) * s +
                      static_cast<std::size_t>(c.sector_a)] += sign;
  }
  if (c.city_a >= 0 && c.city_b >= 0) {
    cities_.counts[static_cast<std::size_t>(c.city_a) * n + static_cast<std::size_t>(c.city_b)] +=
        sign;
    if (c.city_a != c.city_b)
      cities_.counts[static_cast<std::size_t>(c.city_b) * n + static_cast<std::size_t>(c.city_a)] +=
          sign;
  }
  met_[c.a] += sign;
  met_[c.b] += sign;
}

void BrokerMonitor::update_meeting(const core::EventState& state, core::MeetingId id) {
  if (id >= counted_.size()) counted_.resize(id + 1);
  Counted& c = counted_[id];
  if (c.counted) count(c, -1);
  c = {};
  const auto in_feed =
      std::find_if(feed_.begin(), feed_.end(), [id](const Pairing& p) { return p.meeting == id; });
  if (in_feed != feed_.end()) feed_.erase(in_feed);
  const core::Meeting* m = state.meeting(id);
  if (m == nullptr || m->status != core::MeetingStatus::Accepted || m->requester >= met_.size() ||
      m->invitee >= met_.size()) {
    return;
  }
  c = {true,
       sector_[m->requester],
       sector_[m->invitee],
       city_[m->requester],
       city_[m->invitee],
       m->requester,
       m->invitee};
  count(c, +1);
  add_to_feed(*m);
}

void BrokerMonitor::add_to_feed(const core::Meeting& m) {
  const auto newer = [](const Pairing& a, const Pairing& b) {
    return a.accepted_at != b.accepted_at ? a.accepted_at > b.accepted_at : a.meeting > b.meeting;
  };
  Pairing p{m.id, m.requester, m.invitee, m.accepted_at, false, false};
  if (feed_.size() >= kFeedSize && !newer(p, feed_.back())) return;
  p.cross_sector = creative_[m.requester] >= 0 && creative_[m.invitee] >= 0 &&
                   creative_[m.requester] != creative_[m.invitee];
  p.cross_border = country_[m.requester] >= 0 && country_[m.requester] != country_[m.invitee];
  feed_.insert(std::upper_bound(feed_.begin(), feed_.end(), p, newer), p);
  if (feed_.size() > kFeedSize) feed_.pop_back();
}

void BrokerMonitor::recount(const ClientSession& session) {
  ++recounts_;
  const core::EventState& state = session.state();
  const std::size_t n = sector_.size();
  sectors_.counts.assign(sectors_.labels.size() * sectors_.labels.size(), 0);
  cities_.counts.assign(cities_.labels.size() * cities_.labels.size(), 0);
  met_.assign(n, 0);
  counted_.assign(state.next_meeting + 1, Counted{});
  feed_.clear();
  for (const auto& [id, m] : state.meetings) {
    if (m.status != core::MeetingStatus::Accepted || m.requester >= n || m.invitee >= n) continue;
    Counted& c = counted_[id];
    c = {true,
         sector_[m.requester],
         sector_[m.invitee],
         city_[m.requester],
         city_[m.invitee],
         m.requester,
         m.invitee};
    count(c, +1);
    add_to_feed(m);
  }
  sectors_.max = sectors_.counts.empty()
                     ? 0
                     : *std::max_element(sectors_.counts.begin(), sectors_.counts.end());
  cities_.max =
      cities_.counts.empty() ? 0 : *std::max_element(cities_.counts.begin(), cities_.counts.end());
  in_team_.assign(n, 0);
  for (const auto& [round_id, round] : state.rounds) {
    for (const auto& team : round.teams) {
      for (const auto member : team.members) {
        if (member < n) in_team_[member] = 1;
      }
    }
  }
  list_unmatched();
}

void BrokerMonitor::list_unmatched() {
  unmatched_.clear();
  for (core::ParticipantId id = 1; id < active_.size(); ++id) {
    if (active_[id] && met_[id] == 0 && !in_team_[id]) unmatched_.push_back(id);
  }
}

std::optional<core::Introduce> propose_introduction(const PopulationCache& cache,
                                                    const core::EventState& state,
                                                    core::ParticipantId person) {
  if (!cache.built() || !cache.population().present(static_cast<int>(person))) return std::nullopt;
  std::vector<int> exclude;
  if (const auto it = state.index.person_meetings.find(person);
      it != state.index.person_meetings.end()) {
    for (const auto id : it->second) {
      const core::Meeting* m = state.meeting(id);
      if (m != nullptr && m->open()) exclude.push_back(static_cast<int>(m->other(person)));
    }
  }
  std::sort(exclude.begin(), exclude.end());
  const auto best = core::suggest_partners(cache.scorer(), static_cast<int>(person), 1, exclude);
  if (best.empty()) return std::nullopt;
  core::Introduce intro;
  intro.first = person;
  intro.second = static_cast<core::ParticipantId>(best.front().participant);
  // TRANSLATORS: the note a broker's introduction carries; %s lists why the two match
  intro.note = core::format_text(core::tr("You two should meet: %s"),
                                 core::join_reasons(best.front().reasons).c_str());
  if (intro.note.size() > core::kMaxMessageLength) intro.note.resize(core::kMaxMessageLength);
  return intro;
}

}  // namespace crossmatch::client
